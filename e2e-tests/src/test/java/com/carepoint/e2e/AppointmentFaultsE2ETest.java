package com.carepoint.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.carepoint.OwnContext;
import com.carepoint.e2e.pages.AppointmentsPage;
import com.carepoint.e2e.pages.IdpLoginPage;
import com.carepoint.e2e.pages.PatientRecordPage;
import com.carepoint.e2e.pages.PatientSearchPage;
import com.carepoint.e2e.support.BrowserTest;
import com.carepoint.e2e.support.DemoUser;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * A service failing beside working ones: the PCN hub's slot search always fails and the out-of-hours service hangs
 * past the read timeout; each says so plainly in its own place ("It is not known whether it has any free") while the
 * practice's slots are listed — a failure is never "no slots".
 */
@Tag(OwnContext.TAG)
@TestPropertySource(properties = {
        "carepoint.gpconnect.read-timeout=2s",
        "carepoint.demo.faults.U81001.error-rate=1.0",
        "carepoint.demo.faults.U81001.only-interactions=urn:nhs:names:services:gpconnect:fhir:rest:search:slot-1",
        "carepoint.demo.faults.Y02345.hang=true",
        "carepoint.demo.faults.Y02345.hang-for=6s",
        "carepoint.demo.faults.Y02345.only-interactions=urn:nhs:names:services:gpconnect:fhir:rest:search:slot-1"})
class AppointmentFaultsE2ETest extends BrowserTest {

    @Test
    void aFailingAndASlowServiceSaySoBesideTheSlotsOfTheServiceThatAnswered() {
        page.navigate(url("/patients"));
        new IdpLoginPage(page).signInAs(DemoUser.NHS_111);
        PatientRecordPage record = new PatientSearchPage(page).findByNhsNumber("9990000018");
        AppointmentsPage appointments = AppointmentsPage.openFrom(record, page);
        assertThat(appointments.serviceStatus("U81001")).hasAttribute("data-problem", "SERVICE_ERROR");
        assertThat(appointments.serviceStatus("U81001")).containsText("It is not known whether it has any free");
        assertThat(appointments.serviceStatus("Y02345")).hasAttribute("data-problem", "TIMEOUT");
        assertThat(appointments.serviceStatus("Y02345")).containsText("did not answer in time");
        assertThat(appointments.serviceStatus("A20047")).containsText("free slot");
        assertThat(appointments.slotsAt("A20047").first()).isVisible();
        assertThat(appointments.noSlots()).hasCount(0);
    }
}
