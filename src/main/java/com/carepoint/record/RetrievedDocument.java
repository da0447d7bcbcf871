package com.carepoint.record;

import java.util.Optional;

/**
 * A document as retrieved from the practice — its content, checked to be what was listed — or the problem, in plain
 * English. {@code traceId} is the call's, in the logs and the audit trail.
 */
public record RetrievedDocument(Optional<Content> content, Optional<RecordProblem> problem, String traceId) {

    /** The document's bytes and their format (a MIME type such as {@code application/pdf}). */
    public record Content(byte[] bytes, String contentType) {
    }

    public static RetrievedDocument of(byte[] bytes, String contentType, String traceId) {
        return new RetrievedDocument(Optional.of(new Content(bytes, contentType)), Optional.empty(), traceId);
    }

    public static RetrievedDocument failed(RecordProblem problem) {
        return new RetrievedDocument(Optional.empty(), Optional.of(problem), problem.traceId());
    }
}
