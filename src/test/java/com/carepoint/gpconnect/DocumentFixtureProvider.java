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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A fake Access Document provider on loopback that nobody shaped to Carepoint: by default it answers the search with
 * the specification's published example ({@code spec-fixtures/documents/documents_response.json}), "Find a patient"
 * with that example's Patient, and {@code Binary/07a6483f-...} with the published Binary example; tests replace any
 * answer. It serves the directory lookups a consumer makes first, records every request exactly as it arrived, and
 * answers what it does not know with the {@code NO_RECORD_FOUND} error the retrieve page names.
 */
public final class DocumentFixtureProvider implements AutoCloseable {

    /** One request as it arrived. */
    public record Received(String method, String path, String query, Map<String, List<String>> headers) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
        }
    }

    /** An answer: status and body (FHIR JSON). */
    record Answer(int status, String body) {
    }

    static final String ASID = "918999199177";
    static final String DOCUMENTS = "/gpconnect/spec-fixtures/documents/";
    /** The published example's ids (INC/documents_response.json, INC/documents_response2.json). */
    static final String PATIENT_ID = "04603d77-1a4e-4d63-b246-d7504f8bd833";
    static final String BINARY_ID = "07a6483f-732b-461e-86b6-edb665c45510";

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    /** Interactions the directory has no endpoint for (a practice that does not offer them). */
    final Set<String> notInDirectory = ConcurrentHashMap.newKeySet();
    volatile Answer findPatient;
    volatile Answer search;
    final Map<String, Answer> binaries = new ConcurrentHashMap<>();

    DocumentFixtureProvider() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/sds/Endpoint", this::directory);
        server.createContext("/docs/", this::documents);
        // The Spine Secure Proxy's form: https://[proxy]/https://[provider root]/[request] (integration_spine_secure_proxy).
        server.createContext("/ssp/", this::proxied);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        search = new Answer(200, fixture("documents_response.json"));
        findPatient = new Answer(200, searchset(patientOf(search.body())));
        binaries.put(BINARY_ID, new Answer(200, fixture("documents_response2.json")));
    }

    public String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The Access Document service root the directory gives. */
    String root() {
        return base() + "/docs";
    }

    SpineProperties spine() {
        return new SpineProperties(base() + "/sds", base() + "/pds");
    }

    GpConnectProperties properties() {
        return properties("");
    }

    GpConnectProperties properties(String proxyPrefix) {
        return new GpConnectProperties("200000001111", "https://carepoint.example.nhs.uk", proxyPrefix,
                Duration.ofHours(1), "test", Duration.ofSeconds(20), 64, 16);
    }

    public List<Received> received(String method, String pathPrefix) {
        return received.stream().filter(r -> r.method().equals(method) && r.path().startsWith(pathPrefix)).toList();
    }

    static String fixture(String name) {
        try (InputStream in = DocumentFixtureProvider.class.getResourceAsStream(DOCUMENTS + name)) {
            if (in == null) {
                throw new IllegalStateException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Patient resource of a search answer, as JSON (the published example's own Patient, unchanged). */
    static String patientOf(String bundleJson) {
        org.hl7.fhir.dstu3.model.Bundle b = com.carepoint.platform.FhirClients.STU3.newJsonParser()
                .parseResource(org.hl7.fhir.dstu3.model.Bundle.class, bundleJson);
        return com.carepoint.platform.FhirClients.STU3.newJsonParser().encodeResourceToString(b.getEntry().stream()
                .map(org.hl7.fhir.dstu3.model.Bundle.BundleEntryComponent::getResource)
                .filter(org.hl7.fhir.dstu3.model.Patient.class::isInstance).findFirst().orElseThrow());
    }

    /** A searchset Bundle of the resources given (JSON), as the Find a patient page's example is written. */
    static String searchset(String... resources) {
        StringBuilder b = new StringBuilder("{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[");
        for (int i = 0; i < resources.length; i++) {
            b.append(i == 0 ? "" : ",").append("{\"resource\":").append(resources[i]).append('}');
        }
        return b.append("]}").toString();
    }

    /** An OperationOutcome as the error handling guidance writes one (GPConnect-OperationOutcome-1). */
    static String error(String issueCode, String spineCode) {
        return """
                {"resourceType":"OperationOutcome","meta":{"profile":
                ["https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-OperationOutcome-1"]},
                "issue":[{"severity":"error","code":"%s","details":{"coding":[{"system":
                "https://fhir.nhs.uk/STU3/ValueSet/Spine-ErrorOrWarningCode-1","code":"%s"}]},
                "diagnostics":"test"}]}""".formatted(issueCode, spineCode);
    }

    private void directory(HttpExchange x) throws IOException {
        Received r = record(x);
        String query = r.query() == null ? "" : URLDecoder.decode(r.query(), StandardCharsets.UTF_8);
        boolean missing = notInDirectory.stream().anyMatch(query::contains);
        send(x, 200, "application/fhir+json", missing ? "{\"resourceType\":\"Bundle\",\"type\":\"searchset\"}" : """
                {"resourceType":"Bundle","type":"searchset","entry":[{"resource":{"resourceType":"Endpoint",
                "id":"ep1","status":"active","connectionType":{"code":"hl7-fhir-rest"},
                "payloadType":[{"coding":[{"code":"any"}]}],"address":"%s",
                "identifier":[{"system":"https://fhir.nhs.uk/Id/nhsSpineASID","value":"%s"}]}}]}"""
                .formatted(root(), ASID));
    }

    private void documents(HttpExchange x) throws IOException {
        Received r = record(x);
        answer(x, r, r.path().substring("/docs/".length()));
    }

    private void proxied(HttpExchange x) throws IOException {
        Received r = record(x);
        String target = "/ssp/" + root() + "/";
        if (!r.path().startsWith(target)) {
            send(x, 502, "application/fhir+json", error("transient", "BAD_REQUEST"));
            return;
        }
        answer(x, r, r.path().substring(target.length()));
    }

    private void answer(HttpExchange x, Received r, String path) throws IOException {
        Answer answer;
        if (!r.method().equals("GET")) {
            answer = new Answer(405, error("not-supported", "BAD_REQUEST"));
        } else if (path.equals("Patient")) {
            answer = findPatient;
        } else if (path.matches("Patient/[^/]+/DocumentReference")) {
            answer = search;
        } else if (path.startsWith("Binary/")) {
            answer = binaries.getOrDefault(path.substring("Binary/".length()),
                    new Answer(404, error("not-found", "NO_RECORD_FOUND")));
        } else {
            answer = new Answer(404, error("not-found", "NO_RECORD_FOUND"));
        }
        send(x, answer.status(), "application/fhir+json;charset=utf-8", answer.body());
    }

    private Received record(HttpExchange x) throws IOException {
        x.getRequestBody().readAllBytes();
        Received r = new Received(x.getRequestMethod(), x.getRequestURI().getRawPath(),
                x.getRequestURI().getRawQuery(), Map.copyOf(x.getRequestHeaders()));
        received.add(r);
        return r;
    }

    static void send(HttpExchange x, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", type);
        x.getResponseHeaders().set("Cache-Control", "no-store");
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
