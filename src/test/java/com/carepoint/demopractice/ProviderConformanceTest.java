package com.carepoint.demopractice;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import com.carepoint.Application;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.OperationOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The demo practices enforce GP Connect as strictly as the specification says a provider must: each rule broken on
 * its own gives the specification's error code and HTTP status.
 */
@SpringBootTest(classes = Application.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProviderConformanceTest {

    static final FhirContext STU3 = FhirContext.forDstu3Cached();
    static final String RIVERSIDE = "A20047";
    static final String RIVERSIDE_ASID = "918999100101";
    static final String TYPICAL = "9990000018";

    @LocalServerPort
    int port;

    GpcTestRequest valid() {
        return GpcTestRequest.structured(port, RIVERSIDE, RIVERSIDE_ASID, GpcTestRequest.allSections(TYPICAL));
    }

    @Test
    void aCorrectRequestIsAnswered() {
        HttpResponse<String> r = valid().send();
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/fhir+json"));
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
        Bundle b = STU3.newJsonParser().parseResource(Bundle.class, r.body());
        assertThat(b.getType()).isEqualTo(Bundle.BundleType.COLLECTION);
    }

    /**
     * GP Connect "General API guidance", "Content types": _format, when given, is a MIME type and overrides Accept; a
     * format the server does not support is 415. HAPI's own {@code _format=json} is not a MIME type.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("mediaTypeFaults")
    void aFormatThatIsNotAFhirMimeTypeIsRefusedWith415(String name, Consumer<GpcTestRequest> fault) {
        HttpResponse<String> r = valid().with(fault).send();
        assertThat(r.statusCode()).as(r.body()).isEqualTo(415);
    }

    static Stream<Arguments> mediaTypeFaults() {
        return Stream.of(
                Arguments.of("_format=json", (Consumer<GpcTestRequest>) r -> r.path += "?_format=json"),
                Arguments.of("_format=xml", (Consumer<GpcTestRequest>) r -> r.path += "?_format=xml"),
                Arguments.of("Accept: application/json", (Consumer<GpcTestRequest>) r -> r.headers.put("Accept", "application/json")),
                Arguments.of("Accept: the DSTU2 legacy type", (Consumer<GpcTestRequest>) r -> r.headers.put("Accept", "application/json+fhir")));
    }

    @Test
    void theFhirMimeTypesAreServedAsAskedFor() {
        HttpResponse<String> json = valid().with(r -> r.path += "?_format=" + URLEncoder.encode(
                "application/fhir+json", StandardCharsets.UTF_8)).send();
        assertThat(json.statusCode()).isEqualTo(200);
        HttpResponse<String> xml = valid().with(r -> r.headers.put("Accept", "application/fhir+xml;charset=utf-8")).send();
        assertThat(xml.statusCode()).isEqualTo(200);
        assertThat(xml.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/fhir+xml"));
        assertThat(xml.body()).startsWith("<Bundle");
    }

    static Stream<Arguments> headerFaults() {
        return Stream.of(
                Arguments.of("no Ssp-TraceID", (Consumer<GpcTestRequest>) r -> r.headers.remove("Ssp-TraceID")),
                Arguments.of("Ssp-TraceID not a UUID", (Consumer<GpcTestRequest>) r -> r.headers.put("Ssp-TraceID", "123")),
                Arguments.of("no Ssp-From", (Consumer<GpcTestRequest>) r -> r.headers.remove("Ssp-From")),
                Arguments.of("no Ssp-To", (Consumer<GpcTestRequest>) r -> r.headers.remove("Ssp-To")),
                Arguments.of("Ssp-To another ASID", (Consumer<GpcTestRequest>) r -> r.headers.put("Ssp-To", "918999100202")),
                Arguments.of("no Ssp-InteractionID", (Consumer<GpcTestRequest>) r -> r.headers.remove("Ssp-InteractionID")),
                Arguments.of("interaction for another operation",
                        (Consumer<GpcTestRequest>) r -> r.headers.put("Ssp-InteractionID", GpcTestRequest.SEARCH_PATIENT)),
                Arguments.of("no Authorization", (Consumer<GpcTestRequest>) r -> r.jwtOverride = ""),
                Arguments.of("wrong Content-Type", (Consumer<GpcTestRequest>) r -> r.contentType = "application/json"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("headerFaults")
    void eachHeaderRuleIsEnforced(String name, Consumer<GpcTestRequest> fault) {
        GpcTestRequest request = valid().with(fault);
        if ("".equals(request.jwtOverride)) {
            request.jwtOverride = null;
            request.headers.put("Authorization", "Basic dXNlcjpwYXNz");
        }
        assertError(sendRaw(request), 400, "BAD_REQUEST");
    }

    static Stream<Arguments> jwtFaults() {
        long now = Instant.now().getEpochSecond();
        return Stream.of(
                Arguments.of("no iss", claimRemoved("iss")),
                Arguments.of("no sub", claimRemoved("sub")),
                Arguments.of("no aud", claimRemoved("aud")),
                Arguments.of("aud another practice", claim("aud", "http://localhost/demo/gp/B82033/STU3/1/gpconnect/fhir")),
                Arguments.of("no iat", claimRemoved("iat")),
                Arguments.of("no exp", claimRemoved("exp")),
                Arguments.of("exp not iat + 300", claim("exp", now + 299)),
                Arguments.of("expired", (Consumer<GpcTestRequest>) r -> {
                    r.claims.put("iat", now - 600);
                    r.claims.put("exp", now - 300);
                }),
                Arguments.of("iat in the future", (Consumer<GpcTestRequest>) r -> {
                    r.claims.put("iat", now + 120);
                    r.claims.put("exp", now + 420);
                }),
                Arguments.of("no reason_for_request", claimRemoved("reason_for_request")),
                Arguments.of("reason_for_request not directcare", claim("reason_for_request", "secondaryuses")),
                Arguments.of("no requested_scope", claimRemoved("requested_scope")),
                Arguments.of("scope for another kind of call", claim("requested_scope", "organization/*.read")),
                Arguments.of("write scope for a read", claim("requested_scope", "patient/*.write")),
                Arguments.of("unknown confidentiality scope", claim("requested_scope", "patient/*.read conf/X")),
                Arguments.of("no requesting_device", claimRemoved("requesting_device")),
                Arguments.of("device without model", claim("requesting_device", Map.of("resourceType", "Device",
                        "identifier", List.of(Map.of("system", "s", "value", "v")), "version", "1"))),
                Arguments.of("device not a Device", claim("requesting_device", Map.of("resourceType", "Patient"))),
                Arguments.of("no requesting_organization", claimRemoved("requesting_organization")),
                Arguments.of("organization without ODS code", claim("requesting_organization", Map.of(
                        "resourceType", "Organization", "name", "X",
                        "identifier", List.of(Map.of("system", "https://example.org/org", "value", "X"))))),
                Arguments.of("no requesting_practitioner", claimRemoved("requesting_practitioner")),
                Arguments.of("sub is not the practitioner id",
                        claim("requesting_practitioner", GpcTestRequest.practitioner("someone-else", "1", "2"))),
                Arguments.of("practitioner without SDS ids", claim("requesting_practitioner", Map.of(
                        "resourceType", "Practitioner", "id", "paramedic",
                        "name", List.of(Map.of("family", "Morgan")),
                        "identifier", List.of(Map.of("system", "https://carepoint.test/user-id", "value", "paramedic"))))),
                Arguments.of("signed token (alg RS256)", (Consumer<GpcTestRequest>) r ->
                        r.jwtOverride = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl"),
                Arguments.of("no trailing dot", (Consumer<GpcTestRequest>) r -> {
                    String jwt = r.jwt();
                    r.jwtOverride = jwt.substring(0, jwt.length() - 1);
                }),
                Arguments.of("header without typ", (Consumer<GpcTestRequest>) r -> {
                    String jwt = r.jwt();
                    r.jwtOverride = "eyJhbGciOiJub25lIn0" + jwt.substring(jwt.indexOf('.'));
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jwtFaults")
    void eachJwtRuleIsEnforced(String name, Consumer<GpcTestRequest> fault) {
        assertError(valid().with(fault).send(), 400, "BAD_REQUEST");
    }

    @Test
    void aConfidentialityScopeIsAcceptedByA16PracticeAndRefusedByA15One() {
        assertThat(valid().with(claim("requested_scope", "patient/*.read conf/N")).send().statusCode()).isEqualTo(200);
        GpcTestRequest moorside = GpcTestRequest.structured(port, "B82033", "918999100202",
                GpcTestRequest.allSections("9990000220"));
        moorside.root = moorside.root.replace("/gpconnect/fhir", "/gpconnect/structured/fhir");
        moorside.claims.put("aud", moorside.root);
        assertThat(moorside.send().statusCode()).isEqualTo(200);
        moorside.claims.put("requested_scope", "patient/*.read conf/N");
        assertError(moorside.send(), 400, "BAD_REQUEST");
    }

    @Test
    void aCapabilityServedAtAnotherRootIsNotServedHere() {
        GpcTestRequest moorside = GpcTestRequest.structured(port, "B82033", "918999100202",
                GpcTestRequest.allSections("9990000220"));
        assertError(moorside.send(), 501, "NOT_IMPLEMENTED");
    }

    static Stream<Arguments> parameterFaults() {
        String nhs = "{\"name\":\"patientNHSNumber\",\"valueIdentifier\":{\"system\":\"https://fhir.nhs.uk/Id/nhs-number\",\"value\":\"9990000018\"}}";
        return Stream.of(
                Arguments.of("no patientNHSNumber", "{\"resourceType\":\"Parameters\",\"parameter\":[]}", 422, "INVALID_PARAMETER"),
                Arguments.of("NHS number in another system", "{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"patientNHSNumber\",\"valueIdentifier\":{\"system\":\"http://fhir.nhs.net/Id/nhs-number\",\"value\":\"9990000018\"}}]}", 400, "INVALID_IDENTIFIER_SYSTEM"),
                Arguments.of("NHS number failing its check digit", "{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"patientNHSNumber\",\"valueIdentifier\":{\"system\":\"https://fhir.nhs.uk/Id/nhs-number\",\"value\":\"9990000019\"}}]}", 400, "INVALID_NHS_NUMBER"),
                Arguments.of("unknown parameter", params(nhs, "{\"name\":\"includeEverything\"}"), 422, "INVALID_PARAMETER"),
                Arguments.of("a section twice", params(nhs, "{\"name\":\"includeProblems\"},{\"name\":\"includeProblems\"}"), 422, "INVALID_PARAMETER"),
                Arguments.of("allergies without includeResolvedAllergies", params(nhs, "{\"name\":\"includeAllergies\"}"), 422, "INVALID_PARAMETER"),
                Arguments.of("unknown part-parameter", params(nhs, "{\"name\":\"includeAllergies\",\"part\":[{\"name\":\"includeResolvedAllergies\",\"valueBoolean\":true},{\"name\":\"includeEverything\",\"valueBoolean\":true}]}"), 422, "INVALID_PARAMETER"),
                Arguments.of("consultations by period and most recent", params(nhs, "{\"name\":\"includeConsultations\",\"part\":[{\"name\":\"consultationSearchPeriod\",\"valuePeriod\":{\"start\":\"2020-01-01\",\"end\":\"2021-01-01\"}},{\"name\":\"includeNumberOfMostRecent\",\"valuePositiveInt\":3}]}"), 422, "INVALID_PARAMETER"),
                Arguments.of("most recent 0", params(nhs, "{\"name\":\"includeConsultations\",\"part\":[{\"name\":\"includeNumberOfMostRecent\",\"valuePositiveInt\":0}]}"), 422, "INVALID_PARAMETER"),
                Arguments.of("period starting after it ends", params(nhs, "{\"name\":\"includeInvestigations\",\"part\":[{\"name\":\"investigationSearchPeriod\",\"valuePeriod\":{\"start\":\"2022-01-01\",\"end\":\"2021-01-01\"}}]}"), 422, "INVALID_PARAMETER"),
                Arguments.of("period starting in the future", params(nhs, "{\"name\":\"includeReferrals\",\"part\":[{\"name\":\"referralSearchPeriod\",\"valuePeriod\":{\"start\":\"2099-01-01\"}}]}"), 422, "INVALID_PARAMETER"),
                Arguments.of("period with a partial date", params(nhs, "{\"name\":\"includeUncategorisedData\",\"part\":[{\"name\":\"uncategorisedDataSearchPeriod\",\"valuePeriod\":{\"start\":\"2020\"}}]}"), 422, "INVALID_PARAMETER"),
                Arguments.of("medication search date in the future", params(nhs, "{\"name\":\"includeMedication\",\"part\":[{\"name\":\"medicationSearchFromDate\",\"valueDate\":\"2099-01-01\"}]}"), 422, "INVALID_PARAMETER"),
                Arguments.of("problem status not a known code", params(nhs, "{\"name\":\"includeProblems\",\"part\":[{\"name\":\"filterStatus\",\"valueCode\":\"resolved\"}]}"), 422, "INVALID_PARAMETER"),
                Arguments.of("boolean part given as a string", params(nhs, "{\"name\":\"includeImmunisations\",\"part\":[{\"name\":\"includeNotGiven\",\"valueString\":\"yes\"}]}"), 422, "INVALID_PARAMETER"),
                Arguments.of("body not a Parameters resource", "{\"resourceType\":\"Patient\"}", 422, "INVALID_RESOURCE"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("parameterFaults")
    void eachParameterRuleIsEnforced(String name, String body, int status, String code) {
        GpcTestRequest r = valid();
        r.body = body;
        assertError(r.send(), status, code);
    }

    @Test
    void aPracticeWithTheCapabilitySwitchedOffDeniesAccess() {
        assertError(GpcTestRequest.structured(port, "D82044", "918999100404",
                GpcTestRequest.allSections("9990000859")).send(), 403, "ACCESS DENIED");
    }

    @ParameterizedTest
    @CsvSource({
            "LA714, Northshire County Council Adult Social Care, 403",
            "LA802, Southdale Borough Council Adult Social Care, 403",
            "RXN, Northshire Teaching Hospitals NHS Foundation Trust, 200",
            "ZZ999, An organisation the register does not know, 200"})
    void aPracticeRefusesTheOrganisationTypesItHasNotAgreedToShareWith(String ods, String name, int status) {
        // Castle Street refuses every organisation the organisation register lists as a local authority.
        GpcTestRequest r = GpcTestRequest.structured(port, "C81616", "918999100303",
                GpcTestRequest.allSections("9990001138"));
        r.claims.put("requesting_organization", Map.of("resourceType", "Organization", "name", name,
                "identifier", List.of(Map.of("system", "https://fhir.nhs.uk/Id/ods-organization-code", "value", ods))));
        if (status == 403) {
            assertError(r.send(), 403, "NO_ORGANISATION_CONSENT");
        } else {
            assertThat(r.send().statusCode()).isEqualTo(200);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"metadata", "Organization?identifier=https://fhir.nhs.uk/Id/ods-organization-code%7CA20047"})
    void foundationCallsNeedTheirOwnInteractionAndScope(String path) {
        String interaction = path.startsWith("metadata") ? GpcTestRequest.METADATA : GpcTestRequest.SEARCH_ORGANIZATION;
        GpcTestRequest r = GpcTestRequest.to(port, RIVERSIDE, RIVERSIDE_ASID, interaction, "organization/*.read");
        r.path = "/" + path;
        assertThat(r.send().statusCode()).isEqualTo(200);
        r.claims.put("requested_scope", "patient/*.read");
        assertError(r.send(), 400, "BAD_REQUEST");
    }

    @Test
    void patientSearchChecksTheIdentifier() {
        GpcTestRequest r = GpcTestRequest.to(port, RIVERSIDE, RIVERSIDE_ASID, GpcTestRequest.SEARCH_PATIENT, "patient/*.read");
        r.path = "/Patient?identifier=http://example.org/nhs%7C9990000018";
        assertError(r.send(), 400, "INVALID_IDENTIFIER_SYSTEM");
        r.path = "/Patient?identifier=https://fhir.nhs.uk/Id/nhs-number%7C9990000019";
        assertError(r.send(), 400, "INVALID_NHS_NUMBER");
    }

    static Consumer<GpcTestRequest> claim(String name, Object value) {
        return r -> r.claims.put(name, value);
    }

    static Consumer<GpcTestRequest> claimRemoved(String name) {
        return r -> r.claims.remove(name);
    }

    static String params(String... parts) {
        return "{\"resourceType\":\"Parameters\",\"parameter\":[" + String.join(",", parts) + "]}";
    }

    static HttpResponse<String> sendRaw(GpcTestRequest r) {
        if (r.headers.containsKey("Authorization")) {
            String auth = r.headers.remove("Authorization");
            r.jwtOverride = null;
            // Replace the bearer token the request would add with the raw header under test.
            GpcTestRequest copy = r;
            return new Object() {
                HttpResponse<String> send() {
                    HttpRequest.Builder b = HttpRequest.newBuilder(
                            URI.create(copy.root + copy.path));
                    copy.headers.forEach(b::header);
                    b.header("Authorization", auth);
                    b.header("Content-Type", copy.contentType);
                    b.POST(HttpRequest.BodyPublishers.ofString(copy.body));
                    try {
                        return HttpClient.newHttpClient().send(b.build(),
                                HttpResponse.BodyHandlers.ofString());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            }.send();
        }
        return r.send();
    }

    static void assertError(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        OperationOutcome oo = STU3.newJsonParser().parseResource(OperationOutcome.class, response.body());
        assertThat(oo.getMeta().getProfile()).extracting(p -> p.getValue())
                .contains("https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-OperationOutcome-1");
        assertThat(oo.getIssueFirstRep().getDetails().getCodingFirstRep().getSystem())
                .isEqualTo("https://fhir.nhs.uk/STU3/CodeSystem/Spine-ErrorOrWarningCode-1");
        assertThat(oo.getIssueFirstRep().getDetails().getCodingFirstRep().getCode()).isEqualTo(code);
    }
}
