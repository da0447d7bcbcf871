package com.carepoint.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.carepoint.e2e.pages.AppointmentsPage;
import com.carepoint.e2e.pages.AuditPage;
import com.carepoint.e2e.pages.EncounterNotePage;
import com.carepoint.e2e.pages.IdpLoginPage;
import com.carepoint.e2e.pages.PatientRecordPage;
import com.carepoint.e2e.pages.PatientSearchPage;
import com.carepoint.e2e.support.BrowserTest;
import com.carepoint.e2e.support.DemoUser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * An NHS 111 clinician books an appointment in Carepoint, then writes the call note: the booking is offered as the
 * appointment booked and, chosen, fills it in as confirmed (service, time, reference); the signed note says so.
 * Downloading the note's PDF and discarding a draft are in the audit trail the privacy officer searches.
 */
class EncounterNoteBookingE2ETest extends BrowserTest {

    /** Mrs Linda Robinson, Riverside (A20047), covered by the out-of-hours service. */
    static final String PATIENT = "9990001340";
    static final String OUT_OF_HOURS = "Y02345";

    @Test
    void theAppointmentBookedInCarepointIsLinkedInThe111Note() throws Exception {
        page.navigate(url("/patients"));
        new IdpLoginPage(page).signInAs(DemoUser.NHS_111);
        PatientRecordPage record = new PatientSearchPage(page).findByNhsNumber(PATIENT);
        AppointmentsPage appointments = AppointmentsPage.openFrom(record, page);
        appointments.chooseFirstSlotAt(OUT_OF_HOURS);
        appointments.typeReason("Urinary symptoms, 111 assessment: out-of-hours GP review");
        appointments.book();
        assertThat(appointments.confirmation()).containsText(OUT_OF_HOURS);
        String reference = appointments.bookingReference();
        appointments.closeBookingDialog();

        page.navigate(url("/patients"));
        new PatientSearchPage(page).findByNhsNumber(PATIENT);
        EncounterNotePage note = EncounterNotePage.startFrom(page);
        Locator pick = page.locator("#note-appointment-booking");
        assertThat(pick).isVisible();
        String before = note.revision();
        pick.click();
        page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText(reference)).click();
        assertThat(page.locator("#note-saved")).not().hasAttribute("data-revision", before);
        String appointment = note.value("note-appointment");
        assertThat(appointment).contains("(" + OUT_OF_HOURS + ")").contains("(UK time)")
                .contains("Booking reference " + reference + " (booked in Carepoint).");

        // Still the clinician's text: it can be edited before signing.
        note.type("note-appointment", appointment + " Patient to bring a urine sample.")
                .type("note-call-summary", "Dysuria and frequency for two days, no fever, no loin pain.")
                .type("note-disposition", "Speak to a primary care service within 12 hours");
        // Reloaded: the chosen booking and the edited text are both kept.
        page.reload();
        note.waitUntilShown();
        assertThat(page.locator("#note-appointment-booking")).containsText(reference);
        assertThat(note.value("note-appointment")).endsWith("Patient to bring a urine sample.");
        note.sign();
        assertThat(page.locator("#note-content")).containsText("Booking reference " + reference
                + " (booked in Carepoint). Patient to bring a urine sample.");

        // The note's PDF downloaded, then a new draft started by mistake and discarded: both are audited and shown
        // in the privacy officer's audit trail.
        Download pdf = page.waitForDownload(() -> page.locator("#note-pdf").click());
        byte[] bytes = Files.readAllBytes(pdf.path());
        assertThat(new String(bytes, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        page.navigate(url("/patients"));
        new PatientSearchPage(page).findByNhsNumber(PATIENT);
        EncounterNotePage mistake = EncounterNotePage.startFrom(page);
        mistake.type("note-call-summary", "Started by mistake");
        page.locator("#note-discard").click();
        page.locator("#discard-confirm").click();
        assertThat(page.locator("#notes-view")).isVisible();
        try (BrowserContext privacy = newContext(1280, 800)) {
            Page p = privacy.newPage();
            p.navigate(url("/audit"));
            new IdpLoginPage(p).signInAs(DemoUser.PRIVACY_OFFICER);
            AuditPage audit = new AuditPage(p).waitUntilShown().searchPatient("999 000 1340");
            // The newest row is on screen; the grid draws only the rows in view, so the rest are read from the
            // search's CSV export, which holds every row found.
            assertThat(audit.results()).containsText("NOTE_DISCARDED");
            assertThat(audit.results()).containsText("NHS 111 call note draft");
            String csv = audit.exportCsv();
            assertThat(csv).contains("\"NOTE_PDF_VIEWED\"").contains("downloaded as a PDF, version 1");
            // The booking made at the start is in the trail too, with its whole reference.
            assertThat(csv).contains("\"BOOKING\"").contains("booked: reference " + reference);
        }
    }
}
