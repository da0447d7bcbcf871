package com.carepoint.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.carepoint.demopractice.DemoProviderProbe;
import com.carepoint.e2e.pages.AppointmentsPage;
import com.carepoint.e2e.pages.IdpLoginPage;
import com.carepoint.e2e.pages.PatientRecordPage;
import com.carepoint.e2e.pages.PatientSearchPage;
import com.carepoint.e2e.pages.TransparencyReportPage;
import com.carepoint.e2e.support.Axe;
import com.carepoint.e2e.support.BrowserTest;
import com.carepoint.e2e.support.DemoUser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Appointments as a user meets them: a 111 clinician books the patient into the out-of-hours service, sees it among
 * the patient's appointments, amends and cancels it, and the service itself agrees at each step; two users racing
 * for one slot; a practice with booking switched off beside services that work; social care not offered booking.
 */
class AppointmentsE2ETest extends BrowserTest {

    /** A typical adult registered at Riverside (A20047), covered by the PCN hub and the out-of-hours service. */
    static final String RIVERSIDE_PATIENT = "9990000018";
    /** Registered at Castle Street (C81616), which has appointment management switched off. */
    static final String CASTLE_STREET_PATIENT = "9990002258";
    static final String OUT_OF_HOURS = "Y02345";
    static final String OUT_OF_HOURS_ASID = "918999100505";

    AppointmentsPage appointmentsFor(Page p, DemoUser user, String nhs) {
        p.navigate(url("/patients"));
        new IdpLoginPage(p).signInAs(user);
        PatientRecordPage record = new PatientSearchPage(p).findByNhsNumber(nhs);
        return AppointmentsPage.openFrom(record, p);
    }

    @Test
    void a111ClinicianBooksAnOutOfHoursAppointmentSeesAmendsAndCancelsIt() {
        AppointmentsPage appointments = appointmentsFor(page, DemoUser.NHS_111, RIVERSIDE_PATIENT);
        assertThat(page.locator("#bookable-services")).containsText(OUT_OF_HOURS);
        assertThat(appointments.serviceStatus(OUT_OF_HOURS)).containsText("free slot");
        Axe.assertNoCriticalOrSeriousAtTablet(page, "appointments");
        String slot = appointments.chooseFirstSlotAt(OUT_OF_HOURS);
        Axe.assertNoCriticalOrSeriousAtTablet(page, "appointments, booking dialog");

        // Checked as typed: the reason is required and at most 100 characters.
        appointments.typeReason("x".repeat(101));
        assertThat(appointments.reasonError()).containsText("100 characters or fewer");
        appointments.typeReason("Abdominal pain since this morning, 111 assessment").typeComment("Lives alone");
        appointments.book();
        assertThat(appointments.confirmation()).containsText(OUT_OF_HOURS);
        String reference = appointments.bookingReference();
        assertThat(reference).isNotBlank();
        Axe.assertNoCriticalOrSeriousAtTablet(page, "appointments, booking confirmed");
        appointments.closeBookingDialog();

        // The service holds it, booked, for the reason typed.
        HttpResponse<String> held = DemoProviderProbe.readAppointment(port, OUT_OF_HOURS, OUT_OF_HOURS_ASID, reference);
        assertThat(held.statusCode()).isEqualTo(200);
        assertThat(held.body()).contains("\"status\":\"booked\"").contains("Abdominal pain since this morning");
        // The slot is no longer offered.
        assertThat(page.locator("#slot-list .cp-slot[data-slot='" + slot + "']")).hasCount(0);

        assertThat(appointments.appointment(OUT_OF_HOURS, reference)).containsText("Abdominal pain since this morning");
        appointments.amend(OUT_OF_HOURS, reference, "Abdominal pain, worse on movement", "Lives alone, key safe 1234");
        assertThat(appointments.appointment(OUT_OF_HOURS, reference)).containsText("worse on movement");
        assertThat(DemoProviderProbe.readAppointment(port, OUT_OF_HOURS, OUT_OF_HOURS_ASID, reference).body())
                .contains("worse on movement").contains("key safe 1234");

        appointments.cancel(OUT_OF_HOURS, reference, "Symptoms resolved, patient called back");
        assertThat(appointments.appointment(OUT_OF_HOURS, reference)).hasAttribute("data-status", "CANCELLED");
        assertThat(appointments.appointment(OUT_OF_HOURS, reference)).containsText("Symptoms resolved");
        Axe.assertNoCriticalOrSeriousAtTablet(page, "appointments, the patient's appointments with a cancelled one");
        assertThat(DemoProviderProbe.readAppointment(port, OUT_OF_HOURS, OUT_OF_HOURS_ASID, reference).body())
                .contains("\"status\":\"cancelled\"");

        // Every step is in the patient's transparency report.
        try (BrowserContext privacy = newContext(1280, 800)) {
            Page p = privacy.newPage();
            p.navigate(url("/transparency-report"));
            new IdpLoginPage(p).signInAs(DemoUser.PRIVACY_OFFICER);
            new TransparencyReportPage(p).open(url("")).show(RIVERSIDE_PATIENT);
            assertThat(p.locator("#transparency-appointments")).containsText("Booked an appointment");
            assertThat(p.locator("#transparency-appointments")).containsText("Cancelled an appointment");
            assertThat(p.locator("#transparency-appointments")).containsText("Changed the reason or comment");
            assertThat(p.locator("#transparency-appointments")).containsText("Searched for free appointments");
        }
    }

    @Test
    void twoUsersBookingTheSameSlotGetOneAppointmentAndTheOtherIsToldAndKeepsWhatTheyTyped() {
        AppointmentsPage first = appointmentsFor(page, DemoUser.NHS_111, RIVERSIDE_PATIENT);
        try (BrowserContext other = newContext(1280, 800)) {
            Page p = other.newPage();
            AppointmentsPage second = appointmentsFor(p, DemoUser.NHS_111, RIVERSIDE_PATIENT);
            String slot = first.chooseFirstSlotAt(OUT_OF_HOURS);
            second.chooseSlot(slot);
            first.typeReason("Raced booking, first user");
            second.typeReason("Raced booking, second user");
            first.book();
            second.book();
            // Exactly one of them got the appointment; the other is told plainly and keeps what they typed.
            page.locator("#booking-confirmation").or(page.locator("#booking-message")).first().waitFor();
            p.locator("#booking-confirmation").or(p.locator("#booking-message")).first().waitFor();
            boolean firstWon = page.locator("#booking-confirmation").isVisible();
            boolean secondWon = p.locator("#booking-confirmation").isVisible();
            assertThat(firstWon ^ secondWon).as("exactly one booking succeeded").isTrue();
            AppointmentsPage loser = firstWon ? second : first;
            assertThat(loser.bookingMessage()).containsText("booked by someone else just now");
            assertThat(loser.typedReason()).startsWith("Raced booking");
            Axe.assertNoCriticalOrSeriousAtTablet(firstWon ? p : page, "appointments, the slot taken meanwhile");
            AppointmentsPage winner = firstWon ? first : second;
            String reference = winner.bookingReference();
            assertThat(DemoProviderProbe.readAppointment(port, OUT_OF_HOURS, OUT_OF_HOURS_ASID, reference).body())
                    .contains(firstWon ? "first user" : "second user");
        }
    }

    @Test
    void aPracticeWithBookingSwitchedOffIsSaidBesideTheServicesThatWork() {
        context.close();
        context = newContext(TABLET_PORTRAIT_WIDTH, TABLET_PORTRAIT_HEIGHT);
        page = context.newPage();
        AppointmentsPage appointments = appointmentsFor(page, DemoUser.NHS_111, CASTLE_STREET_PATIENT);
        assertThat(appointments.serviceStatus("C81616")).hasAttribute("data-problem", "NOT_OFFERED");
        assertThat(appointments.serviceStatus("C81616")).containsText("does not offer appointment booking");
        assertThat(appointments.serviceStatus("C81616")).containsText("Phone the service");
        assertThat(appointments.serviceStatus(OUT_OF_HOURS)).containsText("free slot");
        assertThat(appointments.slotsAt(OUT_OF_HOURS).first()).isVisible();
        assertThat(appointments.slotsAt("C81616")).hasCount(0);
        Axe.assertNoCriticalOrSeriousAsShown(page, "appointments, a service not offering booking");
        page.locator("#service-status").scrollIntoViewIfNeeded();
        screenshot(page, "appointments-tablet-portrait");
    }

    @Test
    void socialCareIsNotOfferedBooking() {
        page.navigate(url("/patients"));
        new IdpLoginPage(page).signInAs(DemoUser.SOCIAL_CARE);
        PatientRecordPage record = new PatientSearchPage(page).findByNhsNumber(RIVERSIDE_PATIENT);
        assertThat(record.card("allergies")).isVisible();
        assertThat(page.locator("#open-appointments")).hasCount(0);
        String address = page.url().replaceFirst(".*/record/", "/record/") + "/appointments";
        page.navigate(url(address));
        assertThat(page.locator("#appointments-view")).hasCount(0);
        assertThat(page.locator("body")).containsText("not available");
        Axe.assertNoCriticalOrSeriousAtTablet(page, "appointments not available for the role");
    }
}
