package com.carepoint.demopractice.mesh;

import java.time.Instant;
import java.util.Arrays;

/**
 * One message on the demo MESH server: a DATA message (possibly chunked) or a REPORT (an error report, empty
 * body). Mutable state is guarded by the store's lock.
 */
final class MeshMessage {

    enum Type { DATA, REPORT }

    /** Lower case on the wire under API v2 (mesh-client 3.0: "accepted", "acknowledged", "undeliverable"). */
    enum Status { UPLOADING, ACCEPTED, ACKNOWLEDGED, UNDELIVERABLE }

    final String id;
    final Type type;
    final MeshMailbox sender;
    /** The mailbox it is delivered to (for a report: the sender of the undelivered message). */
    final MeshMailbox recipient;
    /** The Mex-To the sender gave, kept for an undeliverable message's report. */
    final String requestedTo;
    final String workflowId;
    final String subject;
    final String localId;
    final String fileName;
    final String contentType;
    /** {@code gzip} when the sender declared Content-Encoding: gzip (chunks are stored as sent), else empty. */
    final String contentEncoding;
    final boolean compressedFlag;
    final boolean encryptedFlag;
    final String checksum;
    final String partnerId;
    final int totalChunks;
    final byte[][] chunks;
    final Instant created;

    Status status;
    Instant statusTimestamp;
    Instant acknowledgedAt;
    // Error details: on a REPORT, the error; on an UNDELIVERABLE DATA message, why.
    String linkedMessageId;
    String statusEvent;
    String statusCode;
    String statusDescription;

    @SuppressWarnings("checkstyle:ParameterNumber")
    MeshMessage(String id, Type type, MeshMailbox sender, MeshMailbox recipient, String requestedTo,
            String workflowId, String subject, String localId, String fileName, String contentType,
            String contentEncoding, boolean compressedFlag, boolean encryptedFlag, String checksum, String partnerId,
            int totalChunks, Instant created) {
        this.id = id;
        this.type = type;
        this.sender = sender;
        this.recipient = recipient;
        this.requestedTo = requestedTo;
        this.workflowId = workflowId;
        this.subject = subject;
        this.localId = localId;
        this.fileName = fileName;
        this.contentType = contentType;
        this.contentEncoding = contentEncoding;
        this.compressedFlag = compressedFlag;
        this.encryptedFlag = encryptedFlag;
        this.checksum = checksum;
        this.partnerId = partnerId;
        this.totalChunks = totalChunks;
        this.chunks = new byte[totalChunks][];
        this.created = created;
        this.statusTimestamp = created;
    }

    long size() {
        return Arrays.stream(chunks).mapToLong(c -> c == null ? 0 : c.length).sum();
    }

    boolean allChunksReceived() {
        return Arrays.stream(chunks).allMatch(c -> c != null);
    }
}
