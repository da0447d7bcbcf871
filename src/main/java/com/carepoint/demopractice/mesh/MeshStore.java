package com.carepoint.demopractice.mesh;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The demo MESH server's messages, in memory and bounded: when a new message would pass the bounds, acknowledged
 * and undeliverable messages are dropped first (oldest first); if the messages still waiting in inboxes fill the
 * store, the send is refused ({@link Full}) rather than a waiting message being lost.
 */
final class MeshStore {

    /** The store is full of messages still waiting for their recipients. */
    static final class Full extends Exception {
        private static final long serialVersionUID = 1L;

        Full() {
            super("The demo MESH server's store is full", null, false, false);
        }
    }

    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSSSSS", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final Map<String, MeshMessage> messages = new LinkedHashMap<>();
    private final int maxMessages;
    private final long maxBytes;
    private final Clock clock;
    private long bytes;

    MeshStore(int maxMessages, long maxBytes, Clock clock) {
        this.maxMessages = maxMessages;
        this.maxBytes = maxBytes;
        this.clock = clock;
    }

    Instant now() {
        return clock.instant();
    }

    /**
     * A new message id in the form of the MESH API's examples ({@code 20200529155357895317_3573F8}: a timestamp to
     * the microsecond and six hex digits), unique in this store.
     */
    synchronized String newId() {
        String id;
        do {
            id = ID_TIME.format(clock.instant()) + "_"
                    + HexFormat.of().withUpperCase().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(2);
        } while (messages.containsKey(id));
        return id;
    }

    synchronized void add(MeshMessage message, long incomingBytes) throws Full {
        makeRoom(1, incomingBytes);
        messages.put(message.id, message);
    }

    /** Stores one chunk of an uploading message; the message is delivered when its last chunk arrives. */
    synchronized void putChunk(MeshMessage message, int number, byte[] content) throws Full {
        byte[] previous = message.chunks[number - 1];
        makeRoom(0, content.length - (previous == null ? 0 : previous.length));
        message.chunks[number - 1] = content;
        bytes += content.length - (previous == null ? 0 : previous.length);
        if (message.status == MeshMessage.Status.UPLOADING && message.allChunksReceived()) {
            message.status = MeshMessage.Status.ACCEPTED;
            message.statusTimestamp = clock.instant();
        }
    }

    private void makeRoom(int newMessages, long incomingBytes) throws Full {
        Iterator<MeshMessage> oldest = messages.values().iterator();
        while ((messages.size() + newMessages > maxMessages || bytes + incomingBytes > maxBytes) && oldest.hasNext()) {
            MeshMessage m = oldest.next();
            if (m.status == MeshMessage.Status.ACKNOWLEDGED || m.status == MeshMessage.Status.UNDELIVERABLE) {
                bytes -= m.size();
                oldest.remove();
            }
        }
        if (messages.size() + newMessages > maxMessages || bytes + incomingBytes > maxBytes) {
            throw new Full();
        }
    }

    /**
     * MESH API: "Messages that are not downloaded and acknowledged within five days of delivery are removed from
     * your inbox. The sending organisation receives an error report explaining that the receiver did not collect
     * the message" (code 14, "Message not collected by recipient after 5 days", NHSDigital/mesh-sandbox
     * src/mesh_sandbox/common/constants.py).
     */
    synchronized void expire(java.time.Duration after) {
        Instant now = clock.instant();
        List<MeshMessage> expired = messages.values().stream()
                .filter(m -> m.status == MeshMessage.Status.ACCEPTED && m.type == MeshMessage.Type.DATA)
                .filter(m -> m.statusTimestamp.plus(after).isBefore(now))
                .toList();
        for (MeshMessage m : expired) {
            m.status = MeshMessage.Status.UNDELIVERABLE;
            m.statusTimestamp = now;
            m.statusEvent = "SEND";
            m.statusCode = "14";
            m.statusDescription = "Message not collected by recipient after " + after.toDays() + " days";
            MeshMessage report = new MeshMessage(newId(), MeshMessage.Type.REPORT, m.sender, m.sender,
                    m.recipient.mailboxId(), m.workflowId, m.subject, m.localId, null, null, "", false, false, null,
                    null, 1, now);
            report.chunks[0] = new byte[0];
            report.status = MeshMessage.Status.ACCEPTED;
            report.linkedMessageId = m.id;
            report.statusEvent = m.statusEvent;
            report.statusCode = m.statusCode;
            report.statusDescription = m.statusDescription;
            // A report takes no room worth bounding; it replaces the message's place in the recipient's inbox.
            messages.put(report.id, report);
        }
    }

    synchronized Optional<MeshMessage> get(String id) {
        return Optional.ofNullable(id == null ? null : messages.get(id.toUpperCase(Locale.ROOT)));
    }

    /** Messages waiting in a mailbox's inbox (delivered, not yet acknowledged), oldest first. */
    synchronized List<MeshMessage> inbox(String mailboxId) {
        List<MeshMessage> inbox = new ArrayList<>();
        for (MeshMessage m : messages.values()) {
            if (m.recipient.mailboxId().equals(mailboxId) && m.status == MeshMessage.Status.ACCEPTED) {
                inbox.add(m);
            }
        }
        return inbox;
    }

    synchronized List<MeshMessage> sentBy(String mailboxId, String localId) {
        return messages.values().stream()
                .filter(m -> m.type == MeshMessage.Type.DATA && m.sender.mailboxId().equals(mailboxId))
                .filter(m -> localId.equals(m.localId))
                .toList();
    }

    /** True when this call acknowledged it (false: it was already acknowledged). */
    synchronized boolean acknowledge(MeshMessage message) {
        if (message.status != MeshMessage.Status.ACCEPTED) {
            return false;
        }
        message.status = MeshMessage.Status.ACKNOWLEDGED;
        message.acknowledgedAt = clock.instant();
        message.statusTimestamp = message.acknowledgedAt;
        return true;
    }

    synchronized void markUndeliverable(MeshMessage message, String event, String code, String description) {
        message.status = MeshMessage.Status.UNDELIVERABLE;
        message.statusTimestamp = clock.instant();
        message.statusEvent = event;
        message.statusCode = code;
        message.statusDescription = description;
    }

    /** Every message, for tests and operators. */
    synchronized void clear() {
        messages.clear();
        bytes = 0;
    }

    synchronized int size() {
        return messages.size();
    }
}
