package com.carepoint.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.carepoint.OwnContext;
import com.carepoint.e2e.pages.IdpLoginPage;
import com.carepoint.e2e.pages.PatientRecordPage;
import com.carepoint.e2e.pages.PatientSearchPage;
import com.carepoint.e2e.support.BrowserTest;
import com.carepoint.e2e.support.DemoUser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.sql.Timestamp;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 14, row 9: a full section that is slow to come shows a moving progress bar and the time waited so far, and its
 * Cancel really stops waiting. Riverside (A20047) holds its answer on investigations for 15 s, under a read timeout of
 * 60 s: once the user cancels, the panel says nothing was retrieved and offers to retrieve it again, and the call
 * itself ends without the answer (audited as not retrieved: had the call gone on waiting, the practice's answer would
 * have come and been audited as retrieved).
 */
@Tag(OwnContext.TAG)
@TestPropertySource(properties = {
        "carepoint.gpconnect.read-timeout=60s",
        "carepoint.gpconnect.section-deadline=60s",
        "carepoint.demo.faults.A20047.hang=true",
        "carepoint.demo.faults.A20047.hang-for=15s",
        "carepoint.demo.faults.A20047.only-sections=includeInvestigations"})
class SlowSectionProgressE2ETest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aSlowFullSectionShowsProgressAndElapsedTimeAndCancelStopsTheCall() {
        page.navigate(url("/patients"));
        new IdpLoginPage(page).signInAs(DemoUser.PARAMEDIC);
        PatientRecordPage record = new PatientSearchPage(page).findByNhsNumber("9990000018");
        assertThat(record.cardText("medications")).contains("Amlodipine 5mg tablets");
        Timestamp since = new Timestamp(System.currentTimeMillis() - 1000);

        page.locator("#tab-investigations").click();
        Locator panel = page.locator("#full-investigations");
        PlaywrightAssertions.assertThat(panel.locator("vaadin-progress-bar")).isVisible();
        // The time waited so far, counted from the first second.
        PlaywrightAssertions.assertThat(panel.locator(".cp-elapsed"))
                .hasText(Pattern.compile("Retrieving… [1-9][0-9]* s"));
        PlaywrightAssertions.assertThat(panel.locator("#cancel-full-investigations")).isVisible();
        assertThat(investigationsAudited(since)).as("audited while the call is still waiting").isEmpty();

        long cancelledAt = System.nanoTime();
        panel.locator("#cancel-full-investigations").click();
        PlaywrightAssertions.assertThat(panel.locator("#stopped-investigations"))
                .containsText("You stopped retrieving the full investigations and results record");
        PlaywrightAssertions.assertThat(panel.locator("vaadin-progress-bar")).hasCount(0);
        PlaywrightAssertions.assertThat(panel.locator("#load-full-investigations")).isVisible();

        // The call itself stopped (its connection closed, its place among the practice's calls freed) rather than
        // waiting on for the answer: audited as not retrieved.
        page.waitForCondition(() -> !investigationsAudited(since).isEmpty());
        System.out.printf("Cancelled call ended %d ms after Cancel%n", (System.nanoTime() - cancelledAt) / 1_000_000);
        assertThat(investigationsAudited(since)).hasSize(1).allMatch(o -> o.startsWith("not retrieved"));
        // And the rest of the record is still usable.
        assertThat(record.cardText("allergies")).contains("Allergy to penicillin");
    }

    private List<String> investigationsAudited(Timestamp since) {
        return jdbc.sql("select coalesce(outcome, 'none') from audit_event where patient_nhs = '9990000018' and "
                + "occurred_at >= ? and detail = 'Investigations and results (full)'").param(since)
                .query(String.class).list();
    }
}
