package com.carepoint.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.carepoint.e2e.pages.EmergencyReviewPage;
import com.carepoint.e2e.pages.IdpLoginPage;
import com.carepoint.e2e.pages.PatientRecordPage;
import com.carepoint.e2e.pages.PatientSearchPage;
import com.carepoint.e2e.pages.ReasonForAccessDialog;
import com.carepoint.e2e.support.Axe;
import com.carepoint.e2e.support.BrowserTest;
import com.carepoint.e2e.support.DemoUser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Emergency access: a typed justification, clearly marked on screen, queued for the privacy officer's review (the
 * review itself audited), offered only where the policy allows it, and never an override of a patient's dissent.
 */
class EmergencyAccessE2ETest extends BrowserTest {

    static final String JUSTIFICATION = "Patient unconscious at the roadside after a fall, no one with them to ask";

    @Autowired
    JdbcClient jdbc;

    @Test
    void emergencyAccessIsJustifiedMarkedAndReviewed() {
        try (BrowserContext paramedic = newContext(TABLET_PORTRAIT_WIDTH, TABLET_PORTRAIT_HEIGHT)) {
            Page p = paramedic.newPage();
            p.navigate(url("/patients"));
            new IdpLoginPage(p).signInAs(DemoUser.PARAMEDIC);
            PatientRecordPage record = new PatientSearchPage(p).findByNhsNumberAndStopAtReason("9990001766");
            ReasonForAccessDialog dialog = new ReasonForAccessDialog(p).assertShown();
            dialog.chooseEmergencyAccess("Unconscious");
            dialog.openRecord();
            assertThat(dialog.justificationError()).contains("at least 20 characters");
            Axe.assertNoCriticalOrSeriousAtTablet(p, "reason-for-access dialog, emergency access with an error");
            assertThat(dialog.justification()).isEqualTo("Unconscious");
            assertThat(record.hasCards()).isFalse();

            dialog.chooseEmergencyAccess(JUSTIFICATION).openRecord();
            assertThat(record.card("allergies")).isVisible();
            assertThat(record.bannerFlags()).contains("Emergency access");
            assertThat(record.emergencyNotice()).containsText("You opened this record under emergency access");
            assertThat(record.emergencyNotice()).containsText(JUSTIFICATION);
            Axe.assertNoCriticalOrSeriousAtTablet(p, "record under emergency access");
            screenshot(p, "record-emergency-access-tablet-portrait");
        }
        // One queue entry; every view carries the emergency reason.
        assertThat(jdbc.sql("select count(*) from audit_event where patient_nhs = '9990001766' and action = "
                + "'EMERGENCY_ACCESS' and reason = ?").param(JUSTIFICATION).query(Long.class).single()).isEqualTo(1);
        page.waitForCondition(() -> jdbc.sql("select count(*) from audit_event where patient_nhs = '9990001766' and "
                + "action = 'SECTION_VIEW'").query(Long.class).single() >= 4);
        assertThat(jdbc.sql("select count(*) from audit_event where patient_nhs = '9990001766' and action in "
                + "('RECORD_VIEW', 'SECTION_VIEW') and (reason is null or reason <> ?)")
                .param("Emergency access: " + JUSTIFICATION).query(Long.class).single()).isZero();

        page.navigate(url("/"));
        new IdpLoginPage(page).signInAs(DemoUser.PRIVACY_OFFICER);
        assertThat(page.locator("#home-awaiting-review")).containsText("awaiting your review");
        EmergencyReviewPage reviews = new EmergencyReviewPage(page).open(url(""));
        assertThat(reviews.queue()).containsText(JUSTIFICATION);
        assertThat(reviews.queue()).containsText("Alex Morgan (paramedic)");
        assertThat(reviews.queue()).containsText("999 000 1766");
        screenshot(page, "emergency-access-reviews");

        reviews.startReview("999 000 1766").comment("ok").save();
        assertThat(reviews.commentError()).contains("at least 5 characters");
        reviews.comment("Justified: crew incident record confirms an unconscious patient").save();
        assertThat(page.locator("#review-comment")).isHidden();
        // Grid cells of rows no longer shown stay in the DOM (hidden): look at what the user can reach.
        assertThat(reviews.awaitingReview("999 000 1766")).hasCount(0);
        reviews.showReviewed();
        assertThat(reviews.queue()).containsText("Reviewed by Dana Whitfield");
        assertThat(reviews.queue()).containsText("crew incident record confirms");

        assertThat(jdbc.sql("select count(*) from audit_event where patient_nhs = '9990001766' and action = "
                + "'AUDIT_REVIEW' and user_id = 'privacy' and reason like 'Justified: crew incident%'")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void emergencyAccessNeverOverridesAPatientsDissent() {
        page.navigate(url("/patients"));
        new IdpLoginPage(page).signInAs(DemoUser.NHS_111);
        PatientRecordPage record = new PatientSearchPage(page).findByNhsNumberAndStopAtReason("9990000433");
        new ReasonForAccessDialog(page).assertShown()
                .chooseEmergencyAccess("Caller reports the patient is confused and cannot answer questions")
                .openRecord();
        assertThat(record.recordProblem()).hasAttribute("data-problem", "PATIENT_DISSENT");
        assertThat(record.recordProblem()).containsText("cannot be overridden");
        assertThat(record.bannerFlags()).contains("Emergency access", "No consent to share GP record");
        assertThat(page.locator("#card-allergies .cp-section-body")).not().containsText("No known allergies");
    }

    @Test
    void socialCareIsNotOfferedEmergencyAccess() {
        page.navigate(url("/patients"));
        new IdpLoginPage(page).signInAs(DemoUser.SOCIAL_CARE);
        new PatientSearchPage(page).findByNhsNumberAndStopAtReason("9990001413");
        ReasonForAccessDialog dialog = new ReasonForAccessDialog(page).assertShown();
        assertThat(dialog.reasons()).contains("Care assessment").noneMatch(r -> r.startsWith("Emergency access"));
    }
}
