package com.carepoint.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.carepoint.OwnContext;
import com.carepoint.e2e.pages.EncounterNotePage;
import com.carepoint.e2e.pages.IdpLoginPage;
import com.carepoint.e2e.pages.PatientSearchPage;
import com.carepoint.e2e.support.BrowserTest;
import com.carepoint.e2e.support.DemoUser;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * When MESH is down the note waits, queued, and says Carepoint keeps trying; when MESH is back it is delivered and
 * filed. A note MESH cannot deliver says so, with the reason and what to do. The demo MESH server's faults are
 * switched at run time through its own admin address; retries are quick here (1 s) so the test is short.
 */
@Tag(OwnContext.TAG)
@TestPropertySource(properties = {
        "carepoint.encounter.retry-base=1s",
        "carepoint.encounter.retry-max=2s",
        "carepoint.encounter.send-interval=1s",
        "carepoint.demo.mesh.gp-poll-interval=1s"})
class EncounterNoteDeliveryE2ETest extends BrowserTest {

    static final HttpClient HTTP = HttpClient.newHttpClient();
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
}
