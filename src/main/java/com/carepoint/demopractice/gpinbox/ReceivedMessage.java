package com.carepoint.demopractice.gpinbox;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import com.carepoint.demopractice.data.NhsNumbers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hl7.fhir.dstu3.model.Binary;
import org.hl7.fhir.dstu3.model.BooleanType;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.Composition;
import org.hl7.fhir.dstu3.model.Extension;
import org.hl7.fhir.dstu3.model.HumanName;
import org.hl7.fhir.dstu3.model.Identifier;
import org.hl7.fhir.dstu3.model.MessageHeader;
import org.hl7.fhir.dstu3.model.Organization;
import org.hl7.fhir.dstu3.model.Patient;
import org.hl7.fhir.dstu3.model.Practitioner;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.Resource;
import org.hl7.fhir.dstu3.model.StringType;
import org.hl7.fhir.dstu3.model.UriType;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * A Send Document message as a demo GP system reads and validates it, step by step: readable, ITK3 header, then
 * payload. The requirement ids are nhsconnect/gpconnect-messaging {@code _data/senddoc_requirements.yml} (rendered
 * on pages/senddocument/senddocument_fedcon_itk3.md and senddocument_payload.md); docs/specs/send-document-and-mesh.md
 * A1/A2 lists them. "where the received message does not conform to the requirements ... the message MUST be
 * considered invalid" (GPCM-SD-030); "an ITK3 Response MUST be generated, with the corresponding Negative ITK3
 * Response Code ... and the message MUST NOT be accepted for downstream processing" (GPCM-SD-031).
 */
final class ReceivedMessage {

    static final String BUNDLE_PROFILE = "https://fhir.nhs.uk/STU3/StructureDefinition/ITK-Message-Bundle-1";
    static final String HEADER_PROFILE = "https://fhir.nhs.uk/STU3/StructureDefinition/ITK-MessageHeader-2";
    static final String HANDLING = "https://fhir.nhs.uk/STU3/StructureDefinition/Extension-ITK-MessageHandling-2";
    static final String EVENT_SYSTEM = "https://fhir.nhs.uk/STU3/CodeSystem/ITK-MessageEvent-2";
    static final String RECIPIENT_TYPE_SYSTEM = "https://fhir.nhs.uk/STU3/CodeSystem/ITK-RecipientType-1";
    static final String DOCUMENT_BUNDLE_PROFILE = "https://fhir.nhs.uk/STU3/StructureDefinition/ITK-Document-Bundle-1";
    static final String COMPOSITION_PROFILE = "https://fhir.hl7.org.uk/STU3/StructureDefinition/CareConnect-Composition-1";
    static final String BINARY_PROFILE = "https://fhir.nhs.uk/STU3/StructureDefinition/ITK-Attachment-Binary-1";
    static final String NHS_NUMBER = "https://fhir.nhs.uk/Id/nhs-number";
    static final String ODS = "https://fhir.nhs.uk/Id/ods-organization-code";
    /**
     * ⚠ GPCM-SD-CS-047 and the OC example give {@code ...-MessageDefinition-1}; the consultation report example
     * (_includes/senddocument/consultation_report.xml, older copies) and the MessageDefinition's own url give
     * {@code ...-MessageDefinition-Instance-1}: both are accepted.
     */
    static final List<String> MESSAGE_DEFINITIONS = List.of(
            "https://fhir.nhs.uk/STU3/MessageDefinition/ITK-GPConnectSendDocument-MessageDefinition-1",
            "https://fhir.nhs.uk/STU3/MessageDefinition/ITK-GPConnectSendDocument-MessageDefinition-Instance-1");

    /** A rule the message breaks, with the negative response code it gets. */
    static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;
        final ItkResponseCode code;
        /** What could be read of the message (its response echoes the MessageHeader id and SenderReference). */
        transient ReceivedMessage partial;

        Invalid(ItkResponseCode code, String diagnostics) {
            super(diagnostics, null, false, false);
            this.code = code;
        }
    }

    // What could be read, even from an invalid message (the response needs it).
    boolean xml;
    String messageHeaderId;
    String senderReference;
    Boolean infAckRequested;
    Boolean busAckRequested;

    // Filled once valid.
    Bundle bundle;
    MessageHeader header;
    Bundle payload;
    Composition composition;
    Patient patient;
    Binary pdf;
    Organization custodian;
    Practitioner author;
    String nhsNumber;

    /** Parses and validates; throws {@link Invalid} at the first broken rule. */
    static ReceivedMessage read(FhirContext fhir, byte[] content, String contentType) throws Invalid {
        ReceivedMessage m = new ReceivedMessage();
        try {
            m.parse(fhir, content, contentType);
            m.checkHeader();
            m.checkPayload();
        } catch (Invalid e) {
            e.partial = m;
            throw e;
        }
        return m;
    }

    private void parse(FhirContext fhir, byte[] content, String contentType) throws Invalid {
        String text = new String(content, StandardCharsets.UTF_8).strip();
        // The examples are XML ("<Bundle xmlns="http://hl7.org/fhir">"); JSON is read as well.
        xml = contentType != null && contentType.contains("xml") || text.startsWith("<");
        IParser parser = xml ? fhir.newXmlParser() : fhir.newJsonParser();
        IBaseResource parsed;
        try {
            parsed = parser.parseResource(text);
        } catch (DataFormatException | IllegalArgumentException e) {
            throw new Invalid(ItkResponseCode.UNREADABLE, "The message is not a readable FHIR STU3 resource");
        }
        if (!(parsed instanceof Bundle b)) {
            throw new Invalid(ItkResponseCode.UNREADABLE, "The message is not a FHIR Bundle");
        }
        bundle = b;
        if (!b.getEntry().isEmpty() && b.getEntryFirstRep().getResource() instanceof MessageHeader h) {
            header = h;
            messageHeaderId = h.getIdElement().getIdPart();
            if (messageHeaderId != null && messageHeaderId.startsWith("urn:uuid:")) {
                messageHeaderId = messageHeaderId.substring("urn:uuid:".length());
            }
            Extension handling = h.getExtensionByUrl(HANDLING);
            if (handling != null) {
                senderReference = stringValue(handling, "SenderReference");
                infAckRequested = booleanValue(handling, "InfAckRequested");
                busAckRequested = booleanValue(handling, "BusAckRequested");
            }
        }
    }

    private void checkHeader() throws Invalid {
        if (bundle.getType() != Bundle.BundleType.MESSAGE || !hasProfile(bundle, BUNDLE_PROFILE)) {
            throw new Invalid(ItkResponseCode.HEADER_VALIDATION_FAILURE,
                    "The Bundle must be of type message with the profile " + BUNDLE_PROFILE);
        }
        // EX: "ITK message header (always the first resource in the FHIR message bundle)".
        if (header == null) {
            throw new Invalid(ItkResponseCode.HEADER_VALIDATION_FAILURE, "The first entry must be the MessageHeader");
        }
        if (blank(messageHeaderId) || !hasProfile(header, HEADER_PROFILE)) {
            throw new Invalid(ItkResponseCode.HEADER_VALIDATION_FAILURE,
                    "The MessageHeader needs an id and the profile " + HEADER_PROFILE);
        }
        Extension handling = header.getExtensionByUrl(HANDLING);
        if (handling == null) {
            throw new Invalid(ItkResponseCode.HANDLING_SPECIFICATION_ERROR,
                    "The MessageHeader has no handling specification extension " + HANDLING);
        }
        if (infAckRequested == null) {
            throw new Invalid(ItkResponseCode.INF_ACK_FLAG_ERROR, "InfAckRequested must be a boolean");
        }
        if (busAckRequested == null) {
            throw new Invalid(ItkResponseCode.BUS_ACK_FLAG_ERROR, "BusAckRequested must be a boolean");
        }
        // GPCM-SD-CS-044/045: the sender "will request" both acknowledgements.
        if (!infAckRequested || !busAckRequested) {
            throw new Invalid(ItkResponseCode.HANDLING_BUSINESS_RULE_ERROR,
                    "Send Document requires InfAckRequested and BusAckRequested to be true");
        }
        // GPCM-SD-CS-043: "RecipientType MUST be set to fixed value of FA ('For action')".
        Extension recipientType = handling.getExtensionByUrl("RecipientType");
        if (recipientType == null || !(recipientType.getValue() instanceof Coding c)
                || !RECIPIENT_TYPE_SYSTEM.equals(c.getSystem()) || !"FA".equals(c.getCode())) {
            throw new Invalid(ItkResponseCode.HANDLING_BUSINESS_RULE_ERROR,
                    "RecipientType must be FA from " + RECIPIENT_TYPE_SYSTEM);
        }
        // GPCM-SD-CS-047: the MessageDefinition key.
        Extension definition = handling.getExtensionByUrl("MessageDefinition");
        String definitionRef = definition != null && definition.getValue() instanceof Reference r ? r.getReference()
                : null;
        if (definitionRef == null || !MESSAGE_DEFINITIONS.contains(definitionRef)) {
            throw new Invalid(ItkResponseCode.MESSAGE_DEFINITION_ERROR,
                    "MessageDefinition must be " + MESSAGE_DEFINITIONS.getFirst());
        }
        // GPCM-SD-CS-046: SenderReference, "the unique identifier of the encounter" (ITK: at most 255 characters).
        if (blank(senderReference) || senderReference.length() > 255) {
            throw new Invalid(ItkResponseCode.SENDER_REFERENCE_ERROR, "SenderReference is missing or too long");
        }
        // GPCM-SD-CS-048 LocalExtension: not checked (the requirement and the examples disagree on its value).
        // GPCM-SD-CS-051: event ITK007C from ITK-MessageEvent-2.
        Coding event = header.getEvent();
        if (!EVENT_SYSTEM.equals(event.getSystem()) || !"ITK007C".equals(event.getCode())) {
            throw new Invalid(ItkResponseCode.HEADER_VALIDATION_FAILURE,
                    "MessageHeader.event must be ITK007C from " + EVENT_SYSTEM);
        }
        // GPCM-SD-CS-053: destination and receiver "MUST NOT be present. Rather, MESH message routing will be used".
        if (!header.getDestination().isEmpty() || header.hasReceiver()) {
            throw new Invalid(ItkResponseCode.HEADER_VALIDATION_FAILURE,
                    "MessageHeader.destination and receiver must not be present");
        }
        // GPCM-SD-CS-050: source.endpoint is the sender's MESH mailbox ID.
        if (!header.hasSource() || blank(header.getSource().getEndpoint())) {
            throw new Invalid(ItkResponseCode.HEADER_VALIDATION_FAILURE, "MessageHeader.source.endpoint is missing");
        }
        // GPCM-SD-CS-049: sender references a CareConnect-ITK-Header-Organization-1 in the bundle.
        if (!(resolve(bundle, header.getSender()) instanceof Organization)) {
            throw new Invalid(ItkResponseCode.HEADER_VALIDATION_FAILURE,
                    "MessageHeader.sender must reference an Organization in the bundle");
        }
        if (!header.hasTimestamp()) {
            throw new Invalid(ItkResponseCode.HEADER_VALIDATION_FAILURE, "MessageHeader.timestamp is missing");
        }
    }

    private void checkPayload() throws Invalid {
        // GPCM-SD-001: focus "MUST be a reference to a Bundle resource which conforms to ... ITK-Document-Bundle-1".
        Resource focus = header.getFocus().isEmpty() ? null : resolve(bundle, header.getFocusFirstRep());
        if (!(focus instanceof Bundle doc) || !hasProfile(doc, DOCUMENT_BUNDLE_PROFILE)
                || doc.getType() != Bundle.BundleType.DOCUMENT) {
            throw payload("MessageHeader.focus must reference a document Bundle with the profile "
                    + DOCUMENT_BUNDLE_PROFILE);
        }
        payload = doc;
        // GPCM-SD-002 / CS-017: the Composition (CareConnect-Composition-1).
        List<Composition> compositions = payload.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(Composition.class::isInstance).map(Composition.class::cast).toList();
        if (compositions.size() != 1 || !hasProfile(compositions.getFirst(), COMPOSITION_PROFILE)) {
            throw payload("The payload must hold one Composition with the profile " + COMPOSITION_PROFILE);
        }
        composition = compositions.getFirst();
        // CS-018 status final; CS-019 type 371531000 "Report of clinical encounter".
        if (composition.getStatus() != Composition.CompositionStatus.FINAL) {
            throw payload("Composition.status must be final");
        }
        if (composition.getType().getCoding().stream().noneMatch(c -> "http://snomed.info/sct".equals(c.getSystem())
                && "371531000".equals(c.getCode()))) {
            throw payload("Composition.type must be SNOMED CT 371531000 (Report of clinical encounter)");
        }
        // CS-024 / SD-004: subject → Patient.
        if (!(resolve(payload, composition.getSubject()) instanceof Patient p)) {
            throw payload("Composition.subject must reference a Patient in the payload");
        }
        patient = p;
        // CS-025 / SD-005: author; CS-026 / SD-003: custodian → the sending Organization.
        if (composition.getAuthor().isEmpty()) {
            throw payload("Composition.author is missing");
        }
        if (resolve(payload, composition.getAuthorFirstRep()) instanceof Practitioner pr) {
            author = pr;
        }
        if (!(resolve(payload, composition.getCustodian()) instanceof Organization org)) {
            throw payload("Composition.custodian must reference the sending Organization in the payload");
        }
        custodian = org;
        // SD-019/020/022, CS-028: the first section entry references the PDF, an ITK-Attachment-Binary-1.
        Resource first = composition.getSection().isEmpty() || composition.getSectionFirstRep().getEntry().isEmpty()
                ? null : resolve(payload, composition.getSectionFirstRep().getEntryFirstRep());
        if (!(first instanceof Binary binary)) {
            throw payload("The first Composition.section.entry must reference the report as a Binary");
        }
        // CS-028: "a binary document which provides a report of the consultation in PDF format".
        if (!"application/pdf".equalsIgnoreCase(String.valueOf(binary.getContentType()).trim())) {
            throw new Invalid(ItkResponseCode.UNSUPPORTED_ATTACHMENT,
                    "The report must be application/pdf, not " + binary.getContentType());
        }
        byte[] pdfBytes = binary.getContent();
        if (pdfBytes == null || pdfBytes.length < 5 || !new String(pdfBytes, 0, 5, StandardCharsets.US_ASCII)
                .equals("%PDF-")) {
            throw payload("The Binary's content is not a PDF");
        }
        pdf = binary;
        // CS-039: NHS number in the nhsNumber slice; CS-040 official name; CS-041 birthDate.
        nhsNumber = patient.getIdentifier().stream().filter(i -> NHS_NUMBER.equals(i.getSystem()))
                .map(Identifier::getValue).filter(Objects::nonNull).findFirst().orElse(null);
        if (!NhsNumbers.valid(nhsNumber)) {
            throw payload("The Patient needs a valid NHS number (" + NHS_NUMBER + ")");
        }
        if (officialName().isEmpty() || blank(officialName().get().getFamily())) {
            throw payload("The Patient needs a name with use official and a family name");
        }
        if (!patient.hasBirthDate()) {
            throw payload("The Patient's birthDate is missing");
        }
    }

    Optional<HumanName> officialName() {
        return patient.getName().stream().filter(n -> n.getUse() == HumanName.NameUse.OFFICIAL).findFirst();
    }

    String custodianOds() {
        return custodian.getIdentifier().stream().filter(i -> ODS.equals(i.getSystem())).map(Identifier::getValue)
                .findFirst().orElse(null);
    }

    private static Invalid payload(String diagnostics) {
        return new Invalid(ItkResponseCode.PAYLOAD_VALIDATION_FAILURE, diagnostics);
    }

    /** A reference inside a bundle: by fullUrl ({@code urn:uuid:...}) or by type/id. */
    static Resource resolve(Bundle bundle, Reference ref) {
        if (ref == null || blank(ref.getReference())) {
            return null;
        }
        String target = ref.getReference();
        for (Bundle.BundleEntryComponent e : bundle.getEntry()) {
            Resource r = e.getResource();
            if (r == null) {
                continue;
            }
            if (target.equals(e.getFullUrl()) || target.equals(r.fhirType() + "/" + r.getIdElement().getIdPart())
                    || target.equals("urn:uuid:" + r.getIdElement().getIdPart())) {
                return r;
            }
        }
        return null;
    }

    private static boolean hasProfile(Resource r, String profile) {
        return r.getMeta().getProfile().stream().map(UriType::getValue).anyMatch(profile::equals);
    }

    private static String stringValue(Extension handling, String key) {
        Extension e = handling.getExtensionByUrl(key);
        return e != null && e.getValue() instanceof StringType s ? s.getValue() : null;
    }

    private static Boolean booleanValue(Extension handling, String key) {
        Extension e = handling.getExtensionByUrl(key);
        return e != null && e.getValue() instanceof BooleanType b && b.getValue() != null ? b.getValue() : null;
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
