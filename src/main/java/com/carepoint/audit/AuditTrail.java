package com.carepoint.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The append-only audit trail in PostgreSQL, anchored outside it.
 * <ul>
 * <li>Each row's hash is an HMAC-SHA256, keyed with a secret the database does not hold ({@link AuditKey}), over its
 * id, content and the previous row's hash: a changed, inserted or removed row breaks the chain from that row on, and
 * without the key nobody can compute a chain that verifies. Rows written before the key was introduced keep their
 * plain SHA-256 hash ({@code hash_alg = 'sha256'}) and verify as such, but only before the first keyed row.</li>
 * <li>Signed checkpoints (the first and newest row with their hashes, and the row count) are appended to a file
 * outside the database ({@link AuditCheckpointFile}) every minute when the trail has grown, on demand, and by every
 * retention purge (stating what it removed). Verification compares the trail with the latest checkpoint, so that
 * removing the newest rows up to the checkpoint, or the oldest rows outside a recorded purge, is detected.</li>
 * </ul>
 * Appends, checkpoints and purges are serialised with an advisory lock, so several Carepoint nodes can share one
 * database (and one checkpoint directory).
 */
@Service
public class AuditTrail {

    static final String GENESIS = "0".repeat(64);
    static final String SHA256 = "sha256";
    static final String HMAC_SHA256 = "hmac-sha256";
    static final long LOCK_KEY = 0x4341524550_4f494eL;

    /**
     * The outcome of verifying the trail.
     *
     * @param intact true when the chain verifies and agrees with the latest checkpoint, and every checkpoint is valid
     * @param rowsChecked rows read
     * @param firstBrokenRowId the first row whose hash or link does not match, if any
     * @param problems each problem found, in plain words; empty when intact
     * @param checkpoint the latest valid checkpoint the trail was compared with
     */
    public record Verification(boolean intact, long rowsChecked, Optional<Long> firstBrokenRowId, List<String> problems,
            Optional<AuditCheckpoint> checkpoint) {
    }

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final AuditKey key;
    private final AuditCheckpointFile checkpoints;

    /**
     * How long an audit write waits for this node's earlier writes before it is given up (and logged as failed by
     * its caller): far beyond any write's time, so only a stuck database ends it.
     */
    static final Duration NODE_WAIT = Duration.ofSeconds(60);

    /**
     * One audit write at a time per node holds a database connection while it waits for the trail's lock. Without
     * it, under load every pooled connection was taken by a write waiting for the advisory lock, and other audit
     * writes (and every other query) failed with "Could not open JDBC Connection": accesses went unaudited (found by
     * the load test, hazard H-055). Nodes are still serialised by the advisory lock.
     */
    private final ReentrantLock nodeLock = new ReentrantLock(true);
    private final TransactionTemplate transaction;

    AuditTrail(JdbcClient jdbc, DataSource dataSource, AuditKey key, AuditCheckpointFile checkpoints,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.key = key;
        this.checkpoints = checkpoints;
        this.transaction = transactions == null ? null : new TransactionTemplate(transactions); // null: hashing only (tests)
    }

    /**
     * Appends the event to the chain and returns its row id. Called inside a transaction (one that already holds a
     * connection), it joins it; otherwise it waits its turn on this node before it takes a connection.
     */
    public long record(AuditEvent e) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return transaction.execute(status -> append(e));
        }
        boolean locked;
        try {
            locked = nodeLock.tryLock(NODE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new DataAccessResourceFailureException("Interrupted while waiting to write to the audit trail");
        }
        if (!locked) {
            throw new DataAccessResourceFailureException("The audit trail did not take the row within "
                    + NODE_WAIT.toSeconds() + " s");
        }
        try {
            return transaction.execute(status -> append(e));
        } finally {
            nodeLock.unlock();
        }
    }

    /** Whether another audit write on this node is waiting for its turn (for the test of that turn). */
    boolean hasQueuedWrites() {
        return nodeLock.hasQueuedThreads();
    }

    private long append(AuditEvent e) {
        lock();
        String prev = jdbc.sql("select hash from audit_event order by id desc limit 1").query(String.class)
                .optional().orElse(GENESIS);
        long id = jdbc.sql("select nextval('audit_event_id_seq')").query(Long.class).single();
        // Microsecond precision: what PostgreSQL stores, so the hash can be recomputed from the stored row.
        Instant at = e.occurredAt().truncatedTo(ChronoUnit.MICROS);
        Row row = new Row(id, at, e.user().userId(), e.user().name(), e.user().role().name(),
                e.user().organisation().odsCode(), e.user().organisation().name(),
                e.user().organisation().type().name(), e.patientNhsNumber().orElse(null), e.action().name(),
                e.detail(), e.reason().orElse(null), e.outcome(), e.traceId(), prev, null, HMAC_SHA256);
        String hash = hmac(row);
        jdbc.sql("""
                insert into audit_event (id, occurred_at, user_id, user_name, user_role, org_ods, org_name, org_type,
                    patient_nhs, action, detail, reason, outcome, trace_id, prev_hash, hash, hash_alg)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(id, Timestamp.from(at), row.userId, row.userName, row.role, row.orgOds, row.orgName,
                        row.orgType, row.patientNhs, row.action, row.detail, row.reason, row.outcome, row.traceId,
                        prev, hash, HMAC_SHA256)
                .update();
        return id;
    }

    /**
     * Recomputes every row's hash in order, checks every checkpoint's signature, and compares the trail with the
     * latest checkpoint. Audit writes go on meanwhile: the rows are read from one snapshot, taken together with the
     * checkpoint file under the trail's lock.
     */
    public Verification verify() {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            boolean locked = false;
            try (Statement st = c.createStatement()) {
                st.execute("select pg_advisory_lock(" + LOCK_KEY + ")");
                locked = true;
                c.setAutoCommit(false);
                c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                st.execute("select 1 from audit_event limit 1"); // the snapshot: taken now, while no one appends
                AuditCheckpointFile.Contents file = checkpoints.read();
                st.execute("select pg_advisory_unlock(" + LOCK_KEY + ")");
                locked = false;
                return verify(c, file);
            } finally {
                if (!c.getAutoCommit()) {
                    c.rollback();
                }
                c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                c.setAutoCommit(autoCommit);
                if (locked) {
                    try (Statement st = c.createStatement()) {
                        st.execute("select pg_advisory_unlock(" + LOCK_KEY + ")");
                    }
                }
            }
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("The audit trail could not be read", e);
        }
    }

    private Verification verify(Connection c, AuditCheckpointFile.Contents file) throws SQLException {
        List<String> problems = new ArrayList<>(file.problems());
        Optional<AuditCheckpoint> latest = file.latestValid();
        AuditCheckpoint cp = latest.orElse(null);
        ChainWalk walk = new ChainWalk(null, false);
        Facts.Builder facts = new Facts.Builder(cp);
        try (PreparedStatement ps = c.prepareStatement("select * from audit_event order by id")) {
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Row r = row(rs);
                    walk.accept(r);
                    facts.accept(r);
                }
            }
        }
        walk.problem().ifPresent(p -> problems.add(0, p));
        Facts f = facts.build();
        if (cp != null) {
            problems.addAll(compare(cp, f));
        } else if (f.keyedRows() > 0) {
            problems.add(noCheckpoint(file, f));
        }
        return new Verification(problems.isEmpty(), walk.checked, Optional.ofNullable(walk.firstBroken), problems,
                latest);
    }

    /** Writes a checkpoint now, if the trail still agrees with the previous one (else throws, writing nothing). */
    @Transactional
    public AuditCheckpoint checkpoint() {
        lock();
        Optional<AuditCheckpoint> last = checkpoints.last();
        requireConsistentWith(last);
        return write(last, AuditCheckpoint.ON_DEMAND, 0);
    }

    /** The periodic checkpoint: written only when the trail has changed since the last one. */
    @Transactional
    public Optional<AuditCheckpoint> checkpointIfChanged() {
        lock();
        Optional<AuditCheckpoint> last = checkpoints.last();
        Facts now = requireConsistentWith(last);
        if (last.isPresent() && last.get().headId() == now.headId() && last.get().firstId() == now.firstId()
                && last.get().count() == now.rows()) {
            return Optional.empty();
        }
        return Optional.of(write(last, last.isEmpty() ? AuditCheckpoint.START : AuditCheckpoint.PERIODIC, 0));
    }

    /**
     * The first checkpoint, written at start-up before anything is audited, when there is none yet and the trail has
     * no keyed rows (a new installation, or the first start after the upgrade to the keyed chain: it seals the
     * unkeyed rows as they are). Keyed rows without any checkpoint are a broken trail, and nothing is written.
     */
    @Transactional
    public Optional<AuditCheckpoint> startCheckpoint() {
        lock();
        if (checkpoints.read().exists()) {
            return Optional.empty();
        }
        requireConsistentWith(Optional.empty());
        return Optional.of(write(Optional.empty(), AuditCheckpoint.START, 0));
    }

    /**
     * Retention: deletes the oldest part of the chain, up to the first row recorded at or after the cutoff (the only
     * deletion the table allows), never rows younger than the database's minimum retention. Only a prefix is removed,
     * so what remains still verifies from its first row; a purge checkpoint records the new first row and how many
     * rows went, so the purge verifies and an unrecorded deletion of the oldest rows does not. Nothing is purged when
     * the trail no longer agrees with its last checkpoint (that would remove the evidence).
     */
    @Transactional
    public int purgeOlderThan(Instant cutoff) {
        lock();
        Optional<AuditCheckpoint> last = checkpoints.last();
        requireConsistentWith(last);
        // The only way rows leave: the owner's audit_purge(), which never removes rows younger than the minimum
        // retention the database holds, whatever cutoff is asked for (V4__least_privilege_audit.sql).
        int removed = jdbc.sql("select audit_purge(?)").param(Timestamp.from(cutoff)).query(Integer.class).single();
        if (removed > 0) {
            // Written before the deletion commits: should the commit fail, the rows the checkpoint says were purged
            // are still there and still chain into its first row, which verifies.
            write(last, AuditCheckpoint.PURGE, removed);
        }
        return removed;
    }

    private void lock() {
        jdbc.sql("select pg_advisory_xact_lock(?)").param(LOCK_KEY).query().singleValue();
    }

    /** Under the lock: the trail now, checked against the last checkpoint and, after its head, row by row. */
    private Facts requireConsistentWith(Optional<AuditCheckpoint> last) {
        AuditCheckpoint cp = last.orElse(null);
        Facts.Builder facts = new Facts.Builder(cp);
        List<String> problems = new ArrayList<>();
        if (cp == null) {
            ChainWalk walk = new ChainWalk(null, false);
            rows("select * from audit_event order by id", List.of(), r -> {
                walk.accept(r);
                facts.accept(r);
            });
            walk.problem().ifPresent(problems::add);
            Facts f = facts.build();
            if (f.keyedRows() > 0) {
                problems.add(noCheckpoint(checkpoints.read(), f));
            }
            throwIfAny(problems);
            return f;
        }
        // Only the rows since the last checkpoint are walked; the rest are summarised by the database.
        jdbc.sql("""
                select count(*) filter (where id between ? and ?) as in_range, count(*) as total,
                       count(*) filter (where hash_alg = 'hmac-sha256') as keyed, min(id) as first, max(id) as head
                from audit_event
                """).params(cp.firstId(), cp.headId()).query(rs -> {
                    facts.summary(rs.getLong("total"), rs.getLong("keyed"), rs.getLong("in_range"), rs.getLong("first"),
                            rs.getLong("head"));
                });
        rows("select * from audit_event where id in (?, ?, (select min(id) from audit_event), "
                + "(select max(id) from audit_event)) order by id", List.of(cp.firstId(), cp.headId()), facts::known);
        Optional<Row> head = facts.checkpointHeadRow();
        ChainWalk walk = new ChainWalk(head.isPresent() ? cp.headHash() : null,
                head.map(r -> HMAC_SHA256.equals(r.alg)).orElse(false));
        rows("select * from audit_event where id > ? order by id", List.of(cp.headId()), r -> {
            walk.accept(r);
        });
        walk.problem().ifPresent(problems::add);
        Facts f = facts.build();
        problems.addAll(compare(cp, f));
        throwIfAny(problems);
        return f;
    }

    private static void throwIfAny(List<String> problems) {
        if (!problems.isEmpty()) {
            throw new AuditChainBrokenException(problems);
        }
    }

    /** Under the lock: appends the next checkpoint, stating the trail as it is now. */
    private AuditCheckpoint write(Optional<AuditCheckpoint> last, String kind, long purged) {
        Facts now = jdbc.sql("""
                select count(*) as total, count(*) filter (where hash_alg = 'hmac-sha256') as keyed,
                       min(id) as first, max(id) as head,
                       (select hash from audit_event order by id limit 1) as first_hash,
                       (select hash from audit_event order by id desc limit 1) as head_hash
                from audit_event
                """).query((rs, n) -> new Facts(rs.getLong("total"), rs.getLong("keyed"), rs.getLong("first"),
                        Optional.ofNullable(rs.getString("first_hash")).orElse(GENESIS), rs.getLong("head"),
                        Optional.ofNullable(rs.getString("head_hash")).orElse(GENESIS), 0, Optional.empty(),
                        Optional.empty())).single();
        AuditCheckpoint cp = new AuditCheckpoint(last.map(l -> l.seq() + 1).orElse(1L), kind,
                Instant.now().truncatedTo(ChronoUnit.MILLIS).toString(), now.firstId(), now.firstHash(), now.headId(),
                now.headHash(), now.rows(), purged, key.id(),
                last.map(AuditCheckpoint::sig).orElse(AuditCheckpointFile.NO_PREVIOUS), "").signedWith(key);
        checkpoints.append(cp);
        return cp;
    }

    private void rows(String sql, List<Object> params, Consumer<Row> each) {
        jdbc.sql(sql).params(params).query(rs -> {
            each.accept(row(rs));
        });
    }

    /** How the trail differs from what the checkpoint recorded, in plain words; empty when it agrees. */
    static List<String> compare(AuditCheckpoint cp, Facts f) {
        List<String> problems = new ArrayList<>();
        if (cp.count() == 0) {
            return problems;
        }
        if (f.rows() == 0) {
            problems.add("all rows are missing: " + cp.label() + " recorded " + cp.count() + " rows, from row "
                    + cp.firstId() + " to row " + cp.headId() + ", and the trail is now empty");
            return problems;
        }
        boolean headOk = false;
        Optional<String> head = f.hashOfCheckpointHead();
        if (head.isEmpty()) {
            problems.add(f.headId() < cp.headId()
                    ? "rows after checkpoint " + cp.seq() + " are missing: " + cp.label() + " recorded row "
                            + cp.headId() + " as the newest, and the newest row now is " + f.headId()
                    : "row " + cp.headId() + ", the newest at " + cp.label() + ", is missing");
        } else if (!head.get().equals(cp.headHash())) {
            problems.add("row " + cp.headId() + ", the newest at " + cp.label() + ", was changed: its hash is not the "
                    + "one checkpointed");
        } else {
            headOk = true;
        }
        boolean firstOk = false;
        Optional<String> first = f.hashOfCheckpointFirst();
        if (first.isEmpty()) {
            problems.add(f.firstId() > cp.firstId()
                    ? "the oldest rows were removed without a recorded purge: " + cp.label() + " recorded row "
                            + cp.firstId() + " as the first, and the first row now is " + f.firstId()
                    : "row " + cp.firstId() + ", the first at " + cp.label() + ", is missing");
        } else if (!first.get().equals(cp.firstHash())) {
            problems.add("row " + cp.firstId() + ", the first at " + cp.label() + ", was changed: its hash is not the "
                    + "one checkpointed");
        } else {
            firstOk = true;
        }
        if (headOk && firstOk && f.countInCheckpointRange() != cp.count()) {
            long d = cp.count() - f.countInCheckpointRange();
            problems.add(d > 0
                    ? d + " of the " + cp.count() + " rows recorded by " + cp.label() + " (rows " + cp.firstId()
                            + " to " + cp.headId() + ") are missing"
                    : -d + " rows were added between row " + cp.firstId() + " and row " + cp.headId() + " after "
                            + cp.label());
        }
        return problems;
    }

    private String noCheckpoint(AuditCheckpointFile.Contents file, Facts f) {
        return (file.exists() ? "no valid checkpoint in " : "no checkpoint in ") + checkpoints.file() + ", but the trail has "
                + f.keyedRows() + " keyed rows: the checkpoints were removed, or this is not the directory the trail "
                + "was checkpointed to (carepoint.audit.checkpoint-dir)";
    }

    /** The trail's shape, and the rows the latest checkpoint names. */
    record Facts(long rows, long keyedRows, long firstId, String firstHash, long headId, String headHash,
            long countInCheckpointRange, Optional<String> hashOfCheckpointHead, Optional<String> hashOfCheckpointFirst) {

        /** Collects the facts from rows (all of them, or a summary and the few named rows). */
        static final class Builder {
            private final AuditCheckpoint cp;
            private long rows;
            private long keyed;
            private long inRange;
            private long firstId;
            private String firstHash = GENESIS;
            private long headId;
            private String headHash = GENESIS;
            private Row cpHead;
            private Row cpFirst;

            Builder(AuditCheckpoint cp) {
                this.cp = cp;
            }

            void accept(Row r) {
                rows++;
                if (HMAC_SHA256.equals(r.alg)) {
                    keyed++;
                }
                if (cp != null && r.id >= cp.firstId() && r.id <= cp.headId()) {
                    inRange++;
                }
                if (rows == 1) {
                    firstId = r.id;
                    firstHash = r.hash;
                }
                headId = r.id;
                headHash = r.hash;
                known(r);
            }

            void summary(long total, long keyedRows, long countInRange, long first, long head) {
                rows = total;
                keyed = keyedRows;
                inRange = countInRange;
                firstId = first;
                headId = head;
            }

            void known(Row r) {
                if (cp != null && r.id == cp.headId()) {
                    cpHead = r;
                }
                if (cp != null && r.id == cp.firstId()) {
                    cpFirst = r;
                }
                if (r.id == firstId) {
                    firstHash = r.hash;
                }
                if (r.id == headId) {
                    headHash = r.hash;
                }
            }

            Optional<Row> checkpointHeadRow() {
                return Optional.ofNullable(cpHead);
            }

            Facts build() {
                return new Facts(rows, keyed, firstId, firstHash, headId, headHash, inRange,
                        Optional.ofNullable(cpHead).map(Row::hash), Optional.ofNullable(cpFirst).map(Row::hash));
            }
        }
    }

    /** Walks rows in id order, checking each row's hash and its link to the row before. */
    final class ChainWalk {
        private String expectedPrev;
        private boolean keyedSeen;
        long checked;
        Long firstBroken;
        private String why;

        /** @param expectedPrev the hash the first row must link to; null: the first row's link is its own anchor */
        ChainWalk(String expectedPrev, boolean keyedSeen) {
            this.expectedPrev = expectedPrev;
            this.keyedSeen = keyedSeen;
        }

        void accept(Row r) {
            checked++;
            if (firstBroken != null) {
                return;
            }
            boolean keyed = HMAC_SHA256.equals(r.alg);
            if (!keyed && !SHA256.equals(r.alg)) {
                broken(r, "row " + r.id + " names an unknown hash algorithm");
            } else if (!keyed && keyedSeen) {
                broken(r, "row " + r.id + " has an unkeyed (SHA-256) hash after keyed rows: it was rewritten without "
                        + "the key");
            } else if (expectedPrev != null && !expectedPrev.equals(r.prevHash)) {
                broken(r, "row " + r.id + " does not follow the row before it: rows between them were removed or "
                        + "inserted, or the row before it was changed");
            } else if (!(keyed ? hmac(r) : sha256(r)).equals(r.hash)) {
                broken(r, keyed
                        ? "row " + r.id + " does not match its HMAC: it was changed, or its hash recomputed without the key"
                        : "row " + r.id + " does not match its SHA-256 hash: it was changed");
            }
            keyedSeen |= keyed;
            expectedPrev = r.hash;
        }

        private void broken(Row r, String reason) {
            firstBroken = r.id;
            why = reason;
        }

        Optional<String> problem() {
            return Optional.ofNullable(why);
        }
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
            String traceId, String prevHash, String hash, String alg) {
    }

    static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("user_id"),
                rs.getString("user_name"), rs.getString("user_role"), rs.getString("org_ods"), rs.getString("org_name"),
                rs.getString("org_type"), rs.getString("patient_nhs"), rs.getString("action"), rs.getString("detail"),
                rs.getString("reason"), rs.getString("outcome"), rs.getString("trace_id"), rs.getString("prev_hash"),
                rs.getString("hash"), rs.getString("hash_alg"));
    }

    /** The keyed hash: HMAC-SHA256 over the algorithm, the row's id, its content and the previous row's hash. */
    String hmac(Row r) {
        return key.hmacHex(String.join("\u001f", HMAC_SHA256, Long.toString(r.id), canonical(r)));
    }

    /** The unkeyed hash of rows written before the keyed chain (unchanged from V2): SHA-256 of the content. */
    static String sha256(Row r) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(canonical(r).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String canonical(Row r) {
        return String.join("\u001f", r.at.truncatedTo(ChronoUnit.MICROS).toString(), r.userId, r.userName,
                r.role, r.orgOds, r.orgName, r.orgType, String.valueOf(r.patientNhs), r.action, r.detail,
                String.valueOf(r.reason), r.outcome, r.traceId, r.prevHash);
    }
}
