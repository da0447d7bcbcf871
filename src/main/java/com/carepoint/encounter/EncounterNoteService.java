package com.carepoint.encounter;

import com.carepoint.access.CurrentUser;
import com.carepoint.appointments.AppointmentService;
import com.carepoint.appointments.BookedInCarepoint;
import com.carepoint.audit.AccessAudit;
import com.carepoint.audit.AuditAction;
import com.carepoint.kernel.TracedPatient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The use case "write the encounter note and send it to the patient's GP": a draft per patient, saved as it is
 * typed and only its author's; signing freezes it and queues its delivery in the same transaction, so a signed note
 * is never lost between the two; a correction is a new note naming the one it corrects. Every step is audited.
 */
@Service
public class EncounterNoteService {

    /** Why a save or signing did not happen. */
    public enum Refusal {
        /** Not this user's draft, or no longer a draft. */
        NOT_YOURS,
        /** Saved meanwhile from another window: reload to see the latest. */
        CHANGED_ELSEWHERE
    }

    private final EncounterNotes notes;
    private final NoteDeliveries deliveries;
    private final AccessAudit audit;
    private final Clock clock;
    private final Duration draftRetention;
    private final AppointmentService appointments;

    @Autowired
    public EncounterNoteService(EncounterNotes notes, NoteDeliveries deliveries, AccessAudit audit,
            AppointmentService appointments,
            @Value("${carepoint.encounter.draft-retention:P30D}") Duration draftRetention) {
        this(notes, deliveries, audit, appointments, Clock.systemUTC(), draftRetention);
    }

    EncounterNoteService(EncounterNotes notes, NoteDeliveries deliveries, AccessAudit audit,
            AppointmentService appointments, Clock clock, Duration draftRetention) {
        this.appointments = appointments;
        this.notes = notes;
        this.deliveries = deliveries;
        this.audit = audit;
        this.clock = clock;
        this.draftRetention = draftRetention;
    }

    /** The note this user's role writes, or empty when it writes none. */
    public Optional<NoteKind> kindFor(CurrentUser user) {
        return NoteKind.forRole(user.role());
    }

    public Duration draftRetention() {
        return draftRetention;
    }

    /** A new draft about this patient; the user's role must write notes. */
    public EncounterNote start(CurrentUser user, TracedPatient patient) {
        NoteKind kind = kindFor(user).orElseThrow(() -> new IllegalStateException("This role writes no notes"));
        if (patient.registeredPracticeOds().isEmpty()) {
            throw new IllegalStateException("A note needs the patient's registered practice");
        }
        Instant now = clock.instant();
        EncounterNote note = new EncounterNote(UUID.randomUUID(), kind, EncounterNote.Status.DRAFT, author(user),
                PatientSnapshot.of(patient), new NoteContent(), Optional.empty(), now, now, Optional.empty(), 0);
        notes.insert(note);
        audit.note(user, patient.nhsNumber().value(), AuditAction.NOTE_DRAFTED, kind.displayName() + " note started",
                "draft " + note.id(), UUID.randomUUID().toString());
        return note;
    }

    /** The user's own note (draft or signed); nobody else's. */
    public Optional<EncounterNote> find(CurrentUser user, UUID id) {
        return notes.find(id).filter(n -> n.author().userId().equals(user.userId()));
    }

    /** Saves what the user has typed so far; the new revision, or why not. */
    public SaveResult save(CurrentUser user, UUID id, int revision, NoteContent content) {
        if (notes.saveDraft(id, user.userId(), revision, content, clock.instant())) {
            return new SaveResult(Optional.of(revision + 1), Optional.empty());
        }
        return new SaveResult(Optional.empty(), Optional.of(find(user, id).filter(n -> !n.signed()).isPresent()
                ? Refusal.CHANGED_ELSEWHERE : Refusal.NOT_YOURS));
    }

    /** A draft save's outcome: the revision now stored, or the refusal. */
    public record SaveResult(Optional<Integer> revision, Optional<Refusal> refusal) {
    }

    /** What signing came to: the signed note, or what must be put right first (or why it cannot be signed). */
    public record SignResult(Optional<EncounterNote> note, List<String> problems) {
    }

    /**
     * Signs the draft as last saved (its revision): the content is checked, then the note is frozen and its
     * delivery to the patient's registered practice queued, in one transaction.
     */
    @Transactional
    public SignResult sign(CurrentUser user, UUID id, int revision) {
        Optional<EncounterNote> draft = find(user, id).filter(n -> !n.signed());
        if (draft.isEmpty()) {
            return new SignResult(Optional.empty(), List.of("This note is not a draft of yours any more."));
        }
        if (draft.get().revision() != revision) {
            return new SignResult(Optional.empty(), List.of("This draft was saved from another window since you "
                    + "opened it. Reload the page to see the latest before signing."));
        }
        List<String> problems = NoteRules.signingProblems(draft.get().kind(), draft.get().content());
        if (!problems.isEmpty()) {
            return new SignResult(Optional.empty(), problems);
        }
        Instant now = clock.instant();
        if (!notes.sign(id, user.userId(), revision, now)) {
            return new SignResult(Optional.empty(), List.of("This draft was saved from another window since you "
                    + "opened it. Reload the page to see the latest before signing."));
        }
        EncounterNote signed = notes.find(id).orElseThrow();
        deliveries.queue(signed, now);
        audit.note(user, signed.patient().nhsNumber(), AuditAction.NOTE_SIGNED, signed.kind().displayName()
                + " note signed" + signed.corrects().map(c -> ", correcting note " + c).orElse(""),
                "queued for " + signed.patient().registeredPracticeOds(), UUID.randomUUID().toString());
        return new SignResult(Optional.of(signed), List.of());
    }

    /** A correction of a signed note: a new draft with its content, naming the note it corrects. */
    public EncounterNote correct(CurrentUser user, UUID signedId) {
        EncounterNote original = find(user, signedId).filter(EncounterNote::signed)
                .orElseThrow(() -> new IllegalStateException("Only your own signed note can be corrected"));
        Instant now = clock.instant();
        EncounterNote note = new EncounterNote(UUID.randomUUID(), original.kind(), EncounterNote.Status.DRAFT,
                author(user), original.patient(), original.content(), Optional.of(original.id()), now, now,
                Optional.empty(), 0);
        notes.insert(note);
        audit.note(user, original.patient().nhsNumber(), AuditAction.NOTE_DRAFTED, "Correction of note "
                + original.id() + " started", "draft " + note.id(), UUID.randomUUID().toString());
        return note;
    }

    /** Deletes one of the user's own drafts (never a signed note); audited. */
    public boolean discard(CurrentUser user, UUID id) {
        Optional<EncounterNote> draft = find(user, id).filter(n -> !n.signed());
        if (draft.isEmpty() || !notes.deleteDraft(id, user.userId())) {
            return false;
        }
        // The outcome column holds at most 50 characters: the draft's id goes in the detail.
        audit.note(user, draft.get().patient().nhsNumber(), AuditAction.NOTE_DISCARDED, draft.get().kind()
                .displayName() + " note draft " + id + " discarded" + draft.get().corrects().map(c -> " (a correction "
                        + "of note " + c + ")").orElse(""), "deleted; nothing was sent",
                UUID.randomUUID().toString());
        return true;
    }

    /** How long before a note was started a booking counts as made in the same encounter. */
    static final Duration ENCOUNTER = Duration.ofHours(12);

    /**
     * The appointments the note's author booked for its patient through Carepoint in this encounter (from 12 hours
     * before the note was started), soonest first: what a 111 note's "appointment booked" can link to.
     */
    public List<BookedInCarepoint> bookingsFor(CurrentUser user, EncounterNote note) {
        if (!note.author().userId().equals(user.userId())) {
            return List.of();
        }
        return appointments.bookedInCarepoint(user, note.patient().nhsNumber(), note.createdAt().minus(ENCOUNTER));
    }

    /** The user's unsent drafts, most recently changed first. */
    public List<EncounterNote> drafts(CurrentUser user) {
        return notes.byAuthor(user.userId(), EncounterNote.Status.DRAFT, 50);
    }

    /** The user's signed notes with where each delivery has got to, most recent first. */
    public List<SentNote> sent(CurrentUser user) {
        return notes.byAuthor(user.userId(), EncounterNote.Status.SIGNED, 100).stream()
                .map(n -> new SentNote(n, deliveries.of(n.id()))).toList();
    }

    /** A signed note and its delivery. */
    public record SentNote(EncounterNote note, Optional<NoteDelivery> delivery) {
    }

    /** How long a rejected or undelivered note stays listed for its author and the privacy officer. */
    public static final Duration ATTENTION_WINDOW = Duration.ofDays(30);

    /**
     * The user's signed notes they must act on, oldest first: rejected or not delivered in the last
     * {@link #ATTENTION_WINDOW}, or not delivered within the configured time and still on their way.
     */
    public List<SentNote> needingAttention(CurrentUser user) {
        return deliveries.needingAttentionBy(user.userId(), clock.instant().minus(ATTENTION_WINDOW), 100).stream()
                .map(d -> notes.find(d.noteId()).map(n -> new SentNote(n, Optional.of(d))))
                .flatMap(Optional::stream).toList();
    }

    /** How many notes, of every author, need someone to act (for the privacy officer's home page). */
    public int undeliveredCount(CurrentUser officer) {
        requireOfficer(officer);
        return deliveries.needingAttention(clock.instant().minus(ATTENTION_WINDOW), 500).size();
    }

    /**
     * A note that has not reached the patient's practice, as the privacy officer sees it: who wrote it, for which
     * patient (by NHS number only: the privacy officer sees no clinical information), how long ago, where it got
     * to, and what to do.
     */
    public record UndeliveredNote(UUID noteId, String patientNhs, String kind, EncounterNote.Author author,
            String practiceOds, Instant signedAt, Duration age, NoteDelivery delivery, String whatToDo) {
    }

    /**
     * Every author's notes that need someone to act, oldest first, for the privacy officer's page. Audited as an
     * audit review.
     */
    public List<UndeliveredNote> undelivered(CurrentUser officer) {
        requireOfficer(officer);
        Instant now = clock.instant();
        List<UndeliveredNote> rows = deliveries.needingAttention(now.minus(ATTENTION_WINDOW), 500).stream()
                .map(d -> notes.find(d.noteId()).map(n -> new UndeliveredNote(n.id(), n.patient().nhsNumber(),
                        n.kind().displayName(), n.author(), n.patient().registeredPracticeOds(),
                        n.signedAt().orElse(d.queuedAt()), Duration.between(d.queuedAt(), now), d,
                        whatToDo(n, d))))
                .flatMap(Optional::stream).toList();
        audit.oversight(officer, "Encounter notes not delivered to the practice reviewed", rows.size() + " shown");
        return rows;
    }

    /** The longest "what was done" a follow-up mark takes. */
    public static final int FOLLOW_UP_MAX = 500;

    /**
     * The privacy officer marks a rejected or undelivered note followed up, saying what was done (e.g. "Author phoned
     * the practice on 03-Dec; the practice has the note"): it leaves the undelivered page and the author's alerts.
     * Audited against the patient. False when the note is not rejected or undelivered, or was already marked.
     *
     * @throws IllegalArgumentException when what was done is blank, too long or holds invisible formatting
     */
    public boolean markFollowedUp(CurrentUser officer, UUID noteId, String whatWasDone) {
        requireOfficer(officer);
        String done = whatWasDone == null ? "" : whatWasDone.strip();
        if (done.isEmpty() || done.length() > FOLLOW_UP_MAX
                || com.carepoint.kernel.Text.hasInvisibleFormatting(done)) {
            throw new IllegalArgumentException("Say what was done, in at most " + FOLLOW_UP_MAX + " characters");
        }
        EncounterNote note = notes.find(noteId).orElseThrow(() -> new IllegalArgumentException("No such note"));
        boolean marked = deliveries.markFollowedUp(noteId, officer.userId(), done, clock.instant());
        if (marked) {
            audit.note(officer, note.patient().nhsNumber(), AuditAction.NOTE_DELIVERY, "Undelivered "
                    + note.kind().displayName() + " note " + noteId + " marked followed up: " + done, "followed up",
                    UUID.randomUUID().toString());
        }
        return marked;
    }

    /** What the privacy officer (or the operator) should do about a note that has not reached the practice. */
    static String whatToDo(EncounterNote n, NoteDelivery d) {
        String author = n.author().name() + " (" + n.author().orgName() + ")";
        String practice = "practice " + n.patient().registeredPracticeOds();
        String phoned = "Check that " + author + " has phoned " + practice + " and given them the note: Carepoint "
                + "has told them to.";
        boolean mailbox = d.lastError().or(d::detail).filter(e -> e.contains("Carepoint's mailbox")).isPresent();
        String operator = mailbox ? " MESH refused Carepoint's own mailbox: the operator must check its "
                + "configuration (mailbox id, password, shared key, certificates) before other notes are affected."
                : "";
        return switch (d.status()) {
            case REJECTED -> phoned + " The practice's GP system refused it, so it is not in the patient's GP "
                    + "record. If the practice does not know the patient, the national demographics service may "
                    + "name the wrong registered practice: report it to the service desk.";
            case FAILED -> phoned + " The note could not be delivered, so the practice does not have it. Tell the "
                    + "service desk." + operator;
            default -> phoned + " Carepoint keeps trying, but the note has not reached the practice in the time "
                    + "expected: ask the service desk to check Carepoint's MESH mailbox and the MESH service (the "
                    + "log says NOTE DELIVERY ALERT for note " + n.id() + ")." + operator;
        };
    }

    private static void requireOfficer(CurrentUser user) {
        if (user.role() != com.carepoint.access.Role.PRIVACY_OFFICER) {
            throw new IllegalStateException("Only the privacy officer sees every author's undelivered notes");
        }
    }

    /** The note's delivery, for its author. */
    public Optional<NoteDelivery> delivery(CurrentUser user, UUID id) {
        return find(user, id).flatMap(n -> deliveries.of(n.id()));
    }

    /**
     * The note's PDF, for its author: version 1 for a first note, one more for each correction it stands on.
     */
    public byte[] pdf(CurrentUser user, UUID id) {
        EncounterNote note = find(user, id).orElseThrow(() -> new IllegalStateException("Not your note"));
        int version = version(note);
        byte[] pdf = NotePdf.render(note, version, Optional.empty());
        audit.note(user, note.patient().nhsNumber(), AuditAction.NOTE_PDF_VIEWED, note.kind().displayName()
                + " note " + id + (note.signed() ? "" : " (draft)") + " downloaded as a PDF, version " + version,
                "downloaded: " + pdf.length + " bytes", UUID.randomUUID().toString());
        return pdf;
    }

    /** 1 for a first note; each correction is one more than the note it corrects. */
    int version(EncounterNote note) {
        return notes.version(note);
    }

    /** Removes drafts nobody has touched for the drafts' retention period; returns how many. */
    public int purgeOldDrafts() {
        return notes.purgeDraftsBefore(clock.instant().minus(draftRetention));
    }

    static EncounterNote.Author author(CurrentUser user) {
        return new EncounterNote.Author(user.userId(), user.name(), user.role().claimValue(), user.sdsUserId(),
                user.sdsRoleProfileId(), user.organisation().odsCode(), user.organisation().name());
    }
}
