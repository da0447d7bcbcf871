package com.carepoint.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.carepoint.e2e.pages.IdpLoginPage;
import com.carepoint.e2e.pages.PatientRecordPage;
import com.carepoint.e2e.pages.PatientSearchPage;
import com.carepoint.e2e.support.BrowserTest;
import com.carepoint.e2e.support.DemoUser;
import org.junit.jupiter.api.Test;

/** A social care worker sees the permitted summary only: current allergies, medications and problems. */
class SocialCareSummaryE2ETest extends BrowserTest {

    @Test
    void socialCareSeesThePermittedSummaryOnly() {
        page.navigate(url("/patients"));
        new IdpLoginPage(page).signInAs(DemoUser.SOCIAL_CARE);
        PatientRecordPage record = new PatientSearchPage(page).findByNhsNumber("9990000018");
        assertThat(record.cardText("allergies")).contains("Allergy to penicillin");
        assertThat(record.cardText("medications")).contains("Amlodipine 5mg tablets");
        assertThat(record.cardText("problems")).contains("Essential hypertension");
        assertThat(page.locator("#card-consultations")).hasCount(0);
        assertThat(page.locator("#tab-consultations")).hasCount(0);
        assertThat(page.locator("#tab-investigations")).hasCount(0);
        assertThat(page.locator("#tab-referrals")).hasCount(0);
        assertThat(page.locator("#tab-documents")).hasCount(0);
        assertThat(page.locator("#policy-scope")).containsText("current information only");
        // Social care's full sections hold current information only: never told they include past entries.
        assertThat(page.locator("#full-allergies")).containsText("The current information in this section");
        assertThat(page.locator("#full-record")).not().containsText("past entries");
        var problems = record.openFullSection("tab-problems", "full-problems");
        assertThat(problems).containsText("Essential hypertension");
        assertThat(problems).not().containsText("Depressive disorder");
        var medications = record.openFullSection("tab-medications", "full-medications");
        assertThat(medications).not().containsText("Amoxicillin");
    }
}
