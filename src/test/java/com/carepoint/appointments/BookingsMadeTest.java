package com.carepoint.appointments;

import static org.assertj.core.api.Assertions.assertThat;

import com.carepoint.Application;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The bookings made through Carepoint, kept for a day for the user's encounter note: only the user's, only for that
 * patient, forgotten when cancelled through Carepoint and a day after booking (by the next booking, and by the hourly
 * task when nobody books again).
 */
@SpringBootTest(classes = Application.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BookingsMadeTest {

    static final BookableService RIVERSIDE = new BookableService("A20047", "Riverside Medical Practice",
            ServiceKind.PRACTICE);

    @Autowired
    JdbcClient jdbc;

    static Appointment appointment(String id, ZonedDateTime start) {
        return new Appointment(RIVERSIDE, id, "1", Appointment.Status.BOOKED, start, start.plusMinutes(10),
                Optional.of("Riverside Medical Practice"), Optional.of("Dr Helen Marsh"), "R0260",
                DeliveryChannel.TELEPHONE, "Telephone consultation", "Chest pain follow-up", Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    @Test
    void aBookingIsKeptForItsUserAndPatientUntilCancelledOrADayOld() {
        BookingsMade bookings = new BookingsMade.Jdbc(jdbc);
        String user = "test-" + UUID.randomUUID();
        Instant now = Instant.now();
        ZonedDateTime start = ZonedDateTime.of(2026, 12, 10, 14, 0, 0, 0, AppointmentService.UK);
        bookings.booked(user, "9990000018", appointment("ref-" + user, start), now);

        assertThat(bookings.by(user, "9990000018", now.minusSeconds(60))).singleElement().satisfies(b -> {
            assertThat(b.key()).isEqualTo("A20047/ref-" + user);
            assertThat(b.start().toInstant()).isEqualTo(start.toInstant());
            assertThat(b.summary()).isEqualTo("Riverside Medical Practice (A20047), Riverside Medical Practice: "
                    + "Thu 10-Dec-2026 14:00\u201314:10 (UK time), telephone, with Dr Helen Marsh. Booking reference ref-"
                    + user + " (booked in Carepoint).");
        });
        assertThat(bookings.by(user, "9990000220", now.minusSeconds(60))).isEmpty();
        assertThat(bookings.by("someone-else", "9990000018", now.minusSeconds(60))).isEmpty();
        assertThat(bookings.by(user, "9990000018", now.plusSeconds(60))).isEmpty();

        bookings.cancelled("A20047", "ref-" + user);
        assertThat(bookings.by(user, "9990000018", now.minusSeconds(60))).isEmpty();

        // A day later the next booking's insert removes what is older than a day.
        bookings.booked(user, "9990000018", appointment("old-" + user, start), now.minus(BookingsMade.KEPT)
                .minusSeconds(1));
        bookings.booked(user, "9990000220", appointment("new-" + user, start), now);
        assertThat(jdbc.sql("select count(*) from appointment_booked where reference = ?").param("old-" + user)
                .query(Long.class).single()).isZero();
    }

    @Autowired
    AppointmentService appointments;

    @Test
    void theHourlyTaskForgetsADayOldBookingEvenWhenNobodyBooksAgain() {
        BookingsMade bookings = new BookingsMade.Jdbc(jdbc);
        String user = "test-" + UUID.randomUUID();
        Instant now = Instant.now();
        ZonedDateTime start = ZonedDateTime.of(2026, 12, 10, 14, 0, 0, 0, AppointmentService.UK);
        bookings.booked(user, "9990000018", appointment("old-" + user, start), now.minus(BookingsMade.KEPT)
                .minusSeconds(5));
        bookings.booked(user, "9990000018", appointment("new-" + user, start), now.minus(BookingsMade.KEPT)
                .plusSeconds(600));

        assertThat(appointments.forgetOldBookings()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("select reference from appointment_booked where user_id = ?").param(user)
                .query(String.class).list()).containsExactly("new-" + user);
    }
}
