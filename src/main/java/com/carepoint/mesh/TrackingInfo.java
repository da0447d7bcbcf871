package com.carepoint.mesh;

import java.util.Locale;

/**
 * What MESH knows about a sent message ({@code GET /messageexchange/{mailbox}/outbox/tracking?messageID=}). This is
 * about transport only: "Do not use this endpoint to replace a business ack message. If the business process
 * requires confirmation that the recipient has processed the message then send a business ACK over MESH" (MESH API
 * specification, "Track outbox"). An acknowledged message was downloaded by the recipient, not filed.
 *
 * @param recipient the mailbox the message was delivered to (for {@code GPPROVIDER_...} addressing, the practice's
 *                  mailbox MESH found), or null
 * @param status    the status as MESH wrote it ({@code accepted}, {@code acknowledged}, {@code undeliverable}, ...)
 */
public record TrackingInfo(String messageId, String localId, String workflowId, String recipient, String status,
        Boolean statusSuccess, String statusCode, String statusEvent, String statusDescription,
        String uploadTimestamp, String expiryTime) {

    /** The delivery state, read case-insensitively (v1 answers {@code Accepted}, v2 {@code accepted}; the sandbox's
     * {@code MessageStatus}: uploading, accepted, acknowledged, undeliverable, error). */
    public enum State {
        /** In the recipient's inbox, not yet downloaded and acknowledged. */
        ACCEPTED,
        /** The recipient downloaded and acknowledged it. */
        ACKNOWLEDGED,
        /** MESH could not deliver it. */
        UNDELIVERABLE,
        /** A chunked message still being uploaded. */
        UPLOADING,
        /** A status Carepoint does not know. */
        OTHER
    }

    public State state() {
        String s = status == null ? "" : status.trim().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "accepted" -> State.ACCEPTED;
            case "acknowledged" -> State.ACKNOWLEDGED;
            case "undeliverable", "error" -> State.UNDELIVERABLE;
            case "uploading" -> State.UPLOADING;
            default -> Boolean.FALSE.equals(statusSuccess) ? State.UNDELIVERABLE : State.OTHER;
        };
    }
}
