package com.carepoint.demopractice;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import com.carepoint.Application;
import java.net.http.HttpResponse;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The demographics (PDS-shaped), directory (SDS-shaped) and organisation register (ODS-shaped) stand-ins. */
@SpringBootTest(classes = Application.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NationalServicesTest {

    static final FhirContext R4 = FhirContext.forR4Cached();

    @LocalServerPort
    int port;

    HttpResponse<String> pds(String path) {
        return GpcTestRequest.get("http://localhost:" + port + "/demo/pds/FHIR/R4" + path, DemoPatientsTest.requestId());
    }

    Bundle search(String query) {
        HttpResponse<String> r = pds("/Patient?" + query);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return R4.newJsonParser().parseResource(Bundle.class, r.body());
    }

    @Test
    void retrieveNeedsAValidNhsNumberAndARequestId() {
        assertThat(pds("/Patient/9990000019").statusCode()).isEqualTo(400);
        assertThat(pds("/Patient/9990002398").statusCode()).isEqualTo(404);
        HttpResponse<String> noId = GpcTestRequest.get(
                "http://localhost:" + port + "/demo/pds/FHIR/R4/Patient/9990000018", Map.of());
        assertThat(noId.statusCode()).isEqualTo(400);
    }

    @Test
    void fuzzySearchFindsSoundAlikeSurnames() {
        String exact = "family=Smith&birthdate=ge1970-01-01&birthdate=le1980-12-31&_max-results=10";
        assertThat(search(exact).getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart())
                .containsExactly("9990001626");
        assertThat(search(exact + "&_fuzzy-match=true").getEntry())
                .extracting(e -> e.getResource().getIdElement().getIdPart())
                .containsExactlyInAnyOrder("9990001626", "9990001693");
    }

    @Test
    void searchByGivenNameGenderAndPostcodeNarrowsTheMatch() {
        Bundle b = search("family=Robinson&given=Linda&gender=female&birthdate=eq1969-06-19&address-postalcode=NS1%202AG");
        assertThat(b.getEntry()).singleElement().satisfies(e -> {
            Patient p = (Patient) e.getResource();
            assertThat(p.getIdElement().getIdPart()).isEqualTo("9990001340");
            assertThat(p.getGeneralPractitionerFirstRep().getIdentifier().getValue()).isEqualTo("A20047");
        });
    }

    @Test
    void tooManyMatchesAsksToRefine() {
        Bundle b = search("family=Robinson&birthdate=ge1900-01-01&_max-results=1");
        assertThat(b.getTotal()).isZero();
        assertThat(b.getEntryFirstRep().getResource()).isInstanceOf(OperationOutcome.class);
        assertThat(((OperationOutcome) b.getEntryFirstRep().getResource()).getIssueFirstRep().getDetails()
                .getCodingFirstRep().getCode()).isEqualTo("TOO_MANY_MATCHES");
    }

    @Test
    void aSearchWithoutFamilyNameAndBirthDateIsRefused() {
        assertThat(pds("/Patient?family=Robinson").statusCode()).isEqualTo(400);
        assertThat(pds("/Patient?birthdate=eq1969-06-19").statusCode()).isEqualTo(400);
    }

    @Test
    void aSensitivePatientIsFoundWithoutAddressOrContacts() {
        Bundle b = search("family=Lane&birthdate=eq1984-12-01");
        Patient p = (Patient) b.getEntryFirstRep().getResource();
        assertThat(p.getMeta().getSecurityFirstRep().getCode()).isEqualTo("R");
        assertThat(p.getAddress()).isEmpty();
    }

    @Test
    void theDirectoryGivesEachCapabilityItsOwnEndpoint() {
        Endpoint structured = endpoint("B82033", GpcTestRequest.STRUCTURED);
        Endpoint foundations = endpoint("B82033", GpcTestRequest.SEARCH_PATIENT);
        assertThat(structured.getAddress()).endsWith("/demo/gp/B82033/STU3/1/gpconnect/structured/fhir");
        assertThat(foundations.getAddress()).endsWith("/demo/gp/B82033/STU3/1/gpconnect/fhir");
        assertThat(structured.getIdentifier()).anyMatch(i -> i.getValue().equals("918999100202"));
    }

    Endpoint endpoint(String ods, String interaction) {
        HttpResponse<String> r = GpcTestRequest.get(new DemoPatientsTest() {
            {
                port = NationalServicesTest.this.port;
            }
        }.sds(ods, interaction), DemoPatientsTest.requestId());
        Bundle b = R4.newJsonParser().parseResource(Bundle.class, r.body());
        return (Endpoint) b.getEntryFirstRep().getResource();
    }

    HttpResponse<String> ods(String path, Map<String, String> headers) {
        return GpcTestRequest.get("http://localhost:" + port + "/demo/ods/FHIR/R4" + path, headers);
    }

    /**
     * The organisation register's read as its specification gives it (Organisation Data Terminology API,
     * "Get organisation details", docs/interoperability.md "Organisation register (ODS)"): id and official identifier
     * the ODS code, active, name, the number as a telecom with system phone and no use; an unknown code 404 with an
     * OperationOutcome; no API key 401.
     */
    @Test
    void theOrganisationRegisterAnswersAsItsSpecificationSays() {
        Map<String, String> key = Map.of("apikey", "any-key", "Accept", "application/fhir+json");
        HttpResponse<String> r = ods("/Organization/A20047", key);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).get().asString().startsWith("application/fhir+json");
        Organization o = R4.newJsonParser().parseResource(Organization.class, r.body());
        assertThat(o.getIdElement().getIdPart()).isEqualTo("A20047");
        assertThat(o.getIdentifier()).singleElement().satisfies(i -> {
            assertThat(i.getSystem()).isEqualTo("https://fhir.nhs.uk/Id/ods-organization-code");
            assertThat(i.getValue()).isEqualTo("A20047");
            assertThat(i.getUse().toCode()).isEqualTo("official");
        });
        assertThat(o.getActive()).isTrue();
        assertThat(o.getName()).isEqualTo("Riverside Medical Practice");
        assertThat(o.getTelecom()).singleElement().satisfies(t -> {
            assertThat(t.getSystem()).isEqualTo(ContactPoint.ContactPointSystem.PHONE);
            assertThat(t.getValue()).isEqualTo("01632 960101");
            assertThat(t.hasUse()).as("the specification's example has no use").isFalse();
        });
        assertThat(R4.newJsonParser().parseResource(Organization.class,
                ods("/Organization/P99999", key).body()).getTelecom()).isEmpty();

        HttpResponse<String> unknown = ods("/Organization/Z12345", key);
        assertThat(unknown.statusCode()).isEqualTo(404);
        OperationOutcome outcome = R4.newJsonParser().parseResource(OperationOutcome.class, unknown.body());
        assertThat(outcome.getIssueFirstRep().getCode().toCode()).isEqualTo("processing");
        assertThat(outcome.getIssueFirstRep().getDiagnostics()).contains("Organization/Z12345 is not known");

        assertThat(ods("/Organization/A20047", Map.of("Accept", "application/fhir+json")).statusCode())
                .as("no apikey header").isEqualTo(401);
    }
}
