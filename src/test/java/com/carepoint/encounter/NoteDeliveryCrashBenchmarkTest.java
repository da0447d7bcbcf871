package com.carepoint.encounter;

import static org.assertj.core.api.Assertions.assertThat;

import com.carepoint.Application;
import com.carepoint.Bench;
import com.carepoint.access.DemoUsers;
import com.carepoint.bench.DemoServicesProcess;
import com.carepoint.demopractice.gpinbox.GpInboxConfiguration;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 13's reliability figures (b) and (c): Carepoint's sender killed with {@code kill -9} mid-send 20 times and
 * restarted, and the database restarted mid-send. This JVM is the orchestrator: it owns a PostgreSQL (the embedded
 * one the app uses, with a data directory kept across restarts), the demo services in a child JVM
 * ({@link DemoServicesProcess}: the demo MESH server and the practices' GP systems, so killing Carepoint does not
 * kill what is counted), and Carepoint's sender in another child JVM (the application's own main class, on this
 * test class path, against that database and those services). The notes are signed by this JVM's application
 * context (background tasks off, so it never sends): the application's own signing transaction, which queues the
 * delivery. Filed, lost and duplicated are counted from the demo practice's own record (documents filed per ITK3
 * message id, {@code GET /demo/gp-system/filed/A20047}), not from Carepoint's status. Prints figures; asserts the
 * run completed, and nothing lost or filed twice (correctness, not timing). Not in the smoke run (it starts JVMs
 * 20 times: minutes, not seconds).
 */
@Tag(Bench.TAG)
@DisabledIfSystemProperty(named = "carepoint.bench.smoke", matches = "true",
        disabledReason = "starts and kills Carepoint 20 times: ./carepoint bench only")
@SpringBootTest(classes = Application.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NoteDeliveryCrashBenchmarkTest {

    private static final String PRACTICE = "A20047";
    private static final String APP_PASSWORD = "bench-" + UUID.randomUUID();
    /** Kills of case (b); {@code -Dcarepoint.bench.kills=N} for a shorter run. */
    private static final int KILLS = Integer.getInteger("carepoint.bench.kills", 20);
    /** The demo MESH server answers Carepoint's mailbox this much later, so a send is in flight long enough to cut. */
    private static final int MESH_LATENCY_MS = 400;
    private static final Duration ALL_FILED_WITHIN = Duration.ofMinutes(10);
    private static final Path DIR = Path.of("target", "reliability-crash").toAbsolutePath();

    static Database db;
    static DemoServicesProcess demo;
    static SenderProcess sender;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    static final Random RANDOM = new Random();

    @Autowired
    EncounterNoteService notes;

    /** PostgreSQL owned by this JVM, on a fixed port and data directory, so it can be restarted under Carepoint. */
    static final class Database {
        final int port = freePort();
        final Path dataDir = DIR.resolve("pgdata");
        EmbeddedPostgres pg;

        void start() {
            try {
                pg = EmbeddedPostgres.builder().setPort(port).setDataDirectory(dataDir).setCleanDataDirectory(false)
                        .setServerConfig("listen_addresses", "127.0.0.1").setServerConfig("timezone", "UTC")
                        .setPGStartupWait(Duration.ofSeconds(90)).start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** A fast shutdown ({@code pg_ctl stop -m fast}: sessions cut, open transactions rolled back). */
        void stop() {
            try {
                pg.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String url() {
            return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
        }

        Connection owner() throws SQLException {
            return DriverManager.getConnection(url(), "postgres", "");
        }
    }

    /** Carepoint (its main class) in a child JVM, with the sender running; killed with SIGKILL. */
    static final class SenderProcess {
        final List<String> command = new ArrayList<>();
        final Path log = DIR.resolve("carepoint.log");
        Process process;

        SenderProcess(Map<String, String> properties) {
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.add("-Xmx1g");
            command.add("-XX:+ExitOnOutOfMemoryError");
            command.add("-cp");
            command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
            command.add(Application.class.getName());
            properties.forEach((k, v) -> command.add("--" + k + "=" + v));
        }

        void start() {
            try {
                process = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** {@code kill -9}: no shutdown hook, no graceful end of what it was sending. */
        void kill() throws InterruptedException {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
                process.waitFor(60, TimeUnit.SECONDS);
            }
        }

        boolean alive() {
            return process != null && process.isAlive();
        }

        long count(String text) throws IOException {
            try (var lines = Files.lines(log)) {
                return lines.filter(l -> l.contains(text)).count();
            }
        }
    }

    @DynamicPropertySource
    static void orchestrate(DynamicPropertyRegistry registry) throws Exception {
        Files.createDirectories(DIR);
        deleteRecursively(DIR.resolve("pgdata"));
        Files.deleteIfExists(DIR.resolve("carepoint.log"));
        db = new Database();
        db.start();
        try (Connection c = db.owner(); Statement st = c.createStatement()) {
            st.execute("create role carepoint_app login nosuperuser nocreatedb nocreaterole noinherit password '"
                    + APP_PASSWORD + "'");
        }
        demo = DemoServicesProcess.start("--carepoint.demo.mesh.faults.CAREPOINT01.latency=" + MESH_LATENCY_MS + "ms",
                "--carepoint.demo.mesh.gp-poll-interval=2s");
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Map<String, String> common = new HashMap<>(demo.carepointProperties());
        common.put("spring.datasource.url", db.url());
        common.put("spring.datasource.username", "carepoint_app");
        common.put("spring.datasource.password", APP_PASSWORD);
        common.put("spring.flyway.user", "postgres");
        common.put("spring.flyway.password", "");
        common.put("carepoint.audit.hmac-key", Base64.getEncoder().encodeToString(key));
        common.put("carepoint.audit.checkpoint-dir", DIR.resolve("audit-checkpoints").toString());
        common.forEach((k, v) -> registry.add(k, () -> v));
        // This context signs notes only: no sender, no background task.
        registry.add("carepoint.background-tasks.enabled", () -> "false");

        Map<String, String> child = new HashMap<>(common);
        child.put("server.port", "0");
        child.put("spring.main.banner-mode", "off");
        // Shorter than production so that 20 kills fit in minutes; what is measured (lost, duplicated) does not
        // depend on them: a killed send's claim runs out after 15 s instead of 5 min, db-scheduler revives the
        // killed node's sender run after 6 missed 2 s heartbeats instead of 6 × 10 s, retries back off from 2 s.
        child.put("carepoint.encounter.send-interval", "1s");
        child.put("carepoint.encounter.send-claim", "15s");
        child.put("carepoint.encounter.track-after", "2s");
        child.put("carepoint.encounter.retry-base", "2s");
        child.put("carepoint.encounter.retry-max", "10s");
        child.put("carepoint.background-tasks.heartbeat", "2s");
        sender = new SenderProcess(child);
    }

    @AfterAll
    static void end() throws Exception {
        if (sender != null) {
            sender.kill();
        }
        if (demo != null) {
            demo.stop();
        }
        if (db != null) {
            db.stop();
        }
    }

    List<UUID> sign(int count, String run) {
        List<UUID> signed = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            EncounterNote draft = notes.start(DemoUsers.PARAMEDIC, EncounterNoteServiceTest.patient());
            NoteContent c = NoteDeliveryReliabilityBenchmarkTest.content(i);
            c.setPresentingComplaint("Reliability run " + run + " note " + i);
            notes.save(DemoUsers.PARAMEDIC, draft.id(), 0, c);
            signed.add(notes.sign(DemoUsers.PARAMEDIC, draft.id(), 1).note().orElseThrow().id());
        }
        return signed;
    }

    /** The claims (note and claim expiry) of deliveries being sent now. */
    static Map<UUID, Timestamp> sending() {
        Map<UUID, Timestamp> claims = new HashMap<>();
        try (Connection c = db.owner(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select note_id, next_attempt_at from note_delivery "
                        + "where status = 'SENDING'")) {
            while (rs.next()) {
                claims.put(rs.getObject(1, UUID.class), rs.getTimestamp(2));
            }
        } catch (SQLException e) {
            // The database is restarting: nothing seen this time.
        }
        return claims;
    }

    /** Waits until the sender claims a delivery it had not claimed before (a new send in flight). */
    static boolean awaitNewSend(Map<UUID, Timestamp> before, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            for (Map.Entry<UUID, Timestamp> e : sending().entrySet()) {
                if (!e.getValue().equals(before.get(e.getKey()))) {
                    return true;
                }
            }
            if (!sender.alive()) {
                throw new IllegalStateException("Carepoint ended by itself; see " + sender.log);
            }
            // Polling another process's database rows: there is no event to wait on.
            TimeUnit.MILLISECONDS.sleep(10);
        }
        return false;
    }

    /** How many times the practice filed each ITK message id (its own record, over HTTP). */
    static Map<String, Long> filedPerMessage() throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(demo.baseUrl()
                + GpInboxConfiguration.FILED_PATH + PRACTICE)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body().lines().filter(l -> !l.isBlank())
                .collect(Collectors.groupingBy(l -> l, Collectors.counting()));
    }

    static long timesFiled(Map<String, Long> filed, UUID noteId) {
        return filed.getOrDefault(NoteDeliveries.messageId(noteId).toString(), 0L);
    }

    /** Waits (polling the practice) until every note is filed; returns how long it took. */
    static long awaitAllFiled(List<UUID> signed) throws Exception {
        long start = System.nanoTime();
        long deadline = start + ALL_FILED_WITHIN.toNanos();
        BooleanSupplier allFiled = () -> {
            try {
                Map<String, Long> filed = filedPerMessage();
                return signed.stream().allMatch(id -> timesFiled(filed, id) >= 1);
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        };
        while (!allFiled.getAsBoolean() && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(500);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** Carepoint's own view of the notes: how many it shows as filed. */
    static long carepointFiled(List<UUID> signed) throws SQLException {
        long n = 0;
        try (Connection c = db.owner(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select note_id from note_delivery where status = 'FILED'")) {
            while (rs.next()) {
                if (signed.contains(rs.getObject(1, UUID.class))) {
                    n++;
                }
            }
        }
        return n;
    }

    /**
     * Waits until Carepoint shows every note as filed (it has read the practice's acknowledgements), at most
     * five minutes; returns how many it shows as filed then.
     */
    static long awaitCarepointFiled(List<UUID> signed) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        long filed = 0;
        while (System.nanoTime() < deadline) {
            try {
                filed = carepointFiled(signed);
            } catch (SQLException e) {
                filed = 0;
            }
            if (filed == signed.size()) {
                break;
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
        return filed;
    }

    record Figures(long filed, long lost, long duplicated) {
    }

    static Figures count(List<UUID> signed) throws Exception {
        Map<String, Long> filed = filedPerMessage();
        long filedOnce = signed.stream().filter(id -> timesFiled(filed, id) >= 1).count();
        long duplicated = signed.stream().filter(id -> timesFiled(filed, id) > 1).count();
        return new Figures(filedOnce, signed.size() - filedOnce, duplicated);
    }

    @Test
    @Order(1)
    void killedMidSendTwentyTimes() throws Exception {
        int count = KILLS * 2;
        List<UUID> signed = sign(count, "kill");
        long started = System.nanoTime();
        int kills = 0;
        int killedInFlight = 0;
        List<Long> delays = new ArrayList<>();
        Map<UUID, Timestamp> seen = new HashMap<>();
        for (int k = 0; k < KILLS; k++) {
            sender.start();
            seen.putAll(sending());
            boolean inFlight = awaitNewSend(seen, Duration.ofMinutes(3));
            // Cut it somewhere in the send: before, while or just after the MESH server answers.
            long delay = RANDOM.nextInt(MESH_LATENCY_MS * 2);
            TimeUnit.MILLISECONDS.sleep(delay);
            seen.putAll(sending());
            sender.kill();
            kills++;
            if (inFlight) {
                killedInFlight++;
                delays.add(delay);
            }
        }
        long killPhaseMs = (System.nanoTime() - started) / 1_000_000;
        sender.start();
        long toFiledMs = awaitAllFiled(signed);
        Figures f = count(signed);
        long shownFiled = awaitCarepointFiled(signed);
        long resendsRecognised = sender.count("Practice saw note");
        Bench.print(String.format(Locale.UK, "Note delivery, Carepoint killed (kill -9) mid-send %d times and "
                + "restarted: %d notes signed, filed %d, lost %d, duplicated %d; %d kills with a send in flight "
                + "(cut %d–%d ms after the claim); Carepoint then shows %d filed; %d resends recognised by the "
                + "practice as duplicates; kills over in %s, all filed %s later", kills, signed.size(), f.filed(), f.lost(),
                f.duplicated(), killedInFlight, delays.stream().mapToLong(Long::longValue).min().orElse(0),
                delays.stream().mapToLong(Long::longValue).max().orElse(0), shownFiled,
                resendsRecognised, Bench.fmt(killPhaseMs), Bench.fmt(toFiledMs)));
        assertThat(kills).isEqualTo(KILLS);
        assertThat(f.lost()).as("notes never filed").isZero();
        assertThat(f.duplicated()).as("notes filed twice").isZero();
    }

    @Test
    @Order(2)
    void databaseRestartedMidSend() throws Exception {
        int restarts = 3;
        List<UUID> signed = sign(30, "db");
        if (!sender.alive()) {
            sender.start();
        }
        long started = System.nanoTime();
        int inFlight = 0;
        long downMs = 0;
        for (int r = 0; r < restarts; r++) {
            if (awaitNewSend(sending(), Duration.ofMinutes(3))) {
                inFlight++;
            }
            TimeUnit.MILLISECONDS.sleep(RANDOM.nextInt(MESH_LATENCY_MS * 2));
            long down = System.nanoTime();
            db.stop();
            db.start();
            downMs += (System.nanoTime() - down) / 1_000_000;
        }
        long toFiledMs = awaitAllFiled(signed);
        double sinceFirstRestartMs = (System.nanoTime() - started) / 1e6;
        Figures f = count(signed);
        long shownFiled = awaitCarepointFiled(signed);
        Bench.print(String.format(Locale.UK, "Note delivery, database restarted (fast shutdown) mid-send %d times "
                + "under a running Carepoint: %d notes signed, filed %d, lost %d, duplicated %d; %d restarts with a "
                + "send in flight; database down %s in all; Carepoint then shows %d filed; all filed %s from the "
                + "start of the run; Carepoint process still the same: %s", restarts, signed.size(), f.filed(), f.lost(),
                f.duplicated(), inFlight, Bench.fmt(downMs), shownFiled,
                Bench.fmt(sinceFirstRestartMs), sender.alive() ? "yes" : "no"));
        assertThat(sender.alive()).as("Carepoint survived the database restarts").isTrue();
        assertThat(f.lost()).as("notes never filed").isZero();
        assertThat(f.duplicated()).as("notes filed twice").isZero();
        assertThat(toFiledMs).isPositive();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
