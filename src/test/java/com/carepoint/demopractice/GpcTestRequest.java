package com.carepoint.demopractice;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A GP Connect request as a correct consumer sends it (headers and unsigned JWT), for the provider conformance
 * tests: each test changes exactly one thing and checks the provider's answer.
 */
final class GpcTestRequest {

    static final String PREFIX = "urn:nhs:names:services:gpconnect:";
    static final String STRUCTURED = PREFIX + "fhir:operation:gpc.getstructuredrecord-1";
    static final String SEARCH_PATIENT = PREFIX + "fhir:rest:search:patient-1";
    static final String METADATA = PREFIX + "fhir:rest:read:metadata-1";
    static final String READ_ORGANIZATION = PREFIX + "fhir:rest:read:organization-1";
    static final String SEARCH_ORGANIZATION = PREFIX + "fhir:rest:search:organization-1";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final Map<String, String> headers = new LinkedHashMap<>();
    final Map<String, Object> claims = new LinkedHashMap<>();
    String root;
    String method = "GET";
    String path = "";
    String body;
    String contentType = "application/fhir+json;charset=utf-8";
    boolean rawJwt;
    String jwtOverride;

    static GpcTestRequest to(int port, String ods, String asid, String interaction, String scope) {
        GpcTestRequest r = new GpcTestRequest();
        r.root = "http://localhost:" + port + "/demo/gp/" + ods + "/STU3/1/gpconnect/fhir";
        r.headers.put("Ssp-TraceID", UUID.randomUUID().toString());
        r.headers.put("Ssp-From", "200000001111");
        r.headers.put("Ssp-To", asid);
        r.headers.put("Ssp-InteractionID", interaction);
        r.headers.put("Accept", "application/fhir+json");
        long now = Instant.now().getEpochSecond();
        r.claims.put("iss", "http://carepoint.test");
        r.claims.put("sub", "paramedic");
        r.claims.put("aud", r.root);
        r.claims.put("iat", now);
        r.claims.put("exp", now + 300);
        r.claims.put("reason_for_request", "directcare");
        r.claims.put("requested_scope", scope);
        r.claims.put("requesting_device", Map.of("resourceType", "Device",
                "identifier", List.of(Map.of("system", "https://carepoint.test/device", "value", "carepoint")),
                "model", "Carepoint", "version", "0.1.0"));
        r.claims.put("requesting_organization", Map.of("resourceType", "Organization",
                "name", "Northshire Ambulance Service NHS Trust",
                "identifier", List.of(Map.of("system", "https://fhir.nhs.uk/Id/ods-organization-code", "value", "RX9"))));
        r.claims.put("requesting_practitioner", practitioner("paramedic", "555021935107", "555021936108"));
        return r;
    }

    static Map<String, Object> practitioner(String id, String sdsUser, String sdsRole) {
        return Map.of("resourceType", "Practitioner", "id", id,
                "name", List.of(Map.of("family", "Morgan", "given", List.of("Alex"))),
                "identifier", List.of(
                        Map.of("system", "https://fhir.nhs.uk/Id/sds-user-id", "value", sdsUser),
                        Map.of("system", "https://fhir.nhs.uk/Id/sds-role-profile-id", "value", sdsRole),
                        Map.of("system", "https://carepoint.test/user-id", "value", id)));
    }

    static GpcTestRequest structured(int port, String ods, String asid, String parametersJson) {
        GpcTestRequest r = to(port, ods, asid, STRUCTURED, "patient/*.read");
        r.method = "POST";
        r.path = "/Patient/$gpc.getstructuredrecord";
        r.body = parametersJson;
        return r;
    }

    GpcTestRequest with(Consumer<GpcTestRequest> change) {
        change.accept(this);
        return this;
    }

    String jwt() {
        if (jwtOverride != null) {
            return jwtOverride;
        }
        JWTClaimsSet.Builder b = new JWTClaimsSet.Builder();
        claims.forEach((k, v) -> {
            switch (k) {
                case "iat" -> b.issueTime(new Date(((Number) v).longValue() * 1000));
                case "exp" -> b.expirationTime(new Date(((Number) v).longValue() * 1000));
                default -> b.claim(k, v);
            }
        });
        return new PlainJWT(new PlainHeader.Builder().type(JOSEObjectType.JWT).build(), b.build()).serialize();
    }

    HttpResponse<String> send() {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(root + path)).timeout(Duration.ofSeconds(60));
        headers.forEach(b::header);
        b.header("Authorization", "Bearer " + jwt());
        if ("POST".equals(method) || "PUT".equals(method)) {
            b.header("Content-Type", contentType);
            b.method(method, HttpRequest.BodyPublishers.ofString(body));
        } else if ("GET".equals(method)) {
            b.GET();
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> get(String url, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        headers.forEach(b::header);
        try {
            return HTTP.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parameters asking for every section. */
    static String allSections(String nhsNumber) {
        return """
                {"resourceType":"Parameters","parameter":[
                 {"name":"patientNHSNumber","valueIdentifier":{"system":"https://fhir.nhs.uk/Id/nhs-number","value":"%s"}},
                 {"name":"includeAllergies","part":[{"name":"includeResolvedAllergies","valueBoolean":true}]},
                 {"name":"includeMedication","part":[{"name":"includePrescriptionIssues","valueBoolean":true}]},
                 {"name":"includeConsultations","part":[{"name":"includeNumberOfMostRecent","valuePositiveInt":5}]},
                 {"name":"includeProblems"},
                 {"name":"includeImmunisations","part":[{"name":"includeNotGiven","valueBoolean":true}]},
                 {"name":"includeUncategorisedData"},
                 {"name":"includeInvestigations"},
                 {"name":"includeReferrals"},
                 {"name":"includeDiaryEntries"}
                ]}""".formatted(nhsNumber);
    }

    static String withParameters(String nhsNumber, String extraParametersJson) {
        return """
                {"resourceType":"Parameters","parameter":[
                 {"name":"patientNHSNumber","valueIdentifier":{"system":"https://fhir.nhs.uk/Id/nhs-number","value":"%s"}}%s
                ]}""".formatted(nhsNumber, extraParametersJson.isBlank() ? "" : "," + extraParametersJson);
    }
}
