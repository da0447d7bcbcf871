package com.carepoint.record;

import com.carepoint.access.CurrentUser;
import com.carepoint.access.DataSharingPolicy;
import com.carepoint.kernel.SectionKind;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The data-sharing policy applied in the service layer, before any provider call: a section the user's role may not
 * see is never requested; a "current only" role never asks for history and gets only current items back (documents
 * are history: never requested for such a role). The view applies the same policy again when it decides what to show.
 * Structured sections come from {@link GpRecords}, the document list and documents from {@link PatientDocuments}.
 */
@Service
public class RecordAccess {

    private static final Logger log = LoggerFactory.getLogger(RecordAccess.class);

    private final DataSharingPolicy policy;
    private final GpRecords fetcher;
    private final PatientDocuments documents;

    public RecordAccess(DataSharingPolicy policy, GpRecords fetcher, PatientDocuments documents) {
        this.policy = policy;
        this.fetcher = fetcher;
        this.documents = documents;
    }

    public DataSharingPolicy.Permission permission(CurrentUser user) {
        return policy.permissionFor(user);
    }

    /**
     * Fetches one section within the user's policy. Never throws: anything unexpected becomes a failed section that
     * says so, so the view never waits forever on a section (for allergies, "could not be retrieved" — never silence).
     */
    public FetchedSection fetch(CurrentUser user, PatientContext context, SectionKind kind,
            SectionRequest request) {
        try {
            FetchedSection fetched = fetchWithinPolicy(user, context, kind, request);
            return stoppedByTheUser(kind).orElse(fetched);
        } catch (Throwable e) {
            Optional<FetchedSection> stopped = stoppedByTheUser(kind);
            if (stopped.isPresent()) {
                return stopped.get();
            }
            // Every failure, errors included (a stack overflow on a deeply nested answer, a linkage error), becomes a
            // failed section that says so: for allergies, "could not be retrieved", never silence. Only the JVM's
            // own fatal errors go on (out of memory ends the process, which the platform restarts).
            if (e instanceof VirtualMachineError fatal && !(e instanceof StackOverflowError)) {
                throw fatal;
            }
            String trace = UUID.randomUUID().toString();
            log.error("Section {} failed unexpectedly trace={}: {}",
                    kind, trace, e.getClass().getSimpleName());
            return new FetchedSection(Section.failed(kind, RecordProblem.carepointError(trace)), Optional.empty(), trace);
        }
    }

    /**
     * A call the user cancelled (the record page interrupts its thread, which closes the call's connection): the
     * interrupt is taken here, so the audit entry that follows can still be written, and the section says it was
     * stopped — whatever the interrupted call happened to fail with.
     */
    private static Optional<FetchedSection> stoppedByTheUser(SectionKind kind) {
        if (!Thread.interrupted()) {
            return Optional.empty();
        }
        String trace = UUID.randomUUID().toString();
        log.info("Section {} stopped by the user trace={}", kind, trace);
        return Optional.of(new FetchedSection(Section.failed(kind, new RecordProblem(RecordProblem.Kind.TIMEOUT,
                "Retrieving this part of the record was stopped before the practice answered.",
                "Retrieve it again when you need it.", trace)), Optional.empty(), trace));
    }

    private FetchedSection fetchWithinPolicy(CurrentUser user, PatientContext context,
            SectionKind kind, SectionRequest request) {
        DataSharingPolicy.Permission permission = policy.permissionFor(user);
        Optional<RecordProblem> refused = refused(permission, kind);
        if (refused.isPresent()) {
            return new FetchedSection(Section.failed(kind, refused.get()), Optional.empty(), refused.get().traceId());
        }
        if (kind == SectionKind.DOCUMENTS) {
            return documents.list(context);
        }
        if (!permission.currentOnly()) {
            return fetcher.fetch(context, kind, request);
        }
        FetchedSection fetched = fetcher.fetch(context, kind, SectionRequest.FIRST_SCREEN);
        return new FetchedSection(currentOnly(fetched.section()), fetched.source(), fetched.traceId());
    }

    /**
     * One document the user's policy lets them see, retrieved from the practice. Never throws: anything unexpected
     * is a retrieval that failed and says so.
     */
    public RetrievedDocument retrieve(CurrentUser user, PatientContext context, DocumentItem document) {
        try {
            Optional<RecordProblem> refused = refused(policy.permissionFor(user), SectionKind.DOCUMENTS);
            if (refused.isPresent()) {
                return RetrievedDocument.failed(refused.get());
            }
            return documents.retrieve(context, document);
        } catch (Throwable e) {
            if (e instanceof VirtualMachineError fatal && !(e instanceof StackOverflowError)) {
                throw fatal;
            }
            String trace = UUID.randomUUID().toString();
            log.error("Document retrieval failed unexpectedly trace={}: {}", trace, e.getClass().getSimpleName());
            return RetrievedDocument.failed(RecordProblem.carepointError(trace));
        }
    }

    /**
     * Why the policy refuses a section, if it does: not in the role's sections; or the documents, for a role that
     * sees current information only (a document list filtered to "current" would read as "no documents").
     */
    private static Optional<RecordProblem> refused(DataSharingPolicy.Permission permission, SectionKind kind) {
        String trace = UUID.randomUUID().toString();
        if (!permission.allows(kind)) {
            return Optional.of(new RecordProblem(RecordProblem.Kind.NOT_PERMITTED,
                    "Your role does not give access to " + kind.title().toLowerCase() + ".",
                    "If you need it for this patient's direct care, contact the GP practice.", trace));
        }
        if (kind == SectionKind.DOCUMENTS && permission.currentOnly()) {
            return Optional.of(new RecordProblem(RecordProblem.Kind.NOT_PERMITTED, "Your role sees current "
                    + "information only, and the documents in a GP record are not part of it.",
                    "If you need a document for this patient's direct care, contact the GP practice.", trace));
        }
        return Optional.empty();
    }

    /** Keeps current information only: active allergies, current medications, active problems. */
    static Section<?> currentOnly(Section<?> s) {
        if (s.failed()) {
            return s;
        }
        List<?> items = s.items().stream().filter(item -> switch (item) {
            case RecordItems.Allergy a -> a.active();
            case RecordItems.Medication m -> m.current();
            case RecordItems.Problem p -> p.active();
            default -> false;
        }).toList();
        return new Section<>(s.kind(), List.copyOf(items), s.warnings(), s.notes(), s.problem());
    }
}
