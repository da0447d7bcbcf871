package com.carepoint.gpconnect.senddocument;

import static com.carepoint.gpconnect.senddocument.SendDocumentSpec.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import com.carepoint.kernel.NhsNumber;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hl7.fhir.dstu3.model.Base;
import org.hl7.fhir.dstu3.model.Binary;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.Composition;
import org.hl7.fhir.dstu3.model.Encounter;
import org.hl7.fhir.dstu3.model.Extension;
import org.hl7.fhir.dstu3.model.Identifier;
import org.hl7.fhir.dstu3.model.MessageHeader;
import org.hl7.fhir.dstu3.model.Organization;
import org.hl7.fhir.dstu3.model.Patient;
import org.hl7.fhir.dstu3.model.Practitioner;
import org.hl7.fhir.dstu3.model.Property;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.Resource;
import org.junit.jupiter.api.Test;

/**
 * The Consultation Report message, parsed back with HAPI (strictly) and checked against the requirements
 * (nhsconnect/gpconnect-messaging {@code _data/senddoc_requirements.yml}) and against the published example
 * ({@code src/test/resources/gpconnect/senddocument/consultation_report.xml}).
 */
class SendDocumentMessageTest {

    static final FhirContext STU3 = FhirContext.forDstu3Cached();
    static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF".getBytes(StandardCharsets.US_ASCII);
    static final UUID MESSAGE = UUID.fromString("6f1d3a52-0b8e-4c8b-9a61-1f0c2b3d4e5f");
    static final UUID DOCUMENT = UUID.fromString("0d2e4f60-7a8b-4c9d-8e0f-1a2b3c4d5e6f");

    static ConsultationReport report(UUID messageId, UUID documentId, Optional<UUID> replaces, int version,
            boolean confidential) {
        return new ConsultationReport(messageId, documentId, replaces, version, "enc-2026-000123",
                Instant.parse("2026-12-03T10:15:30Z"),
                new ConsultationReport.Patient(new NhsNumber("9990000018"), "Mrs", List.of("Jane", "Ann"),
                        "O'Brien-Smith", "female", LocalDate.of(1957, 1, 9), List.of("1 High Street", "Northtown"),
                        "NT1 1AA"),
                new ConsultationReport.Organisation("RX9", "Northshire Ambulance Service NHS Trust", "01234 567890"),
                "x26abc1",
                new ConsultationReport.Author("555021935107", null, List.of("Alex"), "Morgan", Optional.of("01234 567891")),
                Instant.parse("2026-12-03T09:02:00Z"), Instant.parse("2026-12-03T09:48:00Z"), confidential,
                "Paramedic encounter report", PDF);
    }

    static ConsultationReport report() {
        return report(MESSAGE, DOCUMENT, Optional.empty(), 1, false);
    }

    static Bundle parse(byte[] xml) {
        IParser parser = STU3.newXmlParser().setParserErrorHandler(new StrictErrorHandler());
        return parser.parseResource(Bundle.class, new String(xml, StandardCharsets.UTF_8));
    }

    static <T extends Resource> T only(Bundle b, Class<T> type) {
        List<T> found = b.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(type::isInstance)
                .map(type::cast).toList();
        assertThat(found).as(type.getSimpleName()).hasSize(1);
        return found.get(0);
    }

    static Resource resolve(Bundle b, Reference ref) {
        return b.getEntry().stream().filter(e -> e.getFullUrl().equals(ref.getReference()))
                .map(Bundle.BundleEntryComponent::getResource).findFirst()
                .orElseThrow(() -> new AssertionError("unresolved " + ref.getReference()));
    }

    static Extension key(MessageHeader h, String url) {
        return h.getExtensionByUrl(EXT_MESSAGE_HANDLING).getExtensionByUrl(url);
    }

    @Test
    void theMessageBundleIsTheItk3Envelope() {
        Bundle message = parse(ConsultationReportMessage.build(report()).body());
        assertThat(message.getMeta().getProfile()).extracting("value").containsExactly(PROFILE_MESSAGE_BUNDLE);
        assertThat(message.getType()).isEqualTo(Bundle.BundleType.MESSAGE);
        assertThat(message.getIdentifier().getSystem()).isEqualTo(SYSTEM_RFC4122);
        assertThat(message.getIdentifier().getValue()).isEqualTo(MESSAGE.toString());
        assertThat(message.getEntry()).hasSize(3);
        assertThat(message.getEntryFirstRep().getResource()).isInstanceOf(MessageHeader.class);
        assertThat(message.getEntry()).allSatisfy(e -> assertThat(e.getFullUrl()).matches("urn:uuid:[0-9a-f-]{36}"));
    }

    @Test
    void theMessageHeaderCarriesTheHandlingSpecificationAsRequired() {
        Bundle message = parse(ConsultationReportMessage.build(report()).body());
        MessageHeader h = (MessageHeader) message.getEntryFirstRep().getResource();
        // HAPI reads an entry's id from its urn:uuid fullUrl; the id element itself is written as the bare UUID.
        assertThat(h.getIdElement().getValue()).endsWith(MESSAGE.toString());
        assertThat(new String(ConsultationReportMessage.build(report()).body(), StandardCharsets.UTF_8))
                .contains("<MessageHeader xmlns=\"http://hl7.org/fhir\"><id value=\"" + MESSAGE + "\">");
        assertThat(h.getMeta().getProfile()).extracting("value").containsExactly(PROFILE_MESSAGE_HEADER);
        assertThat(key(h, "BusAckRequested").getValue().primitiveValue()).isEqualTo("true"); // CS-044
        assertThat(key(h, "InfAckRequested").getValue().primitiveValue()).isEqualTo("true"); // CS-045
        var recipient = (org.hl7.fhir.dstu3.model.Coding) key(h, "RecipientType").getValue(); // CS-043
        assertThat(recipient.getSystem()).isEqualTo(SYSTEM_RECIPIENT_TYPE);
        assertThat(recipient.getCode()).isEqualTo("FA");
        assertThat(((Reference) key(h, "MessageDefinition").getValue()).getReference()).isEqualTo(
                "https://fhir.nhs.uk/STU3/MessageDefinition/ITK-GPConnectSendDocument-MessageDefinition-1"); // CS-047
        assertThat(key(h, "SenderReference").getValue().primitiveValue()).isEqualTo("enc-2026-000123"); // CS-046
        assertThat(key(h, "LocalExtension").getValue().primitiveValue()).isEqualTo("SendDocument-ConsultationReport");
        assertThat(h.getEvent().getSystem()).isEqualTo("https://fhir.nhs.uk/STU3/CodeSystem/ITK-MessageEvent-2");
        assertThat(h.getEvent().getCode()).isEqualTo("ITK007C"); // CS-051
        assertThat(h.getSource().getEndpoint()).isEqualTo("X26ABC1"); // CS-050
        assertThat(h.getTimestamp().toInstant()).isEqualTo(Instant.parse("2026-12-03T10:15:30Z")); // CS-052
        assertThat(h.getDestination()).isEmpty(); // CS-053
        assertThat(h.hasReceiver()).isFalse(); // CS-053
        Organization sender = (Organization) resolve(message, h.getSender()); // CS-049
        assertThat(sender.getMeta().getProfile()).extracting("value").containsExactly(PROFILE_HEADER_ORGANIZATION);
        assertThat(sender.getIdentifierFirstRep().getSystem()).isEqualTo(SYSTEM_ODS);
        assertThat(sender.getIdentifierFirstRep().getValue()).isEqualTo("RX9");
        Bundle document = (Bundle) resolve(message, h.getFocusFirstRep()); // GPCM-SD-001
        assertThat(document.getMeta().getProfile()).extracting("value").containsExactly(PROFILE_DOCUMENT_BUNDLE);
        assertThat(document.getType()).isEqualTo(Bundle.BundleType.DOCUMENT);
    }

    @Test
    void theCompositionIsAReportOfAClinicalEncounterWithThePdfAsItsFirstSectionEntry() {
        Bundle message = parse(ConsultationReportMessage.build(report()).body());
        Bundle document = only(message, Bundle.class);
        assertThat(document.getIdentifier().getValue()).isEqualTo(DOCUMENT.toString());
        assertThat(document.getEntryFirstRep().getResource()).isInstanceOf(Composition.class);
        Composition c = only(document, Composition.class);
        assertThat(c.getMeta().getProfile()).extracting("value").containsExactly(PROFILE_COMPOSITION);
        assertThat(c.getStatus()).isEqualTo(Composition.CompositionStatus.FINAL);
        assertThat(c.getType().getCodingFirstRep().getSystem()).isEqualTo("http://snomed.info/sct");
        assertThat(c.getType().getCodingFirstRep().getCode()).isEqualTo("371531000");
        assertThat(c.getConfidentiality()).isEqualTo(Composition.DocumentConfidentiality.N);
        assertThat(c.getTitle()).isEqualTo("Consultation report");
        assertThat(c.getText().getDivAsString()).contains("Consultation report for Jane Ann O")
                .contains("Brien-Smith, NHS Number 9990000018, seen at Northshire Ambulance Service NHS Trust, "
                        + "ODS Code RX9, Version 1");
        assertThat(c.getIdentifier().getValue()).isEqualTo(DOCUMENT.toString());
        assertThat(c.getRelatesTo()).isEmpty();

        assertThat(resolve(document, c.getSubject())).isInstanceOf(Patient.class);
        assertThat(resolve(document, c.getAuthorFirstRep())).isInstanceOf(Practitioner.class);
        assertThat(resolve(document, c.getCustodian())).isInstanceOf(Organization.class);
        Encounter e = (Encounter) resolve(document, c.getEncounter());
        assertThat(e.getMeta().getProfile()).extracting("value").containsExactly(PROFILE_ENCOUNTER);
        assertThat(e.getPeriod().getStart().toInstant()).isEqualTo(Instant.parse("2026-12-03T09:02:00Z"));
        assertThat(resolve(document, e.getSubject())).isInstanceOf(Patient.class);

        assertThat(c.getSection()).hasSize(1);
        assertThat(c.getSectionFirstRep().getTitle()).isEqualTo("Paramedic encounter report");
        Binary pdf = (Binary) resolve(document, c.getSectionFirstRep().getEntryFirstRep());
        assertThat(pdf.getMeta().getProfile()).extracting("value").containsExactly(PROFILE_BINARY);
        assertThat(pdf.getContentType()).isEqualTo("application/pdf");
        assertThat(pdf.getContent()).isEqualTo(PDF);
        assertThat(new String(ConsultationReportMessage.build(report()).body(), StandardCharsets.UTF_8))
                .contains("<content value=\"" + java.util.Base64.getEncoder().encodeToString(PDF) + "\">");
    }

    @Test
    void thePatientPractitionerAndOrganisationAreAsThePayloadRequirementsSay() {
        Bundle document = only(parse(ConsultationReportMessage.build(report()).body()), Bundle.class);
        Patient p = only(document, Patient.class);
        assertThat(p.getMeta().getProfile()).extracting("value").containsExactly(PROFILE_PATIENT);
        Identifier nhs = p.getIdentifierFirstRep();
        assertThat(nhs.getSystem()).isEqualTo("https://fhir.nhs.uk/Id/nhs-number"); // CS-039
        assertThat(nhs.getValue()).isEqualTo("9990000018");
        var status = (org.hl7.fhir.dstu3.model.CodeableConcept) nhs.getExtensionByUrl(EXT_NHS_NUMBER_VERIFICATION)
                .getValue();
        assertThat(status.getCodingFirstRep().getSystem()).isEqualTo(SYSTEM_NHS_NUMBER_VERIFICATION);
        assertThat(status.getCodingFirstRep().getCode()).isEqualTo("01");
        assertThat(p.getName()).hasSize(1); // CS-040
        assertThat(p.getNameFirstRep().getUse().toCode()).isEqualTo("official");
        assertThat(p.getNameFirstRep().getFamily()).isEqualTo("O'Brien-Smith");
        assertThat(p.getBirthDateElement().getValueAsString()).isEqualTo("1957-01-09"); // CS-041
        assertThat(p.getGender().toCode()).isEqualTo("female");
        assertThat(p.getAddressFirstRep().getPostalCode()).isEqualTo("NT1 1AA");

        Practitioner author = only(document, Practitioner.class);
        assertThat(author.getMeta().getProfile()).extracting("value").containsExactly(PROFILE_PRACTITIONER);
        assertThat(author.getIdentifierFirstRep().getSystem()).isEqualTo("https://fhir.nhs.uk/Id/sds-user-id");
        assertThat(author.getIdentifierFirstRep().getValue()).isEqualTo("555021935107"); // CS-036
        assertThat(author.getName()).hasSize(1);
        assertThat(author.getNameFirstRep().getUse().toCode()).isEqualTo("official"); // CS-037
        assertThat(author.getTelecomFirstRep().getSystem().toCode()).isEqualTo("phone"); // CS-038

        Organization org = only(document, Organization.class);
        assertThat(org.getMeta().getProfile()).extracting("value").containsExactly(PROFILE_ORGANIZATION);
        assertThat(org.getIdentifierFirstRep().getSystem()).isEqualTo(SYSTEM_ODS); // CS-033
        assertThat(org.getIdentifierFirstRep().getValue()).isEqualTo("RX9");
        assertThat(org.getName()).isEqualTo("Northshire Ambulance Service NHS Trust"); // CS-034
        assertThat(org.getTelecomFirstRep().getSystem().toCode()).isEqualTo("phone"); // CS-035
        assertThat(org.getTelecomFirstRep().getValue()).isEqualTo("01234 567890");

        // GPCM-SD-017/018: every resource has its meta (profile) and its id.
        assertThat(document.getEntry()).allSatisfy(e -> {
            assertThat(e.getResource().getMeta().getProfile()).isNotEmpty();
            assertThat(e.getResource().getIdElement().getIdPart()).isNotBlank();
        });
    }

    @Test
    void theMeshAddressingMatchesThePatientResource() {
        SendDocumentMessage m = ConsultationReportMessage.build(report());
        assertThat(m.mesh().to()).isEqualTo("GPPROVIDER_9990000018_19570109_O'Brien-Smith"); // CS-042, CS-067
        assertThat(m.mesh().workflowId()).isEqualTo("GPFED_CONSULT_REPORT"); // CS-061
        assertThat(m.mesh().localId()).isEqualTo("RX9"); // CS-080
        assertThat(m.mesh().subject()).isEqualTo("Consultation report for Jane Ann O'Brien-Smith, NHS Number "
                + "9990000018, seen at Northshire Ambulance Service NHS Trust, ODS Code RX9, Version 1"); // CS-068
        assertThat(m.mesh().fileName()).isEqualTo(MESSAGE + ".xml");
        assertThat(m.contentType()).isEqualTo("application/fhir+xml");
        assertThat(m.mesh().toString()).doesNotContain("9990000018").doesNotContain("Brien");
    }

    @Test
    void aConfidentialConsultationIsRestrictedAndNamesNoPracticeOrOdsCode() {
        SendDocumentMessage m = ConsultationReportMessage.build(report(MESSAGE, DOCUMENT, Optional.empty(), 1, true));
        Composition c = only(only(parse(m.body()), Bundle.class), Composition.class);
        assertThat(c.getConfidentiality()).isEqualTo(Composition.DocumentConfidentiality.R); // CS-021
        assertThat(c.getText().getDivAsString()).doesNotContain("seen at").doesNotContain("ODS Code"); // CS-023
        assertThat(m.mesh().subject()).isEqualTo(
                "Consultation report for Jane Ann O'Brien-Smith, NHS Number 9990000018, Version 1"); // CS-030
    }

    @Test
    void aCorrectionReplacesTheEarlierDocumentByItsIdentifier() {
        UUID next = UUID.fromString("a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d");
        UUID nextDocument = UUID.fromString("b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e");
        SendDocumentMessage m = ConsultationReportMessage.build(report(next, nextDocument, Optional.of(DOCUMENT), 2,
                false));
        Composition c = only(only(parse(m.body()), Bundle.class), Composition.class);
        assertThat(c.getRelatesTo()).hasSize(1);
        assertThat(c.getRelatesToFirstRep().getCode()).isEqualTo(Composition.DocumentRelationshipType.REPLACES);
        Identifier target = c.getRelatesToFirstRep().getTargetIdentifier(); // GPCM-SD-029
        assertThat(target.getSystem()).isEqualTo(SYSTEM_RFC4122);
        assertThat(target.getValue()).isEqualTo(DOCUMENT.toString());
        assertThat(m.mesh().subject()).endsWith(", Version 2");
        assertThatThrownBy(() -> report(next, nextDocument, Optional.empty(), 2, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> report(next, nextDocument, Optional.of(DOCUMENT), 1, false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void buildingTheSameReportTwiceGivesTheSameMessage() {
        assertThat(ConsultationReportMessage.build(report()).body()).isEqualTo(ConsultationReportMessage.build(report())
                .body());
    }

    @Test
    void theMessageHasTheSameProfilesCodingsAndHandlingKeysAsThePublishedExample() throws IOException {
        Bundle example;
        try (InputStream in = getClass().getResourceAsStream("/gpconnect/senddocument/consultation_report.xml")) {
            example = STU3.newXmlParser().parseResource(Bundle.class, in);
        }
        Bundle ours = parse(ConsultationReportMessage.build(report()).body());

        Set<String> exampleShape = shape(example);
        Set<String> ourShape = shape(ours);
        // The published example has an Observation section that this report does not send; GPCM-SD-CS-048 requires
        // LocalExtension SendDocument-ConsultationReport where the example has SendDocument-ConsultationSummary; the
        // example has no Encounter (GPCM-SD-006: SHOULD) and Carepoint sends no Patient.active.
        Set<String> expectedOnlyInExample = Set.of(
                "profile https://fhir.nhs.uk/STU3/StructureDefinition/CareConnect-GPC-Observation-1",
                "coding http://snomed.info/sct|1240761000000102",
                "key LocalExtension=SendDocument-ConsultationSummary");
        Set<String> missing = new TreeSet<>(exampleShape);
        missing.removeAll(ourShape);
        assertThat(missing).containsExactlyInAnyOrderElementsOf(expectedOnlyInExample);
        Set<String> extra = new TreeSet<>(ourShape);
        extra.removeAll(exampleShape);
        assertThat(extra).containsExactlyInAnyOrder("profile " + PROFILE_ENCOUNTER,
                "key LocalExtension=SendDocument-ConsultationReport");
    }

    /** The profiles, coding system|code pairs, identifier systems, extension URLs and handling keys of a Bundle. */
    static Set<String> shape(Base element) {
        Set<String> out = new TreeSet<>();
        walk(element, out);
        return out;
    }

    private static void walk(Base e, Set<String> out) {
        if (e instanceof Resource r) {
            r.getMeta().getProfile().forEach(p -> out.add("profile " + p.getValue()));
        }
        if (e instanceof org.hl7.fhir.dstu3.model.Coding c && c.hasSystem()) {
            out.add("coding " + c.getSystem() + "|" + c.getCode());
        }
        if (e instanceof Identifier i && i.hasSystem()) {
            out.add("identifier " + i.getSystem());
        }
        if (e instanceof Extension x) {
            out.add("extension " + x.getUrl());
            if (x.getValue() != null && x.getValue().isPrimitive()
                    && Set.of("LocalExtension", "BusAckRequested", "InfAckRequested").contains(x.getUrl())) {
                out.add("key " + x.getUrl() + "=" + x.getValue().primitiveValue());
            }
        }
        for (Property p : e.children()) {
            for (Base v : p.getValues()) {
                walk(v, out);
            }
        }
        if (e instanceof Bundle b) {
            b.getEntry().forEach(entry -> walk(entry.getResource(), out));
        }
    }

    @Test
    void theBundleIsSerialisedWithoutPatientDataInItsToStrings() {
        assertThat(report().toString()).doesNotContain("9990000018").doesNotContain("Brien");
        assertThat(report().patient().toString()).doesNotContain("Jane");
        assertThat(ConsultationReportMessage.build(report()).toString()).doesNotContain("9990000018");
    }

    static String ids(Bundle b) {
        return b.getEntry().stream().map(Bundle.BundleEntryComponent::getFullUrl).collect(Collectors.joining(","));
    }
}
