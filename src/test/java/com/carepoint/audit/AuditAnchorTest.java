package com.carepoint.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.carepoint.Application;
import com.carepoint.access.DemoUsers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit trail against an attacker who has the database owner's account but neither the chain's key nor write
 * access to the checkpoint directory: each attack is carried out with the owner's connection (triggers switched off
 * where the owner can switch them off), verification must report it plainly, no checkpoint may be written over it,
 * and the test puts the rows back afterwards so that the trail verifies again.
 */
@SpringBootTest(classes = Application.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditAnchorTest {

    @Autowired
    AuditTrail audit;
    @Autowired
    AuditChainEndpoint endpoint;
    @Autowired
    AuditCheckpointFile checkpoints;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    @FlywayDataSource
    DataSource owner;

    long record(String detail) {
        return audit.record(new AuditEvent(Instant.now(), DemoUsers.PARAMEDIC, Optional.of("9990000018"),
                AuditAction.RECORD_VIEW, detail, Optional.of("Ambulance attendance"), "shown",
                UUID.randomUUID().toString()));
    }

    @Test
    void newRowsCarryAnHmacThatPlainSha256CannotReproduce() {
        long id = record("keyed");
        AuditTrail.Row row = rowsFrom(id).getFirst();
        assertThat(row.alg()).isEqualTo(AuditTrail.HMAC_SHA256);
        assertThat(row.hash()).isEqualTo(audit.hmac(row)).isNotEqualTo(AuditTrail.sha256(row));
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void theOwnerDeletingTheNewestRowsIsDetected() {
        long a = record("a");
        long b = record("b");
        long c = record("c");
        AuditCheckpoint cp = audit.checkpoint();
        assertThat(cp.headId()).isEqualTo(c);
        assertThat(audit.verify().intact()).isTrue();

        attack("delete from audit_event where id >= " + b, () -> {
            AuditTrail.Verification v = audit.verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.firstBrokenRowId()).as("what is left still chains: only the checkpoint shows it").isEmpty();
            assertThat(v.problems()).containsExactly("rows after checkpoint " + cp.seq() + " are missing: "
                    + cp.label() + " recorded row " + c + " as the newest, and the newest row now is " + a);
            assertThat(endpoint.verify()).containsEntry("intact", false).containsEntry("problems", v.problems());
            assertNothingIsCheckpointedOverIt();
        });
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void theOwnerDeletingTheOldestRowsOutsideARecordedPurgeIsDetected() {
        record("x");
        record("y");
        record("z");
        AuditCheckpoint cp = audit.checkpoint();
        long first = cp.firstId();
        long second = jdbc.sql("select min(id) from audit_event where id > ?").param(first).query(Long.class).single();
        long third = jdbc.sql("select min(id) from audit_event where id > ?").param(second).query(Long.class).single();

        attack("delete from audit_event where id <= " + second, () -> {
            AuditTrail.Verification v = audit.verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.firstBrokenRowId()).isEmpty();
            assertThat(v.problems()).containsExactly("the oldest rows were removed without a recorded purge: "
                    + cp.label() + " recorded row " + first + " as the first, and the first row now is " + third);
            assertNothingIsCheckpointedOverIt();
            assertThatThrownBy(() -> audit.purgeOlderThan(Instant.now()))
                    .as("nor does the retention purge run over it").isInstanceOf(AuditChainBrokenException.class);
        });
        assertThat(audit.verify().intact()).isTrue();

        // The owner may also call the purge function itself, with the minimum retention shortened: the rows go the
        // way a purge removes them, but no purge checkpoint records it.
        long kept = record("kept");
        audit.checkpoint();
        Instant keptAt = jdbc.sql("select occurred_at from audit_event where id = ?").param(kept)
                .query(Timestamp.class).single().toInstant();
        attack(List.of("update audit_settings set min_retention = interval '0'",
                "select audit_purge('" + keptAt + "')",
                "update audit_settings set min_retention = interval '8 years'"), () -> {
            AuditTrail.Verification v = audit.verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.problems()).singleElement().asString()
                    .startsWith("the oldest rows were removed without a recorded purge");
        });
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void theOwnerChangingARowAndRecomputingTheChainWithoutTheKeyIsDetected() {
        record("before");
        long changed = record("to be changed");
        long after = record("after");
        AuditCheckpoint cp = audit.checkpoint();

        // (1) Recomputed as the old unkeyed SHA-256 chain, from the changed row on.
        List<String> asSha256 = rewrite(changed, r -> AuditTrail.sha256(r), AuditTrail.SHA256);
        attack(asSha256, () -> {
            AuditTrail.Verification v = audit.verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.firstBrokenRowId()).hasValue(changed);
            assertThat(v.problems()).containsExactly(
                    "row " + changed + " has an unkeyed (SHA-256) hash after keyed rows: it was rewritten without the key",
                    "row " + after + ", the newest at " + cp.label() + ", was changed: its hash is not the one checkpointed");
            assertNothingIsCheckpointedOverIt();
        });
        assertThat(audit.verify().intact()).isTrue();

        // (2) Recomputed as an HMAC chain with a key of the attacker's own.
        AuditTrail guessed = new AuditTrail(jdbc, owner, AuditKey.random(), checkpoints, null);
        List<String> withAnotherKey = rewrite(changed, guessed::hmac, AuditTrail.HMAC_SHA256);
        attack(withAnotherKey, () -> {
            AuditTrail.Verification v = audit.verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.firstBrokenRowId()).hasValue(changed);
            assertThat(v.problems()).containsExactly(
                    "row " + changed + " does not match its HMAC: it was changed, or its hash recomputed without the key",
                    "row " + after + ", the newest at " + cp.label() + ", was changed: its hash is not the one checkpointed");
            assertNothingIsCheckpointedOverIt();
        });
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void aLegitimateRetentionPurgeIsRecordedAndStillVerifies() {
        record("old");
        long kept = record("kept");
        Instant cutoff = jdbc.sql("select occurred_at from audit_event where id = ?").param(kept)
                .query(Timestamp.class).single().toInstant();
        int purged;
        try {
            ownerSql("update audit_settings set min_retention = interval '0'");
            purged = audit.purgeOlderThan(cutoff);
        } finally {
            ownerSql("update audit_settings set min_retention = interval '8 years'");
        }
        assertThat(purged).isGreaterThanOrEqualTo(1);
        AuditCheckpoint last = checkpoints.last().orElseThrow();
        assertThat(last.kind()).isEqualTo(AuditCheckpoint.PURGE);
        assertThat(last.purged()).isEqualTo(purged);
        assertThat(last.firstId()).isEqualTo(kept);
        AuditTrail.Verification v = audit.verify();
        assertThat(v.problems()).isEmpty();
        assertThat(v.intact()).isTrue();
        assertThat(v.checkpoint()).hasValue(last);
    }

    @Test
    void aChangedCheckpointIsDetected() throws IOException {
        record("checkpointed");
        AuditCheckpoint cp = audit.checkpoint();
        byte[] original = Files.readAllBytes(checkpoints.file());
        String text = new String(original, StandardCharsets.UTF_8);
        // The attacker raises the count in the last checkpoint, to cover rows they will insert.
        String changed = text.replace("\"count\":" + cp.count() + ",", "\"count\":" + (cp.count() + 5) + ",");
        assertThat(changed).isNotEqualTo(text);
        try {
            Files.writeString(checkpoints.file(), changed);
            AuditTrail.Verification v = audit.verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.problems()).contains("checkpoint " + cp.seq()
                    + " signature invalid: it was changed after it was written");
            assertThatThrownBy(audit::checkpoint).isInstanceOf(AuditChainBrokenException.class)
                    .hasMessageContaining("checkpoint " + cp.seq() + " signature invalid");
        } finally {
            Files.write(checkpoints.file(), original);
        }
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void keyedRowsWithoutAnyCheckpointAreReported() throws IOException {
        record("anchored");
        audit.checkpoint();
        Path aside = checkpoints.file().resolveSibling("moved-aside.jsonl");
        Files.move(checkpoints.file(), aside);
        try {
            AuditTrail.Verification v = audit.verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.problems()).singleElement().asString().startsWith("no checkpoint in " + checkpoints.file())
                    .contains("keyed rows: the checkpoints were removed");
            assertThatThrownBy(audit::startCheckpoint).as("nor is a new first checkpoint written over it")
                    .isInstanceOf(AuditChainBrokenException.class);
            assertThat(checkpoints.file()).doesNotExist();
        } finally {
            Files.move(aside, checkpoints.file());
        }
        assertThat(audit.verify().intact()).isTrue();
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    private void assertNothingIsCheckpointedOverIt() {
        long before = lines();
        assertThatThrownBy(audit::checkpointIfChanged).isInstanceOf(AuditChainBrokenException.class);
        assertThatThrownBy(audit::checkpoint).isInstanceOf(AuditChainBrokenException.class);
        assertThat(lines()).isEqualTo(before);
    }

    private long lines() {
        try {
            return Files.readAllLines(checkpoints.file()).size();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void attack(String sql, Runnable check) {
        attack(List.of(sql), check);
    }

    /** Runs the attack as the owner with triggers off, checks, then puts every row back exactly as it was. */
    private void attack(List<String> statements, Runnable check) {
        String backup = "attack_backup_" + UUID.randomUUID().toString().replace("-", "");
        ownerTx(j -> j.execute("create table " + backup + " as select * from audit_event"));
        try {
            ownerTx(j -> statements.forEach(j::execute));
            check.run();
        } finally {
            ownerTx(j -> {
                j.execute("delete from audit_event");
                j.execute("insert into audit_event select * from " + backup);
                j.execute("drop table " + backup);
            });
        }
    }

    /**
     * The statements that replace the row's reason and recompute its hash and every later row's (link and hash)
     * with the given function, as an attacker without the chain's key would.
     */
    private List<String> rewrite(long fromId, Function<AuditTrail.Row, String> hash, String alg) {
        List<String> statements = new ArrayList<>();
        String prev = null;
        for (AuditTrail.Row r : rowsFrom(fromId)) {
            AuditTrail.Row changed = new AuditTrail.Row(r.id(), r.at(), r.userId(), r.userName(), r.role(), r.orgOds(),
                    r.orgName(), r.orgType(), r.patientNhs(), r.action(), r.detail(),
                    r.id() == fromId ? "Curiosity" : r.reason(), r.outcome(), r.traceId(),
                    prev == null ? r.prevHash() : prev, null, alg);
            String h = hash.apply(changed);
            statements.add("update audit_event set reason = '" + changed.reason() + "', prev_hash = '"
                    + changed.prevHash() + "', hash = '" + h + "', hash_alg = '" + alg + "' where id = " + r.id());
            prev = h;
        }
        return statements;
    }

    private List<AuditTrail.Row> rowsFrom(long id) {
        return jdbc.sql("select * from audit_event where id >= ? order by id").param(id)
                .query((rs, n) -> AuditTrail.row(rs)).list();
    }

    private void ownerSql(String sql) {
        JdbcClient.create(owner).sql(sql).update();
    }

    private void ownerTx(Consumer<JdbcTemplate> work) {
        new TransactionTemplate(new DataSourceTransactionManager(owner)).executeWithoutResult(s -> {
            JdbcTemplate j = new JdbcTemplate(owner);
            j.execute("set local session_replication_role = replica");
            work.accept(j);
        });
    }
}
