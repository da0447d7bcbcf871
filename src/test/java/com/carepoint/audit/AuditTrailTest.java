package com.carepoint.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.carepoint.Application;
import com.carepoint.access.CurrentUser;
import com.carepoint.access.DemoUsers;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The audit trail in real PostgreSQL: append-only, hash-chained, verifiable, with retention. */
@SpringBootTest(classes = Application.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditTrailTest {

    static final CurrentUser USER = DemoUsers.PARAMEDIC;

    @Autowired
    AuditTrail audit;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;
    /** The database owner's connection (the embedded superuser): what an attacker with the owner's account has. */
    @Autowired
    @FlywayDataSource
    DataSource owner;

    JdbcClient asOwner() {
        return JdbcClient.create(owner);
    }

    long record(String detail) {
        return audit.record(new AuditEvent(Instant.now(), USER, Optional.of("9990000018"), AuditAction.RECORD_VIEW,
                detail, Optional.of("Ambulance attendance"), "shown", UUID.randomUUID().toString()));
    }

    @Test
    void aChangedRowBreaksTheChainAtThatRow() {
        record("first");
        long second = record("second");
        record("third");
        assertThat(audit.verify().intact()).isTrue();

        String original = jdbc.sql("select reason from audit_event where id = ?").param(second).query(String.class).single();
        tamper(second, "Curiosity");
        AuditTrail.Verification broken = audit.verify();
        assertThat(broken.intact()).isFalse();
        assertThat(broken.firstBrokenRowId()).hasValue(second);

        tamper(second, original);
        assertThat(audit.verify().intact()).isTrue();
    }

    @Autowired
    DataSource pool;

    /**
     * H-055: audit writes waiting for the trail's lock (another node appending, a slow database) used to hold every
     * pooled connection between them, so further audit writes and every other query failed ("Could not open JDBC
     * Connection") and accesses went unaudited. Now one write per node waits on a connection; the rest wait their turn
     * without one, and every row is written once the lock is free.
     */
    @Test
    void writesWaitingForTheTrailsLockLeaveThePoolToOtherQueriesAndAreAllWritten() throws Exception {
        int poolSize = pool.unwrap(com.zaxxer.hikari.HikariDataSource.class).getMaximumPoolSize();
        int writers = poolSize + 5;
        String marker = "queued write " + UUID.randomUUID();
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(writers);
        try (java.sql.Connection otherNode = owner.getConnection();
                java.sql.Statement st = otherNode.createStatement()) {
            // Another node holds the trail's lock (on a connection outside the application's pool).
            st.execute("select pg_advisory_lock(" + AuditTrail.LOCK_KEY + ")");
            try {
                java.util.List<java.util.concurrent.Future<Long>> written = new java.util.ArrayList<>();
                for (int i = 0; i < writers; i++) {
                    written.add(threads.submit(() -> record(marker)));
                }
                long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
                while (!audit.hasQueuedWrites() && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                assertThat(audit.hasQueuedWrites()).as("writes waiting their turn").isTrue();
                // The pool still serves other queries while the trail is locked (it was exhausted: the pool's own
                // 30 s connection time-out, so 20 s is a wait for the answer, not a measure of its speed).
                assertThat(java.util.concurrent.CompletableFuture.supplyAsync(
                        () -> jdbc.sql("select 1").query(Integer.class).single()).get(20,
                                java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(1);
                st.execute("select pg_advisory_unlock(" + AuditTrail.LOCK_KEY + ")");
                for (java.util.concurrent.Future<Long> f : written) {
                    assertThat(f.get(60, java.util.concurrent.TimeUnit.SECONDS)).isPositive();
                }
            } finally {
                // Whatever failed above, the lock is released on its own connection (which may be pooled: a lock
                // left held would stop every later audit write in this JVM).
                st.execute("select pg_advisory_unlock_all()");
            }
        } finally {
            threads.shutdown();
            threads.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS);
        }
        assertThat(jdbc.sql("select count(*) from audit_event where detail = ?").param(marker).query(Long.class)
                .single()).isEqualTo(writers);
        assertThat(audit.verify().intact()).isTrue();
    }

    @Autowired
    AuditChainEndpoint endpoint;

    @Test
    void theAdminEndpointReportsTheChain() {
        long id = record("endpoint");
        assertThat(endpoint.verify()).containsEntry("intact", true);
        String original = jdbc.sql("select reason from audit_event where id = ?").param(id).query(String.class).single();
        tamper(id, "changed");
        assertThat(endpoint.verify()).containsEntry("intact", false).containsEntry("firstBrokenRowId", id);
        tamper(id, original);
    }

    @Test
    void rowsCannotBeChangedOrDeletedThroughTheApplication() {
        long id = record("protected");
        // Refused twice over: the application's role has no such privilege, and the trigger refuses even the owner.
        assertThatThrownBy(() -> jdbc.sql("update audit_event set reason = 'x' where id = ?").param(id).update())
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.sql("delete from audit_event where id = ?").param(id).update())
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> asOwner().sql("update audit_event set reason = 'x' where id = ?").param(id).update())
                .hasMessageContaining("append-only");
        assertThat(count(id)).isOne();
    }

    @Test
    void theApplicationsOwnDatabaseAccountCannotEraseTheTrail() {
        long id = record("erase me");
        // Each of these, with the application's own credentials, is refused; the row is still there.
        for (String attack : new String[] {"truncate audit_event", "delete from audit_event",
                "alter table audit_event disable trigger all", "drop trigger audit_event_append_only on audit_event",
                "update audit_settings set min_retention = interval '0'"}) {
            assertThatThrownBy(() -> jdbc.sql(attack).update()).as(attack).isInstanceOf(Exception.class);
        }
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            jdbc.sql("select set_config('carepoint.audit_retention', 'on', true)").query().singleValue();
            jdbc.sql("delete from audit_event where id = ?").param(id).update();
        })).as("the old retention bypass").isInstanceOf(Exception.class);
        assertThat(count(id)).isOne();
        assertThat(jdbc.sql("select rolsuper from pg_roles where rolname = current_user").query(Boolean.class).single())
                .as("the application does not connect as a superuser").isFalse();
    }

    @Test
    void retentionNeverRemovesRowsYoungerThanTheDatabasesMinimumRetention() {
        long recent = record("recent");
        // Asked to purge everything before now, the purge keeps what the minimum retention (8 years) protects.
        audit.purgeOlderThan(Instant.now().plusSeconds(60));
        assertThat(count(recent)).isOne();
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void retentionRemovesTheOldestRowsAndTheRestStillVerifies() {
        long old = record("old");
        long kept = record("kept");
        // The cutoff is the kept row's own time: everything recorded before it goes.
        Instant cutoff = jdbc.sql("select occurred_at from audit_event where id = ?").param(kept)
                .query(Timestamp.class).single().toInstant();
        // Only the owner can shorten the minimum retention (here to nothing, to test the purge on fresh rows).
        asOwner().sql("update audit_settings set min_retention = interval '0'").update();
        try {
            int purged = audit.purgeOlderThan(cutoff);
            assertThat(purged).isGreaterThanOrEqualTo(1);
        } finally {
            asOwner().sql("update audit_settings set min_retention = interval '8 years'").update();
        }
        assertThat(count(old)).isZero();
        assertThat(count(kept)).isOne();
        assertThat(audit.verify().intact()).isTrue();
    }

    long count(long id) {
        return jdbc.sql("select count(*) from audit_event where id = ?").param(id).query(Long.class).single();
    }

    /** Changes a stored row behind the application's back, as an attacker with the owner's account could. */
    private void tamper(long id, String reason) {
        new TransactionTemplate(new DataSourceTransactionManager(owner)).executeWithoutResult(s -> {
            JdbcClient ownerJdbc = JdbcClient.create(owner);
            ownerJdbc.sql("set local session_replication_role = replica").update();
            ownerJdbc.sql("update audit_event set reason = ? where id = ?").params(reason, id).update();
        });
    }
}
