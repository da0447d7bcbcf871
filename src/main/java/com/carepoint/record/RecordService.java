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
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    private static final Logger log = LoggerFactory.getLogger(RecordService.class);

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

    private final PracticeDirectory practices;
    private final StepTimings timings;

    @Autowired
    public RecordService(RecordAccess access, AccessAudit audit, PracticeNotifications notifications,
            PracticeDirectory practices, StepTimings timings) {
        this.timings = timings;
        this.access = access;
        this.audit = audit;
        this.notifications = notifications;
        this.practices = practices;
    }

    /** For tests that never tell the user to phone a practice: every practice's number is unknown. */
    RecordService(RecordAccess access, AccessAudit audit, PracticeNotifications notifications) {
        this(access, audit, notifications,
                ods -> new PracticeContact(ods, Optional.empty(), Optional.empty(), false), StepTimings.standalone());
    }

    /**
     * How to phone the patient's registered practice (issue 14, row 7): its name and telephone number from the
     * national organisation register, for every message that tells the user to phone it. Never a made-up number.
     * May be slow (a directory call): the view asks off the UI thread.
     */
    public Optional<PracticeContact> practiceContact(TracedPatient patient) {
        return patient.registeredPracticeOds().map(practices::contact);
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
        return open(viewer, patient, reason, c -> { });
    }

    /**
     * Opens the record for the reason given, letting {@code startCalls} start the first sections' calls with the new
     * context before the opening is audited (so the practice is already being asked while the audit row is written).
     * The row is written before this returns: a view calling this while it holds the UI shows nothing of the record
     * before it is audited.
     */
    public PatientContext open(CurrentUser viewer, TracedPatient patient, AccessReason reason,
            Consumer<PatientContext> startCalls) {
        PatientContext context = PatientContext.open(viewer, patient);
        startCalls.accept(context);
        long start = System.nanoTime();
        audit.recordViewed(viewer, patient.nhsNumber().value(), Optional.of(reason.recorded()),
                "opened at " + patient.registeredPracticeOds().orElseThrow());
        timings.since("record-audit", start);
        return context;
    }

    /**
     * One section within the user's policy, audited with its outcome; the practice is told the first time the
     * user's organisation receives any part of a record from it. Never throws.
     */
    public FetchedSection section(PatientContext context, SectionKind kind, SectionRequest request,
            AccessReason reason) {
        return section(context, kind, request, reason, f -> { });
    }

    /**
     * One section within the user's policy, handed to {@code show} as soon as it is known and then audited with its
     * outcome on the same thread, so that writing the audit row (serialised with every other audit write) is not
     * added to the time the user waits. {@code show} must not block (a view queues the drawing for its UI). The row is
     * written whatever the outcome, as before; an audit write that fails is logged ({@code AUDIT WRITE FAILED}), as
     * it always was, and never stops the section being shown. Never throws.
     */
    public FetchedSection section(PatientContext context, SectionKind kind, SectionRequest request,
            AccessReason reason, Consumer<FetchedSection> show) {
        CurrentUser viewer = context.user();
        // Audited whatever the outcome, a call stopped because the user left included: the practice saw the request.
        FetchedSection fetched = access.fetch(viewer, context, kind, request);
        try {
            show.accept(fetched);
        } catch (RuntimeException e) {
            log.error("Section {} could not be handed to the view trace={}: {}", kind, fetched.traceId(),
                    e.getClass().getSimpleName());
        }
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
