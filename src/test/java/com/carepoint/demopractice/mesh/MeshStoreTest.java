package com.carepoint.demopractice.mesh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo MESH server's store: bounded without losing a waiting message, and the five-day expiry. */
class MeshStoreTest {

    static final MeshMailbox SENDER = new MeshMailbox("SENDER01", "S1", "Sender", "pw", List.of("W"), List.of());
    static final MeshMailbox RECIPIENT = new MeshMailbox("RECIP01", "R1", "Recipient", "pw", List.of(), List.of("W"));

    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-12-01T09:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    static MeshMessage send(MeshStore store, byte[] body) throws MeshStore.Full {
        MeshMessage m = new MeshMessage(store.newId(), MeshMessage.Type.DATA, SENDER, RECIPIENT, RECIPIENT.mailboxId(),
                "W", "subject", "LOCAL", "f.dat", "text/plain", "", false, false, null, null, 1, store.now());
        m.status = MeshMessage.Status.UPLOADING;
        store.add(m, body.length);
        store.putChunk(m, 1, body);
        return m;
    }

    @Test
    void acknowledgedMessagesMakeRoomButWaitingOnesAreNeverDropped() throws Exception {
        MeshStore store = new MeshStore(2, 1_000_000, new MovableClock());
        MeshMessage first = send(store, new byte[10]);
        send(store, new byte[10]);
        assertThatThrownBy(() -> send(store, new byte[10])).isInstanceOf(MeshStore.Full.class);
        assertThat(store.inbox(RECIPIENT.mailboxId())).hasSize(2);
        store.acknowledge(first);
        send(store, new byte[10]);
        assertThat(store.get(first.id)).isEmpty();
        assertThat(store.inbox(RECIPIENT.mailboxId())).hasSize(2);
    }

    @Test
    void theByteBoundCountsContent() throws Exception {
        MeshStore store = new MeshStore(100, 25, new MovableClock());
        send(store, new byte[20]);
        assertThatThrownBy(() -> send(store, new byte[10])).isInstanceOf(MeshStore.Full.class);
    }

    @Test
    void aMessageNotCollectedInFiveDaysIsUndeliverableAndTheSenderGetsAReport() throws Exception {
        MovableClock clock = new MovableClock();
        MeshStore store = new MeshStore(100, 1_000_000, clock);
        MeshMessage m = send(store, "x".getBytes());
        clock.now = clock.now.plus(Duration.ofDays(4));
        store.expire(Duration.ofDays(5));
        assertThat(store.inbox(RECIPIENT.mailboxId())).containsExactly(m);
        clock.now = clock.now.plus(Duration.ofDays(2));
        store.expire(Duration.ofDays(5));
        assertThat(store.inbox(RECIPIENT.mailboxId())).isEmpty();
        assertThat(m.status).isEqualTo(MeshMessage.Status.UNDELIVERABLE);
        List<MeshMessage> reports = store.inbox(SENDER.mailboxId());
        assertThat(reports).singleElement().satisfies(r -> {
            assertThat(r.type).isEqualTo(MeshMessage.Type.REPORT);
            assertThat(r.linkedMessageId).isEqualTo(m.id);
            assertThat(r.statusCode).isEqualTo("14");
            assertThat(r.localId).isEqualTo("LOCAL");
        });
        store.expire(Duration.ofDays(5));
        assertThat(store.inbox(SENDER.mailboxId())).hasSize(1);
    }

    @Test
    void messageIdsHaveTheApisForm() {
        MeshStore store = new MeshStore(10, 10, new MovableClock());
        assertThat(store.newId()).matches("20261201090000000000_[0-9A-F]{6}");
    }
}
