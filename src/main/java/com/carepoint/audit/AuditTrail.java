package com.carepoint.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only audit trail in PostgreSQL. Each row's hash covers its content and the previous row's hash, so a
 * changed, inserted or removed row breaks the chain from that row on. Appends are serialised with a transaction-scoped
 * advisory lock, so several Carepoint instances can write to one database.
 */
@Service
public class AuditTrail {

    static final String GENESIS = "0".repeat(64);
    private static final long LOCK_KEY = 0x4341524550_4f494eL;

    /** The outcome of verifying the chain: intact, or the first row that does not match. */
    public record Verification(boolean intact, long rowsChecked, Optional<Long> firstBrokenRowId) {
    }

    private final JdbcClient jdbc;

    public AuditTrail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public long record(AuditEvent e) {
        jdbc.sql("select pg_advisory_xact_lock(?)").param(LOCK_KEY).query().singleValue();
        String prev = jdbc.sql("select hash from audit_event order by id desc limit 1").query(String.class)
                .optional().orElse(GENESIS);
        // Microsecond precision: what PostgreSQL stores, so the hash can be recomputed from the stored row.
        Instant at = e.occurredAt().truncatedTo(ChronoUnit.MICROS);
        Row row = new Row(0, at, e.user().userId(), e.user().name(), e.user().role().name(),
                e.user().organisation().odsCode(), e.user().organisation().name(),
                e.user().organisation().type().name(), e.patientNhsNumber().orElse(null), e.action().name(),
                e.detail(), e.reason().orElse(null), e.outcome(), e.traceId(), prev, null);
        String hash = hash(row);
        return jdbc.sql("""
                insert into audit_event (occurred_at, user_id, user_name, user_role, org_ods, org_name, org_type,
                    patient_nhs, action, detail, reason, outcome, trace_id, prev_hash, hash)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
                """)
                .params(Timestamp.from(at), row.userId, row.userName, row.role, row.orgOds, row.orgName, row.orgType,
                        row.patientNhs, row.action, row.detail, row.reason, row.outcome, row.traceId, prev, hash)
                .query(Long.class).single();
    }

    /** Recomputes every row's hash in order; reports the first row whose content or link does not match. */
    public Verification verify() {
        List<Row> rows = jdbc.sql("select * from audit_event order by id").query((rs, n) -> new Row(
                rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("user_id"),
                rs.getString("user_name"), rs.getString("user_role"), rs.getString("org_ods"), rs.getString("org_name"),
                rs.getString("org_type"), rs.getString("patient_nhs"), rs.getString("action"), rs.getString("detail"),
                rs.getString("reason"), rs.getString("outcome"), rs.getString("trace_id"), rs.getString("prev_hash"),
                rs.getString("hash"))).list();
        String expectedPrev = null;
        long checked = 0;
        for (Row r : rows) {
            checked++;
            // The oldest remaining row may follow rows removed by retention: its own link is taken as the anchor.
            boolean linked = expectedPrev == null || expectedPrev.equals(r.prevHash);
            if (!linked || !hash(r).equals(r.hash)) {
                return new Verification(false, checked, Optional.of(r.id));
            }
            expectedPrev = r.hash;
        }
        return new Verification(true, checked, Optional.empty());
    }

    /**
     * Retention: deletes the oldest part of the chain, up to the first row recorded at or after the cutoff (the only
     * deletion the table allows), never rows younger than the database's minimum retention. Only a prefix is removed,
     * so what remains still verifies from its first row.
     */
    @Transactional
    public int purgeOlderThan(Instant cutoff) {
        jdbc.sql("select pg_advisory_xact_lock(?)").param(LOCK_KEY).query().singleValue();
        // The only way rows leave: the owner's audit_purge(), which never removes rows younger than the minimum
        // retention the database holds, whatever cutoff is asked for (V4__least_privilege_audit.sql).
        return jdbc.sql("select audit_purge(?)").param(Timestamp.from(cutoff)).query(Integer.class).single();
    }

    /** What the privacy officer can search the trail by; empty criteria are not applied. */
    public record Criteria(Optional<String> userId, Optional<String> nhsNumber, Optional<String> odsCode,
            Optional<LocalDate> from, Optional<LocalDate> to) {
    }

    /** One audit row as the privacy officer sees it. */
    public record Entry(long id, Instant occurredAt, String userId, String userName, String role, String orgOds,
            String orgName, String patientNhs, String action, String detail, String reason, String outcome,
            String traceId) {
    }

    public static final int SEARCH_LIMIT = 1000;

    /** Newest first, at most {@link #SEARCH_LIMIT} rows. Dates are UK calendar days, both ends inclusive. */
    public List<Entry> search(Criteria c) {
        StringBuilder sql = new StringBuilder("select * from audit_event where true");
        List<Object> params = new ArrayList<>();
        c.userId().ifPresent(v -> { sql.append(" and user_id = ?"); params.add(v); });
        c.nhsNumber().ifPresent(v -> { sql.append(" and patient_nhs = ?"); params.add(v); });
        c.odsCode().ifPresent(v -> { sql.append(" and upper(org_ods) = upper(?)"); params.add(v); });
        ZoneId uk = ZoneId.of("Europe/London");
        c.from().ifPresent(v -> { sql.append(" and occurred_at >= ?"); params.add(Timestamp.from(v.atStartOfDay(uk).toInstant())); });
        c.to().ifPresent(v -> { sql.append(" and occurred_at < ?"); params.add(Timestamp.from(v.plusDays(1).atStartOfDay(uk).toInstant())); });
        sql.append(" order by id desc limit ").append(SEARCH_LIMIT);
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> new Entry(rs.getLong("id"),
                rs.getTimestamp("occurred_at").toInstant(), rs.getString("user_id"), rs.getString("user_name"),
                rs.getString("user_role"), rs.getString("org_ods"), rs.getString("org_name"),
                rs.getString("patient_nhs"), rs.getString("action"), rs.getString("detail"), rs.getString("reason"),
                rs.getString("outcome"), rs.getString("trace_id"))).list();
    }

    record Row(long id, Instant at, String userId, String userName, String role, String orgOds, String orgName,
            String orgType, String patientNhs, String action, String detail, String reason, String outcome,
            String traceId, String prevHash, String hash) {
    }

    static String hash(Row r) {
        String canonical = String.join("\u001f", r.at.truncatedTo(ChronoUnit.MICROS).toString(), r.userId, r.userName,
                r.role, r.orgOds, r.orgName, r.orgType, String.valueOf(r.patientNhs), r.action, r.detail,
                String.valueOf(r.reason), r.outcome, r.traceId, r.prevHash);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
