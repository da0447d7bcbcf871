package com.carepoint.gpconnect;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.parser.IParser;
import com.carepoint.access.DemoUsers;
import com.carepoint.kernel.NhsNumber;
import com.carepoint.kernel.SectionKind;
import com.carepoint.kernel.TracedPatient;
import com.carepoint.platform.FhirClients;
import com.carepoint.platform.FhirHttpProperties;
import com.carepoint.record.DocumentItem;
import com.carepoint.record.FetchedSection;
import com.carepoint.record.PatientContext;
import com.carepoint.record.RecordProblem;
import com.carepoint.record.RetrievedDocument;
import com.carepoint.record.Section;
import com.carepoint.spine.EndpointDirectory;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.DocumentReference;
import org.hl7.fhir.dstu3.model.InstantType;
import org.hl7.fhir.dstu3.model.Organization;
import org.hl7.fhir.dstu3.model.Patient;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.Resource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.env.MockEnvironment;

/**
 * Carepoint's Access Document consumer against a provider answering with the specification's own published examples
 * ({@code spec-fixtures/documents/}, see its README): what it sends is checked on the wire against the pages, and
 * what it shows against the examples' content. Variants of the example (a PDF, a placeholder, another patient) are
 * made from it here, element by element, so each says what it changes. None of this involves Carepoint's demo
 * practices.
 */
class DocumentSpecFixtureTest {

    /** The published example's patient (INC/documents_response.json): Miss Jane Jackson, born 31-May-1952. */
    static final String NHS = "9999999999";
    static final String EXAMPLE_PRACTICE = "The Trevelyan Practice";
    static final IParser JSON = FhirClients.STU3.newJsonParser();

    DocumentFixtureProvider provider = new DocumentFixtureProvider();
    FhirClients clients = new FhirClients(new FhirHttpProperties(Duration.ofSeconds(3), Duration.ofSeconds(10),
            128L * 1024 * 1024, 10_000), new MockEnvironment());
    GpConnectDocuments documents = new GpConnectDocuments(new EndpointDirectory(clients, provider.spine()), clients,
            provider.properties(), Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneId.of("UTC")));
    PatientContext context = PatientContext.open(DemoUsers.PARAMEDIC, patient(NHS, LocalDate.of(1952, 5, 31)));

    @AfterEach
    void stop() {
        provider.close();
    }

    static TracedPatient patient(String nhs, LocalDate born) {
        NhsNumber number = NhsNumber.parse(nhs).orElseThrow();
        return new TracedPatient(number, number, "Miss", List.of("Jane"), "Jackson", "female", born,
                Optional.empty(), false, List.of("Cable Place"), "LS1 5HT", Optional.empty(), Optional.of("O001"));
    }

    @SuppressWarnings("unchecked")
    Section<DocumentItem> list() {
        FetchedSection fetched = documents.list(context);
        assertThat(fetched.section().kind()).isEqualTo(SectionKind.DOCUMENTS);
        return (Section<DocumentItem>) fetched.section();
    }

    static JWTClaimsSet jwt(DocumentFixtureProvider.Received r) throws Exception {
        return JWTParser.parse(r.header("Authorization").substring("Bearer ".length())).getJWTClaimsSet();
    }

    /** The published search example, parsed (the copy with its one missing comma added). */
    static Bundle example() {
        return JSON.parseResource(Bundle.class, DocumentFixtureProvider.fixture("documents_response.json"));
    }

    static DocumentReference exampleDocument(Bundle b) {
        return b.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(DocumentReference.class::isInstance).map(DocumentReference.class::cast).findFirst()
                .orElseThrow();
    }

    static Patient examplePatient(Bundle b) {
        return b.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(Patient.class::isInstance)
                .map(Patient.class::cast).findFirst().orElseThrow();
    }

    /** A copy of the example's DocumentReference with another id, as another document of the same patient. */
    static DocumentReference another(Bundle b, String id) {
        DocumentReference d = exampleDocument(b).copy();
        d.setId(id);
        b.addEntry().setFullUrl("http://exampleGPSystem.co.uk/GP0001/STU3/1/gpconnect-documents/DocumentReference/" + id)
                .setResource(d);
        return d;
    }

    static String binaryUrl(String id) {
        return "http://exampleGPSystem.co.uk/GP0001/STU3/1/gpconnect-documents/Binary/" + id;
    }

    /** A small synthetic PDF (one blank page), made once with PDFBox (which gives each file an id of its own). */
    static final byte[] PDF = makePdf();

    static byte[] makePdf() {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.addPage(new PDPage());
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static byte[] pdf() {
        return PDF.clone();
    }

    /** A Binary as the published example writes one (INC/documents_response2.json), with other content. */
    static String binary(String id, String contentType, byte[] content) {
        return """
                {"resourceType":"Binary","id":"%s","contentType":"%s","content":"%s"}"""
                .formatted(id, contentType, Base64.getEncoder().encodeToString(content));
    }

    /** The example with its document made a PDF at Binary/pdf-1 (everything else as published). */
    Bundle examplePdf() throws IOException {
        Bundle b = example();
        exampleDocument(b).getContentFirstRep().getAttachment().setContentType("application/pdf")
                .setUrl(binaryUrl("pdf-1"));
        provider.binaries.put("pdf-1", new DocumentFixtureProvider.Answer(200, binary("pdf-1", "application/pdf",
                pdf())));
        return b;
    }

    void answerSearch(Bundle b) {
        provider.search = new DocumentFixtureProvider.Answer(200, JSON.encodeResourceToString(b));
    }

    // ------------------------------------------------------------------ the wire

    @Test
    void findAPatientIsSentAsTheAccessDocumentFindAPatientPageWritesIt() throws Exception {
        list();
        DocumentFixtureProvider.Received r = provider.received("GET", "/docs/Patient").getFirst();
        assertThat(r.path()).isEqualTo("/docs/Patient");
        assertThat(r.query()).isEqualTo("identifier=https%3A%2F%2Ffhir.nhs.uk%2FId%2Fnhs-number%7C9999999999");
        assertThat(r.header("Ssp-InteractionID"))
                .isEqualTo("urn:nhs:names:services:gpconnect:documents:fhir:rest:search:patient-1");
        assertThat(r.header("Ssp-From")).isEqualTo("200000001111");
        assertThat(r.header("Ssp-To")).isEqualTo(DocumentFixtureProvider.ASID);
        assertThat(r.header("Ssp-TraceID")).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(r.header("Accept")).isEqualTo("application/fhir+json;charset=utf-8");
        JWTClaimsSet jwt = jwt(r);
        assertThat(jwt.getClaim("requested_scope")).isEqualTo("patient/*.read");
        assertThat(jwt.getAudience()).containsExactly(provider.root());
        assertThat(jwt.getClaim("reason_for_request")).isEqualTo("directcare");
        assertThat(jwt.getExpirationTime().toInstant().getEpochSecond()
                - jwt.getIssueTime().toInstant().getEpochSecond()).isEqualTo(300);
    }

    @Test
    void theSearchIsSentAsTheSearchPageWritesItWithEveryIncludeItRequires() throws Exception {
        list();
        List<DocumentFixtureProvider.Received> searches = provider.received("GET", "/docs/Patient/");
        assertThat(searches).hasSize(1);
        DocumentFixtureProvider.Received r = searches.getFirst();
        // The logical id "Find a patient" returned: the example's Patient.
        assertThat(r.path()).isEqualTo("/docs/Patient/04603d77-1a4e-4d63-b246-d7504f8bd833/DocumentReference");
        assertThat(r.query()).isEqualTo("_include=DocumentReference:subject:Patient"
                + "&_include=DocumentReference:custodian:Organization&_include=DocumentReference:author:Organization"
                + "&_include=DocumentReference:author:Practitioner&_revinclude:recurse=PractitionerRole:practitioner");
        assertThat(r.header("Ssp-InteractionID"))
                .isEqualTo("urn:nhs:names:services:gpconnect:documents:fhir:rest:search:documentreference-1");
        assertThat(r.header("Ssp-To")).isEqualTo(DocumentFixtureProvider.ASID);
        assertThat(r.header("Accept")).isEqualTo("application/fhir+json;charset=utf-8");
        assertThat(jwt(r).getClaim("requested_scope")).isEqualTo("patient/*.read");
        assertThat(r.query()).doesNotContain("_format");
    }

    @Test
    void eachInteractionsEndpointComesFromTheDirectoryOncePerPatientContext() throws Exception {
        answerSearch(examplePdf());
        DocumentItem pdf = list().items().getFirst();
        documents.retrieve(context, pdf);
        list();
        List<String> lookups = provider.received("GET", "/sds/Endpoint").stream()
                .map(r -> URLDecoder.decode(r.query(), StandardCharsets.UTF_8)).toList();
        assertThat(lookups).hasSize(3).allMatch(q -> q.contains("https://fhir.nhs.uk/Id/ods-organization-code|O001"));
        assertThat(lookups).anyMatch(q -> q.endsWith("|urn:nhs:names:services:gpconnect:documents:fhir:rest:search:patient-1"))
                .anyMatch(q -> q.endsWith("|urn:nhs:names:services:gpconnect:documents:fhir:rest:search:documentreference-1"))
                .anyMatch(q -> q.endsWith("|urn:nhs:names:services:gpconnect:documents:fhir:rest:read:binary-1"));
        // The practice's id for the patient is asked for once per context; a new context asks again.
        assertThat(provider.received("GET", "/docs/Patient")).filteredOn(r -> r.path().equals("/docs/Patient"))
                .hasSize(1);
        documents.list(PatientContext.open(DemoUsers.PARAMEDIC, context.patient()));
        assertThat(provider.received("GET", "/docs/Patient")).filteredOn(r -> r.path().equals("/docs/Patient"))
                .hasSize(2);
    }

    @Test
    void aPdfIsRetrievedAsABinaryFromTheDirectorysEndpointNeverFromTheHostInItsUrl() throws Exception {
        answerSearch(examplePdf());
        DocumentItem pdf = list().items().getFirst();
        assertThat(pdf.availability()).isEqualTo(DocumentItem.Availability.VIEWABLE);
        RetrievedDocument r = documents.retrieve(context, pdf);
        assertThat(r.problem()).isEmpty();
        assertThat(r.content().orElseThrow().bytes()).isEqualTo(pdf());
        assertThat(r.content().orElseThrow().contentType()).isEqualTo("application/pdf");
        DocumentFixtureProvider.Received get = provider.received("GET", "/docs/Binary/").getFirst();
        // The attachment URL names exampleGPSystem.co.uk: the request went to the Access Document endpoint instead.
        assertThat(get.path()).isEqualTo("/docs/Binary/pdf-1");
        assertThat(get.query()).isNull();
        assertThat(get.header("Ssp-InteractionID"))
                .isEqualTo("urn:nhs:names:services:gpconnect:documents:fhir:rest:read:binary-1");
        assertThat(get.header("Accept")).isEqualTo("application/fhir+json;charset=utf-8");
        assertThat(jwt(get).getClaim("requested_scope")).isEqualTo("patient/*.read");
    }

    // ------------------------------------------------------------------ what is shown

    @Test
    void theDocumentInThePublishedExampleIsListedWithEverythingItSays() {
        FetchedSection fetched = documents.list(context);
        assertThat(fetched.section().problem()).isEmpty();
        assertThat(fetched.source()).hasValueSatisfying(s -> {
            // Patient.managingOrganization in the example: the practice serving the request.
            assertThat(s.practiceName()).isEqualTo(EXAMPLE_PRACTICE);
            assertThat(s.odsCode()).isEqualTo("O001");
        });
        assertThat(fetched.section().items()).hasSize(1);
        DocumentItem d = (DocumentItem) fetched.section().items().getFirst();
        assertThat(d.title()).isEqualTo("Discharge Summary");
        assertThat(d.type().display()).isEqualTo("Inpatient final discharge letter");
        assertThat(d.type().snomedCode()).contains("824331000000106");
        // 2019-06-24T09:35:00+11:00 is 22:35 UTC on 23 June, 23:35 in UK summer time.
        assertThat(d.created()).hasValueSatisfying(c -> assertThat(c.display()).isEqualTo("23-Jun-2019 23:35"));
        assertThat(d.filed()).hasValueSatisfying(c -> assertThat(c.display()).isEqualTo("01-Jul-2019 23:43"));
        // The author is a Practitioner; their organisation is the PractitionerRole's (the _revinclude).
        assertThat(d.author()).contains("Miss Nichole Gilbert");
        assertThat(d.organisation()).contains(EXAMPLE_PRACTICE);
        assertThat(d.custodian()).isEmpty();
        assertThat(d.size()).hasValue(3654);
        assertThat(d.sizeText()).isEqualTo("3.6 KB");
        assertThat(d.contentType()).isEqualTo("application/msword");
        assertThat(d.format()).isEqualTo("Word document");
        assertThat(d.availability()).isEqualTo(DocumentItem.Availability.OTHER_FORMAT);
    }

    @Test
    void aWordDocumentIsListedButNeverRequested() {
        DocumentItem word = list().items().getFirst();
        RetrievedDocument r = documents.retrieve(context, word);
        assertThat(r.problem()).isPresent();
        assertThat(provider.received("GET", "/docs/Binary/")).isEmpty();
    }

    @Test
    void thePublishedExampleAsWrittenIsNotValidJsonAndIsNeverReadAsNoDocuments() {
        provider.search = new DocumentFixtureProvider.Answer(200,
                DocumentFixtureProvider.fixture("documents_response.published.json"));
        Section<DocumentItem> s = list();
        assertThat(s.isEmpty()).isFalse();
        assertThat(s.problem()).hasValueSatisfying(p -> {
            assertThat(p.kind()).isEqualTo(RecordProblem.Kind.UNREADABLE_RESPONSE);
            assertThat(p.message()).contains("It is not known whether there are any.");
        });
    }

    @Test
    void everyKindOfDocumentIsListedNewestFirstWithWhetherItCanBeShown() throws IOException {
        Bundle b = examplePdf();
        exampleDocument(b).setDescription("Discharge summary (PDF)");
        // A placeholder for a document over 5 MB, as the documents guidance says: no url, the reason in the title.
        DocumentReference placeholder = another(b, "placeholder-1");
        placeholder.setCreatedElement(new org.hl7.fhir.dstu3.model.DateTimeType("2020-03-01T10:00:00+00:00"));
        placeholder.setDescription("Scanned letter");
        placeholder.getContentFirstRep().getAttachment().setUrl(null).setSize(7_340_032)
                .setTitle("This document has not been returned as it is over 5MB");
        // A document listed over 5 MB with a URL all the same: never requested.
        DocumentReference large = another(b, "large-1");
        large.setCreatedElement(new org.hl7.fhir.dstu3.model.DateTimeType("2021-01-01"));
        large.setDescription("Large scan");
        large.getContentFirstRep().getAttachment().setContentType("application/pdf").setUrl(binaryUrl("large-1"))
                .setSize(5 * 1024 * 1024 + 1);
        // Written by an organisation, held by the practice (custodian), filed but with no creation date.
        DocumentReference byOrganisation = another(b, "org-1");
        byOrganisation.setCreatedElement(null);
        byOrganisation.setIndexedElement(new InstantType("2022-02-02T09:00:00+00:00"));
        byOrganisation.setDescription("Clinic letter");
        byOrganisation.getAuthor().clear();
        byOrganisation.addAuthor(new Reference("Organization/db67f447-b30d-442a-8e31-6918d1367eeb"));
        byOrganisation.setCustodian(new Reference("Organization/db67f447-b30d-442a-8e31-6918d1367eeb"));
        byOrganisation.getContentFirstRep().getAttachment().setContentType("application/pdf")
                .setUrl(binaryUrl("org-1"));
        // Marked entered in error: not shown as the patient's.
        DocumentReference inError = another(b, "error-1");
        inError.setStatus(org.hl7.fhir.dstu3.model.Enumerations.DocumentReferenceStatus.ENTEREDINERROR);
        answerSearch(b);

        Section<DocumentItem> s = list();
        assertThat(s.items()).extracting(DocumentItem::title).containsExactly("Clinic letter", "Large scan",
                "Scanned letter", "Discharge summary (PDF)");
        DocumentItem clinic = s.items().get(0);
        assertThat(clinic.created()).isEmpty();
        assertThat(clinic.date()).hasValueSatisfying(d -> assertThat(d.dateOnly()).isEqualTo("02-Feb-2022"));
        assertThat(clinic.author()).contains(EXAMPLE_PRACTICE);
        assertThat(clinic.organisation()).contains(EXAMPLE_PRACTICE);
        assertThat(clinic.custodian()).contains(EXAMPLE_PRACTICE);
        assertThat(clinic.availability()).isEqualTo(DocumentItem.Availability.VIEWABLE);
        assertThat(s.items().get(1).availability()).isEqualTo(DocumentItem.Availability.TOO_LARGE);
        DocumentItem scanned = s.items().get(2);
        assertThat(scanned.availability()).isEqualTo(DocumentItem.Availability.NOT_AVAILABLE);
        assertThat(scanned.unavailable()).contains("This document has not been returned as it is over 5MB");
        assertThat(scanned.sizeText()).isEqualTo("7.0 MB");
        assertThat(s.items().get(3).availability()).isEqualTo(DocumentItem.Availability.VIEWABLE);
        assertThat(s.warnings()).containsExactly("1 document is marked by the practice as entered in error and not "
                + "shown.");
        // Neither the too-large document nor the placeholder is ever requested.
        assertThat(documents.retrieve(context, s.items().get(1)).problem()).isPresent();
        assertThat(documents.retrieve(context, scanned).problem()).isPresent();
        assertThat(provider.received("GET", "/docs/Binary/")).isEmpty();
    }

    @Test
    void anEmptyAnswerForThisPatientIsTheOnlyNoDocuments() {
        Bundle b = example();
        b.getEntry().removeIf(e -> !(e.getResource() instanceof Patient));
        answerSearch(b);
        Section<DocumentItem> s = list();
        assertThat(s.problem()).isEmpty();
        assertThat(s.isEmpty()).isTrue();
    }

    // ------------------------------------------------------------------ identity (hazard H-030)

    @Test
    void aSearchAnswerWithAnotherPatientsNhsNumberIsNeverShown() {
        Bundle b = example();
        examplePatient(b).getIdentifierFirstRep().setValue("9990000026");
        answerSearch(b);
        assertWrongPatient(list());
    }

    @Test
    void aSearchAnswerWithAnotherDateOfBirthIsNeverShown() {
        Bundle b = example();
        examplePatient(b).setBirthDateElement(new org.hl7.fhir.dstu3.model.DateType("1952-05-30"));
        answerSearch(b);
        assertWrongPatient(list());
    }

    @Test
    void aDocumentOfAnotherPatientInTheAnswerIsNeverShownNorAnythingElseInIt() throws IOException {
        Bundle b = examplePdf();
        DocumentReference other = another(b, "other-1");
        other.setSubject(new Reference("Patient/someone-else"));
        answerSearch(b);
        assertWrongPatient(list());
        // Nothing listed, so nothing from that answer can be retrieved either.
        assertThat(provider.received("GET", "/docs/Binary/")).isEmpty();
    }

    @Test
    void aDocumentWhoseSubjectIsNotAPatientIsNeverShown() {
        Bundle b = example();
        exampleDocument(b).setSubject(new Reference("Practitioner/6c41ebfd-57c3-4162-9d7b-208c171a2fd7"));
        answerSearch(b);
        assertWrongPatient(list());
    }

    @Test
    void withoutThePatientInTheAnswerEachSubjectMustBeThePatientFindAPatientGave() {
        Bundle b = example();
        b.getEntry().removeIf(e -> e.getResource() instanceof Patient);
        answerSearch(b);
        assertThat(list().items()).hasSize(1);
        exampleDocument(b).setSubject(new Reference("Patient/2"));
        answerSearch(b);
        assertWrongPatient(documents.list(PatientContext.open(DemoUsers.PARAMEDIC, context.patient())).section());
    }

    @Test
    void findAPatientAnsweringWithAnotherDateOfBirthStopsBeforeAnySearch() {
        Patient p = examplePatient(example());
        p.setBirthDateElement(new org.hl7.fhir.dstu3.model.DateType("1962-05-31"));
        provider.findPatient = new DocumentFixtureProvider.Answer(200,
                DocumentFixtureProvider.searchset(JSON.encodeResourceToString(p)));
        assertWrongPatient(list());
        assertThat(provider.received("GET", "/docs/Patient/")).isEmpty();
    }

    @Test
    void findAPatientAnsweringWithTwoPatientsStopsBeforeAnySearch() {
        String patient = DocumentFixtureProvider.patientOf(DocumentFixtureProvider.fixture("documents_response.json"));
        provider.findPatient = new DocumentFixtureProvider.Answer(200, DocumentFixtureProvider.searchset(patient,
                patient.replace("04603d77-1a4e-4d63-b246-d7504f8bd833", "another-id")));
        assertWrongPatient(list());
        assertThat(provider.received("GET", "/docs/Patient/")).isEmpty();
    }

    /**
     * The specification's own examples disagree: the Find a patient page's example is Patient/2 with NHS number
     * 9476719931, the search example's documents are for 9999999999. A consumer that trusted the search answer would
     * show one patient's discharge summary under the other's banner.
     */
    @Test
    void thePublishedFindAPatientAndSearchExamplesAreDifferentPatientsAndNothingIsShown() {
        context = PatientContext.open(DemoUsers.PARAMEDIC, patient("9476719931", LocalDate.of(1952, 5, 31)));
        provider.findPatient = new DocumentFixtureProvider.Answer(200,
                DocumentFixtureProvider.fixture("find-a-patient-example.json"));
        Section<DocumentItem> s = list();
        assertThat(provider.received("GET", "/docs/Patient/2/DocumentReference")).hasSize(1);
        assertWrongPatient(s);
    }

    static void assertWrongPatient(Section<?> s) {
        assertThat(s.items()).isEmpty();
        assertThat(s.isEmpty()).isFalse();
        assertThat(s.problem()).hasValueSatisfying(p -> {
            assertThat(p.kind()).isEqualTo(RecordProblem.Kind.WRONG_PATIENT);
            assertThat(p.message()).contains("Nothing from that answer is shown");
            assertThat(p.whatToDo()).contains(p.traceId());
        });
    }

    // ------------------------------------------------------------------ not offered, refused, not found

    @Test
    void aPracticeWithoutAccessDocumentInTheDirectorySaysSoAndIsNeverAsked() {
        provider.notInDirectory.add(AccessDocumentSpec.SEARCH_DOCUMENTS);
        Section<DocumentItem> s = list();
        assertThat(s.isEmpty()).isFalse();
        assertThat(s.problem()).hasValueSatisfying(p -> {
            assertThat(p.kind()).isEqualTo(RecordProblem.Kind.NOT_PROVIDED_BY_SYSTEM);
            assertThat(p.message()).contains("does not offer patients' documents through GP Connect")
                    .contains("This does not mean there are none.");
        });
        assertThat(provider.received("GET", "/docs/")).isEmpty();
    }

    @Test
    void withoutAnAccessDocumentFindAPatientThereIsNoSearch() {
        provider.notInDirectory.add(AccessDocumentSpec.FIND_PATIENT);
        assertThat(list().problem()).hasValueSatisfying(p -> assertThat(p.kind())
                .isEqualTo(RecordProblem.Kind.NOT_PROVIDED_BY_SYSTEM));
        assertThat(provider.received("GET", "/docs/")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ACCESS_DENIED", "ACCESS DENIED"})
    void documentsSwitchedOffAtThePracticeSaySoNotNone(String code) {
        provider.search = new DocumentFixtureProvider.Answer(403, DocumentFixtureProvider.error("forbidden", code));
        assertThat(list().problem()).hasValueSatisfying(p -> {
            assertThat(p.kind()).isEqualTo(RecordProblem.Kind.PRACTICE_NOT_SHARING);
            assertThat(p.message()).contains("has not switched on sharing of patients' documents")
                    .contains("This does not mean there are none.");
        });
    }

    @Test
    void aPatientTheDocumentServiceDoesNotHoldIsNotNoDocuments() {
        provider.findPatient = new DocumentFixtureProvider.Answer(200, DocumentFixtureProvider.searchset());
        Section<DocumentItem> s = list();
        assertThat(s.isEmpty()).isFalse();
        assertThat(s.problem()).hasValueSatisfying(p -> assertThat(p.kind())
                .isEqualTo(RecordProblem.Kind.PATIENT_NOT_FOUND));
        assertThat(provider.received("GET", "/docs/Patient/")).isEmpty();
    }

    @Test
    void dissentIsSaidAsDissent() {
        provider.search = new DocumentFixtureProvider.Answer(403, DocumentFixtureProvider.error("forbidden",
                "NO_PATIENT_CONSENT"));
        assertThat(list().problem()).hasValueSatisfying(p -> assertThat(p.kind())
                .isEqualTo(RecordProblem.Kind.PATIENT_DISSENT));
    }

    @Test
    void aServerErrorLeavesItUnknownWhetherThereAreAny() {
        provider.search = new DocumentFixtureProvider.Answer(500, DocumentFixtureProvider.error("exception",
                "INTERNAL_SERVER_ERROR"));
        assertThat(list().problem()).hasValueSatisfying(p -> {
            assertThat(p.kind()).isEqualTo(RecordProblem.Kind.PRACTICE_ERROR);
            assertThat(p.message()).contains("It is not known whether there are any.");
        });
    }

    @Test
    void aDocumentNoLongerHeldIsSaidSo() throws IOException {
        answerSearch(examplePdf());
        DocumentItem pdf = list().items().getFirst();
        provider.binaries.remove("pdf-1");
        RetrievedDocument r = documents.retrieve(context, pdf);
        assertThat(r.content()).isEmpty();
        assertThat(r.problem()).hasValueSatisfying(p -> assertThat(p.kind())
                .isEqualTo(RecordProblem.Kind.DOCUMENT_NOT_FOUND));
    }

    // ------------------------------------------------------------------ the Binary checked before it is shown

    @Test
    void aBinaryLargerThanGpConnectAllowsIsRefused() throws IOException {
        answerSearch(examplePdf());
        DocumentItem pdf = list().items().getFirst();
        byte[] huge = new byte[(int) AccessDocumentSpec.MAX_DOCUMENT_BYTES + 1];
        System.arraycopy(pdf(), 0, huge, 0, 8);
        provider.binaries.put("pdf-1", new DocumentFixtureProvider.Answer(200, binary("pdf-1", "application/pdf",
                huge)));
        RetrievedDocument r = documents.retrieve(context, pdf);
        assertThat(r.content()).isEmpty();
        assertThat(r.problem()).hasValueSatisfying(p -> assertThat(p.kind())
                .isEqualTo(RecordProblem.Kind.DOCUMENT_TOO_LARGE));
    }

    @Test
    void anAnswerFarLargerThanAnyDocumentIsCutOffByTheCallsByteCap() throws IOException {
        answerSearch(examplePdf());
        DocumentItem pdf = list().items().getFirst();
        // 8 MB of content: over the Binary answer's cap, far under the FHIR clients' own 128 MB.
        provider.binaries.put("pdf-1", new DocumentFixtureProvider.Answer(200, binary("pdf-1", "application/pdf",
                new byte[8 * 1024 * 1024])));
        assertThat(documents.retrieve(context, pdf).problem()).hasValueSatisfying(p -> assertThat(p.kind())
                .isEqualTo(RecordProblem.Kind.DOCUMENT_TOO_LARGE));
        // The cap is the call's own: the next list is read under the clients' cap as before.
        assertThat(list().problem()).isEmpty();
    }

    @Test
    void thePublishedWordBinaryServedForAListedPdfIsRefused() throws IOException {
        answerSearch(examplePdf());
        DocumentItem pdf = list().items().getFirst();
        provider.binaries.put("pdf-1", new DocumentFixtureProvider.Answer(200,
                DocumentFixtureProvider.fixture("documents_response2.json").replace(DocumentFixtureProvider.BINARY_ID,
                        "pdf-1")));
        RetrievedDocument r = documents.retrieve(context, pdf);
        assertThat(r.content()).isEmpty();
        assertThat(r.problem()).hasValueSatisfying(p -> {
            assertThat(p.kind()).isEqualTo(RecordProblem.Kind.UNREADABLE_RESPONSE);
            assertThat(p.message()).contains("it was not the PDF document that was listed");
        });
    }

    @Test
    void contentThatIsNotAPdfIsRefusedWhateverItsTypeSays() throws IOException {
        answerSearch(examplePdf());
        DocumentItem pdf = list().items().getFirst();
        provider.binaries.put("pdf-1", new DocumentFixtureProvider.Answer(200, binary("pdf-1", "application/pdf",
                "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8))));
        assertThat(documents.retrieve(context, pdf).problem()).hasValueSatisfying(p -> assertThat(p.kind())
                .isEqualTo(RecordProblem.Kind.UNREADABLE_RESPONSE));
    }

    @Test
    void aBinaryWithAnotherIdIsRefused() throws IOException {
        answerSearch(examplePdf());
        DocumentItem pdf = list().items().getFirst();
        provider.binaries.put("pdf-1", new DocumentFixtureProvider.Answer(200, binary("pdf-2", "application/pdf",
                pdf())));
        assertThat(documents.retrieve(context, pdf).problem()).hasValueSatisfying(p -> assertThat(p.message())
                .contains("it was not the document that was asked for"));
    }

    @Test
    void onlyADocumentListedForThisPatientContextIsEverRequested() throws IOException {
        answerSearch(examplePdf());
        DocumentItem pdf = list().items().getFirst();
        PatientContext another = PatientContext.open(DemoUsers.PARAMEDIC, context.patient());
        assertThat(documents.retrieve(another, pdf).problem()).isPresent();
        assertThat(provider.received("GET", "/docs/Binary/")).isEmpty();
        assertThat(documents.retrieve(context, pdf).problem()).isEmpty();
    }

    @Test
    void referencesResolveByFullUrlAndAbsoluteUrlAsFhirDoes() {
        Bundle b = example();
        DocumentReference d = exampleDocument(b);
        // Absolute references, as the entries' fullUrls are written.
        d.setSubject(new Reference("http://exampleGPSystem.co.uk/GP0001/STU3/1/gpconnect-documents/Patient/"
                + DocumentFixtureProvider.PATIENT_ID));
        d.getAuthor().clear();
        d.addAuthor(new Reference("http://exampleGPSystem.co.uk/GP0001/STU3/1/gpconnect-documents/Organization/"
                + "db67f447-b30d-442a-8e31-6918d1367eeb"));
        answerSearch(b);
        DocumentItem item = list().items().getFirst();
        assertThat(item.author()).contains(EXAMPLE_PRACTICE);
        Resource org = b.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(Organization.class::isInstance).findFirst().orElseThrow();
        assertThat(((Organization) org).getName()).isEqualTo(EXAMPLE_PRACTICE);
    }

    @Test
    void throughTheSpineSecureProxyEveryRequestGoesToTheProxyWithTheProviderRootInItsPath() throws Exception {
        documents = new GpConnectDocuments(new EndpointDirectory(clients, provider.spine()), clients,
                provider.properties(provider.base() + "/ssp/"), Clock.systemUTC());
        answerSearch(examplePdf());
        Section<DocumentItem> listed = list();
        DocumentItem pdf = listed.items().getFirst();
        assertThat(documents.retrieve(context, pdf).problem()).isEmpty();
        String prefix = "/ssp/" + provider.root();
        assertThat(provider.received("GET", prefix + "/")).extracting(DocumentFixtureProvider.Received::path)
                .containsExactly(prefix + "/Patient", prefix + "/Patient/" + DocumentFixtureProvider.PATIENT_ID
                        + "/DocumentReference", prefix + "/Binary/pdf-1");
        assertThat(provider.received("GET", "/docs/")).isEmpty();
        // The audience is the provider's root, not the proxy's address.
        assertThat(jwt(provider.received("GET", prefix + "/").getFirst()).getAudience())
                .containsExactly(provider.root());
    }

    @Test
    void aListForAClosedPageIsNotSent() {
        context.cancel();
        assertThat(list().problem()).hasValueSatisfying(p -> assertThat(p.message())
                .contains("stopped because the page was closed"));
        assertThat(provider.received("GET", "/docs/")).isEmpty();
    }
}
