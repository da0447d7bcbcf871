package com.carepoint.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.carepoint.OwnContext;
import com.carepoint.e2e.pages.EncounterNotePage;
import com.carepoint.e2e.pages.IdpLoginPage;
import com.carepoint.e2e.pages.NoteDeliveriesPage;
import com.carepoint.e2e.pages.PatientSearchPage;
import com.carepoint.e2e.support.Axe;
import com.carepoint.e2e.support.BrowserTest;
import com.carepoint.e2e.support.DemoUser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * When MESH is down the note waits, queued, and says Carepoint keeps trying; when MESH is back it is delivered and
 * filed. A note MESH cannot deliver says so, with the reason and what to do. The demo MESH server's faults are
 * switched at run time through its own admin address; retries and the inbox are quick here (1 s) so the test is short, and a note
 * not delivered within 3 s is alerted: to its author (on the note, the home page and Sent notes) and on the privacy
 * officer's page of undelivered notes. A note the practice's GP system rejects shows the practice's reason.
 */
@Tag(OwnContext.TAG)
@TestPropertySource(properties = {
        "carepoint.encounter.retry-base=1s",
        "carepoint.encounter.retry-max=2s",
        "carepoint.encounter.send-interval=1s",
        "carepoint.background-tasks.polling-interval=500ms",
        "carepoint.mesh.inbox-poll-interval=1s",
        "carepoint.encounter.delivery-alert-after=3s",
        "carepoint.demo.mesh.gp-poll-interval=1s"})
class EncounterNoteDeliveryE2ETest extends BrowserTest {

    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final LocatorAssertions.ContainsTextOptions LONG_TEXT = new LocatorAssertions.ContainsTextOptions()
            .setTimeout(90_000);

    @Autowired
    JdbcClient jdbc;
    static final LocatorAssertions.HasAttributeOptions LONG = new LocatorAssertions.HasAttributeOptions()
            .setTimeout(90_000);

    void fault(String method, String key, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url("/demo/mesh/admin/faults/" + key)));
        HttpResponse<String> r = HTTP.send((json == null ? b.DELETE() : b.PUT(HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(204);
    }

    @AfterEach
    void clearFaults() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url("/demo/mesh/admin/faults")))
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(204);
    }

    EncounterNotePage signedNote(String nhs) {
        page.navigate(url("/patients"));
        new IdpLoginPage(page).signInAs(DemoUser.NHS_111);
        new PatientSearchPage(page).findByNhsNumber(nhs);
        EncounterNotePage note = EncounterNotePage.startFrom(page);
        note.type("note-call-summary", "Caller reports chest tightness on exertion for two days, now settled.")
                .type("note-disposition", "Contact GP practice within 6 hours");
        note.sign();
        return note;
    }

    @Test
    void duringAnOutageTheNoteWaitsQueuedAndIsDeliveredWhenMeshIsBack() throws Exception {
        fault("PUT", "all", "{\"down\":true}");
        EncounterNotePage note = signedNote("9990000018");
        assertThat(note.status()).hasAttribute("data-status", "QUEUED");
        assertThat(page.locator("#note-status-text")).containsText("keeps trying",
                new LocatorAssertions.ContainsTextOptions().setTimeout(90_000));
        assertThat(page.locator("#note-status-text")).containsText("MESH was not accepting messages");
        fault("DELETE", "all", null);
        assertThat(note.status()).hasAttribute("data-status", "FILED", LONG);
    }

    @Test
    void aNoteMeshCannotDeliverSaysSoWithTheReasonAndWhatToDo() throws Exception {
        fault("PUT", "all", "{\"refuseNhsNumbers\":[\"9990000018\"]}");
        EncounterNotePage note = signedNote("9990000018");
        assertThat(note.status()).hasAttribute("data-status", "FAILED", LONG);
        assertThat(page.locator("#note-status-text")).containsText("the practice does not have it");
        assertThat(page.locator("#note-status-text")).containsText("MESH could not deliver it");
        assertThat(page.locator("#note-status-text")).containsText("Phone the practice");
    }

    @Test
    void aNoteNotDeliveredInTimeIsAlertedToItsAuthorAndOnThePrivacyOfficersPage() throws Exception {
        fault("PUT", "all", "{\"down\":true}");
        EncounterNotePage note = signedNote("9990001979");
        String noteId = page.url().replaceAll(".*/notes/", "").replaceAll("[?#].*", "");
        assertThat(page.locator("#note-status-overdue")).containsText("has not reached the practice in the time "
                + "expected", LONG_TEXT);
        assertThat(note.status()).hasAttribute("data-status", java.util.regex.Pattern.compile("QUEUED|SENDING"));

        // The author is told on the home page and in Sent notes, with what to do.
        page.navigate(url("/"));
        Locator alert = page.locator("#note-alerts [data-note='" + noteId + "']");
        assertThat(alert).containsText("OBI");
        assertThat(alert).containsText("Phone the practice");
        page.navigate(url("/notes"));
        Locator row = page.locator("#sent-notes [data-note='" + noteId + "']");
        assertThat(row).hasClass(java.util.regex.Pattern.compile("\\bcp-problem\\b"));
        assertThat(row).containsText("in the time expected");

        // The privacy officer's page lists it: NHS number only, the author, how far it got, what to do; audited.
        java.sql.Timestamp before = new java.sql.Timestamp(System.currentTimeMillis() - 1000);
        try (BrowserContext privacy = newContext(1280, 800)) {
            Page p = privacy.newPage();
            p.navigate(url("/"));
            new IdpLoginPage(p).signInAs(DemoUser.PRIVACY_OFFICER);
            assertThat(p.locator("#home-undelivered-notes")).containsText("not reached the patient's practice");
            NoteDeliveriesPage deliveries = new NoteDeliveriesPage(p).open(url(""));
            assertThat(deliveries.summary()).containsText("not reached the practice");
            assertThat(deliveries.grid()).containsText("999 000 1979");
            assertThat(deliveries.grid()).containsText("Priya Shah (nhs111), NHS 111 clinician");
            assertThat(deliveries.grid()).containsText("overdue");
            assertThat(deliveries.grid()).containsText("MESH was not accepting messages");
            assertThat(deliveries.grid()).containsText("Check that Priya Shah");
            assertThat(deliveries.grid()).containsText("service desk");
            assertThat(deliveries.grid()).not().containsText("Grace");
            screenshot(p, "undelivered-notes");
            Axe.assertNoCriticalOrSeriousAtTablet(p, "undelivered encounter notes");
            assertThat(jdbc.sql("select count(*) from audit_event where user_id = 'privacy' and action = "
                    + "'AUDIT_REVIEW' and detail = 'Encounter notes not delivered to the practice reviewed' and "
                    + "occurred_at >= ?").param(before).query(Long.class).single()).isGreaterThanOrEqualTo(1L);

            // MESH is back: the note is delivered and filed, and no longer listed.
            fault("DELETE", "all", null);
            page.navigate(url("/notes/" + noteId));
            assertThat(note.status()).hasAttribute("data-status", "FILED", LONG);
            assertThat(page.locator("#note-status-overdue")).hasCount(0);
            new NoteDeliveriesPage(p).open(url(""));
            assertThat(deliveries.grid()).not().containsText("999 000 1979");
        }
    }

    @Test
    void aNoteThePracticeRejectsShowsThePracticesReasonOnTheNoteAndInSentNotes() throws Exception {
        // The demo GP system holds Ms Sharma as no longer registered, as PDS still names the practice: ITK3 30003.
        fault("PUT", "all", "{\"notRegisteredNhsNumbers\":[\"9990001553\"]}");
        EncounterNotePage note = signedNote("9990001553");
        String noteId = page.url().replaceAll(".*/notes/", "").replaceAll("[?#].*", "");
        assertThat(note.status()).hasAttribute("data-status", "REJECTED", LONG);
        Locator text = page.locator("#note-status-text");
        assertThat(text).containsText("Rejected");
        assertThat(text).containsText("rejected the note, so the practice does not have it");
        assertThat(text).containsText("The patient is no longer registered at this practice");
        assertThat(text).containsText("Phone the practice");
        assertThat(note.status()).hasClass(java.util.regex.Pattern.compile("\\bcp-problem\\b"));

        page.navigate(url("/notes"));
        Locator row = page.locator("#sent-notes [data-note='" + noteId + "']");
        assertThat(row).hasAttribute("data-status", "REJECTED");
        assertThat(row).containsText("The patient is no longer registered at this practice");
        assertThat(row).not().containsText("Filed");
        Axe.assertNoCriticalOrSeriousAtTablet(page, "sent notes, a rejected note");
        page.navigate(url("/"));
        assertThat(page.locator("#note-alerts [data-note='" + noteId + "']")).containsText("Rejected");

        try (BrowserContext privacy = newContext(1280, 800)) {
            Page p = privacy.newPage();
            p.navigate(url("/"));
            new IdpLoginPage(p).signInAs(DemoUser.PRIVACY_OFFICER);
            NoteDeliveriesPage deliveries = new NoteDeliveriesPage(p).open(url(""));
            assertThat(deliveries.grid()).containsText("999 000 1553");
            assertThat(deliveries.grid()).containsText("The practice's GP system refused it");

            // Once the practice has the note's content another way, the officer marks it followed up, saying what
            // was done (required): it leaves the page and the author's alerts, and the mark is audited.
            p.locator("#follow-up-" + noteId).click();
            p.locator("#follow-up-what textarea").fill("   ");
            p.locator("#follow-up-confirm").click();
            assertThat(p.locator("#follow-up-what")).hasAttribute("invalid", "");
            assertThat(p.locator("#follow-up-what")).containsText("Say what was done");
            Axe.assertNoCriticalOrSeriousAsShown(p, "undelivered notes, the follow-up dialog with its error");
            p.locator("#follow-up-what textarea").fill("Author phoned the practice; the practice has recorded it.");
            p.locator("#follow-up-confirm").click();
            assertThat(p.locator("#follow-up-dialog")).hasCount(0);
            assertThat(deliveries.grid()).not().containsText("999 000 1553");
            assertThat(jdbc.sql("select count(*) from audit_event where user_id = 'privacy' and action = "
                    + "'NOTE_DELIVERY' and patient_nhs = '9990001553' and detail like ?")
                    .param("%" + noteId + " marked followed up: Author phoned the practice%").query(Long.class)
                    .single()).isEqualTo(1L);
        }
        page.navigate(url("/"));
        assertThat(page.locator("#note-alerts [data-note='" + noteId + "']")).hasCount(0);
    }
}
