package com.carepoint.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * A signed statement, written outside the database, of what the audit trail held at one moment: its first and newest
 * rows (id and hash) and how many rows lay between them. A purge checkpoint also says how many of the oldest rows the
 * retention purge removed. The signature is an HMAC with the chain's key over every other field, including the
 * previous checkpoint's signature, so checkpoints can be neither forged nor silently reordered.
 *
 * @param seq 1, 2, 3, ... in the order written
 * @param kind {@code start} (the first), {@code periodic}, {@code on-demand} or {@code purge}
 * @param at when it was written (ISO-8601, UTC)
 * @param firstId the oldest row's id (0 when the trail was empty)
 * @param firstHash the oldest row's hash
 * @param headId the newest row's id (0 when the trail was empty)
 * @param headHash the newest row's hash
 * @param count the number of rows from {@code firstId} to {@code headId}
 * @param purged rows removed by the retention purge this checkpoint records (0 unless {@code kind} is purge)
 * @param keyId the fingerprint of the key that signed it
 * @param prev the previous checkpoint's signature (64 zeros for the first)
 * @param sig HMAC-SHA256 over all of the above
 */
public record AuditCheckpoint(long seq, String kind, String at, long firstId, String firstHash, long headId,
        String headHash, long count, long purged, String keyId, String prev, String sig) {

    static final String START = "start";
    static final String PERIODIC = "periodic";
    static final String ON_DEMAND = "on-demand";
    static final String PURGE = "purge";

    /** The text the signature covers. */
    String signedText() {
        return String.join("\u001f", "carepoint-audit-checkpoint-v1", Long.toString(seq), kind, at,
                Long.toString(firstId), firstHash, Long.toString(headId), headHash, Long.toString(count),
                Long.toString(purged), keyId, prev);
    }

    AuditCheckpoint signedWith(AuditKey key) {
        return new AuditCheckpoint(seq, kind, at, firstId, firstHash, headId, headHash, count, purged, key.id(), prev,
                key.hmacHex(new AuditCheckpoint(seq, kind, at, firstId, firstHash, headId, headHash, count, purged,
                        key.id(), prev, "").signedText()));
    }

    boolean signatureValidFor(AuditKey key) {
        return key.id().equals(keyId) && sig != null && MessageDigest.isEqual(
                key.hmacHex(signedText()).getBytes(StandardCharsets.US_ASCII),
                sig.getBytes(StandardCharsets.US_ASCII));
    }

    /** How the checkpoint is named in messages: "checkpoint 7 (periodic, 2026-11-24T10:15:00Z)". */
    String label() {
        return "checkpoint " + seq + " (" + kind + ", " + at + ")";
    }
}
