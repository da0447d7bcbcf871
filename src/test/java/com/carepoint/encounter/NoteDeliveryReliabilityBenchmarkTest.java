package com.carepoint.encounter;

import static org.assertj.core.api.Assertions.assertThat;

import com.carepoint.Application;
import com.carepoint.Bench;
import com.carepoint.access.DemoUsers;
import com.carepoint.appointments.BookingPolicy;
import com.carepoint.audit.AccessAudit;
import com.carepoint.demopractice.documents.FiledDocument;
import com.carepoint.demopractice.documents.PracticeDocuments;
import com.carepoint.demopractice.gpinbox.GpSystemInboxes;
import com.carepoint.demopractice.mesh.DemoMeshProperties;
import com.carepoint.demopractice.mesh.DemoMeshServer;
import com.carepoint.mesh.MeshClient;
import com.carepoint.mesh.MeshProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Issue 13's reliability figure (a): the demo MESH server down for 30 minutes of simulated time while notes are
 * signed, then back. A sender on a simulated clock (retries at 30 s, 1 min, 2 min, … 15 min, as configured for
 * production) is driven minute by minute; the application's own sender keeps running on the real clock beside it
 * (two workers, as with two nodes). Counts the notes filed at the practice, lost (never filed) and filed more than
 * once (from the practice's own record). Prints figures; asserts only that the run completed.
 */
@Tag(Bench.TAG)
@SpringBootTest(classes = Application.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NoteDeliveryReliabilityBenchmarkTest {

    @Autowired
    EncounterNoteService notes;
    @Autowired
    EncounterNotes store;
    @Autowired
    NoteDeliveries deliveries;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    ObjectProvider<MeshClient> mesh;
    @Autowired
    MeshProperties meshProperties;
    @Autowired
    BookingPolicy policy;
    @Autowired
    AccessAudit audit;
    @Autowired
    DemoMeshServer demoMesh;
    @Autowired
    GpSystemInboxes inboxes;
    @Autowired
    PracticeDocuments documents;

    /** A clock that only moves when told. */
    static final class SimulatedClock extends Clock {
        private volatile Instant now = Instant.now();

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }
    }

    static NoteContent content(int i) {
        NoteContent c = new NoteContent();
        c.setPresentingComplaint("Reliability run note " + i);
        c.setImpression("Benchmark");
        c.setOutcome(NoteContent.Outcome.LEFT_AT_HOME);
        c.setSafetyNetting("Call 999 if worse");
        return c;
    }

    @Test
    void meshDownForThirtyMinutesThenBack() throws Exception {
        int count = Bench.runs(20);
        int downMinutes = Bench.SMOKE ? 3 : 30;
        SimulatedClock clock = new SimulatedClock();
        NoteSender sender = new NoteSender(jdbc, transactions, store, deliveries, mesh, meshProperties, policy, audit,
                Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofHours(4), Duration.ofMinutes(1), clock);
        demoMesh.faults().set("ALL", new DemoMeshProperties.Faults(true, Duration.ZERO, 0, false, List.of(), List.of()));
        List<UUID> signed = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                EncounterNote draft = notes.start(DemoUsers.PARAMEDIC, EncounterNoteServiceTest.patient());
                notes.save(DemoUsers.PARAMEDIC, draft.id(), 0, content(i));
                signed.add(notes.sign(DemoUsers.PARAMEDIC, draft.id(), 1).note().orElseThrow().id());
            }
            for (int minute = 0; minute < downMinutes; minute++) {
                clock.advance(Duration.ofMinutes(1));
                sender.work();
            }
            int attemptsWhileDown = signed.stream().mapToInt(id -> deliveries.of(id).orElseThrow().attempts()).sum();
            long queuedAtEnd = signed.stream().filter(id -> deliveries.of(id).orElseThrow().status()
                    == NoteDelivery.Status.QUEUED).count();
            demoMesh.faults().clearAll();
            long start = System.nanoTime();
            int simulatedMinutesToFiled = 0;
            for (int minute = 1; minute <= 60; minute++) {
                clock.advance(Duration.ofMinutes(1));
                sender.work();
                inboxes.pollNow("A20047");
                sender.work();
                simulatedMinutesToFiled = minute;
                if (signed.stream().allMatch(id -> deliveries.of(id).orElseThrow().status()
                        == NoteDelivery.Status.FILED)) {
                    break;
                }
            }
            Map<String, Long> filedPerMessage = documents.filedFromMessages("A20047").stream()
                    .collect(Collectors.groupingBy(FiledDocument::sourceMessageId, Collectors.counting()));
            Function<UUID, Long> timesFiled = id -> filedPerMessage.getOrDefault(
                    NoteDeliveries.messageId(id).toString(), 0L);
            long filed = signed.stream().filter(id -> timesFiled.apply(id) >= 1).count();
            long duplicated = signed.stream().filter(id -> timesFiled.apply(id) > 1).count();
            long lost = signed.size() - filed;
            Bench.print(String.format(java.util.Locale.UK, "Note delivery, MESH down %d simulated minutes: %d notes "
                    + "signed, %d send attempts refused while down, %d still queued when MESH came back", downMinutes,
                    signed.size(), attemptsWhileDown, queuedAtEnd));
            Bench.print(String.format(java.util.Locale.UK, "Note delivery after MESH is back: filed %d, lost %d, "
                    + "duplicated %d; all filed %d simulated minutes later (%s of real time)", filed, lost, duplicated,
                    simulatedMinutesToFiled, Bench.fmt((System.nanoTime() - start) / 1e6)));
            assertThat(signed).hasSize(count);
        } finally {
            demoMesh.faults().clearAll();
        }
    }
}
