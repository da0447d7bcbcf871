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
 * see is never requested; a "current only" role never asks for history and gets only current items back. The view
 * applies the same policy again when it decides what to show.
 */
@Service
public class RecordAccess {

    private static final Logger log = LoggerFactory.getLogger(RecordAccess.class);

    private final DataSharingPolicy policy;
    private final GpRecords fetcher;

    public RecordAccess(DataSharingPolicy policy, GpRecords fetcher) {
        this.policy = policy;
        this.fetcher = fetcher;
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
            return fetchWithinPolicy(user, context, kind, request);
        } catch (Throwable e) {
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

    private FetchedSection fetchWithinPolicy(CurrentUser user, PatientContext context,
            SectionKind kind, SectionRequest request) {
        DataSharingPolicy.Permission permission = policy.permissionFor(user);
        if (!permission.allows(kind)) {
            String trace = UUID.randomUUID().toString();
            return new FetchedSection(Section.failed(kind, new RecordProblem(RecordProblem.Kind.NOT_PERMITTED,
                    "Your role does not give access to " + kind.title().toLowerCase() + ".",
                    "If you need it for this patient's direct care, contact the GP practice.", trace)),
                    Optional.empty(), trace);
        }
        if (!permission.currentOnly()) {
            return fetcher.fetch(context, kind, request);
        }
        FetchedSection fetched = fetcher.fetch(context, kind, SectionRequest.FIRST_SCREEN);
        return new FetchedSection(currentOnly(fetched.section()), fetched.source(), fetched.traceId());
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
