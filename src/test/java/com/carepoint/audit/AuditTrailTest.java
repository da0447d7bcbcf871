package com.carepoint.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.carepoint.Application;
import com.carepoint.access.CurrentUser;
import com.carepoint.access.DemoUsers;
import com.carepoint.access.Organisation;
import com.carepoint.access.OrganisationType;
import com.carepoint.access.Role;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
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
        assertThatThrownBy(() -> jdbc.sql("update audit_event set reason = 'x' where id = ?").param(id).update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_event where id = ?").param(id).update())
                .hasMessageContaining("append-only");
    }

    @Test
    void retentionRemovesTheOldestRowsAndTheRestStillVerifies() throws InterruptedException {
        long old = record("old");
        Thread.sleep(5);
        Instant cutoff = Instant.now();
        long kept = record("kept");
        int purged = audit.purgeOlderThan(cutoff);
        assertThat(purged).isGreaterThanOrEqualTo(1);
        assertThat(count(old)).isZero();
        assertThat(count(kept)).isOne();
        assertThat(audit.verify().intact()).isTrue();
    }

    long count(long id) {
        return jdbc.sql("select count(*) from audit_event where id = ?").param(id).query(Long.class).single();
    }

    /** Changes a stored row behind the application's back, as an attacker with database access could. */
    private void tamper(long id, String reason) {
        tx.executeWithoutResult(s -> {
            jdbc.sql("set local session_replication_role = replica").update();
            jdbc.sql("update audit_event set reason = ? where id = ?").params(reason, id).update();
        });
    }
}
