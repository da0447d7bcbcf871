package com.carepoint.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.carepoint.OwnContext;
import com.carepoint.e2e.pages.IdpLoginPage;
import com.carepoint.e2e.pages.PatientRecordPage;
import com.carepoint.e2e.pages.PatientSearchPage;
import com.carepoint.e2e.support.BrowserTest;
import com.carepoint.e2e.support.DemoUser;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * A practice that hangs on one section past Carepoint's read timeout: that section says plainly that it could not be
 * retrieved (and, for allergies, not to assume there are none), while the sections that did load still show. And a
 * practice failing every request: once every section has failed, the status line stops saying "Retrieving".
 */
@Tag(OwnContext.TAG)
@TestPropertySource(properties = {
        "carepoint.gpconnect.read-timeout=2s",
        "carepoint.demo.faults.A20047.hang=true",
        "carepoint.demo.faults.A20047.hang-for=6s",
        "carepoint.demo.faults.A20047.only-sections=includeAllergies",
        "carepoint.demo.faults.C81616.error-rate=1.0"})
class SlowPracticeE2ETest extends BrowserTest {

    @Test
    void aTimedOutSectionIsExplainedWhileTheOthersShow() {
        page.navigate(url("/patients"));
        new IdpLoginPage(page).signInAs(DemoUser.NHS_111);
        PatientRecordPage record = new PatientSearchPage(page).findByNhsNumber("9990000018");
        assertThat(record.cardText("medications")).contains("Amlodipine 5mg tablets");
        assertThat(record.cardText("problems")).contains("Essential hypertension");
        String allergies = record.cardText("allergies");
        assertThat(allergies).contains("Allergies could not be retrieved. Do not assume the patient has no allergies.")
                .contains("did not answer in time").doesNotContain("No allergies recorded");
        assertThat(record.card("allergies").locator("[data-problem]").getAttribute("data-problem")).isEqualTo("TIMEOUT");
    }

    @Test
    void whenEverySectionFailsTheStatusLineSaysSoInsteadOfRetrievingForever() {
        page.navigate(url("/patients"));
        new IdpLoginPage(page).signInAs(DemoUser.NHS_111);
        PatientRecordPage record = new PatientSearchPage(page).findByNhsNumber("9990002258");
        for (String card : new String[] {"allergies", "medications", "problems", "consultations"}) {
            assertThat(record.card(card).locator("[data-problem]").getAttribute("data-problem")).isEqualTo("PRACTICE_ERROR");
        }
        PlaywrightAssertions.assertThat(page.locator("#record-source"))
                .containsText("could not be retrieved from C81616");
        assertThat(page.locator("#record-source").innerText()).doesNotContain("Retrieving");
    }
}
