package com.carepoint.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.carepoint.e2e.pages.IdpLoginPage;
import com.carepoint.e2e.pages.PatientRecordPage;
import com.carepoint.e2e.pages.PatientSearchPage;
import com.carepoint.e2e.support.BrowserTest;
import com.carepoint.e2e.support.DemoUser;
import com.microsoft.playwright.Locator;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The role × route × section matrix in the browser: each role reaches exactly its routes by direct URL (others show
 * "not available for your role"), sees exactly its policy's record sections, and no section it may not see is ever
 * requested from the practice.
 */
class RoleMatrixE2ETest extends BrowserTest {

    static final List<String> ALL_SECTIONS = List.of("allergies", "medications", "problems", "consultations",
            "immunisations", "investigations", "uncategorised", "referrals", "diary", "documents");

    /** Route → the id of the view that shows when it is allowed. */
    static final Map<String, String> ROUTES = new LinkedHashMap<>();

    static {
        ROUTES.put("/patients", "patient-search-view");
        ROUTES.put("/record/not-an-open-patient", "patient-record-view");
        ROUTES.put("/audit", "audit-view");
        ROUTES.put("/policy", "policy-view");
        ROUTES.put("/emergency-access-reviews", "emergency-review-view");
        ROUTES.put("/transparency-report", "transparency-view");
        ROUTES.put("/practice-notifications", "practice-notifications-view");
        ROUTES.put("/note-deliveries", "note-deliveries-view");
        ROUTES.put("/appointments", "appointments-home");
        ROUTES.put("/notes", "notes-view");
    }

    static final Set<String> CLINICAL_ROUTES = Set.of("/patients", "/record/not-an-open-patient");
    /** Booking and encounter notes: paramedics and 111 clinicians only (not social care, not the privacy officer). */
    static final Set<String> CLINICIAN_ROUTES = Set.of("/appointments", "/notes");

    @Autowired
    JdbcClient jdbc;

    @ParameterizedTest
    @EnumSource(DemoUser.class)
    void eachRoleReachesExactlyItsRoutesAndSections(DemoUser user) {
        Timestamp since = new Timestamp(System.currentTimeMillis() - 1000);
        page.navigate(url("/account"));
        new IdpLoginPage(page).signInAs(user);
        boolean privacy = user == DemoUser.PRIVACY_OFFICER;
        for (var route : ROUTES.entrySet()) {
            page.navigate(url(route.getKey()));
            Locator allowed = page.locator("#" + route.getValue());
            Locator denied = page.locator("#access-denied-view");
            allowed.or(denied).first().waitFor();
            boolean expected = CLINICIAN_ROUTES.contains(route.getKey())
                    ? user == DemoUser.PARAMEDIC || user == DemoUser.NHS_111
                    : privacy != CLINICAL_ROUTES.contains(route.getKey());
            assertThat(allowed.isVisible()).as("%s may open %s", user, route.getKey()).isEqualTo(expected);
            assertThat(denied.isVisible()).as("%s is refused %s", user, route.getKey()).isEqualTo(!expected);
            // Each refusal is audited once; nothing is recorded for an allowed page.
            assertThat(jdbc.sql("select count(*) from audit_event where user_id = ? and action = 'ACCESS_DENIED' "
                    + "and detail = ? and occurred_at >= ?").params(user.username, "Page refused: "
                    + route.getKey(), since).query(Long.class).single())
                    .as("refusals of %s audited for %s", route.getKey(), user).isEqualTo(expected ? 0L : 1L);
        }
        if (privacy) {
            return;
        }
        // Sections: Mr Ryan Clarke, opened only by this test, once per clinical role.
        String patient = "9990002320";
        page.navigate(url("/patients"));
        PatientRecordPage record = new PatientSearchPage(page).findByNhsNumber(patient);
        assertThat(record.card("allergies")).isVisible();
        List<String> expectedSections = user == DemoUser.SOCIAL_CARE ? List.of("allergies", "medications", "problems")
                : ALL_SECTIONS;
        for (String section : ALL_SECTIONS) {
            assertThat(page.locator("#tab-" + section)).hasCount(expectedSections.contains(section) ? 1 : 0);
        }
        for (String section : expectedSections) {
            assertThat(record.openFullSection("tab-" + section, "full-" + section)).isVisible();
        }
        // What the audit trail saw requested for this user: only permitted sections, and each one opened was audited.
        page.waitForCondition(() -> jdbc.sql("select count(distinct detail) from audit_event where patient_nhs = ? "
                + "and user_id = ? and action = 'SECTION_VIEW' and detail like '%(full)'").params(patient,
                user.username).query(Long.class).single() == expectedSections.size());
        List<String> audited = jdbc.sql("select distinct detail from audit_event where patient_nhs = ? and user_id = ? "
                + "and action = 'SECTION_VIEW'").params(patient, user.username).query(String.class).list();
        if (user == DemoUser.SOCIAL_CARE) {
            assertThat(audited).allMatch(d -> d.startsWith("Allergies") || d.startsWith("Medications")
                    || d.startsWith("Problems"), "social care is only ever given allergies, medications, problems");
        }
    }
}
