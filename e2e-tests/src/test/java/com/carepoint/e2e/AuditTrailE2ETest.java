package com.carepoint.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.carepoint.e2e.pages.AuditPage;
import com.carepoint.e2e.pages.IdpLoginPage;
import com.carepoint.e2e.pages.PatientSearchPage;
import com.carepoint.e2e.support.Axe;
import com.carepoint.e2e.support.BrowserTest;
import com.carepoint.e2e.support.DemoUser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The privacy officer sees who opened a patient's record and why, and can export it; the review is audited too. */
class AuditTrailE2ETest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void thePrivacyOfficerFindsAndExportsWhoOpenedARecord() throws Exception {
        try (BrowserContext paramedic = newContext(1280, 800)) {
            Page p = paramedic.newPage();
            p.navigate(url("/patients"));
            new IdpLoginPage(p).signInAs(DemoUser.PARAMEDIC);
            new PatientSearchPage(p).findByNhsNumber("9990002118").card("allergies");
        }
        page.navigate(url("/audit"));
        new IdpLoginPage(page).signInAs(DemoUser.PRIVACY_OFFICER);
        AuditPage audit = new AuditPage(page).waitUntilShown().searchPatient("999 000 2118");
        assertThat(audit.results()).containsText("Alex Morgan (paramedic)");
        assertThat(audit.results()).containsText("Northshire Ambulance Service NHS Trust (RX9)");
        assertThat(audit.results()).containsText("RECORD_VIEW");
        assertThat(audit.results()).containsText("Ambulance attendance");
        Axe.assertNoCriticalOrSeriousAtTablet(page, "audit search with results");

        String csv = audit.exportCsv();
        assertThat(csv).startsWith("id,time,user_id,user_name,role,org_ods,org_name,patient_nhs,action,detail,reason,"
                + "outcome,trace_id").contains("\"9990002118\"", "\"RECORD_VIEW\"", "\"Ambulance attendance\"");
        page.waitForCondition(() -> jdbc.sql("select count(*) from audit_event where user_id = 'privacy' and "
                + "action = 'AUDIT_REVIEW' and detail like 'Audit search exported as CSV%'").query(Long.class).single() > 0);
    }
}
