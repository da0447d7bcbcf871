package com.carepoint.demopractice;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import com.carepoint.Application;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.ListResource;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every patient in {@code docs/demo-data.md} answers as the document says: on the demographics stand-in and at the
 * registered practice, found through the directory stand-in exactly as a consumer would.
 */
@SpringBootTest(classes = Application.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DemoPatientsTest {

    static final FhirContext R4 = FhirContext.forR4Cached();
    static final FhirContext STU3 = FhirContext.forDstu3Cached();

    record Row(String nhsNumber, String practice, String demographics, String structured) {
        @Override
        public String toString() {
            return nhsNumber + " (" + structured + ")";
        }
    }

    @LocalServerPort
    int port;

    static Stream<Row> documentedPatients() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("docs", "demo-data.md"));
        List<Row> rows = new ArrayList<>();
        boolean inPatients = false;
        for (String line : lines) {
            if (line.startsWith("## ")) {
                inPatients = line.equals("## Patients");
            }
            if (inPatients && line.matches("\\| 999 \\d{3} \\d{4} \\|.*")) {
                String[] cells = line.split("\\|");
                rows.add(new Row(cells[1].replace(" ", ""), cells[3].trim(), cells[4].trim(), cells[5].trim()));
            }
        }
        assertThat(rows).hasSizeGreaterThanOrEqualTo(30);
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documentedPatients")
    void answersAsDocumented(Row row) {
        HttpResponse<String> pds = GpcTestRequest.get(pds("/Patient/" + row.nhsNumber()), requestId());
        assertThat(pds.statusCode()).as(pds.body()).isEqualTo(200);
        Patient patient = R4.newJsonParser().parseResource(Patient.class, pds.body());
        String security = patient.getMeta().getSecurityFirstRep().getCode();
        switch (row.demographics().split(" ")[0]) {
            case "current" -> {
                assertThat(patient.getIdElement().getIdPart()).isEqualTo(row.nhsNumber());
                assertThat(security).isEqualTo("U");
                assertThat(patient.hasDeceased()).isFalse();
            }
            case "restricted" -> {
                assertThat(security).isEqualTo("R");
                assertThat(patient.getAddress()).isEmpty();
                assertThat(patient.getTelecom()).isEmpty();
            }
            case "deceased" -> assertThat(patient.hasDeceasedDateTimeType()).isTrue();
            case "superseded" -> assertThat(patient.getIdElement().getIdPart())
                    .isEqualTo(row.demographics().substring(row.demographics().lastIndexOf(' ') + 1));
            default -> throw new AssertionError("Unknown demographics column: " + row.demographics());
        }
        assertThat(patient.getGeneralPractitionerFirstRep().getIdentifier().getValue()).isEqualTo(row.practice());

        HttpResponse<String> sds = GpcTestRequest.get(sds(row.practice(), GpcTestRequest.STRUCTURED), requestId());
        assertThat(sds.statusCode()).isEqualTo(200);
        var found = R4.newJsonParser().parseResource(org.hl7.fhir.r4.model.Bundle.class, sds.body());
        if (row.structured().equals("no endpoint")) {
            assertThat(found.getEntry()).isEmpty();
            return;
        }
        Endpoint endpoint = (Endpoint) found.getEntryFirstRep().getResource();
        String asid = endpoint.getIdentifier().stream()
                .filter(i -> i.getSystem().equals("https://fhir.nhs.uk/Id/nhsSpineASID")).findFirst().orElseThrow()
                .getValue();
        String body = row.structured().contains("large")
                ? GpcTestRequest.withParameters(row.nhsNumber(),
                        "{\"name\":\"includeAllergies\",\"part\":[{\"name\":\"includeResolvedAllergies\",\"valueBoolean\":false}]}")
                : GpcTestRequest.allSections(row.nhsNumber());
        GpcTestRequest request = GpcTestRequest.structured(port, row.practice(), asid, body);
        request.root = endpoint.getAddress();
        request.claims.put("aud", endpoint.getAddress());
        HttpResponse<String> record = request.send();

        if (row.structured().startsWith("record")) {
            assertThat(record.statusCode()).as(record.body()).isEqualTo(200);
            Bundle bundle = STU3.newJsonParser().parseResource(Bundle.class, record.body());
            assertThat(bundle.getEntry()).extracting(e -> e.getResource().fhirType()).contains("Patient", "List");
            if (row.structured().contains("+ ")) {
                String warning = row.structured().substring(row.structured().indexOf("+ ") + 2).trim();
                assertThat(warnings(bundle)).contains(warning);
            } else {
                assertThat(warnings(bundle)).isEmpty();
            }
        } else {
            ProviderConformanceTest.assertError(record, statusOf(row.structured()), row.structured());
        }
    }

    static List<String> warnings(Bundle bundle) {
        return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(ListResource.class::isInstance).map(ListResource.class::cast)
                .flatMap(l -> l.getExtension().stream())
                .filter(e -> e.getUrl().endsWith("ListWarningCode-1"))
                .map(e -> e.getValue().primitiveValue()).distinct().toList();
    }

    static int statusOf(String code) {
        return switch (code) {
            case "NO_PATIENT_CONSENT", "ACCESS DENIED", "NO_ORGANISATION_CONSENT" -> 403;
            case "PATIENT_NOT_FOUND" -> 404;
            default -> throw new AssertionError("Unknown structured record column: " + code);
        };
    }

    String pds(String path) {
        return "http://localhost:" + port + "/demo/pds/FHIR/R4" + path;
    }

    String sds(String ods, String interaction) {
        return "http://localhost:" + port + "/demo/sds/FHIR/R4/Endpoint?organization="
                + URLEncoder.encode("https://fhir.nhs.uk/Id/ods-organization-code|" + ods, StandardCharsets.UTF_8)
                + "&identifier=" + URLEncoder.encode("https://fhir.nhs.uk/Id/nhsServiceInteractionId|" + interaction,
                        StandardCharsets.UTF_8);
    }

    static Map<String, String> requestId() {
        return Map.of("X-Request-ID", UUID.randomUUID().toString());
    }
}
