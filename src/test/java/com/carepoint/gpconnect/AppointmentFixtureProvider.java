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
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A fake Appointment Management provider on loopback that nobody shaped to Carepoint: it answers each interaction
 * with the specification's published example for it ({@code spec-fixtures/appointments/}), the directory lookup
 * and "Find a patient" a consumer needs first, and errors as the error-handling page writes them. It records every
 * request exactly as it arrived, so tests can check what Carepoint puts on the wire.
 */
final class AppointmentFixtureProvider implements AutoCloseable {

    /** One request as it arrived. */
    record Received(String method, String path, String query, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
        }
    }

    /** A hand-made answer (a hostile or broken provider, or an error). */
    @FunctionalInterface
    interface Answer {
        void send(HttpExchange exchange) throws IOException;
    }

    static final String ASID = "918999199998";

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    volatile String slotFixture = "search-for-free-slots-response-payload-1.json";
    volatile String retrieveFixture = "retrieve-patient-appts-response-payload-1a.json";
    volatile String readFixture = "read-appt-response-payload-1.json";
    volatile String patientId = "1";
    volatile String patientNhs = SpecFixtureConsumerTest.REQUESTED;
    volatile String patientBirthDate = "1961-01-04";
    volatile int patients = 1;
    volatile boolean appointmentsInDirectory = true;
    volatile Answer book;
    volatile Answer put;
    volatile Answer slots;

    AppointmentFixtureProvider() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/sds/Endpoint", this::directory);
        server.createContext("/gp/", this::gp);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    SpineProperties spine() {
        return new SpineProperties(base() + "/sds", base() + "/pds");
    }

    GpConnectProperties properties() {
        return new GpConnectProperties("200000001111", "https://carepoint.example.nhs.uk", "", Duration.ofHours(1),
                "test", Duration.ofSeconds(10), 64, 16);
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    List<Received> received(String method, String pathPrefix) {
        return received.stream().filter(r -> r.method().equals(method) && r.path().startsWith(pathPrefix)).toList();
    }

    private void directory(HttpExchange x) throws IOException {
        Received r = record(x);
        boolean appointments = r.query() != null && r.query().contains("appointment")
                || r.query() != null && r.query().contains("slot");
        if (appointments && !appointmentsInDirectory) {
            send(x, 200, "application/fhir+json", "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[]}");
            return;
        }
        send(x, 200, "application/fhir+json", """
                {"resourceType":"Bundle","type":"searchset","entry":[{"resource":{"resourceType":"Endpoint",
                "id":"ep1","status":"active","connectionType":{"code":"hl7-fhir-rest"},
                "payloadType":[{"coding":[{"code":"any"}]}],"address":"%s/gp",
                "identifier":[{"system":"https://fhir.nhs.uk/Id/nhsSpineASID","value":"%s"}]}}]}"""
                .formatted(base(), ASID));
    }

    private void gp(HttpExchange x) throws IOException {
        Received r = record(x);
        String path = r.path().substring("/gp/".length());
        switch (r.method() + " " + path.replaceAll("[^/]+", "*").replaceFirst("^\\*", path.split("/")[0])) {
            case "GET Slot" -> {
                if (slots != null) {
                    slots.send(x);
                } else {
                    fixture(x, 200, slotFixture, null);
                }
            }
            case "GET Patient" -> send(x, 200, "application/fhir+json;charset=utf-8", patientSearch());
            case "GET Patient/*/*" -> fixture(x, 200, retrieveFixture, null);
            case "POST Appointment" -> {
                if (book != null) {
                    book.send(x);
                } else {
                    x.getResponseHeaders().set("Location", base() + "/gp/Appointment/9/_history/636068818095315079");
                    fixture(x, 201, "book-appt-response-payload-1.json", "W/\"636068818095315079\"");
                }
            }
            case "GET Appointment/*" -> fixture(x, 200, readFixture, null);
            case "PUT Appointment/*" -> {
                if (put != null) {
                    put.send(x);
                } else {
                    fixture(x, 200, "cancel-appt-response-payload-1.json", "W/\"636068818095315080\"");
                }
            }
            case "GET Location/*" -> send(x, 200, "application/fhir+json;charset=utf-8", """
                    {"resourceType":"Location","id":"%s","name":"Location %s named by its read",
                    "managingOrganization":{"reference":"Organization/23"}}""".formatted(last(path), last(path)));
            case "GET Practitioner/*" -> send(x, 200, "application/fhir+json;charset=utf-8", """
                    {"resourceType":"Practitioner","id":"%s","name":[{"family":"Black","given":["Sarah"],
                    "prefix":["Mrs"]}],"gender":"female"}""".formatted(last(path)));
            default -> send(x, 404, "application/fhir+json", error("not-found", "NO_RECORD_FOUND"));
        }
    }

    private String patientSearch() {
        StringBuilder b = new StringBuilder("{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[");
        for (int i = 0; i < patients; i++) {
            b.append(i == 0 ? "" : ",").append("""
                    {"resource":{"resourceType":"Patient","id":"%s","meta":{"versionId":"1469448000000","profile":
                    ["https://fhir.nhs.uk/STU3/StructureDefinition/CareConnect-GPC-Patient-1"]},
                    "identifier":[{"system":"https://fhir.nhs.uk/Id/nhs-number","value":"%s"}],
                    "name":[{"use":"official","family":"Hargreaves","given":["Susan"]}],"gender":"female",
                    "birthDate":"%s"}}""".formatted(patientId + (i == 0 ? "" : "-" + i), patientNhs,
                    patientBirthDate));
        }
        return b.append("]}").toString();
    }

    /** An OperationOutcome as pages/development/development_fhir_error_handling_guidance.md writes one. */
    static String error(String issueCode, String spineCode) {
        return """
                {"resourceType":"OperationOutcome","meta":{"profile":
                ["https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-OperationOutcome-1"]},
                "issue":[{"severity":"error","code":"%s","details":{"coding":[{"system":
                "https://fhir.nhs.uk/STU3/ValueSet/Spine-ErrorOrWarningCode-1","code":"%s"}]},
                "diagnostics":"test"}]}""".formatted(issueCode, spineCode);
    }

    private static String last(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private void fixture(HttpExchange x, int status, String name, String etag) throws IOException {
        try (InputStream in = AppointmentFixtureProvider.class.getResourceAsStream(
                "/gpconnect/spec-fixtures/appointments/" + name)) {
            if (in == null) {
                send(x, 500, "text/plain", "no fixture " + name);
                return;
            }
            if (etag != null) {
                x.getResponseHeaders().set("ETag", etag);
            }
            send(x, status, "application/fhir+json;charset=utf-8",
                    new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private Received record(HttpExchange x) throws IOException {
        String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Received r = new Received(x.getRequestMethod(), x.getRequestURI().getRawPath(),
                x.getRequestURI().getRawQuery(), Map.copyOf(x.getRequestHeaders()), body);
        received.add(r);
        return r;
    }

    static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
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
