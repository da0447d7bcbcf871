package com.carepoint.demopractice;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import com.carepoint.Application;
import java.net.http.HttpResponse;
import java.util.List;
import org.hl7.fhir.dstu3.model.AllergyIntolerance;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.Condition;
import org.hl7.fhir.dstu3.model.DiagnosticReport;
import org.hl7.fhir.dstu3.model.Encounter;
import org.hl7.fhir.dstu3.model.Immunization;
import org.hl7.fhir.dstu3.model.ListResource;
import org.hl7.fhir.dstu3.model.Location;
import org.hl7.fhir.dstu3.model.MedicationRequest;
import org.hl7.fhir.dstu3.model.MedicationStatement;
import org.hl7.fhir.dstu3.model.Observation;
import org.hl7.fhir.dstu3.model.OperationOutcome;
import org.hl7.fhir.dstu3.model.Organization;
import org.hl7.fhir.dstu3.model.Patient;
import org.hl7.fhir.dstu3.model.PractitionerRole;
import org.hl7.fhir.dstu3.model.Resource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What the demo practices' structured records contain, section by section, and how the part-parameters filter it. */
@SpringBootTest(classes = Application.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StructuredRecordContentTest {

    static final FhirContext STU3 = FhirContext.forDstu3Cached();

    @LocalServerPort
    int port;

    Bundle record(String ods, String asid, String nhs, String parameters) {
        String body = parameters == null ? GpcTestRequest.allSections(nhs) : GpcTestRequest.withParameters(nhs, parameters);
        GpcTestRequest r = GpcTestRequest.structured(port, ods, asid, body);
        if (ods.equals("B82033")) {
            r.root = r.root.replace("/gpconnect/fhir", "/gpconnect/structured/fhir");
            r.claims.put("aud", r.root);
        }
        HttpResponse<String> response = r.send();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return STU3.newJsonParser().parseResource(Bundle.class, response.body());
    }

    Bundle riverside(String nhs, String parameters) {
        return record("A20047", "918999100101", nhs, parameters);
    }

    static <T extends Resource> List<T> all(Bundle b, Class<T> type) {
        return b.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(type::isInstance)
                .map(type::cast).toList();
    }

    static ListResource list(Bundle b, String snomed) {
        return all(b, ListResource.class).stream()
                .filter(l -> snomed.equals(l.getCode().getCodingFirstRep().getCode())).findFirst()
                .orElseThrow(() -> new AssertionError("No list " + snomed));
    }

    static boolean hasList(Bundle b, String snomed) {
        return all(b, ListResource.class).stream().anyMatch(l -> snomed.equals(l.getCode().getCodingFirstRep().getCode()));
    }

    @Test
    void noKnownAllergiesIsARecordedStatement() {
        Bundle b = record("B82033", "918999100202", "9990000220", null);
        ListResource allergies = list(b, "886921000000105");
        assertThat(allergies.getEntry()).hasSize(1);
        assertThat(allergies.hasEmptyReason()).isFalse();
        assertThat(all(b, AllergyIntolerance.class)).singleElement()
                .satisfies(a -> assertThat(a.getCode().getCodingFirstRep().getCode()).isEqualTo("716186003"));
    }

    @Test
    void nothingRecordedIsAnEmptyListWithItsReason() {
        Bundle b = record("B82033", "918999100202", "9990000298", null);
        ListResource allergies = list(b, "886921000000105");
        assertThat(allergies.getEntry()).isEmpty();
        assertThat(allergies.getEmptyReason().getCodingFirstRep().getCode()).isEqualTo("no-content-recorded");
        assertThat(allergies.getNoteFirstRep().getText()).isEqualTo("Information not available");
        assertThat(all(b, AllergyIntolerance.class)).isEmpty();
    }

    @Test
    void endedAllergiesComeInTheirOwnListOnlyWhenAskedFor() {
        Bundle with = riverside("9990000360", null);
        assertThat(list(with, "886921000000105").getEntry()).hasSize(1);
        assertThat(list(with, "1103671000000101").getEntry()).hasSize(2);
        Bundle without = riverside("9990000360",
                "{\"name\":\"includeAllergies\",\"part\":[{\"name\":\"includeResolvedAllergies\",\"valueBoolean\":false}]}");
        assertThat(hasList(without, "1103671000000101")).isFalse();
        assertThat(all(without, AllergyIntolerance.class)).singleElement().satisfies(a -> assertThat(
                a.getClinicalStatus()).isEqualTo(AllergyIntolerance.AllergyIntoleranceClinicalStatus.ACTIVE));
    }

    /** ARS/allergies_guidance: resolved allergies are "contained resources" of the ended List, referenced "#id". */
    @Test
    void endedAllergiesAreContainedInTheirListNotBundleEntries() {
        Bundle with = riverside("9990000360", null);
        ListResource ended = list(with, "1103671000000101");
        assertThat(ended.getContained()).hasSize(2).allSatisfy(r -> assertThat(r).isInstanceOf(AllergyIntolerance.class));
        assertThat(ended.getEntry()).allSatisfy(e -> assertThat(e.getItem().getReference()).startsWith("#"));
        assertThat(all(with, AllergyIntolerance.class)).singleElement().satisfies(a -> assertThat(
                a.getClinicalStatus()).isEqualTo(AllergyIntolerance.AllergyIntoleranceClinicalStatus.ACTIVE));
    }

    /**
     * ARS/retrieve_patient_record: the practice is the Organization referenced from Patient.generalPractitioner, and
     * consumers "MUST NOT rely on order"; real answers hold other Organizations too, so ours puts the supplier's first.
     */
    @Test
    void severalOrganizationsAndThePracticeIsTheOneThePatientReferences() {
        Bundle b = riverside("9990000018", null);
        List<Organization> orgs = all(b, Organization.class);
        assertThat(orgs).hasSizeGreaterThanOrEqualTo(2);
        assertThat(orgs.getFirst().getName()).isNotEqualTo("Riverside Medical Practice");
        Patient p = all(b, Patient.class).getFirst();
        assertThat(p.getGeneralPractitioner()).extracting(r -> r.getReference()).anyMatch(r -> r.startsWith("Organization/"));
        String practiceRef = p.getGeneralPractitioner().stream().map(r -> r.getReference())
                .filter(r -> r.startsWith("Organization/")).findFirst().orElseThrow();
        assertThat(orgs).filteredOn(o -> practiceRef.equals("Organization/" + o.getIdElement().getIdPart()))
                .singleElement().satisfies(o -> assertThat(o.getName()).isEqualTo("Riverside Medical Practice"));
    }

    /** pages/accessrecord_structured/accessrecord_structured_problems.md: significance is an HL7 UK extension. */
    @Test
    void problemSignificanceIsOnTheCareConnectExtension() {
        Bundle b = riverside("9990000018", null);
        assertThat(all(b, Condition.class)).isNotEmpty().allSatisfy(c -> assertThat(c.getExtensionByUrl(
                "https://fhir.hl7.org.uk/STU3/StructureDefinition/Extension-CareConnect-ProblemSignificance-1"))
                .isNotNull());
    }

    /** ARS/DiagnosticReport, ARS/observation_testGroup, ARS/observation_testResult, ARS/observation_filingComments. */
    @Test
    void investigationsHaveTestGroupsResultsAndFilingComments() {
        Bundle b = riverside("9990000018", null);
        Observation group = all(b, Observation.class).stream()
                .filter(o -> "Full blood count".equals(o.getCode().getText())).findFirst().orElseThrow();
        String groupRef = "Observation/" + group.getIdElement().getIdPart();
        DiagnosticReport fbc = all(b, DiagnosticReport.class).stream()
                .filter(r -> r.getResult().stream().anyMatch(ref -> groupRef.equals(ref.getReference())))
                .findFirst().orElseThrow();
        assertThat(fbc.getCode().getCodingFirstRep().getCode()).isEqualTo("721981007");
        List<Observation> referenced = fbc.getResult().stream().map(ref -> all(b, Observation.class).stream()
                .filter(o -> ref.getReference().equals("Observation/" + o.getIdElement().getIdPart())).findFirst()
                .orElseThrow()).toList();
        assertThat(referenced).hasSize(2);
        assertThat(group.getCode().getText()).isEqualTo("Full blood count");
        assertThat(group.getRelated()).hasSize(2).allSatisfy(r -> assertThat(r.getType())
                .isEqualTo(Observation.ObservationRelationshipType.HASMEMBER));
        Observation comment = referenced.stream().filter(o -> !o.hasRelated()).findFirst().orElseThrow();
        assertThat(comment.getCode().getCodingFirstRep().getCode()).isEqualTo("37331000000100");
        assertThat(comment.getComment()).isEqualTo("Normal - no action");
    }

    /** ARS/list_consutation: one topic List per topic, each with its own heading Lists. */
    @Test
    void aConsultationAboutTwoTopicsHasTwoTopicLists() {
        Bundle b = riverside("9990000018",
                "{\"name\":\"includeConsultations\",\"part\":[{\"name\":\"includeNumberOfMostRecent\",\"valuePositiveInt\":1}]}");
        ListResource consultation = list(b, "325851000000107");
        assertThat(consultation.getEntry()).hasSize(2);
        List<ListResource> topics = all(b, ListResource.class).stream()
                .filter(l -> "25851000000105".equals(l.getCode().getCodingFirstRep().getCode())).toList();
        assertThat(topics).extracting(ListResource::getTitle).containsExactly("Anxiety with depression", "Swollen legs");
        assertThat(topics.get(1).getEntry()).hasSize(3);
    }

    /** ARS/clinical_area_config, "Populating a warning": 200, an OperationOutcome warning, no List. */
    @Test
    void aSectionThePracticesSystemDoesNotImplementIsAWarningNotAList() {
        Bundle b = record("B82033", "918999100202", "9990001626",
                "{\"name\":\"includeDiaryEntries\"}");
        assertThat(hasList(b, "714311000000108")).isFalse();
        OperationOutcome oo = all(b, OperationOutcome.class)
                .stream().findFirst().orElseThrow();
        assertThat(oo.getIssue()).singleElement().satisfies(i -> {
            assertThat(i.getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.WARNING);
            assertThat(i.getCode()).isEqualTo(OperationOutcome.IssueType.NOTSUPPORTED);
            assertThat(i.getDetails().getCodingFirstRep().getCode()).isEqualTo("NOT_IMPLEMENTED");
            assertThat(i.getDiagnostics()).isEqualTo("includeDiaryEntries");
        });
        assertThat(all(b, Patient.class)).hasSize(1);
    }

    @Test
    void polypharmacyWithIssuesAndWithout() {
        Bundle b = riverside("9990000158", null);
        assertThat(list(b, "933361000000108").getEntry()).hasSizeGreaterThanOrEqualTo(25);
        assertThat(all(b, MedicationStatement.class)).hasSizeGreaterThanOrEqualTo(25);
        assertThat(all(b, MedicationRequest.class)).anyMatch(
                m -> m.getIntent() == MedicationRequest.MedicationRequestIntent.ORDER);
        Bundle noIssues = riverside("9990000158",
                "{\"name\":\"includeMedication\",\"part\":[{\"name\":\"includePrescriptionIssues\",\"valueBoolean\":false}]}");
        assertThat(all(noIssues, MedicationRequest.class)).isNotEmpty().allMatch(
                m -> m.getIntent() == MedicationRequest.MedicationRequestIntent.PLAN);
    }

    @Test
    void problemsFilterByStatusAndSignificance() {
        Bundle inactive = riverside("9990000018",
                "{\"name\":\"includeProblems\",\"part\":[{\"name\":\"filterStatus\",\"valueCode\":\"inactive\"}]}");
        assertThat(all(inactive, Condition.class)).singleElement().satisfies(c -> assertThat(
                c.getCode().getText()).isEqualTo("Depressive disorder"));
        Bundle major = riverside("9990000018",
                "{\"name\":\"includeProblems\",\"part\":[{\"name\":\"filterSignificance\",\"valueCode\":\"major\"}]}");
        assertThat(all(major, Condition.class)).extracting(c -> c.getCode().getText())
                .containsExactlyInAnyOrder("Essential hypertension", "Asthma");
    }

    @Test
    void consultationsByMostRecentOrPeriodAndTheirEntries() {
        Bundle one = riverside("9990001065",
                "{\"name\":\"includeConsultations\",\"part\":[{\"name\":\"includeNumberOfMostRecent\",\"valuePositiveInt\":1}]}");
        assertThat(all(one, Encounter.class)).hasSize(1);
        assertThat(all(one, Observation.class)).extracting(Observation::getComment)
                .anyMatch(t -> t.contains("does NOT want his daughter (Claire) told yet"));
        Bundle period = riverside("9990001065",
                "{\"name\":\"includeConsultations\",\"part\":[{\"name\":\"consultationSearchPeriod\",\"valuePeriod\":{\"start\":\"2026-09-01\",\"end\":\"2026-09-30\"}}]}");
        assertThat(all(period, Encounter.class)).hasSize(1);
        assertThat(all(period, ListResource.class)).extracting(l -> l.getCode().getCodingFirstRep().getCode())
                .contains("1149501000000101", "325851000000107", "25851000000105", "24781000000107");
    }

    @Test
    void immunisationsNotGivenOnlyWhenAskedFor() {
        Bundle all = riverside("9990000085", null);
        assertThat(all(all, Immunization.class)).anyMatch(Immunization::getNotGiven);
        Bundle given = riverside("9990000085",
                "{\"name\":\"includeImmunisations\",\"part\":[{\"name\":\"includeNotGiven\",\"valueBoolean\":false}]}");
        assertThat(all(given, Immunization.class)).isNotEmpty().noneMatch(Immunization::getNotGiven);
    }

    @Test
    void confidentialItemsAreWithheldWithAWarning() {
        Bundle b = record("C81616", "918999100303", "9990000921", null);
        ListResource problems = list(b, "717711000000103");
        assertThat(DemoPatientsTest.warnings(b)).contains("confidential-items");
        assertThat(problems.getNote()).extracting(n -> n.getText())
                .contains("Items excluded due to confidentiality and/or patient preferences.");
        assertThat(all(b, Condition.class)).extracting(c -> c.getCode().getText()).containsExactly("Asthma");
    }

    @Test
    void dataInTransitIsOnEveryList() {
        Bundle b = riverside("9990000999", null);
        List<ListResource> sections = all(b, ListResource.class).stream()
                .filter(l -> !List.of("325851000000107", "25851000000105", "24781000000107")
                        .contains(l.getCode().getCodingFirstRep().getCode())).toList();
        assertThat(sections).hasSizeGreaterThanOrEqualTo(9).allSatisfy(l -> assertThat(l.getNote())
                .anyMatch(n -> n.getText().contains("information recorded before 20-Oct-2026 may be missing")));
    }

    @Test
    void aSecondSupplierStyleLaysPractitionersAndHeadingsOutDifferently() {
        Bundle b = record("B82033", "918999100202", "9990001626", null);
        assertThat(all(b, PractitionerRole.class)).isNotEmpty();
        assertThat(all(b, Location.class)).hasSize(2);
        assertThat(all(b, ListResource.class)).extracting(ListResource::getTitle).contains("Subjective");
        Bundle optimum = riverside("9990000018", null);
        assertThat(all(optimum, PractitionerRole.class)).isEmpty();
        assertThat(all(optimum, ListResource.class)).extracting(ListResource::getTitle).contains("History");
    }

    @Test
    void datesAreTheRecordedCalendarDays() {
        Bundle b = riverside("9990000018", null);
        Patient p = all(b, Patient.class).getFirst();
        assertThat(p.getBirthDateElement().getValueAsString()).isEqualTo("1961-01-04");
    }
}
