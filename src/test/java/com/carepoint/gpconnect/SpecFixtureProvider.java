package com.carepoint.gpconnect;

import com.carepoint.spine.SpineProperties;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A fake GP Connect provider on loopback that nobody shaped to Carepoint: it answers the structured record operation
 * with a fixture file written to the specification's published examples ({@code spec-fixtures/}), and the
 * directory lookup and CapabilityStatement a consumer needs to get there. It records every request exactly as it
 * arrived, so tests can check what Carepoint puts on the wire.
 */
final class SpecFixtureProvider implements AutoCloseable {

    /** One request as it arrived. */
    record Received(String method, String uri, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
        }
    }

    static final String ODS = "A99999";
    static final String ASID = "918999199999";

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile String fixture = "full-record.json";
    private volatile Answer answer;

    /** A hand-made answer to the structured record request (a hostile or broken provider). */
    @FunctionalInterface
    interface Answer {
        void send(HttpExchange exchange) throws IOException;
    }
    private volatile String version = "1.6.0";

    SpecFixtureProvider() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/sds/Endpoint", this::directory);
        server.createContext("/gp/metadata", this::metadata);
        server.createContext("/gp/Patient/$gpc.getstructuredrecord", this::structured);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The fixture file (under {@code gpconnect/spec-fixtures/}) the next answers are made of. */
    SpecFixtureProvider answering(String fixtureFile) {
        this.fixture = fixtureFile;
        return this;
    }

    /** Answers the structured record request this way instead of with a fixture. */
    SpecFixtureProvider answeringWith(Answer custom) {
        this.answer = custom;
        return this;
    }

    /** The version the CapabilityStatement states. */
    SpecFixtureProvider reportingVersion(String v) {
        this.version = v;
        return this;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    GpConnectProperties properties() {
        return properties(Duration.ofSeconds(45));
    }

    GpConnectProperties properties(Duration sectionDeadline) {
        return new GpConnectProperties("200000001111", "https://carepoint.example.nhs.uk", "", Duration.ofHours(1),
                "test", sectionDeadline, 64, 16);
    }

    SpineProperties spine() {
        return new SpineProperties(base() + "/sds", base() + "/pds");
    }

    private void directory(HttpExchange x) throws IOException {
        record(x);
        String json = """
                {"resourceType":"Bundle","type":"searchset","entry":[{"resource":{"resourceType":"Endpoint",
                "id":"ep1","status":"active","connectionType":{"code":"hl7-fhir-rest"},
                "payloadType":[{"coding":[{"code":"any"}]}],"address":"%s/gp",
                "identifier":[{"system":"https://fhir.nhs.uk/Id/nhsSpineASID","value":"%s"}]}}]}"""
                .formatted(base(), ASID);
        send(x, 200, "application/fhir+json", json);
    }

    private void metadata(HttpExchange x) throws IOException {
        record(x);
        send(x, 200, "application/fhir+json", """
                {"resourceType":"CapabilityStatement","version":"%s","status":"active","date":"2026-01-01",
                "kind":"instance","fhirVersion":"3.0.1","acceptUnknown":"both","format":["application/fhir+json"]}"""
                .formatted(version));
    }

    private void structured(HttpExchange x) throws IOException {
        record(x);
        if (answer != null) {
            answer.send(x);
            return;
        }
        String name = fixture;
        try (InputStream in = SpecFixtureProvider.class.getResourceAsStream("/gpconnect/spec-fixtures/" + name)) {
            if (in == null) {
                send(x, 500, "text/plain", "no fixture " + name);
                return;
            }
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            send(x, 200, name.endsWith(".xml") ? "application/fhir+xml;charset=utf-8" : "application/fhir+json;charset=utf-8",
                    body);
        }
    }

    private void record(HttpExchange x) throws IOException {
        String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.add(new Received(x.getRequestMethod(), x.getRequestURI().toString(),
                Map.copyOf(x.getRequestHeaders()), body));
    }

    static void send(HttpExchange x, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", type);
        x.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
