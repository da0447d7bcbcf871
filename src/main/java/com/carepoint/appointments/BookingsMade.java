package com.carepoint.appointments;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The appointments users booked through Carepoint, kept for {@link #KEPT} (table {@code appointment_booked}) so that
 * the clinician can link the booking in their encounter note.
 */
interface BookingsMade {

    /** How long a booking is kept for linking: long enough for the encounter, no longer. */
    Duration KEPT = Duration.ofDays(1);

    /** Keeps nothing (for tests and benchmarks without a database). */
    BookingsMade NONE = new BookingsMade() {
        @Override
        public void booked(String userId, String nhsNumber, Appointment appointment, Instant now) {
        }

        @Override
        public void cancelled(String serviceOds, String reference) {
        }

        @Override
        public List<BookedInCarepoint> by(String userId, String nhsNumber, Instant since) {
            return List.of();
        }

        @Override
        public int forgetBookedBefore(Instant cutoff) {
            return 0;
        }
    };

    void booked(String userId, String nhsNumber, Appointment appointment, Instant now);

    void cancelled(String serviceOds, String reference);

    /** The user's bookings for the patient since then, soonest appointment first. */
    List<BookedInCarepoint> by(String userId, String nhsNumber, Instant since);

    /** Removes every booking made before the cutoff; returns how many. */
    int forgetBookedBefore(Instant cutoff);

    /** In PostgreSQL. */
    final class Jdbc implements BookingsMade {

        private final JdbcClient jdbc;

        Jdbc(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        @Override
        public void booked(String userId, String nhsNumber, Appointment a, Instant now) {
            forgetBookedBefore(now.minus(KEPT));
            jdbc.sql("""
                    insert into appointment_booked (id, user_id, patient_nhs, service_ods, service_name, reference,
                        starts_at, ends_at, site, practitioner, channel, booked_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """).params(UUID.randomUUID(), userId, nhsNumber, a.service().odsCode(), a.service().name(),
                    a.id(), Timestamp.from(a.start().toInstant()), Timestamp.from(a.end().toInstant()),
                    a.siteName().orElse(null), a.practitioner().orElse(null), a.channel().name(),
                    Timestamp.from(now)).update();
        }

        @Override
        public void cancelled(String serviceOds, String reference) {
            jdbc.sql("delete from appointment_booked where service_ods = ? and reference = ?")
                    .params(serviceOds, reference).update();
        }

        @Override
        public List<BookedInCarepoint> by(String userId, String nhsNumber, Instant since) {
            return jdbc.sql("""
                    select * from appointment_booked where user_id = ? and patient_nhs = ? and booked_at >= ?
                    order by starts_at""").params(userId, nhsNumber, Timestamp.from(since))
                    .query(Jdbc::row).list();
        }

        @Override
        public int forgetBookedBefore(Instant cutoff) {
            return jdbc.sql("delete from appointment_booked where booked_at < ?").param(Timestamp.from(cutoff))
                    .update();
        }

        private static BookedInCarepoint row(ResultSet rs, int n) throws SQLException {
            return new BookedInCarepoint(rs.getString("service_ods"), rs.getString("service_name"),
                    rs.getString("reference"),
                    rs.getTimestamp("starts_at").toInstant().atZone(AppointmentService.UK),
                    rs.getTimestamp("ends_at").toInstant().atZone(AppointmentService.UK),
                    Optional.ofNullable(rs.getString("site")), Optional.ofNullable(rs.getString("practitioner")),
                    DeliveryChannel.valueOf(rs.getString("channel")), rs.getTimestamp("booked_at").toInstant());
        }
    }
}
