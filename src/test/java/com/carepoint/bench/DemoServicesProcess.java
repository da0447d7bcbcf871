package com.carepoint.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The demo services ({@code com.carepoint.demopractice.DemoServicesApplication}) as a child JVM of the test, on the
 * test's own class path: the demo GP practices, PDS and SDS stand-ins, demo MESH server and GP inboxes on one port,
 * apart from Carepoint, so a benchmark measures Carepoint alone and a reliability test can stop, kill (-9) and restart
 * them. {@link #carepointProperties()} points a Carepoint application context at them.
 *
 * <p>The port is chosen once and kept across restarts, so Carepoint's configuration stays right. Readiness is the PDS
 * stand-in answering its CapabilityStatement over HTTP (all the demo servlets start with the server). The child's
 * output goes to {@code target/demo-services/demo-services-<port>.log}. A JVM shutdown hook kills a child still
 * running when the test JVM ends.
 */
public final class DemoServicesProcess implements AutoCloseable {

    private static final String MAIN = "com.carepoint.demopractice.DemoServicesApplication";
    /** How long a start may take on a loaded 2-core machine before the test gives up. */
    private static final Duration READY_WITHIN = Duration.ofSeconds(120);

    private final int port;
    private final List<String> arguments;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;

    private DemoServicesProcess(int port, List<String> arguments) {
        this.port = port;
        this.arguments = List.copyOf(arguments);
        this.log = Path.of("target", "demo-services", "demo-services-" + port + ".log");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Process p = process;
            if (p != null) {
                p.destroyForcibly();
            }
        }, "demo-services-kill"));
    }

    /**
     * Starts the demo services on a free port with these extra Spring arguments (e.g.
     * {@code --carepoint.demo.faults.A20047.latency=300ms}) and waits until they answer.
     */
    public static DemoServicesProcess start(String... arguments) {
        return startOn(freePort(), arguments);
    }

    /**
     * Starts the demo services on this port (e.g. one chosen with {@link #freePort()}, so that a Carepoint can be
     * started, pointed at them, while they start) and waits until they answer.
     */
    public static DemoServicesProcess startOn(int port, String... arguments) {
        DemoServicesProcess demo = new DemoServicesProcess(port, List.of(arguments));
        demo.launch();
        return demo;
    }

    /** The services' JVM, while it runs (e.g. for its CPU time). */
    public synchronized java.util.Optional<ProcessHandle> handle() {
        return process == null ? java.util.Optional.empty() : java.util.Optional.of(process.toHandle());
    }

    public int port() {
        return port;
    }

    /** The services' root, e.g. {@code http://localhost:40123}; the demo's paths start with {@code /demo/}. */
    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /**
     * What Carepoint needs to use these services instead of embedded ones: the embedded demo off, the national
     * services (PDS, SDS) and MESH at this process. The practices' addresses come from the SDS stand-in, which names
     * them at this process too.
     */
    public Map<String, String> carepointProperties() {
        return carepointProperties(port);
    }

    /** {@link #carepointProperties()} for demo services on this port, known before they have started. */
    public static Map<String, String> carepointProperties(int port) {
        String baseUrl = "http://localhost:" + port;
        Map<String, String> p = new LinkedHashMap<>();
        p.put("carepoint.demo.enabled", "false");
        p.put("carepoint.gpconnect.pds-url", baseUrl + "/demo/pds/FHIR/R4");
        p.put("carepoint.gpconnect.sds-url", baseUrl + "/demo/sds/FHIR/R4");
        p.put("carepoint.mesh.base-url", baseUrl + "/demo/mesh");
        return p;
    }

    /** Adds {@link #carepointProperties()} to a test's application context. */
    public void registerWith(DynamicPropertyRegistry registry) {
        carepointProperties().forEach((key, value) -> registry.add(key, () -> value));
    }

    public synchronized boolean alive() {
        return process != null && process.isAlive();
    }

    /** Whether the services answer now. */
    public boolean answering() {
        try {
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl()
                            + "/demo/pds/FHIR/R4/metadata")).timeout(Duration.ofSeconds(5))
                            // PDS requires a request id on every request, as the real service does.
                            .header("X-Request-ID", UUID.randomUUID().toString()).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops the services as an operator would (SIGTERM, a graceful shutdown) and waits for the JVM to end. */
    public synchronized void stop() {
        end(false);
    }

    /** Kills the services' JVM outright (SIGKILL: no shutdown hooks, connections cut) and waits for it to end. */
    public synchronized void kill() {
        end(true);
    }

    /** Stops the services if they are running and starts them again on the same port; returns once they answer. */
    public synchronized void restart() {
        end(false);
        launch();
    }

    @Override
    public void close() {
        stop();
    }

    private synchronized void launch() {
        if (alive()) {
            throw new IllegalStateException("The demo services are already running on port " + port);
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx1536m");
        command.add("-XX:+ExitOnOutOfMemoryError");
        command.add("-Xshare:auto");
        command.add("-cp");
        command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        command.add(MAIN);
        command.add("--server.port=" + port);
        command.addAll(arguments);
        try {
            Files.createDirectories(log.getParent());
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the demo services", e);
        }
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (!answering()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The demo services ended during start-up (exit " + process.exitValue()
                        + "); see " + log.toAbsolutePath() + ":\n" + tail());
            }
            if (System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("The demo services did not answer within " + READY_WITHIN + "; see "
                        + log.toAbsolutePath() + ":\n" + tail());
            }
            try {
                // Polling for readiness of another process: there is no event to wait on.
                process.waitFor(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while the demo services started", e);
            }
        }
    }

    private void end(boolean forcibly) {
        Process p = process;
        if (p == null || !p.isAlive()) {
            return;
        }
        if (forcibly) {
            p.destroyForcibly();
        } else {
            p.destroy();
        }
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** A TCP port free now on this machine. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
