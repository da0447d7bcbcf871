package com.carepoint.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.carepoint.e2e.pages.PatientRecordPage;
import com.carepoint.e2e.pages.PatientSearchPage;
import com.carepoint.e2e.pages.ReasonForAccessDialog;
import com.carepoint.e2e.support.Axe;
import com.carepoint.e2e.support.BrowserTest;
import com.carepoint.e2e.support.DemoUser;
import com.carepoint.patient.Age;
import com.microsoft.playwright.Locator;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Finding a patient and reading their GP record, as a paramedic would, against the demo practices. */
class PatientRecordE2ETest extends BrowserTest {

    PatientSearchPage search;

    /**
     * Signed in once for the class: each test opens a new page (a fresh UI) in the paramedic's one session, and each
     * opens patients no other test here opens where what the session remembers matters (the reason asked once, the
     * recent patients, the audit counted), so the tests do not depend on their order.
     */
    @BeforeEach
    void signIn(TestInfo info) {
        page = pageSignedInAs(DemoUser.PARAMEDIC, "/patients", 1280, 800, info);
        search = new PatientSearchPage(page).waitUntilShown();
    }

    @Test
    void findByNhsNumberShowsTheBannerAndTheFirstScreen() {
        PatientRecordPage record = search.findByNhsNumber("999-000-0018");
        assertThat(record.bannerName()).isEqualTo("HARGREAVES, Susan Mary (Mrs)");
        assertThat(record.bannerNhsNumber()).isEqualTo("999 000 0018");
        assertThat(record.bannerBorn()).startsWith("04-Jan-1961 (");
        assertThat(record.allergyState()).isEqualTo("RECORDED");
        assertThat(record.cardText("allergies")).contains("Allergy to penicillin: Widespread urticarial rash (moderate)");
        assertThat(record.cardText("medications")).contains("Amlodipine 5mg tablets").contains("last issued 02-Nov-2026")
                .doesNotContain("Amoxicillin");
        assertThat(record.cardText("problems")).contains("Essential hypertension").doesNotContain("Depressive disorder");
        assertThat(record.cardText("consultations")).contains("14-Oct-2026");
        assertThat(record.source()).contains("Riverside Medical Practice (A20047)");
        assertThat(record.bannerPractice()).isEqualTo("Riverside Medical Practice (A20047)");
        assertThat(page.url()).doesNotContain("9990000018");
    }

    @Test
    void anInvalidNhsNumberIsExplainedAsTypedAndNothingIsSearched() {
        search.typeNhsNumber("999 000 0019").assertNhsNumberError("not a valid NHS number");
        search.submitNhsNumber("12345");
        search.assertNhsNumberError("has 10 digits; this has 5");
        assertThat(page.locator("#patient-search-view")).isVisible();
    }

    @Test
    void findByNameAndDateOfBirth() {
        search.searchByDemographics("Robinson", "Linda", "19/06/1969", null);
        assertThat(page.locator("#search-results").getByText("ROBINSON, Linda (Mrs)")).isVisible();
        Axe.assertNoCriticalOrSeriousAtTablet(page, "patient search, name and date of birth, results");
        PatientRecordPage record = search.openResult("ROBINSON, Linda (Mrs)");
        assertThat(record.bannerNhsNumber()).isEqualTo("999 000 1340");
        assertThat(record.cardText("allergies")).contains("Latex allergy");
    }

    @Test
    void aVagueSearchIsRefusedWithWhatToAdd() {
        search.searchByDemographics("Robinson", null, "19/06/1969", null);
        assertThat(search.demographicMessage()).contains("Add the given name, gender or postcode");
    }

    @Test
    void noKnownAllergiesAndNothingRecordedAreDifferentStatements() {
        PatientRecordPage nka = search.findByNhsNumber("9990000220");
        assertThat(nka.allergyState()).isEqualTo("NO_KNOWN_ALLERGIES");
        assertThat(nka.cardText("allergies")).contains("No known allergies (recorded by the practice 01-Sep-2013)");
        new PatientSearchPage(page).open(url(""));
        PatientRecordPage none = new PatientSearchPage(page).findByNhsNumber("9990000298");
        assertThat(none.allergyState()).isEqualTo("NONE_RECORDED");
        assertThat(none.cardText("allergies")).contains("No allergies recorded. This does not mean the patient has no allergies");
    }

    @Test
    void aConsultationExpandsToWhatWasDiscussed() {
        PatientRecordPage record = search.findByNhsNumber("9990001065");
        record.card("consultations");
        record.expandConsultation("30-Oct-2026");
        assertThat(page.locator("#card-consultations")).containsText(
                "He does NOT want his daughter (Claire) told yet");
        Axe.assertNoCriticalOrSeriousAtTablet(page, "record, a consultation expanded");
        Locator full = record.openFullSection("tab-referrals", "full-referrals");
        assertThat(full).containsText("Northshire Community Palliative Care Team");
        Axe.assertNoCriticalOrSeriousAtTablet(page, "record, full referrals tab");
    }

    @Test
    void dissentIsSaidOnceAndFlaggedInTheBanner() {
        PatientRecordPage record = search.findByNhsNumber("9990000433");
        assertThat(record.recordProblem()).containsText("asked their GP practice not to share their record");
        page.waitForCondition(() -> record.bannerFlags().contains("No consent to share GP record"));
        assertThat(record.card("allergies").innerText()).contains("Do not assume the patient has no allergies");
        Axe.assertNoCriticalOrSeriousAtTablet(page, "record, the patient's dissent");
    }

    @Test
    void aSensitivePatientIsShownWithoutAddressAndNoGpRecordIsRequested() {
        PatientRecordPage record = search.findByNhsNumber("9990000506");
        assertThat(record.bannerFlags()).contains("Sensitive record: address withheld");
        assertThat(record.notice()).contains("Carepoint does not request their GP record");
        assertThat(record.hasCards()).isFalse();
        Axe.assertNoCriticalOrSeriousAtTablet(page, "record, a sensitive patient's notice");
    }

    @Test
    void aDeceasedPatientIsFlagged() {
        PatientRecordPage record = search.findByNhsNumber("9990000573");
        assertThat(record.bannerFlags()).anyMatch(f -> f.startsWith("Deceased 14-Sep-2026"));
        assertThat(record.notice()).contains("has died");
    }

    @Test
    void aSupersededNhsNumberOpensTheCurrentRecordAndSaysSo() {
        PatientRecordPage record = search.findByNhsNumber("9990000719");
        assertThat(record.bannerNhsNumber()).isEqualTo("999 000 0646");
        assertThat(record.bannerFlags()).contains("NHS number updated from 999 000 0719");
        assertThat(record.cardText("allergies")).contains("Allergy to aspirin");
    }

    @Test
    void aPracticeWithoutGpConnectIsExplained() {
        PatientRecordPage record = search.findByNhsNumber("9990000786");
        assertThat(record.recordProblem()).containsText("is not connected to GP Connect");
    }

    @Test
    void aChildsAgeIsInMonthsAndWeeks() {
        // The banner shows exactly the age Carepoint's rule gives for today (the rule itself, under 2 in months and
        // weeks, is pinned with fixed dates in AgeTest), so this holds on any day.
        PatientRecordPage record = search.findByNhsNumber("9990000085");
        String today = Age.of(LocalDate.of(2025, 9, 3), LocalDate.now(ZoneId.of("Europe/London")));
        assertThat(record.bannerBorn()).isEqualTo("03-Sep-2025 (" + today + ")");
    }

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyRecordAndSectionViewIsAuditedOnce() {
        Timestamp since = new Timestamp(System.currentTimeMillis() - 1000);
        PatientRecordPage record = search.findByNhsNumber("9990001278");
        for (String card : new String[] {"allergies", "medications", "problems", "consultations"}) {
            record.card(card);
        }
        record.openFullSection("tab-immunisations", "full-immunisations");
        page.waitForCondition(() -> audited(since, "SECTION_VIEW") == 5);
        assertThat(audited(since, "PATIENT_SEARCH")).isEqualTo(1);
        assertThat(audited(since, "RECORD_VIEW")).isEqualTo(1);
        assertThat(jdbc.sql("select distinct user_id || '/' || org_ods from audit_event where patient_nhs = ? "
                + "and occurred_at >= ?").params("9990001278", since).query(String.class).list())
                .containsExactly("paramedic/RX9");
        assertThat(jdbc.sql("select detail from audit_event where patient_nhs = ? and occurred_at >= ? and action = "
                + "'SECTION_VIEW'").params("9990001278", since).query(String.class).list())
                .contains("Allergies and adverse reactions (first screen)", "Immunisations (full)");
        assertThat(jdbc.sql("select distinct reason from audit_event where patient_nhs = ? and occurred_at >= ? "
                + "and action in ('RECORD_VIEW', 'SECTION_VIEW')").params("9990001278", since)
                .query(String.class).list()).containsExactly("Ambulance attendance");
    }

    @Test
    void refreshRetrievesTheFirstScreenAndTheOpenFullSectionAgain() {
        Timestamp since = new Timestamp(System.currentTimeMillis() - 1000);
        PatientRecordPage record = search.findByNhsNumber("9990001340");
        // The tab showing when the record opens offers to retrieve its full section rather than staying blank.
        assertThat(page.locator("#load-full-allergies")).isVisible();
        assertThat(record.openFullSection("tab-allergies", "full-allergies")).containsText("Latex allergy");
        page.waitForCondition(() -> fullViews(since) == 1);
        page.locator("#refresh-record").click();
        assertThat(record.openFullSectionShown("full-allergies")).containsText("Latex allergy");
        page.waitForCondition(() -> fullViews(since) == 2);
    }

    private long fullViews(Timestamp since) {
        return jdbc.sql("select count(*) from audit_event where patient_nhs = '9990001340' and occurred_at >= ? and "
                + "detail = 'Allergies and adverse reactions (full)'").param(since).query(Long.class).single();
    }

    @Test
    void theReasonForAccessIsAskedOnceAndAnOtherReasonMustBeDescribed() {
        Timestamp since = new Timestamp(System.currentTimeMillis() - 1000);
        search.findByNhsNumberAndStopAtReason("9990001553");
        ReasonForAccessDialog dialog = new ReasonForAccessDialog(page).assertShown();
        assertThat(dialog.reasons()).containsExactly("Ambulance attendance", "Clinical advice to a crew",
                "Patient handover or transfer", "Other direct care reason",
                "Emergency access: the patient cannot give permission, or I am outside my usual care relationship "
                        + "with them");
        assertThat(page.locator("#card-allergies")).hasCount(0);
        dialog.choose("Other direct care reason").describe("short").openRecord();
        assertThat(page.locator("#reason-other")).containsText("at least 10 characters");
        dialog.describe("Falls assessment at home with the community team").openRecord();
        PatientRecordPage record = new PatientRecordPage(page);
        assertThat(record.cardText("allergies")).contains("Allergy to peanuts");
        // The same patient again in this session: no second question.
        new PatientSearchPage(page).open(url("")).findByNhsNumberAndStopAtReason("9990001553").card("allergies");
        assertThat(page.locator("#reason-continue")).hasCount(0);
        assertThat(jdbc.sql("select distinct reason from audit_event where patient_nhs = ? and occurred_at >= ? "
                + "and action = 'RECORD_VIEW'").params("9990001553", since).query(String.class).list())
                .containsExactly("Other: Falls assessment at home with the community team");
    }

    @Test
    void cancellingTheReasonOpensNothing() {
        Timestamp since = new Timestamp(System.currentTimeMillis() - 1000);
        search.findByNhsNumberAndStopAtReason("9990001979");
        new ReasonForAccessDialog(page).assertShown().cancel();
        new PatientSearchPage(page).waitUntilShown();
        assertThat(jdbc.sql("select count(*) from audit_event where patient_nhs = ? and occurred_at >= ? "
                + "and action in ('RECORD_VIEW', 'SECTION_VIEW')").params("9990001979", since)
                .query(Long.class).single()).isZero();
    }

    long audited(Timestamp since, String action) {
        return jdbc.sql("select count(*) from audit_event where patient_nhs = ? and occurred_at >= ? and action = ?")
                .params("9990001278", since, action).query(Long.class).single();
    }

    @Test
    void recentPatientsAreOfferedForQuickReturn() {
        search.findByNhsNumber("9990000018");
        new PatientSearchPage(page).open(url(""));
        assertThat(page.locator("#recent-patients")).containsText("HARGREAVES, Susan Mary (Mrs) · 999 000 0018");
    }
}
