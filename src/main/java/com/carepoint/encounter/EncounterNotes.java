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
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Encounter notes in PostgreSQL (table {@code encounter_note}); content and patient as JSON. */
@Repository
class EncounterNotes {

    static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final JdbcClient jdbc;

    EncounterNotes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(EncounterNote n) {
        jdbc.sql("""
                insert into encounter_note (id, kind, status, author_id, author_name, author_role, author_sds_user,
                    author_sds_role, org_ods, org_name, patient_nhs, patient, content, corrects_id, created_at,
                    updated_at, signed_at, revision)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?)
                """).params(n.id(), n.kind().name(), n.status().name(), n.author().userId(), n.author().name(),
                n.author().role(), n.author().sdsUserId(), n.author().sdsRoleProfileId(), n.author().orgOds(),
                n.author().orgName(), n.patient().nhsNumber(), JSON.writeValueAsString(n.patient()),
                JSON.writeValueAsString(n.content()), n.corrects().orElse(null), ts(n.createdAt()),
                ts(n.updatedAt()), n.signedAt().map(EncounterNotes::ts).orElse(null), n.revision()).update();
    }

    /** Saves a draft's content if it is still the author's draft at that revision; true when saved. */
    boolean saveDraft(UUID id, String authorId, int revision, NoteContent content, Instant now) {
        return jdbc.sql("""
                update encounter_note set content = ?::jsonb, updated_at = ?, revision = revision + 1
                where id = ? and author_id = ? and status = 'DRAFT' and revision = ?
                """).params(JSON.writeValueAsString(content), ts(now), id, authorId, revision).update() == 1;
    }

    /** Signs the author's draft at that revision: from now on it never changes (a trigger refuses it). */
    boolean sign(UUID id, String authorId, int revision, Instant now) {
        return jdbc.sql("""
                update encounter_note set status = 'SIGNED', signed_at = ?, updated_at = ?
                where id = ? and author_id = ? and status = 'DRAFT' and revision = ?
                """).params(ts(now), ts(now), id, authorId, revision).update() == 1;
    }

    boolean deleteDraft(UUID id, String authorId) {
        return jdbc.sql("delete from encounter_note where id = ? and author_id = ? and status = 'DRAFT'")
                .params(id, authorId).update() == 1;
    }

    int purgeDraftsBefore(Instant cutoff) {
        return jdbc.sql("delete from encounter_note where status = 'DRAFT' and updated_at < ?")
                .params(ts(cutoff)).update();
    }

    Optional<EncounterNote> find(UUID id) {
        return jdbc.sql("select * from encounter_note where id = ?").param(id).query(EncounterNotes::row)
                .optional();
    }

    List<EncounterNote> byAuthor(String authorId, EncounterNote.Status status, int limit) {
        return jdbc.sql("""
                select * from encounter_note where author_id = ? and status = ? order by updated_at desc limit ?
                """).params(authorId, status.name(), limit).query(EncounterNotes::row).list();
    }

    /** Signed notes about a patient, newest first (for the transparency report). */
    List<EncounterNote> signedFor(String nhsNumber, Instant since) {
        return jdbc.sql("""
                select * from encounter_note where patient_nhs = ? and status = 'SIGNED' and signed_at >= ?
                order by signed_at desc
                """).params(nhsNumber, ts(since)).query(EncounterNotes::row).list();
    }

    /** 1 for a first note; each correction is one more than the note it corrects. */
    int version(EncounterNote note) {
        int version = 1;
        Optional<UUID> corrects = note.corrects();
        while (corrects.isPresent() && version < 100) {
            version++;
            corrects = find(corrects.get()).flatMap(EncounterNote::corrects);
        }
        return version;
    }

    static EncounterNote row(ResultSet rs, int n) throws SQLException {
        return new EncounterNote(rs.getObject("id", UUID.class), NoteKind.valueOf(rs.getString("kind")),
                EncounterNote.Status.valueOf(rs.getString("status")),
                new EncounterNote.Author(rs.getString("author_id"), rs.getString("author_name"),
                        rs.getString("author_role"), rs.getString("author_sds_user"), rs.getString("author_sds_role"),
                        rs.getString("org_ods"), rs.getString("org_name")),
                JSON.readValue(rs.getString("patient"), PatientSnapshot.class),
                JSON.readValue(rs.getString("content"), NoteContent.class),
                Optional.ofNullable(rs.getObject("corrects_id", UUID.class)),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
                Optional.ofNullable(rs.getTimestamp("signed_at")).map(Timestamp::toInstant), rs.getInt("revision"));
    }

    private static Timestamp ts(Instant i) {
        return Timestamp.from(i);
    }
}
