package com.carepoint.patient;

import com.carepoint.kernel.StepTimings;

import com.carepoint.access.CurrentUser;
import com.carepoint.audit.AccessAudit;
import com.carepoint.kernel.NhsNumber;
import com.carepoint.kernel.TracedPatient;
import com.carepoint.spine.DemographicQuery;
import com.carepoint.spine.Demographics;
import com.carepoint.spine.SpineUnavailableException;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The use case "find the patient": a trace on the national demographics service by NHS number, or a search by
 * demographics, each audited with its outcome. The search view renders what this returns and never calls the
 * demographics service itself.
 */
@Service
public class PatientFinder {

    private final Demographics demographics;
    private final AccessAudit audit;
    private final StepTimings timings;

    public PatientFinder(Demographics demographics, AccessAudit audit, StepTimings timings) {
        this.demographics = demographics;
        this.audit = audit;
        this.timings = timings;
    }

    /**
     * The patient with this NHS number (the current one when it was superseded), if the service knows them.
     *
     * @throws SpineUnavailableException when the service cannot be reached; its message says so in plain English
     */
    public Optional<TracedPatient> byNhsNumber(CurrentUser user, NhsNumber number) {
        long start = System.nanoTime();
        Optional<TracedPatient> traced = demographics.trace(number);
        timings.since("trace", start);
        long audited = System.nanoTime();
        audit.searched(user, Optional.of(number.value()), "NHS number",
                traced.map(t -> t.superseded() ? "found (superseded number)" : "found").orElse("not found"));
        timings.since("search-audit", audited);
        return traced;
    }

    /**
     * The patients matching these details (at most ten), or too many matches.
     *
     * @throws SpineUnavailableException when the service cannot be reached
     */
    public Demographics.SearchResult byDemographics(CurrentUser user, DemographicQuery query) {
        Demographics.SearchResult result = demographics.search(query);
        audit.searched(user, Optional.empty(), "name and date of birth", switch (result) {
            case Demographics.SearchResult.TooManyMatches t -> "too many matches";
            case Demographics.SearchResult.Matches m -> m.patients().size() + " matches";
        });
        return result;
    }
}
