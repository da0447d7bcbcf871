package com.carepoint.record;

import com.carepoint.access.CurrentUser;
import com.carepoint.access.DataSharingPolicy;
import com.carepoint.gpconnect.GpConnectRecords;
import com.carepoint.gpconnect.SectionRequest;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The data-sharing policy applied in the service layer, before any provider call: a section the user's role may not
 * see is never requested; a "current only" role never asks for history and gets only current items back. The view
 * applies the same policy again when it decides what to show.
 */
@Service
public class RecordAccess {

    /** Fetches one section from the GP system (the GP Connect consumer in production). */
    @FunctionalInterface
    public interface SectionFetcher {
        GpConnectRecords.Fetched fetch(GpConnectRecords.Encounter encounter, SectionKind kind, SectionRequest request);
    }

    private final DataSharingPolicy policy;
    private final SectionFetcher fetcher;

    @org.springframework.beans.factory.annotation.Autowired
    public RecordAccess(DataSharingPolicy policy, GpConnectRecords records) {
        this(policy, records::fetch);
    }

    RecordAccess(DataSharingPolicy policy, SectionFetcher fetcher) {
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
    public GpConnectRecords.Fetched fetch(CurrentUser user, GpConnectRecords.Encounter encounter, SectionKind kind,
            SectionRequest request) {
        try {
            return fetchWithinPolicy(user, encounter, kind, request);
        } catch (RuntimeException e) {
            String trace = UUID.randomUUID().toString();
            org.slf4j.LoggerFactory.getLogger(RecordAccess.class).error("Section {} failed unexpectedly trace={}: {}",
                    kind, trace, e.getClass().getSimpleName());
            return new GpConnectRecords.Fetched(Section.failed(kind, new RecordProblem(
                    RecordProblem.Kind.CARE_POINT_ERROR, "Carepoint could not retrieve this part of the record because "
                    + "of a problem in Carepoint.", "Report it to the service desk with reference " + trace
                    + ", and use other sources of information meanwhile.", trace)), Optional.empty(), trace);
        }
    }

    private GpConnectRecords.Fetched fetchWithinPolicy(CurrentUser user, GpConnectRecords.Encounter encounter,
            SectionKind kind, SectionRequest request) {
        DataSharingPolicy.Permission permission = policy.permissionFor(user);
        if (!permission.allows(kind)) {
            String trace = UUID.randomUUID().toString();
            return new GpConnectRecords.Fetched(Section.failed(kind, new RecordProblem(RecordProblem.Kind.NOT_PERMITTED,
                    "Your role does not give access to " + kind.title().toLowerCase() + ".",
                    "If you need it for this patient's direct care, contact the GP practice.", trace)),
                    Optional.empty(), trace);
        }
        if (!permission.currentOnly()) {
            return fetcher.fetch(encounter, kind, request);
        }
        GpConnectRecords.Fetched fetched = fetcher.fetch(encounter, kind, SectionRequest.FIRST_SCREEN);
        return new GpConnectRecords.Fetched(currentOnly(fetched.section()), fetched.source(), fetched.traceId());
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
