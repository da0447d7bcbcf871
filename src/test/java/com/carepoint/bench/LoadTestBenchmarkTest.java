package com.carepoint.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.carepoint.Application;
import com.carepoint.Bench;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 item 4, the load test: Gatling ({@link CarepointLoadSimulation}, Java DSL) drives simulated clinicians
 * through Carepoint's real sign-in and Vaadin protocol ({@link VaadinUidlClient}): sign in, search an NHS number,
 * give the reason for access, open the record (allergies and medications pushed over the websocket) and open a full
 * section, with think time, in steps of N concurrent sessions (each holds its record open until the step is measured).
 *
 * <p>Three processes, so each one's CPU is its own: Carepoint (its main class, on this test class path, embedded
 * database) in a child JVM; the demo practices and national-service stand-ins in another
 * ({@link DemoServicesProcess}, answering at their own speed: no latency added); Gatling in this JVM. Printed per
 * step ({@code BENCH load ...}): p50 / p95 / p99 of each interaction, errors, Carepoint's heap used after a full GC
 * with every session of the step holding its record open (and before the step, and the max), and the CPU time each
 * process used while the step ramped up (the load generator's own share of the two cores included).
 *
 * <p>{@code ./carepoint bench} runs 200, 1,000 and 2,000 sessions ({@code -Dcarepoint.bench.load.sessions=200,1000};
 * {@code .rate} sessions starting per second, default 2 (at 5 the sign-in fell behind on this machine);
 * {@code .think} mean think time in seconds, default 2; {@code .heap} Carepoint's -Xmx, default 3g;
 * {@code .accounts} sign-in accounts, default 100; {@code .step-wait} seconds after the ramp for every session to hold
 * its record, default 600; {@code .carepoint-args} extra Spring arguments for Carepoint). A step with more than 10% of
 * its sessions failed, not all holding within that wait, or Carepoint gone, ends the run there, and says so. Smoke
 * mode (the test command): 3 sessions, short think time; any error fails the test (a broken protocol helper fails
 * CI). No timing is asserted.
 */
@Tag(Bench.TAG)
class LoadTestBenchmarkTest {

    private static final Path DIR = Path.of("target", "load-test").toAbsolutePath();
    private static final String NHS_NUMBER = "9990000018";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration READY_WITHIN = Duration.ofSeconds(180);
    /** Load-test accounts in a full run ({@code -Dcarepoint.bench.load.accounts}). */
    private static final int ACCOUNTS = Integer.getInteger("carepoint.bench.load.accounts", 100);
    /** How long after its ramp a step may take to have every session holding its record open. */
    private static final int STEP_WAIT_SECONDS = Integer.getInteger("carepoint.bench.load.step-wait", 600);

    static DemoServicesProcess demo;
    static Process carepoint;

    @AfterAll
    static void stop() throws InterruptedException {
        if (carepoint != null && carepoint.isAlive()) {
            carepoint.destroy();
            if (!carepoint.waitFor(60, TimeUnit.SECONDS)) {
                carepoint.destroyForcibly();
            }
        }
        if (demo != null) {
            demo.stop();
        }
    }

    @Test
    void clinicians_sign_in_search_open_a_record_and_a_section() throws Exception {
        List<Integer> steps = Bench.SMOKE ? List.of(3) : Arrays.stream(System.getProperty(
                "carepoint.bench.load.sessions", "200,1000,2000").split(",")).map(String::strip)
                .map(Integer::valueOf).toList();
        double rate = Double.parseDouble(System.getProperty("carepoint.bench.load.rate", "2"));
        double think = Bench.SMOKE ? 0.1 : Double.parseDouble(System.getProperty("carepoint.bench.load.think", "2"));
        String heap = System.getProperty("carepoint.bench.load.heap", "3g");
        int waitSeconds = Bench.SMOKE ? 30 : 60;

        Files.createDirectories(DIR);
        int accounts = Bench.SMOKE ? 3 : ACCOUNTS;
        Path users = writeAccounts(accounts);
        int demoPort = DemoServicesProcess.freePort();
        int port = DemoServicesProcess.freePort();
        // Both JVMs start at once (the smoke run's time is mostly these starts).
        carepoint = startCarepoint(port, demoPort, heap, users);
        demo = DemoServicesProcess.startOn(demoPort);
        String baseUrl = "http://localhost:" + port;
        awaitReady(baseUrl);
        configureGatling();

        long totalErrors = 0;
        for (int sessions : steps) {
            int ramp = Math.max(1, (int) Math.ceil(sessions / rate));
            LoadRun run = new LoadRun(baseUrl, sessions, ramp, NHS_NUMBER, think, waitSeconds, accounts);
            String label = "load " + sessions + " sessions";
            Step step = runStep(run);
            report(label, run, step, ramp, think, heap);
            totalErrors += run.errorCount();
            if (!carepoint.isAlive()) {
                print(label + ": stopped here: Carepoint's JVM ended (exit " + carepoint.exitValue()
                        + ", e.g. out of heap: -Xmx" + heap + "); see " + DIR.resolve("carepoint.log"));
                break;
            }
            if (!step.allHolding() && run.failedCount() <= sessions / 10) {
                print(label + ": stopped here: only " + run.holdingCount() + " of " + sessions
                        + " sessions had their record open " + STEP_WAIT_SECONDS + " s after the ramp, so larger "
                        + "steps were not run");
                break;
            }
            if (run.failedCount() > sessions / 10) {
                print(label + ": stopped here: " + run.failedCount() + " of " + sessions
                        + " sessions failed (more than 10%), so larger steps were not run");
                break;
            }
        }
        if (Bench.SMOKE) {
            assertThat(totalErrors).as("errors in the load test's smoke run (see the BENCH-SMOKE lines)").isZero();
        }
    }

    /** What the test measured around one step. */
    record Step(long wallMs, double generatorCpuS, double carepointCpuS, double demoCpuS, long heapBeforeKb,
            long heapHoldingKb, long heapCommittedKb, boolean allHolding) {
    }

    private Step runStep(LoadRun run) throws Exception {
        long heapBefore = heapAfterGc()[0];
        LoadRun.current = run;
        long start = System.nanoTime();
        double generator0 = generatorCpuSeconds();
        double carepoint0 = cpuSeconds(carepoint.toHandle());
        double demo0 = demo.handle().map(LoadTestBenchmarkTest::cpuSeconds).orElse(0.0);
        CompletableFuture<Integer> gatling = CompletableFuture.supplyAsync(() -> io.gatling.app.Gatling$.MODULE$
                .fromArgs(new String[] {"--simulation", CarepointLoadSimulation.class.getName(), "--results-folder",
                        DIR.resolve("gatling").toString(), "--no-reports", "--run-description",
                        run.sessions + " sessions"}));
        // Wait until every session holds its record open (or has failed), Gatling has ended, or the step's time is up.
        long deadline = start + Duration.ofSeconds(run.rampSeconds + STEP_WAIT_SECONDS).toNanos();
        while (run.holdingCount() + run.failedCount() < run.sessions && !gatling.isDone()
                && System.nanoTime() < deadline && carepoint.isAlive()) {
            TimeUnit.MILLISECONDS.sleep(200);
        }
        boolean allHolding = run.holdingCount() == run.sessions;
        long wallMs = (System.nanoTime() - start) / 1_000_000;
        double generator = generatorCpuSeconds() - generator0;
        double carepointCpu = carepoint.isAlive() ? cpuSeconds(carepoint.toHandle()) - carepoint0 : Double.NaN;
        double demoCpu = demo.handle().map(LoadTestBenchmarkTest::cpuSeconds).orElse(Double.NaN) - demo0;
        long[] holding = carepoint.isAlive() ? heapAfterGc() : new long[] {-1, -1};
        run.release();
        gatling.get(run.rampSeconds + 1900L, TimeUnit.SECONDS);
        return new Step(wallMs, generator, carepointCpu, demoCpu, heapBefore, holding[0], holding[1], allHolding);
    }

    private static void report(String label, LoadRun run, Step step, int ramp, double think, String heap) {
        print(String.format(Locale.UK, "%s: %d sessions started over %d s, think time %.1f s mean; "
                        + "demo services in their own JVM, no latency added; patient %s; %d holding their record "
                        + "open, %d failed", label, run.sessions, ramp, think, NHS_NUMBER, run.holdingCount(),
                run.failedCount()));
        run.times().forEach((interaction, values) -> print(String.format(Locale.UK,
                "%s: %-16s p50 %s, p95 %s, p99 %s (%d done)", label, interaction,
                Bench.fmt(Bench.percentile(values, 50)), Bench.fmt(Bench.percentile(values, 95)),
                Bench.fmt(Bench.percentile(values, 99)), values.size())));
        print(label + ": errors " + run.errorCount() + (run.errors().isEmpty() ? "" : " " + run.errors()));
        if (step.heapHoldingKb() >= 0) {
            long perSession = run.holdingCount() > 0
                    ? (step.heapHoldingKb() - step.heapBeforeKb()) / run.holdingCount() : 0;
            print(String.format(Locale.UK, "%s: Carepoint heap used after a full GC with %d sessions holding "
                            + "their record open: %d MB (committed %d MB, max -Xmx%s); before the step %d MB; "
                            + "%d KB per session", label, run.holdingCount(), step.heapHoldingKb() / 1024,
                    step.heapCommittedKb() / 1024, heap, step.heapBeforeKb() / 1024, perSession));
        }
        double wall = step.wallMs() / 1000.0;
        print(String.format(Locale.UK, "%s: CPU while the step ramped up to every session holding (%.0f s "
                        + "wall, 2 cores = %.0f core-s): load generator (Gatling, test JVM) %.1f s = %.2f cores; "
                        + "Carepoint %.1f s = %.2f cores; demo services %.1f s = %.2f cores%s", label, wall,
                2 * wall, step.generatorCpuS(), step.generatorCpuS() / wall, step.carepointCpuS(),
                step.carepointCpuS() / wall, step.demoCpuS(), step.demoCpuS() / wall,
                step.allHolding() ? "" : " (not every session reached its record)"));
    }

    /**
     * The embedded sign-in's users for the load test (configuration, no code): paramedics {@code load-paramedic-1..n}
     * like the demo paramedic. Several accounts because the sign-in throttle refuses more than five attempts in flight
     * for one account; not one per session because each account's password is hashed (bcrypt) at start-up.
     */
    private static Path writeAccounts(int accounts) throws IOException {
        StringBuilder yaml = new StringBuilder("carepoint:\n  auth:\n    embedded:\n      users:\n");
        for (int i = 1; i <= accounts; i++) {
            yaml.append("        - username: ").append(LoadRun.USERNAME_PREFIX).append(i).append('\n')
                    .append("          password: ").append(CarepointLoadSimulation.PASSWORD).append('\n')
                    .append("          name: Load Paramedic ").append(i).append('\n')
                    .append("          role: paramedic\n          org-ods-code: RX9\n")
                    .append("          org-name: Northshire Ambulance Service NHS Trust\n")
                    .append("          org-type: ambulance-trust\n")
                    .append("          sds-user-id: \"5550219").append(String.format(Locale.UK, "%05d", i))
                    .append("\"\n")
                    .append("          sds-role-profile-id: \"5550229").append(String.format(Locale.UK, "%05d", i))
                    .append("\"\n");
        }
        Path file = DIR.resolve("load-test-users.yml");
        Files.writeString(file, yaml);
        return file;
    }

    /** A BENCH line, also appended to target/load-test/bench.txt at once (a long run cut short keeps its steps). */
    private static void print(String line) {
        Bench.print(line);
        try {
            Files.writeString(DIR.resolve("bench.txt"), (Bench.SMOKE ? "BENCH-SMOKE " : "BENCH ") + line + "\n",
                    StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            // The line is in the test's output anyway.
        }
    }

    private static Process startCarepoint(int port, int demoPort, String heap, Path users) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + heap);
        command.add("-XX:+ExitOnOutOfMemoryError");
        command.add("-Xshare:auto");
        if (Bench.SMOKE) {
            // Smoke mode measures nothing: start quicker on two busy cores (no C2 compiler).
            command.add("-XX:TieredStopAtLevel=1");
        }
        // Production mode, as the tests run it (the development server is not on the test class path).
        command.add("-Dvaadin.productionMode=true");
        command.add("-cp");
        command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        command.add(Application.class.getName());
        command.add("--server.port=" + port);
        command.add("--spring.main.banner-mode=off");
        command.add("--spring.config.additional-location=file:" + users);
        // Extra Spring arguments for Carepoint, e.g. a logging level while diagnosing
        // (-Dcarepoint.bench.load.carepoint-args="--logging.level.org.springframework.security=DEBUG").
        for (String extra : System.getProperty("carepoint.bench.load.carepoint-args", "").split("\\s+")) {
            if (!extra.isBlank()) {
                command.add(extra);
            }
        }
        DemoServicesProcess.carepointProperties(demoPort).forEach((k, v) -> command.add("--" + k + "=" + v));
        Path log = DIR.resolve("carepoint.log");
        Files.deleteIfExists(log);
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    private static void awaitReady(String baseUrl) throws Exception {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            if (!carepoint.isAlive()) {
                throw new IllegalStateException("Carepoint ended during start-up; see " + DIR.resolve("carepoint.log"));
            }
            try {
                HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl
                        + "/actuator/health/readiness")).timeout(Duration.ofSeconds(5)).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            }
            // Polling another process's readiness: there is no event to wait on.
            TimeUnit.MILLISECONDS.sleep(250);
        }
        throw new IllegalStateException("Carepoint was not ready within " + READY_WITHIN);
    }

    private static void configureGatling() {
        // No network beyond loopback: no warm-up request, no usage analytics.
        System.setProperty("gatling.http.warmUpUrl", "");
        System.setProperty("gatling.data.enableAnalytics", "false");
        System.setProperty("gatling.data.console.writePeriod", "10");
        // Console only: Gatling's simulation.log writer needs java.lang opened to it (--add-opens, which its own
        // launcher adds); this test keeps its own figures and makes no HTML report, so it needs no log.
        System.setProperty("gatling.data.writers.0", "console");
    }

    /** Carepoint's heap after a full GC ({@code jcmd GC.run}, then {@code GC.heap_info}): used and committed, KB. */
    private static long[] heapAfterGc() throws IOException, InterruptedException {
        jcmd("GC.run");
        String info = jcmd("GC.heap_info");
        Matcher m = Pattern.compile("committed (\\d+)K, used (\\d+)K").matcher(info);
        if (!m.find()) {
            throw new IllegalStateException("Unexpected GC.heap_info: " + info);
        }
        return new long[] {Long.parseLong(m.group(2)), Long.parseLong(m.group(1))};
    }

    private static String jcmd(String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(carepoint.pid()), command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + command + " failed: " + new String(out, StandardCharsets.UTF_8));
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    private static double generatorCpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }

    private static double cpuSeconds(ProcessHandle process) {
        return process.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
    }
}
