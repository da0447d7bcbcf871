package com.carepoint.spine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.carepoint.platform.FhirClients;
import com.carepoint.platform.FhirHttpProperties;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/**
 * Carepoint's organisation register consumer against answers written to the Organisation Data Terminology API's
 * OpenAPI specification ({@code NHSDigital/organisation-data-terminology-api},
 * {@code specification/organisation-data-terminology-api.yaml}, "Get organisation details"), served on loopback — not
 * against the demo stand-in, so that the two cannot share a misreading.
 */
class OrganisationDirectoryTest {

    /** The specification's 200 example for {@code GET /Organization/RR8}, roles and address left out. */
    static final String RR8 = """
            {"resourceType":"Organization","id":"RR8",
             "meta":{"versionId":"4","profile":["https://fhir.nhs.uk/England/StructureDefinition/England-Organization-ODS",
               "https://fhir.hl7.org.uk/StructureDefinition/UKCore-Organization"]},
             "identifier":[{"use":"official","system":"https://fhir.nhs.uk/Id/ods-organization-code","value":"RR8",
               "assigner":{"display":"HSCIC"}}],
             "active":true,
             "name":"LEEDS TEACHING HOSPITALS NHS TRUST",
             "telecom":[{"system":"phone","value":"0113 243 3144"},
               {"system":"url","value":"HTTPS://WWW.LEEDSTH.NHS.UK/"}]}""";

    /** The specification's 404 example (an unknown code). */
    static final String NOT_KNOWN = """
            {"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"processing",
             "diagnostics":"HAPI-2001: Resource Organization/%s is not known"}]}""";

    record Answer(int status, String body) {
    }

    final Map<String, Answer> answers = new ConcurrentHashMap<>();
    final Map<String, Headers> received = new ConcurrentHashMap<>();
    final HttpServer server;

    OrganisationDirectoryTest() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/organisation-data-terminology-api/fhir/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String ods = path.substring(path.lastIndexOf('/') + 1);
            received.put(path, exchange.getRequestHeaders());
            Answer a = answers.getOrDefault(ods, new Answer(404, NOT_KNOWN.formatted(ods)));
            byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/fhir+json;charset=UTF-8");
            exchange.sendResponseHeaders(a.status(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    OrganisationDirectory directory(String apiKey) {
        FhirClients clients = new FhirClients(new FhirHttpProperties(Duration.ofSeconds(3), Duration.ofSeconds(10),
                1024 * 1024, 1000), new MockEnvironment());
        return new OrganisationDirectory(clients, new OdsProperties("http://localhost:" + server.getAddress().getPort()
                + "/organisation-data-terminology-api/fhir", apiKey));
    }

    static String organisation(String ods, String rest) {
        return """
                {"resourceType":"Organization","id":"%s","identifier":[{"use":"official",
                 "system":"https://fhir.nhs.uk/Id/ods-organization-code","value":"%s"}],%s}""".formatted(ods, ods, rest);
    }

    @Test
    void theSpecificationsExampleGivesTheNameAndThePhoneNumberNotTheWebsite() {
        answers.put("RR8", new Answer(200, RR8));
        assertThat(directory("key-1").lookup("rr8")).contains(new OrganisationContact("RR8",
                "LEEDS TEACHING HOSPITALS NHS TRUST", Optional.of("0113 243 3144"), true));
    }

    @Test
    void theReadIsByOdsCodeWithTheApiKeyAndAcceptsFhirJson() {
        answers.put("RR8", new Answer(200, RR8));
        directory("key-1").lookup("RR8");
        Headers h = received.get("/organisation-data-terminology-api/fhir/Organization/RR8");
        assertThat(h).as("GET {base}/Organization/{odsCode}").isNotNull();
        assertThat(h.getFirst("apikey")).isEqualTo("key-1");
        assertThat(h.getFirst("Accept")).isEqualTo("application/fhir+json");
    }

    @Test
    void noApiKeyConfiguredSendsNoApiKeyHeader() {
        answers.put("RR8", new Answer(200, RR8));
        directory("").lookup("RR8");
        assertThat(received.get("/organisation-data-terminology-api/fhir/Organization/RR8").containsKey("apikey"))
                .isFalse();
    }

    @Test
    void anUnknownCodeIs404WithAnOperationOutcomeAndMeansNotKnownNotUnavailable() {
        assertThat(directory("k").lookup("Z12345")).isEmpty();
    }

    @Test
    void aDeletedRecordIsNotKnownEither() {
        answers.put("FVG57", new Answer(410, NOT_KNOWN.formatted("FVG57")));
        assertThat(directory("k").lookup("FVG57")).isEmpty();
    }

    @Test
    void aRefusedApiKeyIsUnavailableNotUnknown() {
        answers.put("RR8", new Answer(401, """
                {"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"forbidden",
                 "diagnostics":"Invalid API key"}]}"""));
        assertThatThrownBy(() -> directory("wrong").lookup("RR8")).isInstanceOf(SpineUnavailableException.class);
    }

    @Test
    void aTelecomWithoutASystemIsReadWhenItIsPlainlyATelephoneNumber() {
        answers.put("A20047", new Answer(200, organisation("A20047", """
                "active":true,"name":"RIVERSIDE","telecom":[{"value":"https://riverside.example"},
                 {"value":"01632 960101"}]""")));
        assertThat(directory("k").lookup("A20047")).get().extracting(OrganisationContact::telephone)
                .isEqualTo(Optional.of("01632 960101"));
    }

    @Test
    void ofSeveralNumbersTheBestRankedCurrentOneIsGivenNeverAnOldOrEndedOne() {
        answers.put("A20047", new Answer(200, organisation("A20047", """
                "active":true,"name":"RIVERSIDE","telecom":[
                 {"system":"phone","value":"01632 000001","use":"old","rank":1},
                 {"system":"phone","value":"01632 000002","rank":1,"period":{"end":"2020-01-01"}},
                 {"system":"phone","value":"01632 000003","rank":3},
                 {"system":"fax","value":"01632 000004","rank":1},
                 {"system":"phone","value":"01632 000005","rank":2},
                 {"value":"01632 000006","rank":1}]""")));
        assertThat(directory("k").lookup("A20047")).get().extracting(OrganisationContact::telephone)
                .isEqualTo(Optional.of("01632 000005"));
    }

    @Test
    void aClosedOrganisationIsGivenAsInactive() {
        answers.put("B82099", new Answer(200, organisation("B82099", """
                "active":false,"name":"OLD MILL SURGERY","telecom":[{"system":"phone","value":"01632 960999"}]""")));
        assertThat(directory("k").lookup("B82099")).contains(new OrganisationContact("B82099", "OLD MILL SURGERY",
                Optional.of("01632 960999"), false));
    }

    @Test
    void anAnswerAboutAnotherOrganisationIsNeverShown() {
        answers.put("A20047", new Answer(200, organisation("B82033", """
                "active":true,"name":"MOORSIDE","telecom":[{"system":"phone","value":"01632 960303"}]""")));
        assertThatThrownBy(() -> directory("k").lookup("A20047")).isInstanceOf(SpineUnavailableException.class);
    }

    @Test
    void directionalControlsInTheNameAreRemoved() {
        answers.put("A20047", new Answer(200, organisation("A20047", """
                "active":true,"name":"RIVER\u202eSIDE","telecom":[{"system":"phone","value":"01632 960101"}]""")));
        assertThat(directory("k").lookup("A20047")).get().extracting(OrganisationContact::name).isEqualTo("RIVERSIDE");
    }

    @Test
    void plainTelephoneNumbersAreRecognisedAndOtherValuesAreNot() {
        assertThat(OrganisationDirectory.looksLikeTelephoneNumber("+44 (0)113 243-3144")).isTrue();
        assertThat(OrganisationDirectory.looksLikeTelephoneNumber("0113 243 3144")).isTrue();
        assertThat(OrganisationDirectory.looksLikeTelephoneNumber("HTTPS://WWW.LEEDSTH.NHS.UK/")).isFalse();
        assertThat(OrganisationDirectory.looksLikeTelephoneNumber("practice@nhs.net")).isFalse();
        assertThat(OrganisationDirectory.looksLikeTelephoneNumber("12")).isFalse();
    }
}
