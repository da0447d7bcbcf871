package com.carepoint.audit;

import com.carepoint.access.CurrentUser;
import com.carepoint.kernel.Text;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The emergency-access review queue: every EMERGENCY_ACCESS row of the audit trail, awaiting review until the privacy
 * officer marks it reviewed with a comment. Marking it reviewed is itself audited.
 */
@Service
public class EmergencyAccessReviews {

    public static final String AWAITING_REVIEW = "awaiting review";
    public static final int MIN_COMMENT = 5;
    /** Checked here, on the server: a limit removed in the browser lets nothing longer through. */
    public static final int MAX_COMMENT = 2000;

    /** An emergency access with its review, if it has one. */
    public record Item(long auditEventId, Instant occurredAt, String userId, String userName, String role,
            String orgOds, String orgName, String patientNhs, String detail, String justification,
            Optional<Review> review) {
    }

    /** The privacy officer's review of an emergency access. */
    public record Review(Instant reviewedAt, String reviewerId, String reviewerName, String comment) {
    }

    /** Why a review could not be recorded. */
    public static final class ReviewRefused extends RuntimeException {
        public ReviewRefused(String message) {
            super(message);
        }
    }

    private final JdbcClient jdbc;
    private final AuditTrail trail;

    public EmergencyAccessReviews(JdbcClient jdbc, AuditTrail trail) {
        this.jdbc = jdbc;
        this.trail = trail;
    }

    /** Emergency accesses, oldest awaiting review first; reviewed ones after them, newest first. */
    public List<Item> queue(boolean includeReviewed) {
        return jdbc.sql("""
                select e.*, r.reviewed_at, r.reviewer_id, r.reviewer_name, r.review_comment
                from audit_event e left join emergency_access_review r on r.audit_event_id = e.id
                where e.action = 'EMERGENCY_ACCESS' and (? or r.audit_event_id is null)
                order by (r.audit_event_id is not null), case when r.audit_event_id is null then e.id else -e.id end
                limit 1000
                """).param(includeReviewed).query((rs, n) -> {
                    Timestamp reviewedAt = rs.getTimestamp("reviewed_at");
                    Optional<Review> review = reviewedAt == null ? Optional.empty() : Optional.of(new Review(
                            reviewedAt.toInstant(), rs.getString("reviewer_id"), rs.getString("reviewer_name"),
                            rs.getString("review_comment")));
                    return new Item(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
                            rs.getString("user_id"), rs.getString("user_name"), rs.getString("user_role"),
                            rs.getString("org_ods"), rs.getString("org_name"), rs.getString("patient_nhs"),
                            rs.getString("detail"), rs.getString("reason"), review);
                }).list();
    }

    public long awaitingReview() {
        return jdbc.sql("""
                select count(*) from audit_event e left join emergency_access_review r on r.audit_event_id = e.id
                where e.action = 'EMERGENCY_ACCESS' and r.audit_event_id is null
                """).query(Long.class).single();
    }

    /**
     * Marks an emergency access reviewed, with the reviewer's comment, and audits the review. Refused (with a reason
     * the privacy officer can act on) when the comment is too short, the access does not exist or it has already
     * been reviewed.
     */
    @Transactional
    public Review markReviewed(long auditEventId, CurrentUser reviewer, String comment) {
        String text = comment == null ? "" : Text.withoutDirectionalControls(comment).strip();
        if (text.length() < MIN_COMMENT) {
            throw new ReviewRefused("Write a review comment (at least " + MIN_COMMENT + " characters).");
        }
        if (text.length() > MAX_COMMENT) {
            throw new ReviewRefused("Keep the review comment to " + MAX_COMMENT + " characters (it has "
                    + text.length() + ").");
        }
        Optional<String> patient = jdbc.sql("select patient_nhs from audit_event where id = ? and action = "
                + "'EMERGENCY_ACCESS'").param(auditEventId).query(String.class).optional();
        if (patient.isEmpty()) {
            throw new ReviewRefused("That emergency access is no longer in the audit trail.");
        }
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        int inserted = jdbc.sql("""
                insert into emergency_access_review (audit_event_id, reviewed_at, reviewer_id, reviewer_name,
                    review_comment) values (?, ?, ?, ?, ?) on conflict do nothing
                """).params(auditEventId, Timestamp.from(at), reviewer.userId(), reviewer.name(), text).update();
        if (inserted == 0) {
            throw new ReviewRefused("Someone else has already reviewed this emergency access: refresh the queue.");
        }
        trail.record(new AuditEvent(at, reviewer, patient, AuditAction.AUDIT_REVIEW,
                "Emergency access #" + auditEventId + " marked reviewed", Optional.of(text), "reviewed",
                UUID.randomUUID().toString()));
        return new Review(at, reviewer.userId(), reviewer.name(), text);
    }
}
