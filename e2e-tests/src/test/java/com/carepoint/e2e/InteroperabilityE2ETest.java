package com.carepoint.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.carepoint.e2e.pages.PatientRecordPage;
import com.carepoint.e2e.pages.PatientSearchPage;
import com.carepoint.e2e.support.BrowserTest;
import com.carepoint.e2e.support.DemoUser;
import com.microsoft.playwright.Locator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The record as a clinician sees it when the practice answers in the shapes the GP Connect specification publishes
 * (the demo practices follow its pages; docs/interoperability.md): ended allergies contained in their List, several
 * Organizations in the answer, test groups and filing comments, multi-topic consultations, the spec's extension
 * URLs, a section the practice's system does not implement, and a practice that answers with another patient.
 */
class InteroperabilityE2ETest extends BrowserTest {

    PatientSearchPage search;

    /** Signed in once for the class: each test opens a new page in the 111 clinician's session. */
    @BeforeEach
    void signIn(TestInfo info) {
        page = pageSignedInAs(DemoUser.NHS_111, "/patients", 1280, 800, info);
        search = new PatientSearchPage(page).waitUntilShown();
    }

    @Test
    void endedAllergiesContainedInTheirListAreShown() {
        PatientRecordPage record = search.findByNhsNumber("9990000360");
        Locator full = record.openFullSection("tab-allergies", "full-allergies");
        assertThat(full).containsText("Ended allergies (2)");
        assertThat(full).containsText("Tolerated amoxicillin in hospital challenge test");
    }

    @Test
    void theRegisteredPracticeIsNamedAndProblemsKeepTheirSignificance() {
        PatientRecordPage record = search.findByNhsNumber("9990000018");
        assertThat(record.source()).contains("Riverside Medical Practice (A20047)").doesNotContain("Systems Ltd");
        assertThat(record.bannerPractice()).isEqualTo("Riverside Medical Practice (A20047)");
        Locator problems = record.openFullSection("tab-problems", "full-problems");
        assertThat(problems).containsText("Major");
        assertThat(problems).containsText("Minor");
        assertThat(problems).not().containsText("Unspecified");
    }

    @Test
    void investigationsShowTestGroupsValuesAndFilingComments() {
        PatientRecordPage record = search.findByNhsNumber("9990000018");
        Locator full = record.openFullSection("tab-investigations", "full-investigations");
        full.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("Full blood count"))
                .first().click();
        Locator body = page.locator(".cp-investigation-body").filter(new Locator.FilterOptions()
                .setHasText("Haemoglobin estimation"));
        assertThat(body).containsText("Full blood count");
        assertThat(body).containsText("Haemoglobin estimation: 131 g/L (range 115 to 165)");
        assertThat(body).containsText("Comment: Normal - no action");
    }

    @Test
    void eachTopicOfAConsultationKeepsItsOwnTitleAndHeadings() {
        PatientRecordPage record = search.findByNhsNumber("9990000018");
        assertThat(record.cardText("consultations")).contains("10-Nov-2026")
                .contains("Anxiety with depression; Swollen legs");
        record.expandConsultation("10-Nov-2026");
        Locator topics = page.locator("#card-consultations vaadin-details[opened] .cp-consultation-topic");
        assertThat(topics).hasCount(2);
        assertThat(topics.nth(0)).containsText("Anxiety with depression");
        assertThat(topics.nth(0)).containsText("Talking therapies");
        assertThat(topics.nth(0)).not().containsText("Pitting oedema");
        assertThat(topics.nth(1)).containsText("Swollen legs");
        assertThat(topics.nth(1)).containsText("Pitting oedema");
    }

    @Test
    void aSectionThePracticesSystemDoesNotProvideIsSaidPlainly() {
        PatientRecordPage record = search.findByNhsNumber("9990001626");
        Locator diary = record.openFullSection("tab-diary", "full-diary");
        assertThat(diary).containsText("Not provided by this practice's GP system: diary entries.");
        assertThat(diary).containsText("does not mean there are none");
        assertThat(diary.locator("[data-problem]")).hasAttribute("data-problem", "NOT_PROVIDED_BY_SYSTEM");
    }

    @Test
    void anotherPatientsRecordIsNeverShownUnderThisPatientsBanner() {
        PatientRecordPage record = search.findByNhsNumber("9990002304");
        assertThat(record.bannerName()).isEqualTo("FOSTER, Daniel (Mr)");
        assertThat(record.recordProblem()).containsText("not this patient's");
        assertThat(record.recordProblem()).hasAttribute("data-problem", "WRONG_PATIENT");
        for (String card : new String[] {"allergies", "medications", "problems", "consultations"}) {
            assertThat(record.cardText(card)).doesNotContain("penicillin").doesNotContain("Amlodipine")
                    .doesNotContain("hypertension").doesNotContain("knee");
        }
        assertThat(record.cardText("allergies")).contains("Do not assume the patient has no allergies");
        assertThat(page.locator("#record-source")).containsText("could not be retrieved");
        assertThat(page.locator("#record-source")).not().containsText("Retrieving");
    }
}
