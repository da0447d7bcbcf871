package com.carepoint.gpconnect;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import com.carepoint.kernel.SectionKind;
import com.carepoint.kernel.TracedPatient;
import com.carepoint.platform.CallLimits;
import com.carepoint.platform.FhirClients;
import com.carepoint.record.DocumentItem;
import com.carepoint.record.FetchedSection;
import com.carepoint.record.PatientContext;
import com.carepoint.record.PatientDocuments;
import com.carepoint.record.RecordProblem;
import com.carepoint.record.RecordSource;
import com.carepoint.record.RetrievedDocument;
import com.carepoint.record.Section;
import com.carepoint.spine.EndpointDirectory;
import com.carepoint.spine.ProviderEndpoint;
import com.carepoint.spine.SpineUnavailableException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.hl7.fhir.dstu3.model.Binary;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.Patient;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * The documents filed in a patient's GP record, over GP Connect Access Document (the "Consumer session"
 * AD/development_api_session describes): the practice's Access Document endpoint from the directory, for each
 * interaction; "Find a patient" there for the practice's logical id, checked against the trace (NHS number and date
 * of birth); "Search for a patient's documents" with the parameters the page requires; every answer checked to be
 * this patient's before anything in it is shown; and one document at a time, only one that was listed for this
 * patient context, retrieved as a Binary within the byte cap and deadline, and only a PDF. What is learnt for one
 * patient (endpoints, the practice's id, what was listed) lives and dies with that patient's context. Logs carry trace
 * ids and ODS codes, never patient identifiers or document titles.
 */
@Service
public class GpConnectDocuments implements PatientDocuments {

    private static final Logger log = LoggerFactory.getLogger(GpConnectDocuments.class);

    private final EndpointDirectory directory;
    private final FhirClients clients;
    private final GpConnectProperties properties;
    private final Clock clock;
    private final Cache<PatientContext, State> states = Caffeine.newBuilder().weakKeys().maximumSize(10_000).build();

    /** What is known for one patient context. */
    private static final class State {
        final Map<String, Optional<ProviderEndpoint>> endpoints = new ConcurrentHashMap<>();
        volatile String patientId;
        /** The documents as last listed, by the opaque id handed out with each. */
        final Map<String, DocumentMapper.Listed> listed = new ConcurrentHashMap<>();
    }

    /** A reason not to go on, carried out of a call as its problem. */
    private static final class Stop extends RuntimeException {
        final transient RecordProblem problem;

        Stop(RecordProblem problem) {
            super(problem.kind().name(), null, false, false);
            this.problem = problem;
        }
    }

    @Autowired
    public GpConnectDocuments(EndpointDirectory directory, FhirClients clients, GpConnectProperties properties) {
        this(directory, clients, properties, Clock.systemUTC());
    }

    GpConnectDocuments(EndpointDirectory directory, FhirClients clients, GpConnectProperties properties, Clock clock) {
        this.directory = directory;
        this.clients = clients;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public FetchedSection list(PatientContext context) {
        if (context.patient().sensitive()) {
            throw new IllegalStateException("A sensitive patient's record is never requested over GP Connect");
        }
        String traceId = UUID.randomUUID().toString();
        String ods = ods(context);
        String practice = practice(ods);
        long start = System.nanoTime();
        try {
            ProviderEndpoint search = endpoint(context, AccessDocumentSpec.SEARCH_DOCUMENTS)
                    .orElseThrow(() -> new Stop(DocumentErrors.notOffered(practice, traceId)));
            if (context.cancelled()) {
                throw new CallLimits.CallCancelledException();
            }
            // One deadline for Find a patient and the search together: the list, as a whole, answers in time or fails.
            record Answer(String patientId, Bundle bundle) {
            }
            Answer answer = CallLimits.within(properties.sectionDeadline(), context::cancelled, () -> {
                String patientId = patientId(context, practice, traceId);
                return new Answer(patientId, get(context, search, AccessDocumentSpec.SEARCH_DOCUMENTS, traceId,
                        searchPath(patientId), Bundle.class));
            });
            String patientId = answer.patientId();
            Bundle bundle = answer.bundle();
            DocumentMapper mapper = new DocumentMapper(bundle);
            TracedPatient traced = context.patient();
            Optional<String> mismatch = mapper.mismatch(traced.nhsNumber().value(), traced.birthDate(), patientId);
            if (mismatch.isPresent()) {
                // Never shown, never mapped: another patient's documents under this patient's banner.
                log.error("GP Connect documents ods={} trace={} WRONG PATIENT in the answer ({}): nothing from it is "
                        + "shown", ods, traceId, mismatch.get());
                throw new Stop(DocumentErrors.wrongPatient(practice, traceId));
            }
            DocumentMapper.Mapped mapped = mapper.map();
            State state = state(context);
            state.listed.clear();
            state.listed.putAll(mapped.listed());
            log.info("GP Connect documents ods={} trace={} items={} viewable={} ms={}", ods, traceId,
                    mapped.items().size(), mapped.listed().size(), (System.nanoTime() - start) / 1_000_000);
            return new FetchedSection(Section.loaded(SectionKind.DOCUMENTS, mapped.items(), mapped.warnings(),
                    List.of()), Optional.of(new RecordSource(GpConnectRecords.source(bundle, search, Instant.now(clock))
                    .practiceName(), ods, "GP Connect Access Document", Instant.now(clock))), traceId);
        } catch (Stop stop) {
            return failed(stop.problem, traceId);
        } catch (SpineUnavailableException e) {
            log.warn("Directory lookup failed ods={} trace={}", ods, traceId);
            return failed(new RecordProblem(RecordProblem.Kind.UNREACHABLE, "The NHS directory of GP systems could "
                    + "not be reached, so the patient's documents could not be retrieved. It is not known whether there "
                    + "are any.", "Try again in a moment.", traceId), traceId);
        } catch (RuntimeException e) {
            RecordProblem problem = DocumentErrors.map(e, DocumentErrors.Operation.LIST, practice, traceId);
            log.warn("GP Connect documents ods={} trace={} failed: {} ({}) ms={}", ods, traceId, problem.kind(),
                    e.getClass().getSimpleName(), (System.nanoTime() - start) / 1_000_000);
            return failed(problem, traceId);
        } catch (CallLimits.CallCancelledException e) {
            return failed(DocumentErrors.map(e, DocumentErrors.Operation.LIST, practice, traceId), traceId);
        }
    }

    @Override
    public RetrievedDocument retrieve(PatientContext context, DocumentItem document) {
        String traceId = UUID.randomUUID().toString();
        String ods = ods(context);
        String practice = practice(ods);
        long start = System.nanoTime();
        try {
            DocumentMapper.Listed listed = state(context).listed.get(document.id());
            if (listed == null || !document.viewable()) {
                // Only a PDF listed for this very patient context is ever requested.
                return RetrievedDocument.failed(new RecordProblem(RecordProblem.Kind.CARE_POINT_ERROR, "This document "
                        + "is not one Carepoint listed for this patient just now, so it was not requested.", "Open the "
                        + "Documents tab again and choose the document from the list.", traceId));
            }
            ProviderEndpoint ep = endpoint(context, AccessDocumentSpec.READ_BINARY)
                    .orElseThrow(() -> new Stop(DocumentErrors.notOffered(practice, traceId)));
            if (context.cancelled()) {
                throw new CallLimits.CallCancelledException();
            }
            Binary binary = CallLimits.within(properties.sectionDeadline(), AccessDocumentSpec.MAX_BINARY_ANSWER_BYTES,
                    context::cancelled, () -> get(context, ep, AccessDocumentSpec.READ_BINARY, traceId,
                            "Binary/" + AppointmentRequests.encode(listed.binaryId()), Binary.class));
            byte[] bytes = binary.getContent() == null ? new byte[0] : binary.getContent();
            String type = binary.hasContentType() ? binary.getContentType() : "";
            if (binary.getIdElement().hasIdPart() && !listed.binaryId().equals(binary.getIdElement().getIdPart())) {
                log.error("GP Connect document ods={} trace={} answered with another Binary: not shown", ods, traceId);
                throw new Stop(DocumentErrors.unreadable(DocumentErrors.Operation.RETRIEVE, practice, traceId,
                        "it was not the document that was asked for"));
            }
            if (bytes.length > AccessDocumentSpec.MAX_DOCUMENT_BYTES) {
                throw new Stop(DocumentErrors.tooLarge(practice, traceId));
            }
            if (!DocumentMapper.pdf(type) || !pdfHeader(bytes)) {
                log.warn("GP Connect document ods={} trace={} not a PDF as listed: not shown", ods, traceId);
                throw new Stop(DocumentErrors.unreadable(DocumentErrors.Operation.RETRIEVE, practice, traceId,
                        "it was not the PDF document that was listed"));
            }
            log.info("GP Connect document ods={} trace={} bytes={} ms={}", ods, traceId, bytes.length,
                    (System.nanoTime() - start) / 1_000_000);
            return RetrievedDocument.of(bytes, AccessDocumentSpec.PDF, traceId);
        } catch (Stop stop) {
            return RetrievedDocument.failed(stop.problem);
        } catch (SpineUnavailableException e) {
            log.warn("Directory lookup failed ods={} trace={}", ods, traceId);
            return RetrievedDocument.failed(new RecordProblem(RecordProblem.Kind.UNREACHABLE, "The NHS directory of GP "
                    + "systems could not be reached, so the document could not be retrieved.", "Try again in a "
                    + "moment.", traceId));
        } catch (RuntimeException | CallLimits.CallCancelledException e) {
            RecordProblem problem = DocumentErrors.map(e, DocumentErrors.Operation.RETRIEVE, practice, traceId);
            log.warn("GP Connect document ods={} trace={} failed: {} ({}) ms={}", ods, traceId, problem.kind(),
                    e.getClass().getSimpleName(), (System.nanoTime() - start) / 1_000_000);
            return RetrievedDocument.failed(problem);
        }
    }

    /**
     * The practice's logical id for the patient, by Access Document's own "Find a patient", once per patient context
     * (called within the list's deadline):
     * exactly one Patient, carrying the traced NHS number and date of birth — otherwise nothing is searched.
     * "Failure to find a record with the supplied business identifier is not considered an error condition": an
     * empty searchset is a patient the practice does not hold (only "active patients with a Regular/GMS registration
     * type" are returned).
     */
    private String patientId(PatientContext context, String practice, String traceId) {
        State state = state(context);
        if (state.patientId != null) {
            return state.patientId;
        }
        ProviderEndpoint ep = endpoint(context, AccessDocumentSpec.FIND_PATIENT)
                .orElseThrow(() -> new Stop(DocumentErrors.notOffered(practice, traceId)));
        TracedPatient traced = context.patient();
        Bundle bundle = get(context, ep, AccessDocumentSpec.FIND_PATIENT, traceId, "Patient?identifier="
                + AppointmentRequests.encode(AccessDocumentSpec.NHS_NUMBER + "|" + traced.nhsNumber().value()),
                Bundle.class);
        List<Patient> patients = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(Patient.class::isInstance).map(Patient.class::cast).toList();
        if (patients.isEmpty()) {
            throw new Stop(DocumentErrors.patientNotFound(practice, traceId));
        }
        Patient p = patients.getFirst();
        boolean nhsMatches = patients.size() == 1 && !p.getIdentifier().isEmpty() && p.getIdentifier().stream()
                .filter(i -> AccessDocumentSpec.NHS_NUMBER.equals(i.getSystem()) && i.hasValue())
                .map(i -> i.getValue().replaceAll("[\\s-]", "")).distinct().toList()
                .equals(List.of(traced.nhsNumber().value()));
        boolean birthMatches = p.hasBirthDate()
                && traced.birthDate().toString().equals(p.getBirthDateElement().getValueAsString());
        if (!nhsMatches || !birthMatches || !p.getIdElement().hasIdPart()) {
            log.error("GP Connect documents find patient ods={} trace={} WRONG PATIENT in the answer (patients={}, "
                    + "nhs={}, birth={})", ods(context), traceId, patients.size(), nhsMatches, birthMatches);
            throw new Stop(DocumentErrors.wrongPatient(practice, traceId));
        }
        state.patientId = p.getIdElement().getIdPart();
        return state.patientId;
    }

    /** {@code Patient/[id]/DocumentReference?} and the five parameters the search page requires, in its order. */
    static String searchPath(String patientId) {
        return "Patient/" + AppointmentRequests.encode(patientId) + "/DocumentReference?"
                + String.join("&", AccessDocumentSpec.SEARCH_INCLUDES);
    }

    private static boolean pdfHeader(byte[] bytes) {
        // ISO 32000 readers accept the header within the first 1024 bytes.
        int limit = Math.min(bytes.length, 1024) - AccessDocumentSpec.PDF_HEADER.length;
        for (int i = 0; i <= limit; i++) {
            if (Arrays.equals(bytes, i, i + AccessDocumentSpec.PDF_HEADER.length, AccessDocumentSpec.PDF_HEADER, 0,
                    AccessDocumentSpec.PDF_HEADER.length)) {
                return true;
            }
        }
        return false;
    }

    private static FetchedSection failed(RecordProblem problem, String traceId) {
        return new FetchedSection(Section.failed(SectionKind.DOCUMENTS, problem), Optional.empty(), traceId);
    }

    /** The Access Document endpoint for one interaction, looked up once per patient context (never reused across). */
    private Optional<ProviderEndpoint> endpoint(PatientContext context, String interaction) {
        String ods = ods(context);
        return state(context).endpoints.computeIfAbsent(interaction, i -> directory.lookup(ods, i));
    }

    private State state(PatientContext context) {
        return states.get(context, c -> new State());
    }

    private static String ods(PatientContext context) {
        return context.patient().registeredPracticeOds().orElse("");
    }

    private static String practice(String ods) {
        return "the patient's GP practice (" + ods + ")";
    }

    private <T extends IBaseResource> T get(PatientContext context, ProviderEndpoint ep, String interaction,
            String traceId, String relative, Class<T> type) {
        IGenericClient client = clients.stu3(base(ep), new GpcHeaders(traceId, properties.consumerAsid(), ep.asid(),
                interaction, () -> GpcJwt.create(context.user(), ep.serviceRoot(), AccessDocumentSpec.SCOPE,
                        properties, clock)));
        return clients.shownAsWritten(client.fetchResourceFromUrl(type, base(ep) + "/" + relative));
    }

    /** {@code https://[proxy]/https://[documents provider]/[documents base]}, or the provider's root directly. */
    private String base(ProviderEndpoint ep) {
        String root = ep.serviceRoot().replaceAll("/$", "");
        return properties.proxyPrefix().isBlank() ? root : properties.proxyPrefix().replaceAll("/$", "") + "/" + root;
    }
}
