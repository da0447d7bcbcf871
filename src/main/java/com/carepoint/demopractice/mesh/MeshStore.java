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
        makeRoom(incomingBytes);
        messages.put(message.id, message);
    }

    /** Stores one chunk of an uploading message; the message is delivered when its last chunk arrives. */
    synchronized void putChunk(MeshMessage message, int number, byte[] content) throws Full {
        byte[] previous = message.chunks[number - 1];
        makeRoom(content.length - (previous == null ? 0 : previous.length));
        message.chunks[number - 1] = content;
        bytes += content.length - (previous == null ? 0 : previous.length);
        if (message.status == MeshMessage.Status.UPLOADING && message.allChunksReceived()) {
            message.status = MeshMessage.Status.ACCEPTED;
            message.statusTimestamp = clock.instant();
        }
    }

    private void makeRoom(long incomingBytes) throws Full {
        Iterator<MeshMessage> oldest = messages.values().iterator();
        while ((messages.size() + 1 > maxMessages || bytes + incomingBytes > maxBytes) && oldest.hasNext()) {
            MeshMessage m = oldest.next();
            if (m.status == MeshMessage.Status.ACKNOWLEDGED || m.status == MeshMessage.Status.UNDELIVERABLE) {
                bytes -= m.size();
                oldest.remove();
            }
        }
        if (messages.size() + 1 > maxMessages || bytes + incomingBytes > maxBytes) {
            throw new Full();
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
