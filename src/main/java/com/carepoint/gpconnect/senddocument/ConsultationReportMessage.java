package com.carepoint.gpconnect.senddocument;

import static com.carepoint.gpconnect.senddocument.SendDocumentSpec.*;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.TimeZone;
import java.util.UUID;
import org.hl7.fhir.dstu3.model.Address;
import org.hl7.fhir.dstu3.model.Binary;
import org.hl7.fhir.dstu3.model.BooleanType;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.Composition;
import org.hl7.fhir.dstu3.model.ContactPoint;
import org.hl7.fhir.dstu3.model.DateTimeType;
import org.hl7.fhir.dstu3.model.DateType;
import org.hl7.fhir.dstu3.model.Encounter;
import org.hl7.fhir.dstu3.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.dstu3.model.Extension;
import org.hl7.fhir.dstu3.model.HumanName;
import org.hl7.fhir.dstu3.model.Identifier;
import org.hl7.fhir.dstu3.model.InstantType;
import org.hl7.fhir.dstu3.model.MessageHeader;
import org.hl7.fhir.dstu3.model.Narrative;
import org.hl7.fhir.dstu3.model.Organization;
import org.hl7.fhir.dstu3.model.Patient;
import org.hl7.fhir.dstu3.model.Period;
import org.hl7.fhir.dstu3.model.Practitioner;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.Resource;
import org.hl7.fhir.dstu3.model.StringType;

/**
 * Builds the GP Connect Send Document Consultation Report: an ITK3 message Bundle (ITK-Message-Bundle-1) holding the
 * ITK-MessageHeader-2, the header Organization and the payload ITK-Document-Bundle-1 — the CareConnect-Composition-1
 * for a report of a clinical encounter with the PDF as an ITK-Attachment-Binary-1, the Encounter, the Practitioner, the
 * sending Organization and the Patient — with the requirement behind every element in a comment. Entry order follows
 * the published example ({@code _includes/senddocument/consultation_report.xml}): the MessageHeader "always the first
 * resource in the FHIR message bundle", the Composition first in the document Bundle.
 *
 * <p>The output is a pure function of the input: the ids of the resources inside are name-based UUIDs derived from
 * the message id, so building the same report twice gives the same bytes (a resend is the same message).
 */
public final class ConsultationReportMessage {

    private static final FhirContext STU3 = FhirContext.forDstu3Cached();

    private ConsultationReportMessage() {
    }

    /** The message and its MESH addressing. */
    public static SendDocumentMessage build(ConsultationReport r) {
        MeshAddressing mesh = addressing(r);
        Bundle message = bundle(r);
        byte[] body = STU3.newXmlParser().setPrettyPrint(false).encodeResourceToString(message)
                .getBytes(StandardCharsets.UTF_8);
        return new SendDocumentMessage(body, CONTENT_TYPE, mesh, r.messageId(), r.documentId());
    }

    /** The MESH metadata (GPCM-SD-CS-061, CS-066..068, CS-080). */
    static MeshAddressing addressing(ConsultationReport r) {
        ConsultationReport.Patient p = r.patient();
        // CS-067: "Mex-To MUST contain the NHS Number, DOB and Surname of the patient delimited by the underscore".
        String to = GpProviderAddress.of(p.nhsNumber(), p.birthDate(), p.familyName());
        // CS-068: "Mex-Subject MUST contain To text in the following format: Consultation report for {Patient Name},
        // NHS Number {NHS Number}, seen at {Practice Name}, ODS Code {ODS Code}"; CS-006: "the version number MUST be
        // displayed ... within the Subject"; CS-030: practice name and ODS code "MUST NOT be displayed if the
        // consultation has been flagged as confidential".
        String subject = GpProviderAddress.displayAscii(summary(r));
        if (subject.length() > 500) {
            subject = subject.substring(0, 500);
        }
        // CS-080: "Mex-Localid MUST contain the ODS code of the sending organisation".
        return new MeshAddressing(to, WORKFLOW_ID, subject, r.sender().odsCode(), r.messageId() + ".xml");
    }

    /** CS-023's text, which CS-068 and CS-030 repeat for the subject. */
    static String summary(ConsultationReport r) {
        StringBuilder b = new StringBuilder("Consultation report for ").append(r.patient().displayName())
                .append(", NHS Number ").append(r.patient().nhsNumber().value());
        if (!r.confidential()) {
            b.append(", seen at ").append(r.sender().name()).append(", ODS Code ").append(r.sender().odsCode());
        }
        return b.append(", Version ").append(r.version()).toString();
    }

    static Bundle bundle(ConsultationReport r) {
        UUID headerId = r.messageId();
        UUID headerOrgId = derived(r, "header-organization");
        UUID documentBundleId = derived(r, "document-bundle");
        UUID compositionId = derived(r, "composition");
        UUID binaryId = derived(r, "binary");
        UUID encounterId = derived(r, "encounter");
        UUID practitionerId = derived(r, "practitioner");
        UUID organizationId = derived(r, "organization");
        UUID patientId = derived(r, "patient");

        Bundle document = new Bundle();
        document.setId(documentBundleId.toString());
        document.getMeta().addProfile(PROFILE_DOCUMENT_BUNDLE); // GPCM-SD-001
        document.setIdentifier(uuidIdentifier(r.documentId()));
        document.setType(Bundle.BundleType.DOCUMENT);
        add(document, compositionId, composition(r, compositionId, binaryId, encounterId, practitionerId,
                organizationId, patientId));
        add(document, binaryId, binary(r, binaryId));
        add(document, encounterId, encounter(r, encounterId, patientId, organizationId));
        add(document, practitionerId, practitioner(r, practitionerId));
        add(document, organizationId, organization(r, organizationId));
        add(document, patientId, patient(r, patientId));

        Bundle message = new Bundle();
        message.setId(derived(r, "message-bundle").toString());
        message.getMeta().addProfile(PROFILE_MESSAGE_BUNDLE);
        // ITK3 20007 "Duplicate Message received": "Bundle with this message identifier has already been processed".
        message.setIdentifier(uuidIdentifier(r.messageId()));
        message.setType(Bundle.BundleType.MESSAGE);
        add(message, headerId, messageHeader(r, headerId, headerOrgId, documentBundleId));
        add(message, headerOrgId, headerOrganization(r, headerOrgId));
        add(message, documentBundleId, document);
        return message;
    }

    private static MessageHeader messageHeader(ConsultationReport r, UUID id, UUID senderId, UUID focusId) {
        MessageHeader h = new MessageHeader();
        h.setId(id.toString());
        h.getMeta().addProfile(PROFILE_MESSAGE_HEADER);
        Extension handling = h.addExtension().setUrl(EXT_MESSAGE_HANDLING);
        // CS-044: "BusAckRequested MUST be set to fixed value of true"; CS-045: "InfAckRequested ... true".
        handling.addExtension("BusAckRequested", new BooleanType(true));
        handling.addExtension("InfAckRequested", new BooleanType(true));
        // CS-043: "RecipientType MUST be set to fixed value of FA ('For action')" from ITK-RecipientType-1.
        handling.addExtension("RecipientType", new Coding(SYSTEM_RECIPIENT_TYPE, "FA", "For Action"));
        // CS-047.
        handling.addExtension("MessageDefinition", new Reference(MESSAGE_DEFINITION));
        // CS-046: "SenderReference MUST be set to the unique identifier of the encounter which has taken place at the
        // sender organisation".
        handling.addExtension("SenderReference", new StringType(r.encounterId()));
        // CS-048.
        handling.addExtension("LocalExtension", new StringType(LOCAL_EXTENSION));
        // CS-051: "Event MUST contain a fixed value of ITK007C from code system ITK-MessageEvent-2".
        h.setEvent(new Coding(SYSTEM_MESSAGE_EVENT, EVENT_SEND_DOCUMENT, "ITK GP Connect Send Document"));
        // CS-052: "Timestamp MUST contain the date/time when the message was generated".
        h.setTimestampElement(new InstantType(Date.from(r.createdAt()), TemporalPrecisionEnum.SECOND,
                TimeZone.getTimeZone("UTC")));
        // CS-049: "Sender MUST contain a reference to the CareConnect-ITK-Header-Organization-1 resource".
        h.setSender(urn(senderId));
        // CS-050: "Source MUST contain the MESH mailbox ID of the sender".
        h.getSource().setEndpoint(r.senderMailboxId().toUpperCase(java.util.Locale.ROOT));
        // GPCM-SD-001: "MessageHeader.focus MUST be a reference to a Bundle ... ITK-Document-Bundle".
        h.addFocus(urn(focusId));
        // CS-053: "destination and receiver MUST NOT be present": none set.
        return h;
    }

    private static Organization headerOrganization(ConsultationReport r, UUID id) {
        Organization o = new Organization();
        o.setId(id.toString());
        o.getMeta().addProfile(PROFILE_HEADER_ORGANIZATION);
        o.addIdentifier(new Identifier().setSystem(SYSTEM_ODS).setValue(r.sender().odsCode()));
        return o;
    }

    private static Composition composition(ConsultationReport r, UUID id, UUID binaryId, UUID encounterId,
            UUID practitionerId, UUID organizationId, UUID patientId) {
        Composition c = new Composition();
        c.setId(id.toString());
        c.getMeta().addProfile(PROFILE_COMPOSITION); // CS-017
        c.setIdentifier(uuidIdentifier(r.documentId()));
        c.setStatus(Composition.CompositionStatus.FINAL); // CS-018
        c.setType(new CodeableConcept().addCoding(new Coding(SYSTEM_SNOMED, REPORT_OF_CLINICAL_ENCOUNTER,
                "Report of clinical encounter"))); // CS-019
        c.setDateElement(utc(r.createdAt())); // CS-020: "the date/time the message was created"
        // CS-021: "N (Normal), or R (Restricted) if the consultation is classed as confidential".
        c.setConfidentiality(r.confidential() ? Composition.DocumentConfidentiality.R
                : Composition.DocumentConfidentiality.N);
        c.setTitle(COMPOSITION_TITLE); // CS-022
        // CS-023: "Consultation report for {Patient Name}, NHS Number {NHS Number}, seen at {Practice Name}*, ODS Code
        // {ODS Code}*, Version {Version Number}".
        Narrative text = new Narrative().setStatus(Narrative.NarrativeStatus.GENERATED);
        text.setDivAsString("<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>" + escape(summary(r)) + "</p></div>");
        c.setText(text);
        c.setSubject(urn(patientId)); // CS-024
        c.setEncounter(urn(encounterId)); // GPCM-SD-006 (SHOULD)
        c.addAuthor(urn(practitionerId)); // CS-025
        c.setCustodian(urn(organizationId)); // CS-026, GPCM-SD-003
        // CS-027 / GPCM-SD-028, SD-029: "Composition.relatesTo.code MUST contain the fixed value replaces";
        // "Composition.relatesTo.targetIdentifier MUST contain the identifier of the old document - UUID of original
        // document".
        r.replacesDocumentId().ifPresent(old -> c.addRelatesTo()
                .setCode(Composition.DocumentRelationshipType.REPLACES).setTarget(uuidIdentifier(old)));
        // GPCM-SD-019: "each binary document ... MUST be included as an instance of the Composition.section element";
        // SD-020, SD-022, CS-028: the section's first entry references the PDF.
        c.addSection().setTitle(r.sectionTitle()).addEntry(urn(binaryId));
        return c;
    }

    private static Binary binary(ConsultationReport r, UUID id) {
        Binary b = new Binary();
        b.setId(id.toString());
        b.getMeta().addProfile(PROFILE_BINARY); // GPCM-SD-020
        b.setContentType("application/pdf");
        b.setContent(r.pdf()); // GPCM-SD-021 "MUST be Base64 encoded": base64Binary
        return b;
    }

    private static Encounter encounter(ConsultationReport r, UUID id, UUID patientId, UUID organizationId) {
        Encounter e = new Encounter();
        e.setId(id.toString());
        e.getMeta().addProfile(PROFILE_ENCOUNTER);
        e.setStatus(Encounter.EncounterStatus.FINISHED);
        e.setSubject(urn(patientId));
        Period period = new Period().setStartElement(utc(r.encounterStart()));
        if (r.encounterEnd() != null) {
            period.setEndElement(utc(r.encounterEnd()));
        }
        e.setPeriod(period);
        e.setServiceProvider(urn(organizationId));
        return e;
    }

    private static Practitioner practitioner(ConsultationReport r, UUID id) {
        ConsultationReport.Author a = r.author();
        Practitioner p = new Practitioner();
        p.setId(id.toString());
        p.getMeta().addProfile(PROFILE_PRACTITIONER);
        // CS-036: "the SDS User ID ... MUST be present in the sdsUserID slice of the identifier element".
        p.addIdentifier(new Identifier().setSystem(SYSTEM_SDS_USER_ID).setValue(a.sdsUserId()));
        // CS-037: "in the single instance of the name element where name.use is set to official".
        HumanName name = p.addName().setUse(HumanName.NameUse.OFFICIAL).setFamily(a.familyName());
        a.givenNames().forEach(name::addGiven);
        if (a.prefix() != null && !a.prefix().isBlank()) {
            name.addPrefix(a.prefix());
        }
        // CS-038: "telephone contact details MUST be present if available".
        a.telephone().filter(t -> !t.isBlank()).ifPresent(t -> p.addTelecom(phone(t)));
        return p;
    }

    private static Organization organization(ConsultationReport r, UUID id) {
        Organization o = new Organization();
        o.setId(id.toString());
        o.getMeta().addProfile(PROFILE_ORGANIZATION); // CS-032
        o.addIdentifier(new Identifier().setSystem(SYSTEM_ODS).setValue(r.sender().odsCode())); // CS-033
        o.setName(r.sender().name()); // CS-034
        o.addTelecom(phone(r.sender().telephone())); // CS-035
        return o;
    }

    private static Patient patient(ConsultationReport r, UUID id) {
        ConsultationReport.Patient p = r.patient();
        Patient patient = new Patient();
        patient.setId(id.toString());
        patient.getMeta().addProfile(PROFILE_PATIENT);
        // CS-039: "the NHS Number ... MUST be specified in the nhsNumber slice"; ITK3 FHIR-PDS-10: "The verification
        // status code (an NHS Extension) MUST be populated"; 01 as in the Online Consultation example.
        Identifier nhs = patient.addIdentifier().setSystem(SYSTEM_NHS_NUMBER).setValue(p.nhsNumber().value());
        nhs.addExtension(EXT_NHS_NUMBER_VERIFICATION, new CodeableConcept().addCoding(new Coding(
                SYSTEM_NHS_NUMBER_VERIFICATION, "01", "Number present and verified")));
        // CS-040: "the single instance of the name element where name.use is set to official"; CS-042: the surname
        // matches Mex-To's.
        HumanName name = patient.addName().setUse(HumanName.NameUse.OFFICIAL).setFamily(p.familyName());
        p.givenNames().forEach(name::addGiven);
        if (p.title() != null && !p.title().isBlank()) {
            name.addPrefix(p.title());
        }
        if (p.gender() != null && !p.gender().isBlank()) {
            patient.setGender(AdministrativeGender.fromCode(p.gender().trim().toLowerCase(java.util.Locale.ROOT)));
        }
        // CS-041: "MUST be specified in YYYY-MM-DD format in the birthDate element. Birth time is not required".
        patient.setBirthDateElement(new DateType(DateTimeFormatter.ISO_LOCAL_DATE.format(p.birthDate())));
        if (!p.addressLines().isEmpty() || (p.postcode() != null && !p.postcode().isBlank())) {
            Address address = patient.addAddress().setUse(Address.AddressUse.HOME);
            p.addressLines().forEach(address::addLine);
            if (p.postcode() != null && !p.postcode().isBlank()) {
                address.setPostalCode(p.postcode());
            }
        }
        return patient;
    }

    private static void add(Bundle bundle, UUID id, Resource resource) {
        bundle.addEntry().setFullUrl("urn:uuid:" + id).setResource(resource);
    }

    private static Reference urn(UUID id) {
        return new Reference("urn:uuid:" + id);
    }

    private static Identifier uuidIdentifier(UUID id) {
        return new Identifier().setSystem(SYSTEM_RFC4122).setValue(id.toString());
    }

    private static ContactPoint phone(String number) {
        return new ContactPoint().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(number)
                .setUse(ContactPoint.ContactPointUse.WORK);
    }

    private static DateTimeType utc(Instant at) {
        return new DateTimeType(Date.from(at), TemporalPrecisionEnum.SECOND, TimeZone.getTimeZone("UTC"));
    }

    private static UUID derived(ConsultationReport r, String role) {
        return UUID.nameUUIDFromBytes((r.messageId() + "/" + role).getBytes(StandardCharsets.UTF_8));
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
