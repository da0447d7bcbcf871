package com.carepoint.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chain's key and the chain walk, without a database. */
class AuditKeyTest {

    @TempDir
    Path dir;

    @Test
    void aGeneratedKeyFileIsOwnerOnlyAndReusedAtTheNextStart() throws IOException {
        Path file = dir.resolve("pgdata-audit-hmac.key");
        AuditKey first = AuditKey.readOrCreate(file);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(32);
        AuditKey again = AuditKey.readOrCreate(file);
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.hmacHex("row")).isEqualTo(first.hmacHex("row"));
        assertThat(AuditKey.random().hmacHex("row")).isNotEqualTo(first.hmacHex("row"));
    }

    @Test
    void theKeyIsNeverShown() throws IOException {
        Path file = dir.resolve("k");
        AuditKey key = AuditKey.readOrCreate(file);
        String secret = Files.readString(file).strip();
        assertThat(key.toString()).doesNotContain(secret).contains(key.id());
    }

    @Test
    void aShortOrMalformedKeyIsRefused() {
        assertThatThrownBy(() -> AuditKey.fromBase64(Base64.getEncoder().encodeToString(new byte[16]), "test"))
                .hasMessageContaining("at least 32");
        assertThatThrownBy(() -> AuditKey.fromBase64("not base64!", "test")).hasMessageContaining("not base64");
    }

    @Test
    void unkeyedRowsFromBeforeTheUpgradeVerifyOnlyBeforeTheFirstKeyedRow() {
        AuditTrail trail = new AuditTrail(null, null, AuditKey.random(), null, null);
        AuditTrail.Row legacy1 = sha(row(1, AuditTrail.GENESIS, AuditTrail.SHA256));
        AuditTrail.Row legacy2 = sha(row(2, legacy1.hash(), AuditTrail.SHA256));
        AuditTrail.Row keyed3 = keyed(trail, row(3, legacy2.hash(), AuditTrail.HMAC_SHA256));
        AuditTrail.ChainWalk walk = trail.new ChainWalk(null, false);
        for (AuditTrail.Row r : new AuditTrail.Row[] {legacy1, legacy2, keyed3}) {
            walk.accept(r);
        }
        assertThat(walk.problem()).isEmpty();

        AuditTrail.Row downgraded4 = sha(row(4, keyed3.hash(), AuditTrail.SHA256));
        walk.accept(downgraded4);
        assertThat(walk.firstBroken).isEqualTo(4L);
        assertThat(walk.problem()).hasValue("row 4 has an unkeyed (SHA-256) hash after keyed rows: it was rewritten "
                + "without the key");
    }

    private static AuditTrail.Row row(long id, String prev, String alg) {
        return new AuditTrail.Row(id, Instant.parse("2026-11-24T10:15:30.123456Z"), "u", "User", "PARAMEDIC", "RX9",
                "Trust", "AMBULANCE_TRUST", "9990000018", "RECORD_VIEW", "GP record opened", null, "shown", "t", prev,
                null, alg);
    }

    private static AuditTrail.Row sha(AuditTrail.Row r) {
        return withHash(r, AuditTrail.sha256(r));
    }

    private static AuditTrail.Row keyed(AuditTrail trail, AuditTrail.Row r) {
        return withHash(r, trail.hmac(r));
    }

    private static AuditTrail.Row withHash(AuditTrail.Row r, String hash) {
        return new AuditTrail.Row(r.id(), r.at(), r.userId(), r.userName(), r.role(), r.orgOds(), r.orgName(),
                r.orgType(), r.patientNhs(), r.action(), r.detail(), r.reason(), r.outcome(), r.traceId(), r.prevHash(),
                hash, r.alg());
    }
}
