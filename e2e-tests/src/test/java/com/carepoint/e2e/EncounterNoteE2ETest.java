package com.carepoint.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.carepoint.e2e.pages.EncounterNotePage;
import com.carepoint.e2e.pages.IdpLoginPage;
import com.carepoint.e2e.pages.PatientSearchPage;
import com.carepoint.e2e.support.Axe;
import com.carepoint.e2e.support.BrowserTest;
import com.carepoint.e2e.support.DemoUser;
import org.junit.jupiter.api.Test;

/**
 * The encounter note as a paramedic writes it: saved as typed (a reload mid-way loses nothing), NEWS2 as the
 * observations are typed, the rules before signing, and once signed, frozen and on its way to the practice.
 */
class EncounterNoteE2ETest extends BrowserTest {

    static final String RIVERSIDE_PATIENT = "9990000018";

    @Test
    void aParamedicWritesANoteReloadsMidWayLosesNothingAndSignsIt() {
        page.navigate(url("/patients"));
        new IdpLoginPage(page).signInAs(DemoUser.PARAMEDIC);
        new PatientSearchPage(page).findByNhsNumber(RIVERSIDE_PATIENT);
        EncounterNotePage note = EncounterNotePage.startFrom(page);
        Axe.assertNoCriticalOrSeriousAtTablet(page, "encounter note, paramedic form");
        String address = page.url();
        note.type("note-presenting-complaint", "Fall at home, found on floor by carer")
                .type("note-rr", "22").type("note-spo2", "95").type("note-systolic", "105")
                .type("note-diastolic", "70").type("note-pulse", "112").type("note-temperature", "38.4");
        note.choose("note-oxygen", "Air");
        assertThat(note.news2()).containsText("not calculated until all seven");

        // The page is reloaded mid-way (a crash, a dropped connection): everything typed is still there.
        page.reload();
        note.waitUntilShown();
        assertThat(note.value("note-presenting-complaint")).isEqualTo("Fall at home, found on floor by carer");
        assertThat(note.value("note-temperature")).isEqualTo("38.4");
        note.consciousness("A — Alert");
        // RR 22 (2) + SpO2 95 (1) + air (0) + BP 105 (1) + pulse 112 (2) + alert (0) + 38.4 (1) = 7: high.
        assertThat(note.news2()).hasAttribute("data-score", "7");
        assertThat(note.news2()).hasAttribute("data-risk", "HIGH");
        page.setViewportSize(TABLET_PORTRAIT_WIDTH, TABLET_PORTRAIT_HEIGHT);
        note.news2().scrollIntoViewIfNeeded();
        screenshot(page, "encounter-note-tablet-portrait");
        page.setViewportSize(1280, 800);

        // The home page lists the unsent draft.
        page.navigate(url("/"));
        assertThat(page.locator("#note-drafts")).containsText("HARGREAVES");
        Axe.assertNoCriticalOrSeriousAtTablet(page, "home, with an unsent draft");
        page.navigate(address);
        note.waitUntilShown();

        note.trySign();
        assertThat(note.problems()).containsText("Enter your impression");
        note.type("note-impression", "Mechanical fall with possible early sepsis");
        note.choose("note-outcome", "Conveyed to hospital");
        note.type("note-outcome-detail", "Northshire General Hospital ED");
        note.sign();
        assertThat(page.locator("#note-content")).containsText("Mechanical fall with possible early sepsis");
        assertThat(note.status()).hasAttribute("data-status", java.util.regex.Pattern.compile(
                "QUEUED|SENDING|ACCEPTED|DELIVERED|FILED"));
        assertThat(page.locator("#note-sign")).hasCount(0);
        assertThat(page.locator("#note-pdf")).isVisible();
        // Over MESH to the practice's GP system, which files it and says so: the status follows without a reload.
        assertThat(note.status()).hasAttribute("data-status", "FILED",
                new com.microsoft.playwright.assertions.LocatorAssertions.HasAttributeOptions().setTimeout(90_000));
        assertThat(note.status()).containsText("Filed in the patient's GP record");
        Axe.assertNoCriticalOrSeriousAtTablet(page, "encounter note, filed");
        screenshot(page, "encounter-note-filed");

        // The next record view shows it among the documents the practice holds (GP Connect Access Document).
        page.navigate(url("/patients"));
        com.carepoint.e2e.pages.PatientRecordPage again = new PatientSearchPage(page).findByNhsNumber(RIVERSIDE_PATIENT);
        com.microsoft.playwright.Locator documents = again.openFullSection("tab-documents", "full-documents");
        // The practice files it under the fixed title and type Send Document gives every consultation report
        // (GPCM-SD-CS-022 "Consultation report", CS-019 371531000 "Report of clinical encounter").
        com.microsoft.playwright.Locator grid = documents.locator("#documents-grid");
        assertThat(grid).containsText("Report of clinical encounter");
        // ... and still lists the documents the practice already held for her (demo-data/documents.yaml): every
        // document, not only the newest.
        // At least the two pre-existing documents and this note (other tests in the same run may file more).
        assertThat(documents.locator("#documents-count")).containsText(
                java.util.regex.Pattern.compile("([3-9]|\\d\\d+) documents, newest first"));
        assertThat(grid).containsText("Discharge summary");
        assertThat(grid).containsText("Physiotherapy letter");
        // Newest first: notes filed today, then the discharge summary (14-Mar-2026), then the physiotherapy letter
        // (02-Dec-2025). View on the discharge summary retrieves that PDF from the practice and opens it.
        com.microsoft.playwright.Locator views = documents.locator(".cp-view-document");
        views.nth(views.count() - 2).click();
        assertThat(page.locator("#document-viewer")).containsText("Discharge summary (14-Mar-2026)");
        com.microsoft.playwright.Locator open = page.locator("#document-open");
        assertThat(open).isVisible();
        String href = open.getAttribute("href");
        com.microsoft.playwright.APIResponse pdf = page.request()
                .get(href.startsWith("http") ? href : url("/" + href.replaceFirst("^/", "")));
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.headers().get("content-type")).startsWith("application/pdf");
        assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

        // The patient's transparency report shows the note sent to their GP.
        try (com.microsoft.playwright.BrowserContext privacy = newContext(1280, 800)) {
            com.microsoft.playwright.Page p = privacy.newPage();
            p.navigate(url("/transparency-report"));
            new IdpLoginPage(p).signInAs(DemoUser.PRIVACY_OFFICER);
            new com.carepoint.e2e.pages.TransparencyReportPage(p).open(url("")).show(RIVERSIDE_PATIENT);
            assertThat(p.locator("#transparency-notes")).containsText("Ambulance attendance note signed");
            assertThat(p.locator("#transparency-notes")).containsText("sent to A20047 over MESH");
        }
    }
}
