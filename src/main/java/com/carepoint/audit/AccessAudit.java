package com.carepoint.audit;

import com.carepoint.access.CurrentUser;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * What the record features tell the audit trail: every search, record view and section view, with its outcome. An
 * audit write that fails is logged loudly (by trace id) and never hides the clinical information from the user.
 */
@Service
public class AccessAudit {

    private static final Logger log = LoggerFactory.getLogger(AccessAudit.class);

    /** Outcome of a record view when no GP Connect request was made (followed by why). */
    public static final String NOT_REQUESTED = "GP record not requested: ";
    /** Outcome of a section view whose data was shown (followed by the number of items). */
    public static final String RETRIEVED = "retrieved: ";
    /** Outcome of a section view that failed or was refused (followed by the problem's kind). */
    public static final String NOT_RETRIEVED = "not retrieved: ";

    /** The longest outcome the audit trail holds ({@code audit_event.outcome}). */
    static final int MAX_OUTCOME = 50;

    private final AuditTrail trail;

    public AccessAudit(AuditTrail trail) {
        this.trail = trail;
    }

    public void searched(CurrentUser user, Optional<String> nhsNumber, String how, String outcome) {
        write(user, nhsNumber, AuditAction.PATIENT_SEARCH, "Search by " + how, Optional.empty(), outcome,
                UUID.randomUUID().toString());
    }

    public void recordViewed(CurrentUser user, String nhsNumber, Optional<String> reason, String outcome) {
        write(user, Optional.of(nhsNumber), AuditAction.RECORD_VIEW, "GP record opened", reason, outcome,
                UUID.randomUUID().toString());
    }

    /**
     * Emergency access to a patient's record: one row, which is the privacy officer's review-queue entry.
     *
     * @return the row's id, or empty when the audit write failed (logged loudly)
     */
    public Optional<Long> emergencyAccess(CurrentUser user, String nhsNumber, String justification, String practiceOds) {
        return write(user, Optional.of(nhsNumber), AuditAction.EMERGENCY_ACCESS, "Emergency access to the GP record at "
                + practiceOds, Optional.of(justification), EmergencyAccessReviews.AWAITING_REVIEW,
                UUID.randomUUID().toString());
    }

    /** A page the user's role does not allow, opened by link, bookmark or typed address. */
    public void pageRefused(CurrentUser user, String path) {
        write(user, Optional.empty(), AuditAction.ACCESS_DENIED, "Page refused: /" + path, Optional.empty(),
                "refused for role " + user.role().name(), UUID.randomUUID().toString());
    }

    /** A record opened without any request to the practice (sensitive, deceased, no practice). */
    public void recordNotRequested(CurrentUser user, String nhsNumber, String why) {
        recordViewed(user, nhsNumber, Optional.empty(), NOT_REQUESTED + why);
    }

    /**
     * A section view: shown with its number of items, or not retrieved with the problem's kind.
     *
     * @param problem empty when the section was retrieved and shown
     */
    public void sectionViewed(CurrentUser user, String nhsNumber, String section, Optional<String> reason,
            int items, Optional<String> problem, String traceId) {
        write(user, Optional.of(nhsNumber), AuditAction.SECTION_VIEW, section, reason,
                problem.map(p -> NOT_RETRIEVED + p).orElse(RETRIEVED + items + " items"), traceId);
    }

    /**
     * A document from the patient's GP record retrieved for viewing (recorded as a section view, so that the patient's
     * transparency report shows it): retrieved with its size, or not retrieved with the problem's kind.
     *
     * @param document what the document is (title, type, date), never its content
     * @param problem  empty when the document was retrieved
     */
    public void documentRetrieved(CurrentUser user, String nhsNumber, String document, Optional<String> reason,
            long bytes, Optional<String> problem, String traceId) {
        write(user, Optional.of(nhsNumber), AuditAction.SECTION_VIEW, document, reason,
                problem.map(p -> NOT_RETRIEVED + p).orElse(RETRIEVED + bytes + " bytes"), traceId);
    }

    /** The appointment actions: a free-slot search, a booking, the patient's appointments viewed, an amendment, a cancellation. */
    public static final Set<AuditAction> APPOINTMENT_ACTIONS = EnumSet.of(AuditAction.SLOT_SEARCH,
            AuditAction.BOOKING, AuditAction.APPOINTMENTS_VIEW, AuditAction.APPOINTMENT_AMEND,
            AuditAction.APPOINTMENT_CANCEL);

    /**
     * An appointment action for a patient, with the reason the user gave for the patient and its outcome.
     *
     * @param action one of {@link #APPOINTMENT_ACTIONS}
     */
    public void appointment(CurrentUser user, String nhsNumber, AuditAction action, String detail, String reason,
            String outcome, String traceId) {
        if (!APPOINTMENT_ACTIONS.contains(action)) {
            throw new IllegalArgumentException("Not an appointment action: " + action);
        }
        write(user, Optional.of(nhsNumber), action, detail, Optional.of(reason), outcome, traceId);
    }

    /**
     * The encounter-note actions: a draft started, a note signed, a delivery's progress, a note sent (MESH accepted),
     * a draft discarded, a note's PDF downloaded.
     */
    public static final Set<AuditAction> NOTE_ACTIONS = EnumSet.of(AuditAction.NOTE_DRAFTED, AuditAction.NOTE_SIGNED,
            AuditAction.NOTE_DELIVERY, AuditAction.DOCUMENT_SENT, AuditAction.NOTE_DISCARDED,
            AuditAction.NOTE_PDF_VIEWED);

    /**
     * An encounter-note action about a patient; for the sender's own steps {@code user} is the note's author.
     *
     * @param action one of {@link #NOTE_ACTIONS}
     */
    public void note(CurrentUser user, String nhsNumber, AuditAction action, String detail, String outcome,
            String traceId) {
        if (!NOTE_ACTIONS.contains(action)) {
            throw new IllegalArgumentException("Not an encounter-note action: " + action);
        }
        write(user, Optional.of(nhsNumber), action, detail, Optional.empty(), outcome, traceId);
    }

    /**
     * The privacy officer's look at an oversight page that lists several patients (e.g. encounter notes that have
     * not reached the practice): recorded as an audit review, naming no one patient.
     */
    public void oversight(CurrentUser user, String detail, String outcome) {
        write(user, Optional.empty(), AuditAction.AUDIT_REVIEW, detail, Optional.empty(), outcome,
                UUID.randomUUID().toString());
    }

    private Optional<Long> write(CurrentUser user, Optional<String> nhs, AuditAction action, String detail,
            Optional<String> reason, String outcome, String traceId) {
        // An outcome longer than the column holds (a delivery's reason from MESH or the practice, a booking
        // reference that is a UUID) would lose the whole row: the whole outcome goes in the detail as well, so the
        // row is written and nothing of it is lost.
        if (outcome != null && outcome.length() > MAX_OUTCOME) {
            detail = detail + ": " + outcome;
            outcome = outcome.substring(0, MAX_OUTCOME - 1) + "\u2026";
        }
        try {
            return Optional.of(trail.record(new AuditEvent(Instant.now(), user, nhs, action, detail, reason, outcome,
                    traceId)));
        } catch (RuntimeException e) {
            log.error("AUDIT WRITE FAILED action={} trace={}: {}", action, traceId, e.toString());
            return Optional.empty();
        }
    }
}
