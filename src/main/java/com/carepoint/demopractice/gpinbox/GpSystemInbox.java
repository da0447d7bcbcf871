package com.carepoint.demopractice.gpinbox;

import ca.uhn.fhir.context.FhirContext;
import com.carepoint.demopractice.data.DemoData;
import com.carepoint.demopractice.data.PatientRecord;
import com.carepoint.demopractice.data.Practice;
import com.carepoint.demopractice.documents.FiledDocument;
import com.carepoint.demopractice.documents.PracticeDocuments;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hl7.fhir.dstu3.model.Composition;
import org.hl7.fhir.dstu3.model.Identifier;
import org.hl7.fhir.dstu3.model.StringType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One demo practice's GP system inbox: takes {@code GPFED_CONSULT_REPORT} messages from the practice's mailbox,
 * validates each, answers with the ITK3 acknowledgements Send Document defines, files the report into the
 * patient's record, and acknowledges the MESH message. What it does comes from nhsconnect/gpconnect-messaging
 * pages/senddocument/senddocument_fedcon_overview.md: "the message is first validated ... An ITK3 Response message
 * is generated which indicates the success of message processing at a technical level - this is known as an
 * 'infrastructure acknowledgement'", then "after successful message validation, the ... patient - is looked up to
 * ensure that patient is known and registered at the practice. An ITK3 Response message is generated ... this is
 * known as a 'business acknowledgement'".
 * <ul>
 * <li>Both go back with workflow {@code GPFED_CONSULT_REPORT_ACK} (GPCM-SD-CS-062: "Each instance of an
 * acknowledgement message ... MUST include the following Workflow ID ... GPFED_CONSULT_REPORT_ACK") to the mailbox
 * the message came from (ITK3 explore_response_examples.md, 10009: "Return acknowledgement to MESH mailbox original
 * message was sent from").</li>
 * <li>After a negative code there is no further response (ITK3 explore_response_codes.md: "There will be no further
 * response message ... regardless of what acknowledgement flags are set"), so at most two responses (ITK3
 * explore_rec_req.md: "a maximum of 2 Message Responses, each containing a maximum of one Response Code").</li>
 * <li>A message seen before (same MessageHeader id) is not filed again and gets 20007 (ITK3 explore_rec_req.md
 * FHIR-RR-05: duplicate checks SHOULD be done).</li>
 * <li>The MESH message is acknowledged only once its responses are sent, so that a MESH outage never loses one:
 * a retry of the same MESH message sends the responses not yet sent, never new ones.</li>
 * <li>GPCM-SD-CS-042 (the Patient's surname, date of birth and NHS number must match Mex-To) cannot be checked
 * here: MESH "will substitute the identified MESH Mailbox ID for the provided patient details", so the practice
 * sees its own mailbox id in Mex-To. The demo MESH server did the demographics check when it routed the message.</li>
 * </ul>
 */
final class GpSystemInbox {

    private static final Logger log = LoggerFactory.getLogger(GpSystemInbox.class);
    static final String WORKFLOW = "GPFED_CONSULT_REPORT";
    static final String ACK_WORKFLOW = "GPFED_CONSULT_REPORT_ACK";

    /** A response to send, built once so that a retry sends the very same bundle. */
    record Response(ItkResponseCode code, byte[] content, String contentType, String fileName) {
    }

    /** What the GP system decided for one MESH message, and how far sending its responses has got. */
    static final class Progress {
        final List<Response> responses;
        int sent;

        Progress(List<Response> responses) {
            this.responses = responses;
        }
    }

    private final Practice practice;
    private final GpMeshClient client;
    private final DemoData data;
    private final PracticeDocuments documents;
    private final FhirContext fhir;
    private final ItkResponses responses;
    private final java.util.function.Predicate<String> noLongerRegistered;
    private final Clock clock;
    private final Cache<String, Progress> progress = Caffeine.newBuilder().maximumSize(1_000)
            .expireAfterWrite(Duration.ofDays(5)).build();
    private final Cache<String, Boolean> seenHeaders = Caffeine.newBuilder().maximumSize(50_000)
            .expireAfterWrite(Duration.ofDays(30)).build();
    private Instant lastHandshake;

    /**
     * @param noLongerRegistered the patients (by NHS number) this practice's system holds as having left, although
     *                           the national demographics service still names the practice (a demo fault)
     */
    GpSystemInbox(Practice practice, GpMeshClient client, DemoData data, PracticeDocuments documents, FhirContext fhir,
            java.util.function.Predicate<String> noLongerRegistered, Clock clock) {
        this.noLongerRegistered = noLongerRegistered;
        this.practice = practice;
        this.client = client;
        this.data = data;
        this.documents = documents;
        this.fhir = fhir;
        this.clock = clock;
        this.responses = new ItkResponses(fhir, practice, client.mailboxId(), clock);
    }

    String odsCode() {
        return practice.odsCode();
    }

    /**
     * One poll cycle (MESH API "Inbox poll cycle": check the inbox, download, acknowledge). Returns how many
     * messages were completed. A MESH failure ends the cycle; the next poll carries on from where it stopped.
     */
    synchronized int poll() throws IOException, InterruptedException {
        Instant now = clock.instant();
        if (lastHandshake == null || Duration.between(lastHandshake, now).compareTo(Duration.ofHours(24)) > 0) {
            // MESH API: "Validate your mailbox once every 24 hours".
            client.handshake();
            lastHandshake = now;
        }
        int done = 0;
        for (String id : client.inbox()) {
            process(id);
            done++;
        }
        return done;
    }

    private void process(String meshId) throws IOException, InterruptedException {
        GpMeshClient.Downloaded d = client.download(meshId);
        if ("REPORT".equalsIgnoreCase(d.header("mex-messagetype"))) {
            // An error report about a message this GP system sent (an acknowledgement that did not arrive).
            log.warn("Demo GP system {}: MESH error report {} ({})", practice.odsCode(), d.header("mex-statuscode"),
                    d.header("mex-statusdescription"));
            client.acknowledge(meshId);
            return;
        }
        if (!WORKFLOW.equals(d.header("mex-workflowid"))) {
            log.warn("Demo GP system {}: message {} has workflow {}, not {}; not processed", practice.odsCode(),
                    meshId, d.header("mex-workflowid"), WORKFLOW);
            client.acknowledge(meshId);
            return;
        }
        Progress p = progress.get(meshId, id -> new Progress(decide(d)));
        String replyTo = d.header("mex-from");
        while (p.sent < p.responses.size()) {
            Response r = p.responses.get(p.sent);
            client.send(replyTo, ACK_WORKFLOW, "ITK3 response " + r.code().code, practice.odsCode(), r.fileName(),
                    r.contentType(), r.content());
            p.sent++;
        }
        client.acknowledge(meshId);
        progress.invalidate(meshId);
        log.info("Demo GP system {}: MESH message {} answered with {}", practice.odsCode(), meshId,
                p.responses.stream().map(r -> r.code().code).collect(Collectors.joining(", ")));
    }

    /** Validates, decides the responses, and files the report when the patient is registered here. */
    private List<Response> decide(GpMeshClient.Downloaded d) {
        ReceivedMessage m;
        try {
            m = ReceivedMessage.read(fhir, d.content(), d.header("content-type"));
        } catch (ReceivedMessage.Invalid e) {
            ReceivedMessage partial = e.partial == null ? new ReceivedMessage() : e.partial;
            if (e.code == ItkResponseCode.UNREADABLE) {
                partial.bundle = null;
            }
            return List.of(response(partial, e.code, e.getMessage()));
        }
        if (seenHeaders.getIfPresent(m.messageHeaderId) != null
                || documents.bySourceMessage(practice.odsCode(), m.messageHeaderId).isPresent()) {
            return List.of(response(m, ItkResponseCode.DUPLICATE_MESSAGE,
                    "A message with MessageHeader id " + m.messageHeaderId + " has already been received"));
        }
        List<Response> out = new ArrayList<>();
        out.add(response(m, ItkResponseCode.SUCCESS, "Message received and validated"));
        Optional<PatientRecord> patient = data.patient(m.nhsNumber)
                .filter(p -> practice.odsCode().equals(p.practice()))
                .filter(p -> sameIdentity(p, m));
        if (patient.isPresent() && noLongerRegistered.test(m.nhsNumber)) {
            // ITK3 30003: the practice knew the patient, who has since left; the report is not filed.
            out.add(response(m, ItkResponseCode.PATIENT_NO_LONGER_HERE,
                    "This patient is no longer registered at this practice"));
        } else if (patient.isEmpty()) {
            out.add(response(m, ItkResponseCode.PATIENT_NOT_KNOWN,
                    "No patient with this NHS number, surname and date of birth is registered at this practice"));
        } else {
            try {
                file(m, patient.get(), d.header("mex-subject"));
            } catch (PracticeDocuments.Full e) {
                // Not answered and not acknowledged: the next poll tries again.
                throw new IllegalStateException(e.getMessage(), e);
            }
            out.add(response(m, ItkResponseCode.PATIENT_KNOWN, "The consultation report has been filed in the "
                    + "patient's record"));
        }
        // Only a message decided on counts as received (one that could not be filed is tried again, not a duplicate).
        seenHeaders.put(m.messageHeaderId, Boolean.TRUE);
        return out;
    }

    private static boolean sameIdentity(PatientRecord p, ReceivedMessage m) {
        // CS-041: birthDate "in YYYY-MM-DD"; a partial date cannot match.
        String dob = m.patient.getBirthDateElement().getValueAsString();
        String family = m.officialName().map(n -> n.getFamily()).orElse("");
        return p.birthDate() != null && p.birthDate().toString().equals(dob) && p.family() != null
                && p.family().toLowerCase(Locale.ROOT).equals(family.trim().toLowerCase(Locale.ROOT));
    }

    private void file(ReceivedMessage m, PatientRecord patient, String subject) throws PracticeDocuments.Full {
        Composition c = m.composition;
        String documentIdentifier = m.payload.getIdentifier().getValue();
        String author = m.author == null ? null : m.author.getNameFirstRep().getPrefix().stream()
                .map(StringType::getValue).collect(Collectors.joining(" ")) + " "
                + m.author.getNameFirstRep().getGivenAsSingleString() + " " + m.author.getNameFirstRep().getFamily();
        FiledDocument doc = new FiledDocument(UUID.randomUUID().toString(), practice.odsCode(), patient.nhsNumber(),
                c.hasTitle() ? c.getTitle() : "Consultation report",
                "371531000", "Report of clinical encounter",
                c.hasDate() ? OffsetDateTime.ofInstant(c.getDate().toInstant(), ZoneOffset.UTC) : null,
                clock.instant(), m.custodianOds(), m.custodian.getName(), author == null ? null : author.strip(),
                subject, m.messageHeaderId, documentIdentifier, "application/pdf", m.pdf.getContent(), null);
        // GPCM-SD-028/029: a replacement names the document it replaces in relatesTo (code replaces,
        // targetIdentifier); GPCM-SD-023: the receiver "MUST process the replacement document and archive the
        // replaced document".
        Optional<FiledDocument> replaced = c.getRelatesTo().stream()
                .filter(r -> r.getCode() == Composition.DocumentRelationshipType.REPLACES)
                .filter(r -> r.getTarget() instanceof Identifier)
                .map(r -> ((Identifier) r.getTarget()).getValue())
                .map(id -> documents.byDocumentIdentifier(practice.odsCode(), id))
                .flatMap(Optional::stream)
                .findFirst();
        if (replaced.isPresent()) {
            documents.fileReplacing(doc, replaced.get());
        } else {
            documents.file(doc);
        }
    }

    private Response response(ReceivedMessage original, ItkResponseCode code, String diagnostics) {
        byte[] content = responses.response(original, code, diagnostics);
        String type = ItkResponses.contentType(original);
        return new Response(code, content, type, UUID.randomUUID() + (type.endsWith("xml") ? ".xml" : ".json"));
    }
}
