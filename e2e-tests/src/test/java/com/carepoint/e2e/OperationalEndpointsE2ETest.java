package com.carepoint.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.carepoint.e2e.pages.IdpLoginPage;
import com.carepoint.e2e.pages.PatientRecordPage;
import com.carepoint.e2e.pages.PatientSearchPage;
import com.carepoint.e2e.support.BrowserTest;
import com.carepoint.e2e.support.DemoUser;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a signed-in user's browser is allowed: the health endpoint's details (database, disk) only for operators, and
 * pages that work under Carepoint's content security policy without a single violation.
 */
class OperationalEndpointsE2ETest extends BrowserTest {

    @Test
    void healthDetailsAreForOperatorsOnly() {
        page.navigate(url("/"));
        new IdpLoginPage(page).signInAs(DemoUser.PRIVACY_OFFICER);
        page.navigate(url("/actuator/health"));
        String body = page.locator("body").innerText();
        assertThat(body).contains("\"status\":\"UP\"").doesNotContain("components").doesNotContain("diskSpace")
                .doesNotContain("db");
    }

    @Test
    void theAppRunsUnderItsContentSecurityPolicyWithoutViolations() {
        List<String> violations = new ArrayList<>();
        page.onConsoleMessage(m -> {
            if (m.text().contains("Content Security Policy")) {
                violations.add(m.text());
            }
        });
        // A script blocked by the policy (e.g. an eval) is a page error, not a console message.
        page.onPageError(violations::add);
        page.navigate(url("/patients"));
        new IdpLoginPage(page).signInAs(DemoUser.PARAMEDIC);
        PatientRecordPage record = new PatientSearchPage(page).findByNhsNumber("9990000018");
        assertThat(record.cardText("allergies")).contains("Allergy to penicillin");
        record.openFullSection("tab-medications", "full-medications");
        record.expandConsultation("10-Nov-2026");
        assertThat(violations).isEmpty();
    }
}
