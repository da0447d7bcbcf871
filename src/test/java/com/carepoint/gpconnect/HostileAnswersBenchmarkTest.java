package com.carepoint.gpconnect;

import com.carepoint.Bench;
import com.carepoint.access.DemoUsers;
import com.carepoint.kernel.SectionKind;
import com.carepoint.platform.FhirClients;
import com.carepoint.platform.FhirHttpProperties;
import com.carepoint.record.FetchedSection;
import com.carepoint.record.PatientContext;
import com.carepoint.record.SectionRequest;
import com.carepoint.spine.EndpointDirectory;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/**
 * What each hostile answer of the hardening review costs Carepoint, with Carepoint's default limits: the heap peak while
 * it is being refused, the time until the user has a plain message, and meanwhile how long another user's record
 * takes to open from a healthy practice. Prints figures (BENCH lines); asserts nothing about speed. Each answer is
 * streamed by a fake provider on loopback, never held in memory by the test.
 */
@Tag(Bench.TAG)
class HostileAnswersBenchmarkTest {

    /** Carepoint's defaults (FhirHttpProperties), except the deadline, shortened in smoke mode. */
    static final long MAX_BYTES = 134_217_728;
    static final long MAX_RESOURCES = 150_000;

    record Hostile(String name, SpecFixtureProvider.Answer answer) {
    }

    @Test
    void hostileAnswers() throws Exception {
        long entries = Bench.SMOKE ? 20_000 : 1_000_000;
        long plainBytes = Bench.SMOKE ? 5_000_000 : 200_000_000;
        long bombBytes = Bench.SMOKE ? 200_000_000 : 3_000_000_000L;
        Duration deadline = Duration.ofSeconds(Bench.SMOKE ? 3 : 45);
        List<Hostile> hostile = List.of(
                new Hostile(String.format(Locale.UK, "%,d-entry Bundle", entries), x -> bundle(x, entries)),
                new Hostile(String.format(Locale.UK, "%,d MB plain answer", plainBytes / 1_000_000),
                        x -> padded(x, plainBytes)),
                new Hostile(String.format(Locale.UK, "gzip answer expanding to %,d MB", bombBytes / 1_000_000),
                        x -> bomb(x, bombBytes)),
                new Hostile("an answer dripping 1 byte a second", HostileAnswersBenchmarkTest::drip));
        Bench.print("Hostile practice answers, Carepoint's limits: " + MAX_BYTES / 1_048_576 + " MiB decompressed, "
                + String.format(Locale.UK, "%,d", MAX_RESOURCES) + " resources, section deadline " + deadline.toSeconds()
                + " s; heap max " + Runtime.getRuntime().maxMemory() / 1_048_576 + " MiB");
        for (Hostile h : hostile) {
            measure(h, deadline);
        }
    }

    private void measure(Hostile h, Duration deadline) throws Exception {
        try (SpecFixtureProvider bad = new SpecFixtureProvider(); SpecFixtureProvider good = new SpecFixtureProvider()) {
            bad.answeringWith(h.answer());
            good.answering("full-record.json");
            GpConnectRecords badRecords = records(bad, deadline);
            GpConnectRecords goodRecords = records(good, deadline);
            // Warm the healthy practice, so its figure is the steady one.
            open(goodRecords);
            System.gc();
            resetPeaks();
            long baseline = usedHeap();
            AtomicBoolean done = new AtomicBoolean();
            List<Double> other = new ArrayList<>();
            Thread otherUser = Thread.ofVirtual().start(() -> {
                while (!done.get()) {
                    long t = System.nanoTime();
                    open(goodRecords);
                    synchronized (other) {
                        other.add((System.nanoTime() - t) / 1e6);
                    }
                }
            });
            long start = System.nanoTime();
            FetchedSection f = badRecords.fetch(PatientContext.open(DemoUsers.PARAMEDIC,
                    SpecFixtureConsumerTest.patient()), SectionKind.ALLERGIES, SectionRequest.FIRST_SCREEN);
            double toMessage = (System.nanoTime() - start) / 1e6;
            done.set(true);
            otherUser.join();
            long peak = peakHeap();
            String message = f.section().problem().map(p -> p.kind() + ": " + p.message()).orElse("no problem (!)");
            List<Double> o;
            synchronized (other) {
                o = List.copyOf(other);
            }
            Bench.print(String.format(Locale.UK, "%-34s to a plain message %s, heap peak %s MiB above %s MiB, "
                            + "another user's record meanwhile: %d opens, p50 %s, max %s — %s", h.name(),
                    Bench.fmt(toMessage), (peak - baseline) / 1_048_576, baseline / 1_048_576, o.size(),
                    o.isEmpty() ? "-" : Bench.fmt(Bench.percentile(o, 50)),
                    o.isEmpty() ? "-" : Bench.fmt(Bench.percentile(o, 100)),
                    message.length() > 90 ? message.substring(0, 90) + "…" : message));
        }
    }

    private static GpConnectRecords records(SpecFixtureProvider provider, Duration deadline) {
        FhirClients clients = new FhirClients(new FhirHttpProperties(Duration.ofSeconds(3), Duration.ofSeconds(10),
                MAX_BYTES, MAX_RESOURCES), new MockEnvironment());
        return new GpConnectRecords(new EndpointDirectory(clients, provider.spine()), clients,
                provider.properties(deadline));
    }

    private static void open(GpConnectRecords records) {
        records.fetch(PatientContext.open(DemoUsers.CLINICIAN_111, SpecFixtureConsumerTest.patient()), SectionKind.ALLERGIES,
                SectionRequest.FIRST_SCREEN);
    }

    // ------------------------------------------------------------------ the hostile answers, streamed

    private static void bundle(HttpExchange x, long entries) throws IOException {
        start(x, null);
        try (OutputStream out = x.getResponseBody()) {
            out.write("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[".getBytes());
            for (long i = 0; i < entries; i++) {
                out.write(((i == 0 ? "" : ",") + "{\"resource\":{\"resourceType\":\"Observation\",\"id\":\"o" + i
                        + "\",\"status\":\"final\",\"code\":{\"text\":\"x\"}}}").getBytes(StandardCharsets.UTF_8));
            }
            out.write("]}".getBytes());
        } catch (IOException e) {
            // Carepoint hung up once the answer crossed a limit.
        }
    }

    private static void padded(HttpExchange x, long bytes) throws IOException {
        start(x, null);
        try (OutputStream out = x.getResponseBody()) {
            out.write("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"id\":\"".getBytes());
            zeros(out, bytes);
            out.write("\"}".getBytes());
        } catch (IOException e) {
            // Carepoint hung up.
        }
    }

    private static void bomb(HttpExchange x, long bytes) throws IOException {
        start(x, "gzip");
        try (OutputStream out = new GZIPOutputStream(x.getResponseBody(), 64 * 1024)) {
            out.write("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"id\":\"".getBytes());
            zeros(out, bytes);
            out.write("\"}".getBytes());
        } catch (IOException e) {
            // Carepoint hung up.
        }
    }

    private static void drip(HttpExchange x) throws IOException {
        start(x, null);
        byte[] body = "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[]}".getBytes();
        try (OutputStream out = x.getResponseBody()) {
            for (int i = 0; i < 3_600; i++) {
                out.write(body[i % body.length]);
                out.flush();
                Thread.sleep(1_000);
            }
        } catch (IOException | InterruptedException e) {
            // Carepoint hung up.
        }
    }

    private static void start(HttpExchange x, String encoding) throws IOException {
        x.getResponseHeaders().set("Content-Type", "application/fhir+json;charset=utf-8");
        if (encoding != null) {
            x.getResponseHeaders().set("Content-Encoding", encoding);
        }
        x.sendResponseHeaders(200, 0);
    }

    private static void zeros(OutputStream out, long bytes) throws IOException {
        byte[] chunk = "0".repeat(64 * 1024).getBytes();
        for (long written = 0; written < bytes; written += chunk.length) {
            out.write(chunk);
        }
    }

    // ------------------------------------------------------------------ heap

    private static void resetPeaks() {
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        return heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static long usedHeap() {
        return heapPools().stream().mapToLong(p -> p.getUsage().getUsed()).sum();
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
    }
}
