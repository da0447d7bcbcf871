package com.carepoint.record;

import com.carepoint.kernel.StepTimings;
import org.springframework.beans.factory.annotation.Autowired;

import com.carepoint.access.AccessReason;
import com.carepoint.access.CurrentUser;
import com.carepoint.access.DataSharingPolicy;
import com.carepoint.audit.AccessAudit;
import com.carepoint.audit.PracticeNotifications;
import com.carepoint.kernel.SectionKind;
import com.carepoint.kernel.TracedPatient;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;

/**
 * The use case "look at a patient's GP record": whether the record may be requested at all, opening it for a stated
 * reason, and each section within the user's policy — every step audited, the practice told of an organisation's
 * first access. Views render what this decides; they never call the GP system, the audit trail or the policy
 * themselves. The identity check on every answer is the GP system client's (see {@link GpRecords}).
 */
@Service
public class RecordService {

    /** Why a patient's GP record is not requested at all. */
    public enum NotRequested {
        /** S-flagged on the demographics service: restricted, never requested over GP Connect. */
        SENSITIVE("sensitive patient"),
        /** Practices do not share the records of patients who have died through GP Connect. */
        DECEASED("patient deceased"),
        /** The demographics service has no registered practice for the patient. */
        NO_PRACTICE("no registered practice");

        private final String audited;

        NotRequested(String audited) {
            this.audited = audited;
        }
    }

    private final RecordAccess access;
    private final AccessAudit audit;
    private final PracticeNotifications notifications;
    /** Practice and organisation pairs already notified by this node (a notification is made once anyway). */
    private final Set<String> notified = ConcurrentHashMap.newKeySet();

    private final StepTimings timings;

    public RecordService(RecordAccess access, AccessAudit audit, PracticeNotifications notifications) {
        this(access, audit, notifications, StepTimings.standalone());
    }

    @Autowired
    public RecordService(RecordAccess access, AccessAudit audit, PracticeNotifications notifications,
            StepTimings timings) {
        this.timings = timings;
        this.access = access;
        this.audit = audit;
        this.notifications = notifications;
    }

    public DataSharingPolicy.Permission permission(CurrentUser user) {
        return access.permission(user);
    }

    /** Whether (and why) this patient's record is not requested; when it is not, the view is audited as such. */
    public Optional<NotRequested> notRequested(CurrentUser viewer, TracedPatient patient) {
        Optional<NotRequested> why = patient.sensitive() ? Optional.of(NotRequested.SENSITIVE)
                : patient.isDeceased() ? Optional.of(NotRequested.DECEASED)
                : patient.registeredPracticeOds().isEmpty() ? Optional.of(NotRequested.NO_PRACTICE)
                : Optional.empty();
        why.ifPresent(w -> audit.recordNotRequested(viewer, patient.nhsNumber().value(), w.audited));
        return why;
    }

    /**
     * The user has just given their reason for this patient: an emergency access is queued for review here, once
     * (however often the record is reopened in the session).
     */
    public void reasonGiven(CurrentUser viewer, TracedPatient patient, AccessReason reason) {
        if (reason.emergency()) {
            audit.emergencyAccess(viewer, patient.nhsNumber().value(), reason.text(),
                    patient.registeredPracticeOds().orElseThrow());
        }
    }

    /** Opens the record for the reason given: audited, and a context for its sections. */
    public PatientContext open(CurrentUser viewer, TracedPatient patient, AccessReason reason) {
        long start = System.nanoTime();
        audit.recordViewed(viewer, patient.nhsNumber().value(), Optional.of(reason.recorded()),
                "opened at " + patient.registeredPracticeOds().orElseThrow());
        timings.since("record-audit", start);
        return PatientContext.open(viewer, patient);
    }

    /**
     * One section within the user's policy, audited with its outcome; the practice is told the first time the
     * user's organisation receives any part of a record from it. Never throws.
     */
    public FetchedSection section(PatientContext context, SectionKind kind, SectionRequest request,
            AccessReason reason) {
        CurrentUser viewer = context.user();
        // Audited whatever the outcome, a call stopped because the user left included: the practice saw the request.
        FetchedSection fetched = access.fetch(viewer, context, kind, request);
        Section<?> section = fetched.section();
        long audited = System.nanoTime();
        audit.sectionViewed(viewer, context.patient().nhsNumber().value(), kind.title()
                + (request == SectionRequest.FIRST_SCREEN ? " (first screen)" : " (full)"),
                Optional.of(reason.recorded()), section.items().size(), section.problem().map(p -> p.kind().name()),
                fetched.traceId());
        fetched.source().filter(s -> section.problem().isEmpty()
                        && notified.add(s.odsCode() + "|" + viewer.organisation().odsCode()))
                .ifPresent(s -> notifications.accessed(viewer, s.odsCode(), s.practiceName(), fetched.traceId()));
        timings.since("section-audit", kind, audited);
        return fetched;
    }

    /**
     * The documents filed in the patient's record, within the user's policy: a section like the others (audited as
     * "Documents (full)", the practice told of a first access), listed newest first.
     */
    public FetchedSection documents(PatientContext context, AccessReason reason) {
        return section(context, SectionKind.DOCUMENTS, SectionRequest.FULL, reason);
    }

    /**
     * One listed document retrieved from the practice to be viewed, within the user's policy: audited with what the
     * document is and the outcome, whatever it is. Never throws.
     */
    public RetrievedDocument document(PatientContext context, DocumentItem document, AccessReason reason) {
        CurrentUser viewer = context.user();
        RetrievedDocument retrieved = access.retrieve(viewer, context, document);
        audit.documentRetrieved(viewer, context.patient().nhsNumber().value(), describe(document),
                Optional.of(reason.recorded()), retrieved.content().map(c -> (long) c.bytes().length).orElse(0L),
                retrieved.problem().map(p -> p.kind().name()), retrieved.traceId());
        return retrieved;
    }

    /** What the audit trail says of a document: "Document: Discharge summary (Inpatient final discharge letter, 24-Jun-2019)". */
    static String describe(DocumentItem d) {
        String title = d.title().length() > 120 ? d.title().substring(0, 119) + "…" : d.title();
        return "Document: " + title + " (" + d.type().display() + d.date().map(x -> ", " + x.dateOnly()).orElse("")
                + ")";
    }
}
