package com.carepoint.gpconnect.senddocument;

import static com.carepoint.gpconnect.senddocument.SendDocumentSpec.*;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.Extension;
import org.hl7.fhir.dstu3.model.Identifier;
import org.hl7.fhir.dstu3.model.MessageHeader;
import org.hl7.fhir.dstu3.model.OperationOutcome;
import org.hl7.fhir.dstu3.model.Organization;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.Resource;
import org.hl7.fhir.dstu3.model.StringType;

/**
 * Reads the ITK3 responses to a Consultation Report. The shape, from the ITK3 Message Distribution standard
 * (nhsconnect/ITK3-Messaging-Distribution, explore_response_structure and explore_response_codes) and GP Connect's
 * requirements on the registered practice's response header (GPCM-SD-CS-054..059): an ITK-Message-Bundle-1 whose
 * MessageHeader has event ITK008M and {@code response} {identifier (the original MessageHeader id), code ok /
 * fatal-error, details → OperationOutcome}; the OperationOutcome's {@code issue.details.coding} carries the ITK3
 * response code (system {@code https://fhir.nhs.uk/STU3/CodeSystem/ITK-ResponseCodes-1}) and
 * {@code issue.diagnostics} the explanation.
 *
 * <p>Liberal but safe: XML or JSON; the OperationOutcome found through {@code response.details}, {@code focus} or as
 * any entry; a code in another system accepted when it is a known ITK3 response code. Never success by default: only
 * {@code response.code} ok with the positive code 20013 or 30001 (or ok with no code at all, read as an infrastructure
 * acknowledgement — the "Infrastructure Acknowledgement: OK" pattern carries the code in the MessageHeader only) counts
 * as accepted or filed; a response that contradicts itself is a rejection.
 */
public final class SendDocumentAcknowledgements {

    private static final FhirContext STU3 = FhirContext.forDstu3Cached();

    private SendDocumentAcknowledgements() {
    }

    /** The acknowledgement in a downloaded {@code GPFED_CONSULT_REPORT_ACK} message. */
    public static ItkAcknowledgement parse(byte[] body) {
        Bundle bundle = bundle(body);
        MessageHeader header = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(MessageHeader.class::isInstance).map(MessageHeader.class::cast).findFirst()
                .orElseThrow(() -> new UnreadableAcknowledgementException("The acknowledgement has no MessageHeader"));
        Coding event = header.getEvent();
        if (event == null || !EVENT_RESPONSE.equals(event.getCode())) {
            throw new UnreadableAcknowledgementException("The message is not an ITK3 response (event ITK008M)");
        }
        if (!header.hasResponse() || !header.getResponse().hasIdentifier()) {
            throw new UnreadableAcknowledgementException("The acknowledgement does not say which message it answers");
        }
        MessageHeader.MessageHeaderResponseComponent response = header.getResponse();
        String original = response.getIdentifier();
        Optional<OperationOutcome> outcome = operationOutcome(bundle, header);
        Optional<Issue> issue = outcome.flatMap(SendDocumentAcknowledgements::issue);
        Optional<String> diagnostics = outcome.flatMap(o -> o.getIssue().stream()
                .filter(OperationOutcome.OperationOutcomeIssueComponent::hasDiagnostics)
                .map(OperationOutcome.OperationOutcomeIssueComponent::getDiagnostics).findFirst());
        boolean ok = response.getCode() == MessageHeader.ResponseType.OK;
        Optional<String> senderReference = senderReference(header);
        Optional<String> senderOds = senderOds(bundle, header);

        if (issue.isEmpty()) {
            if (ok) {
                return new ItkAcknowledgement(original, senderReference, senderOds, ItkAcknowledgement.Level.INFRASTRUCTURE,
                        ItkAcknowledgement.Outcome.ACCEPTED, null, MEANINGS.get("20013"), diagnostics);
            }
            return new ItkAcknowledgement(original, senderReference, senderOds, ItkAcknowledgement.Level.INFRASTRUCTURE,
                    ItkAcknowledgement.Outcome.REJECTED, null,
                    "The practice's system rejected the report without saying why", diagnostics);
        }
        String code = issue.get().code();
        ItkAcknowledgement.Level level = code.startsWith("3") ? ItkAcknowledgement.Level.BUSINESS
                : ItkAcknowledgement.Level.INFRASTRUCTURE;
        boolean positiveCode = code.equals("20013") || code.equals("30001");
        if (positiveCode && ok && !issue.get().fatal()) {
            return new ItkAcknowledgement(original, senderReference, senderOds, level,
                    code.equals("30001") ? ItkAcknowledgement.Outcome.FILED : ItkAcknowledgement.Outcome.ACCEPTED, code,
                    MEANINGS.get(code), diagnostics);
        }
        if (code.equals("20007") || code.equals("20008")) {
            return new ItkAcknowledgement(original, senderReference, senderOds, level,
                    ItkAcknowledgement.Outcome.DUPLICATE, code, MEANINGS.get(code), diagnostics);
        }
        String meaning = positiveCode
                ? "The practice's system sent an acknowledgement that contradicts itself (code " + code
                        + " with a failure): treat the report as not received"
                : MEANINGS.getOrDefault(code, "The practice's system rejected the report (ITK3 response code " + code
                        + ")");
        return new ItkAcknowledgement(original, senderReference, senderOds, level, ItkAcknowledgement.Outcome.REJECTED,
                code, meaning, diagnostics);
    }

    private static Bundle bundle(byte[] body) {
        if (body == null || body.length == 0) {
            throw new UnreadableAcknowledgementException("The acknowledgement is empty");
        }
        String text = new String(body, StandardCharsets.UTF_8).strip();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        IParser parser = text.startsWith("{") ? STU3.newJsonParser() : STU3.newXmlParser();
        parser.setParserErrorHandler(new LenientErrorHandler(false));
        try {
            if (parser.parseResource(text) instanceof Bundle b && b.getType() == Bundle.BundleType.MESSAGE) {
                return b;
            }
        } catch (DataFormatException | ClassCastException e) {
            throw new UnreadableAcknowledgementException("The acknowledgement is not readable FHIR");
        }
        throw new UnreadableAcknowledgementException("The acknowledgement is not a FHIR message Bundle");
    }

    private static Optional<OperationOutcome> operationOutcome(Bundle bundle, MessageHeader header) {
        List<Resource> resources = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).toList();
        for (Reference ref : refs(header)) {
            Optional<Resource> r = resolve(bundle, ref);
            if (r.isPresent() && r.get() instanceof OperationOutcome o) {
                return Optional.of(o);
            }
        }
        return resources.stream().filter(OperationOutcome.class::isInstance).map(OperationOutcome.class::cast)
                .findFirst();
    }

    private static List<Reference> refs(MessageHeader header) {
        java.util.ArrayList<Reference> refs = new java.util.ArrayList<>();
        if (header.getResponse().hasDetails()) {
            refs.add(header.getResponse().getDetails());
        }
        refs.addAll(header.getFocus());
        return refs;
    }

    /** A reference resolved within the Bundle: by {@code fullUrl}, or {@code Type/id}. */
    private static Optional<Resource> resolve(Bundle bundle, Reference ref) {
        String target = ref.getReference();
        if (target == null || target.isBlank()) {
            return Optional.empty();
        }
        for (Bundle.BundleEntryComponent e : bundle.getEntry()) {
            Resource r = e.getResource();
            if (r == null) {
                continue;
            }
            String id = r.getIdElement().getIdPart();
            if (target.equals(e.getFullUrl()) || target.equals(r.fhirType() + "/" + id)
                    || target.equals("urn:uuid:" + id)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    record Issue(String code, boolean fatal) {
    }

    /** The first issue with an ITK3 response code: in the ITK system, or (liberally) a known code in any. */
    private static Optional<Issue> issue(OperationOutcome outcome) {
        for (boolean strict : new boolean[] {true, false}) {
            for (OperationOutcome.OperationOutcomeIssueComponent i : outcome.getIssue()) {
                for (Coding c : i.getDetails().getCoding()) {
                    String code = c.getCode() == null ? "" : c.getCode().trim();
                    boolean matches = strict ? SYSTEM_ITK_RESPONSE_CODES.equals(c.getSystem()) && !code.isEmpty()
                            : MEANINGS.containsKey(code);
                    if (matches) {
                        boolean fatal = i.getSeverity() == OperationOutcome.IssueSeverity.FATAL
                                || i.getSeverity() == OperationOutcome.IssueSeverity.ERROR;
                        return Optional.of(new Issue(code, fatal));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> senderReference(MessageHeader header) {
        for (Extension handling : header.getExtensionsByUrl(EXT_MESSAGE_HANDLING)) {
            for (Extension key : handling.getExtensionsByUrl("SenderReference")) {
                if (key.getValue() instanceof StringType s && s.hasValue()) {
                    return Optional.of(s.getValue());
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> senderOds(Bundle bundle, MessageHeader header) {
        if (!header.hasSender()) {
            return Optional.empty();
        }
        return resolve(bundle, header.getSender()).filter(Organization.class::isInstance).map(Organization.class::cast)
                .flatMap(o -> o.getIdentifier().stream().filter(i -> SYSTEM_ODS.equals(i.getSystem()))
                        .map(Identifier::getValue).findFirst());
    }

    /**
     * Each ITK3 response code in plain English for the author of the note (codes and displays: ITK3
     * explore_response_codes; 10009's "UNREADABLE-IN-ORIGINAL-MESSAGE": explore_response_examples).
     */
    static final Map<String, String> MEANINGS = Map.ofEntries(
            Map.entry("20013", "The practice's system received the report and found it valid"),
            Map.entry("30001", "The practice has the patient registered and has taken the report into their record"),
            Map.entry("30002", "The practice does not know this patient: the report was not filed"),
            Map.entry("30003", "The patient is no longer registered at this practice: the report was not filed"),
            Map.entry("10001", "The practice's system could not process the message's handling details"),
            Map.entry("10002", "The practice's system could not read the request for a receipt acknowledgement"),
            Map.entry("10003", "The practice's system could not read the request for a filing acknowledgement"),
            Map.entry("10004", "The practice's system does not support this kind of message"),
            Map.entry("10005", "The practice's system does not support this version of the message"),
            Map.entry("10006", "The practice's system could not read the message's priority"),
            Map.entry("10007", "The practice's system could not read the message's reference to the encounter"),
            Map.entry("10008", "The message's handling details break the practice system's rules"),
            Map.entry("10009", "The practice's system could not read the message at all"),
            Map.entry("20001", "The practice's system did not recognise the person the report was for"),
            Map.entry("20002", "The practice's system did not recognise itself as the recipient"),
            Map.entry("20003", "The practice's system did not recognise Carepoint as the sender"),
            Map.entry("20004", "The practice's system does not accept the attached file's type"),
            Map.entry("20005", "The practice's system does not support the attached file's type"),
            Map.entry("20006", "The practice's system found the message's header invalid"),
            Map.entry("20007", "The practice's system had already received this message: this copy was not filed again"),
            Map.entry("20008", "The practice's system had already received this document: this copy was not filed again"),
            Map.entry("20009", "The practice's system found the report's content invalid"),
            Map.entry("20010", "The practice's system did not recognise the organisation the report names as recipient"),
            Map.entry("20011", "The practice's system did not recognise the person the report names as recipient"),
            Map.entry("20012", "The practice's system does not accept reports from Carepoint"));

    /** The message is not an ITK3 response Carepoint can read. */
    public static final class UnreadableAcknowledgementException extends IllegalArgumentException {
        UnreadableAcknowledgementException(String message) {
            super(message);
        }
    }
}
