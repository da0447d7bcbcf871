package com.carepoint.encounter;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The durable outbox of signed notes (table {@code note_delivery}). */
@Repository
class NoteDeliveries {

    private final JdbcClient jdbc;

    NoteDeliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Queues a signed note's delivery: in the caller's transaction, so the note is never signed without it. */
    void queue(EncounterNote note, Instant now) {
        jdbc.sql("""
                insert into note_delivery (note_id, local_id, itk_message_id, status, recipient, attempts,
                    next_attempt_at, queued_at)
                values (?, ?, ?, 'QUEUED', ?, 0, ?, ?)
                """).params(note.id(), "carepoint-" + note.id(), messageId(note.id()).toString(),
                note.patient().registeredPracticeOds(), ts(now), ts(now)).update();
    }

    /**
     * The ITK3 message id of a note's message: the same for every attempt (derived from the note's id), so a resend
     * after a crash is the same message to MESH's recipient, which recognises it.
     */
    static UUID messageId(UUID noteId) {
        return UUID.nameUUIDFromBytes(("carepoint-send-document:" + noteId).getBytes(
                java.nio.charset.StandardCharsets.UTF_8));
    }

    Optional<NoteDelivery> of(UUID noteId) {
        return jdbc.sql("select * from note_delivery where note_id = ?").param(noteId).query(NoteDeliveries::row)
                .optional();
    }

    /**
     * Deliveries someone must act on, oldest first: alerted and still on their way (any age), and rejected or not
     * delivered since {@code endedSince} and not yet marked followed up.
     */
    List<NoteDelivery> needingAttention(Instant endedSince, int limit) {
        return jdbc.sql("""
                select * from note_delivery
                where (alerted_at is not null and status not in ('FILED', 'REJECTED', 'FAILED'))
                   or (status in ('REJECTED', 'FAILED') and completed_at >= ? and followed_up_at is null)
                order by queued_at limit ?""").params(ts(endedSince), limit).query(NoteDeliveries::row).list();
    }

    /** The same, for one author's notes only. */
    List<NoteDelivery> needingAttentionBy(String authorId, Instant endedSince, int limit) {
        return jdbc.sql("""
                select d.* from note_delivery d join encounter_note n on n.id = d.note_id
                where n.author_id = ?
                  and ((d.alerted_at is not null and d.status not in ('FILED', 'REJECTED', 'FAILED'))
                    or (d.status in ('REJECTED', 'FAILED') and d.completed_at >= ? and d.followed_up_at is null))
                order by d.queued_at limit ?""").params(authorId, ts(endedSince), limit)
                .query(NoteDeliveries::row).list();
    }

    /**
     * Marks a rejected or undelivered note followed up; false when it is not one (still on its way, filed) or was
     * already marked.
     */
    boolean markFollowedUp(UUID noteId, String by, String whatWasDone, Instant at) {
        return jdbc.sql("""
                update note_delivery set followed_up_at = ?, followed_up_by = ?, followed_up_note = ?
                where note_id = ? and status in ('REJECTED', 'FAILED') and followed_up_at is null""")
                .params(ts(at), by, whatWasDone, noteId).update() == 1;
    }

    static NoteDelivery row(ResultSet rs, int n) throws SQLException {
        return new NoteDelivery(rs.getObject("note_id", UUID.class), rs.getString("local_id"),
                NoteDelivery.Status.valueOf(rs.getString("status")), Optional.ofNullable(rs.getString("status_detail")),
                Optional.ofNullable(rs.getString("mesh_message_id")), rs.getString("recipient"), rs.getInt("attempts"),
                rs.getTimestamp("next_attempt_at").toInstant(), rs.getTimestamp("queued_at").toInstant(),
                instant(rs, "accepted_at"), instant(rs, "delivered_at"), instant(rs, "completed_at"),
                Optional.ofNullable(rs.getString("last_error")), instant(rs, "alerted_at"));
    }

    private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getTimestamp(column)).map(Timestamp::toInstant);
    }

    private static Timestamp ts(Instant i) {
        return Timestamp.from(i);
    }
}
