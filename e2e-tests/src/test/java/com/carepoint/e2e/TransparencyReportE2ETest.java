package com.carepoint.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.carepoint.e2e.pages.IdpLoginPage;
import com.carepoint.e2e.pages.PatientSearchPage;
import com.carepoint.e2e.pages.ReasonForAccessDialog;
import com.carepoint.e2e.pages.TransparencyReportPage;
import com.carepoint.e2e.support.BrowserTest;
import com.carepoint.e2e.support.DemoUser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The patient transparency report: after a paramedic and an NHS 111 clinician open a patient's record, the privacy
 * officer's report for that NHS number names both organisations, when and why, as a page and as a PDF.
 */
class TransparencyReportE2ETest extends BrowserTest {

    static final String PATIENT = "9990001901";

    @Autowired
    JdbcClient jdbc;

    @Test
    void theReportNamesEachOrganisationWhenAndWhyAsPageAndPdf() throws Exception {
        openRecordAs(DemoUser.PARAMEDIC, "Patient handover or transfer");
        openRecordAs(DemoUser.NHS_111, "Clinical call-back");

        page.navigate(url("/transparency-report"));
        new IdpLoginPage(page).signInAs(DemoUser.PRIVACY_OFFICER);
        TransparencyReportPage report = new TransparencyReportPage(page).open(url(""));
        report.show("999 000 1902");
        assertThat(report.nhsNumberError()).isNotBlank();

        report.show("999 000 1901");
        assertThat(report.organisations()).containsText("Northshire Ambulance Service NHS Trust (RX9)");
        assertThat(report.organisations()).containsText("Northshire NHS 111 (NL311)");
        assertThat(report.organisations()).not().containsText("Adult Social Care");
        assertThat(report.accesses()).containsText("Patient handover or transfer");
        assertThat(report.accesses()).containsText("Clinical call-back");
        assertThat(report.accesses()).containsText("Allergies");
        // Staff are named by role, not by name.
        assertThat(report.accesses()).containsText("Paramedic");
        assertThat(report.accesses()).not().containsText("Alex Morgan");
        screenshot(page, "transparency-report");

        byte[] pdf = report.downloadPdf();
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
        assertThat(text).contains("999 000 1901", "Northshire Ambulance Service NHS Trust (RX9)",
                "Northshire NHS 111 (NL311)", "Patient handover or transfer", "Clinical call-back")
                .doesNotContain("Alex Morgan");

        page.waitForCondition(() -> jdbc.sql("select count(*) from audit_event where user_id = 'privacy' and "
                + "patient_nhs = ? and detail = 'Transparency report downloaded as PDF'").param(PATIENT)
                .query(Long.class).single() == 1);
    }

    private void openRecordAs(DemoUser user, String reason) {
        try (BrowserContext ctx = newContext(1280, 800)) {
            Page p = ctx.newPage();
            p.navigate(url("/patients"));
            new IdpLoginPage(p).signInAs(user);
            var record = new PatientSearchPage(p).findByNhsNumberAndStopAtReason(PATIENT);
            new ReasonForAccessDialog(p).assertShown().choose(reason).openRecord();
            assertThat(record.card("allergies")).isVisible();
        }
    }
}
