package com.carepoint.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.carepoint.e2e.pages.IdpLoginPage;
import com.carepoint.e2e.pages.PatientRecordPage;
import com.carepoint.e2e.pages.PatientSearchPage;
import com.carepoint.e2e.pages.PracticeNotificationsPage;
import com.carepoint.e2e.support.Axe;
import com.carepoint.e2e.support.BrowserTest;
import com.carepoint.e2e.support.DemoUser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

/**
 * Practice controls: Castle Street (C81616) refuses local authorities by organisation type, and Carepoint says so
 * plainly; the first access by an organisation new to a practice is listed for the privacy officer, and a refused
 * organisation never appears there.
 */
class PracticeControlsE2ETest extends BrowserTest {

    static final String CASTLE_STREET_PATIENT = "9990002258";

    @Test
    void aPracticeRefusingAnOrganisationTypeIsShownPlainlyAndFirstAccessesAreListed() {
        page.navigate(url("/patients"));
        new IdpLoginPage(page).signInAs(DemoUser.SOCIAL_CARE);
        PatientRecordPage refused = new PatientSearchPage(page).findByNhsNumber(CASTLE_STREET_PATIENT);
        assertThat(refused.recordProblem()).hasAttribute("data-problem", "ORGANISATION_REFUSED");
        assertThat(refused.recordProblem()).containsText("has not agreed to share records with your organisation");
        assertThat(refused.recordProblem()).containsText("Contact the practice by phone");
        assertThat(page.locator("#card-allergies")).not().containsText("No known allergies");
        Axe.assertNoCriticalOrSeriousAtTablet(page, "record, the practice refuses the organisation");

        try (BrowserContext paramedic = newContext(1280, 800)) {
            Page p = paramedic.newPage();
            p.navigate(url("/patients"));
            new IdpLoginPage(p).signInAs(DemoUser.PARAMEDIC);
            PatientRecordPage shared = new PatientSearchPage(p).findByNhsNumber(CASTLE_STREET_PATIENT);
            assertThat(shared.card("allergies")).containsText("penicillin");
        }

        try (BrowserContext privacy = newContext(1280, 800)) {
            Page p = privacy.newPage();
            p.navigate(url("/practice-notifications"));
            new IdpLoginPage(p).signInAs(DemoUser.PRIVACY_OFFICER);
            PracticeNotificationsPage notifications = new PracticeNotificationsPage(p).open(url("")).forPractice("C81616");
            assertThat(notifications.cellsWith("Castle Street Health Centre (C81616)").first()).isVisible();
            assertThat(notifications.cellsWith("Northshire Ambulance Service NHS Trust (RX9)").first()).isVisible();
            assertThat(notifications.cellsWith("Ambulance trust").first()).isVisible();
            // Social care was refused (above): the practice is owed no notification of its first access.
            assertThat(notifications.cellsWith("LA714")).hasCount(0);
            assertThat(notifications.cellsWith("Moorside Surgery")).hasCount(0);
            Axe.assertNoCriticalOrSeriousAtTablet(p, "practice notifications");
        }
    }
}
