package com.carepoint.audit;

import com.carepoint.access.CurrentUser;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * GP practices asked to be told when an organisation sees their patients' records for the first time. The first time
 * a user's organisation receives any part of a record from a practice, that is recorded once as a notification for
 * the practice, listed for the privacy officer.
 */
@Service
public class PracticeNotifications {

    private static final Logger log = LoggerFactory.getLogger(PracticeNotifications.class);

    /** The first access by an organisation to records held by a practice. */
    public record Notification(String practiceOds, String practiceName, String orgOds, String orgName, String orgType,
            Instant firstAccessAt, String firstUserRole, String traceId) {
    }

    private final JdbcClient jdbc;

    public PracticeNotifications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records that the user's organisation received part of a record from the practice; only the first time for that
     * practice and organisation makes a notification.
     *
     * @return true when this was the organisation's first access to the practice's records
     */
    public boolean accessed(CurrentUser user, String practiceOds, String practiceName, String traceId) {
        try {
            return jdbc.sql("""
                    insert into practice_notification (practice_ods, practice_name, org_ods, org_name, org_type,
                        first_access_at, first_user_role, trace_id) values (?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict do nothing
                    """).params(practiceOds, practiceName, user.organisation().odsCode(), user.organisation().name(),
                    user.organisation().type().name(), Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MICROS)),
                    user.role().name(), traceId).update() == 1;
        } catch (RuntimeException e) {
            log.error("PRACTICE NOTIFICATION WRITE FAILED trace={}: {}", traceId, e.toString());
            return false;
        }
    }

    /** Notifications, newest first, optionally for one practice. */
    public List<Notification> list(Optional<String> practiceOds) {
        return jdbc.sql("select * from practice_notification where (cast(? as varchar) is null or upper(practice_ods) "
                + "= upper(cast(? as varchar))) order by first_access_at desc limit 1000")
                .params(practiceOds.orElse(null), practiceOds.orElse(null))
                .query((rs, n) -> new Notification(rs.getString("practice_ods"), rs.getString("practice_name"),
                        rs.getString("org_ods"), rs.getString("org_name"), rs.getString("org_type"),
                        rs.getTimestamp("first_access_at").toInstant(), rs.getString("first_user_role"),
                        rs.getString("trace_id"))).list();
    }
}
