package com.carepoint.demopractice.gpinbox;

import ca.uhn.fhir.context.FhirContext;
import com.carepoint.demopractice.data.Practice;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.UUID;
import org.hl7.fhir.dstu3.model.BooleanType;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.Extension;
import org.hl7.fhir.dstu3.model.Identifier;
import org.hl7.fhir.dstu3.model.MessageHeader;
import org.hl7.fhir.dstu3.model.Meta;
import org.hl7.fhir.dstu3.model.OperationOutcome;
import org.hl7.fhir.dstu3.model.Organization;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.StringType;

/**
 * The ITK3 Response a demo GP system sends back: an ITK-Message-Bundle-1 of MessageHeader, the practice's
 * CareConnect-ITK-Header-Organization-1 and an OperationOutcome (ITK3-Messaging-Distribution
 * pages/explore/explore_bundle_structures.md, "ITK3 Response Bundle").
 * <ul>
 * <li>GPCM-SD-CS-058: {@code event} ITK008M from ITK-MessageEvent-2 ("ITK Response"); CS-054/055:
 * BusAckRequested and InfAckRequested {@code false}; CS-056: SenderReference "the same unique identifier" as the
 * message's; CS-057: {@code sender} the practice's header Organization; CS-059: {@code timestamp} when generated
 * (nhsconnect/gpconnect-messaging _data/senddoc_requirements.yml, area itk2).</li>
 * <li>{@code response.identifier}: the id of the original MessageHeader (FHIR STU3 MessageHeader:
 * "Id of original message"), {@code UNREADABLE-IN-ORIGINAL-MESSAGE} when it could not be read (ITK3
 * explore_response_examples.md); {@code response.code} {@code ok} or {@code fatal-error}; {@code response.details}
 * and {@code focus} the OperationOutcome (as the archived STU3-FHIR-Assets ITK-BusinessAck-Fail-Example-2.xml).</li>
 * <li>OperationOutcome (profile ITK-Response-OperationOutcome-1): severity, issue code, details.coding from
 * ITK-ResponseCodes-1; GPCM-SD-032: "error context and description MUST be provided in the
 * OperationOutcome.diagnostic element".</li>
 * <li>{@code source.endpoint}: the practice's MESH mailbox; no destination (routing is MESH's, as CS-053 says for
 * the message). MessageDefinition {@code ITK-Response-MessageDefinition-Instance-1} (ITK3); RecipientType FI.</li>
 * </ul>
 */
final class ItkResponses {

    static final String UNREADABLE = "UNREADABLE-IN-ORIGINAL-MESSAGE";
    static final String OUTCOME_PROFILE = "https://fhir.nhs.uk/STU3/StructureDefinition/ITK-Response-OperationOutcome-1";
    static final String HEADER_ORGANIZATION_PROFILE =
            "https://fhir.nhs.uk/STU3/StructureDefinition/CareConnect-ITK-Header-Organization-1";
    static final String RESPONSE_DEFINITION =
            "https://fhir.nhs.uk/STU3/MessageDefinition/ITK-Response-MessageDefinition-Instance-1";

    private final FhirContext fhir;
    private final Practice practice;
    private final String mailboxId;
    private final Clock clock;

    ItkResponses(FhirContext fhir, Practice practice, String mailboxId, Clock clock) {
        this.fhir = fhir;
        this.practice = practice;
        this.mailboxId = mailboxId;
        this.clock = clock;
    }

    /** The response as bytes, in the format of the message it answers (XML, as the examples, when unreadable). */
    byte[] response(ReceivedMessage original, ItkResponseCode code, String diagnostics) {
        Bundle b = bundle(original, code, diagnostics);
        String text = original.xml || original.bundle == null ? fhir.newXmlParser().encodeResourceToString(b)
                : fhir.newJsonParser().encodeResourceToString(b);
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String contentType(ReceivedMessage original) {
        return original.xml || original.bundle == null ? "application/fhir+xml" : "application/fhir+json";
    }

    Bundle bundle(ReceivedMessage original, ItkResponseCode code, String diagnostics) {
        String headerId = UUID.randomUUID().toString();
        String orgId = UUID.randomUUID().toString();
        String outcomeId = UUID.randomUUID().toString();
        Bundle bundle = new Bundle();
        bundle.setId(UUID.randomUUID().toString());
        bundle.setMeta(new Meta().addProfile(ReceivedMessage.BUNDLE_PROFILE));
        bundle.setIdentifier(new Identifier().setSystem("https://tools.ietf.org/html/rfc4122")
                .setValue(UUID.randomUUID().toString()));
        bundle.setType(Bundle.BundleType.MESSAGE);

        MessageHeader h = new MessageHeader();
        h.setId(headerId);
        h.setMeta(new Meta().addProfile(ReceivedMessage.HEADER_PROFILE));
        Extension handling = new Extension(ReceivedMessage.HANDLING);
        handling.addExtension(new Extension("BusAckRequested", new BooleanType(false)));
        handling.addExtension(new Extension("InfAckRequested", new BooleanType(false)));
        handling.addExtension(new Extension("RecipientType", new Coding(ReceivedMessage.RECIPIENT_TYPE_SYSTEM, "FI",
                "For Information")));
        handling.addExtension(new Extension("MessageDefinition", new Reference(RESPONSE_DEFINITION)));
        handling.addExtension(new Extension("SenderReference", new StringType(
                ReceivedMessage.blank(original.senderReference) ? UNREADABLE : original.senderReference)));
        h.addExtension(handling);
        h.setEvent(new Coding(ReceivedMessage.EVENT_SYSTEM, "ITK008M", "ITK Response"));
        h.setSender(new Reference("urn:uuid:" + orgId));
        h.setTimestamp(Date.from(clock.instant()));
        h.getSource().setEndpoint(mailboxId);
        h.getResponse()
                .setIdentifier(ReceivedMessage.blank(original.messageHeaderId) ? UNREADABLE : original.messageHeaderId)
                .setCode(code.responseType())
                .setDetails(new Reference("urn:uuid:" + outcomeId));
        h.addFocus(new Reference("urn:uuid:" + outcomeId));
        bundle.addEntry().setFullUrl("urn:uuid:" + headerId).setResource(h);

        Organization org = new Organization();
        org.setId(orgId);
        org.setMeta(new Meta().addProfile(HEADER_ORGANIZATION_PROFILE));
        org.addIdentifier(new Identifier().setSystem(ReceivedMessage.ODS).setValue(practice.odsCode()));
        bundle.addEntry().setFullUrl("urn:uuid:" + orgId).setResource(org);

        OperationOutcome oo = new OperationOutcome();
        oo.setId(outcomeId);
        oo.setMeta(new Meta().addProfile(OUTCOME_PROFILE));
        oo.addIssue()
                .setSeverity(code.severity())
                .setCode(code.issueType)
                .setDetails(new CodeableConcept().addCoding(new Coding(ItkResponseCode.SYSTEM, code.code, code.display)))
                .setDiagnostics(diagnostics);
        bundle.addEntry().setFullUrl("urn:uuid:" + outcomeId).setResource(oo);
        return bundle;
    }
}
