package com.carepoint.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.carepoint.OwnContext;
import com.carepoint.e2e.pages.AppointmentsPage;
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
 * Slow and failing providers beside working ones, in one application context (one context start for the lot):
 * <ul>
 * <li>A practice that hangs on one section past Carepoint's read timeout: that section says plainly that it could not
 * be retrieved (and, for allergies, not to assume there are none), while the sections that did load still show.</li>
 * <li>A practice failing every request: once every section has failed, the status line stops saying
 * "Retrieving".</li>
 * <li>Appointments: the PCN hub's slot search always fails and the out-of-hours service hangs past the read timeout;
 * each says so plainly in its own place ("It is not known whether it has any free") while the practice's slots are
 * listed — a failure is never "no slots".</li>
 * </ul>
 * The faults do not cross: the section faults touch only the structured record, the slot faults only the slot search.
 */
@Tag(OwnContext.TAG)
@TestPropertySource(properties = {
        "carepoint.gpconnect.read-timeout=2s",
        "carepoint.demo.faults.A20047.hang=true",
        "carepoint.demo.faults.A20047.hang-for=6s",
        "carepoint.demo.faults.A20047.only-sections=includeAllergies",
        "carepoint.demo.faults.C81616.error-rate=1.0",
        "carepoint.demo.faults.U81001.error-rate=1.0",
        "carepoint.demo.faults.U81001.only-interactions=urn:nhs:names:services:gpconnect:fhir:rest:search:slot-1",
        "carepoint.demo.faults.Y02345.hang=true",
        "carepoint.demo.faults.Y02345.hang-for=6s",
        "carepoint.demo.faults.Y02345.only-interactions=urn:nhs:names:services:gpconnect:fhir:rest:search:slot-1"})
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

    @Test
    void aFailingAndASlowServiceSaySoBesideTheSlotsOfTheServiceThatAnswered() {
        page.navigate(url("/patients"));
        new IdpLoginPage(page).signInAs(DemoUser.NHS_111);
        PatientRecordPage record = new PatientSearchPage(page).findByNhsNumber("9990000018");
        AppointmentsPage appointments = AppointmentsPage.openFrom(record, page);
        PlaywrightAssertions.assertThat(appointments.serviceStatus("U81001")).hasAttribute("data-problem",
                "SERVICE_ERROR");
        PlaywrightAssertions.assertThat(appointments.serviceStatus("U81001"))
                .containsText("It is not known whether it has any free");
        PlaywrightAssertions.assertThat(appointments.serviceStatus("Y02345")).hasAttribute("data-problem", "TIMEOUT");
        PlaywrightAssertions.assertThat(appointments.serviceStatus("Y02345")).containsText("did not answer in time");
        PlaywrightAssertions.assertThat(appointments.serviceStatus("A20047")).containsText("free slot");
        PlaywrightAssertions.assertThat(appointments.slotsAt("A20047").first()).isVisible();
        PlaywrightAssertions.assertThat(appointments.noSlots()).hasCount(0);
    }
}
