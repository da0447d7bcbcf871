package com.carepoint.mesh;

import java.util.Optional;

/**
 * A MESH call that did not succeed, typed so that a durable outbox can decide what to do: {@link #retryable()} (try
 * again later, with backoff), {@link Kind#needsOperator()} (Carepoint's MESH set-up is wrong: retrying will not help
 * until someone fixes it) or neither (this message will never be accepted: give up and tell a person).
 *
 * <p>{@link #outcomeUnknown()} matters for a send: the request may have reached MESH and been accepted although no
 * answer came back. MESH does not de-duplicate (every {@code POST .../outbox} creates a new message id), so a resend
 * can deliver a second copy; the ITK3 duplicate check at the receiver (response code 20007, "Duplicate Message
 * received": "A payload with this ITK3 Message Header identifier has already been received and processed") is what
 * recognises it — so a resend must carry the same MessageHeader id.
 *
 * <p>The message text never carries patient data: it names the call and the HTTP status only. What MESH said is in
 * {@link #errorCode()} / {@link #errorDescription()}.
 */
public final class MeshException extends Exception {

    /** What went wrong, in terms of what to do next. */
    public enum Kind {
        /** MESH refused the credentials: the Authorization token (mailbox, password, shared key, clock) or the TLS client certificate. */
        AUTHENTICATION_FAILED(false, true),
        /** The mailbox in the path is not known to MESH. */
        MAILBOX_NOT_FOUND(false, true),
        /** The recipient is not a registered MESH address (MESH error code 12, "Unregistered to address"). */
        UNKNOWN_RECIPIENT(false, false),
        /** The mailbox may not send or receive this workflow (MESH error codes 16 and 17). */
        WORKFLOW_NOT_PERMITTED(false, true),
        /** MESH refused the request as malformed or invalid (another 4xx): sending it again unchanged will fail again. */
        REJECTED(false, false),
        /** The message is larger than MESH or Carepoint accepts. */
        TOO_LARGE(false, false),
        /** The message asked for is not (or no longer) there: 404. */
        NOT_FOUND(false, false),
        /** The message has already been downloaded and acknowledged, or has expired: 410. */
        GONE(false, false),
        /** MESH asked us to slow down or try later (408, 425, 429). */
        THROTTLED(true, false),
        /** MESH failed (5xx). */
        SERVER_ERROR(true, false),
        /** No answer within the configured time. */
        TIMEOUT(true, false),
        /** Carepoint could not connect to MESH at all: the request never left. */
        CONNECTION_FAILED(true, false),
        /** The connection failed part-way. */
        NETWORK_ERROR(true, false),
        /** MESH answered, but with something Carepoint could not read (or larger than it accepts). */
        UNREADABLE_RESPONSE(true, false);

        private final boolean retryable;
        private final boolean needsOperator;

        Kind(boolean retryable, boolean needsOperator) {
            this.retryable = retryable;
            this.needsOperator = needsOperator;
        }

        /** Trying the same request again later may succeed. */
        public boolean retryable() {
            return retryable;
        }

        /** Carepoint's MESH configuration (mailbox, password, shared key, certificate, workflow registration) needs a person. */
        public boolean needsOperator() {
            return needsOperator;
        }
    }

    private final Kind kind;
    private final int httpStatus;
    private final boolean outcomeUnknown;
    private final String errorCode;
    private final String errorDescription;

    MeshException(Kind kind, String call, int httpStatus, boolean outcomeUnknown, String errorCode,
            String errorDescription, Throwable cause) {
        super(call + " failed: " + kind + (httpStatus > 0 ? " (HTTP " + httpStatus + ")" : ""), cause);
        this.kind = kind;
        this.httpStatus = httpStatus;
        this.outcomeUnknown = outcomeUnknown;
        this.errorCode = errorCode;
        this.errorDescription = errorDescription;
    }

    public Kind kind() {
        return kind;
    }

    public boolean retryable() {
        return kind.retryable();
    }

    /** The HTTP status MESH answered with; 0 when there was no answer. */
    public int httpStatus() {
        return httpStatus;
    }

    /**
     * The request may have been accepted by MESH even though this call failed (no answer, a broken connection, a
     * server error, an unreadable answer). False when MESH clearly refused it or the request never left.
     */
    public boolean outcomeUnknown() {
        return outcomeUnknown;
    }

    /** MESH's own error code ({@code 12}, {@code 17}, {@code EPL-151}, ...), when it gave one. */
    public Optional<String> errorCode() {
        return Optional.ofNullable(errorCode);
    }

    /** MESH's own description of the error, when it gave one (for operators; not shown to clinicians as is). */
    public Optional<String> errorDescription() {
        return Optional.ofNullable(errorDescription);
    }
}
