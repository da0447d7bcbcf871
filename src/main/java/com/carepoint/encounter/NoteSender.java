package com.carepoint.encounter;

import com.carepoint.access.CurrentUser;
import com.carepoint.access.Organisation;
import com.carepoint.access.OrganisationType;
import com.carepoint.access.Role;
import com.carepoint.appointments.BookingPolicy;
import com.carepoint.audit.AccessAudit;
import com.carepoint.audit.AuditAction;
import com.carepoint.gpconnect.senddocument.ConsultationReport;
import com.carepoint.gpconnect.senddocument.ConsultationReportMessage;
import com.carepoint.gpconnect.senddocument.ItkAcknowledgement;
import com.carepoint.gpconnect.senddocument.SendDocumentAcknowledgements;
import com.carepoint.gpconnect.senddocument.SendDocumentMessage;
import com.carepoint.gpconnect.senddocument.SendDocumentSpec;
import com.carepoint.kernel.NhsNumber;
import com.carepoint.mesh.DownloadedMessage;
import com.carepoint.mesh.MeshClient;
import com.carepoint.mesh.MeshException;
import com.carepoint.mesh.MeshProperties;
import com.carepoint.mesh.OutgoingMessage;
import com.carepoint.mesh.TrackingInfo;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Works the durable outbox: sends each signed note's Send Document message to the patient's registered practice over
 * MESH, retrying with exponential backoff while MESH is unreachable; follows it (MESH tracking, then the practice's
 * infrastructure and business acknowledgements from Carepoint's inbox) to "filed" or "rejected"; raises an alert when
 * a note has not arrived within the configured time. Each due delivery is claimed with
 * {@code SELECT … FOR UPDATE SKIP LOCKED} and sent while the claim is held, so several Carepoint nodes never send one
 * note at the same time; the message id is the same for every attempt, so a resend after a crash is recognised by
 * the practice. Run by two db-scheduler recurring tasks (each on one node at a time; see {@code NoteSenderTasks}):
 * sending every few seconds, reading the inbox and tracking on MESH's cadence.
 */
@Service
public class NoteSender {

    private static final Logger log = LoggerFactory.getLogger(NoteSender.class);
    private static final int BATCH = 10;
    /** How long a node's claim on a delivery lasts while it sends, by default (longer than any MESH call may take). */
    static final Duration CLAIM = Duration.ofMinutes(5);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final EncounterNotes notes;
    private final NoteDeliveries deliveries;
    private final ObjectProvider<MeshClient> mesh;
    private final MeshProperties meshProperties;
    private final BookingPolicy contacts;
    private final AccessAudit audit;
    private final Clock clock;
    private final Duration retryBase;
    private final Duration retryMax;
    private final Duration alertAfter;
    private final Duration trackAfter;
    private Duration claim = CLAIM;

    @Autowired
    NoteSender(JdbcClient jdbc, PlatformTransactionManager transactions, EncounterNotes notes,
            NoteDeliveries deliveries, ObjectProvider<MeshClient> mesh, MeshProperties meshProperties,
            BookingPolicy contacts, AccessAudit audit,
            @Value("${carepoint.encounter.retry-base:30s}") Duration retryBase,
            @Value("${carepoint.encounter.retry-max:15m}") Duration retryMax,
            @Value("${carepoint.encounter.delivery-alert-after:4h}") Duration alertAfter,
            @Value("${carepoint.encounter.track-after:1m}") Duration trackAfter,
            @Value("${carepoint.encounter.send-claim:5m}") Duration claim) {
        this(jdbc, transactions, notes, deliveries, mesh, meshProperties, contacts, audit, retryBase, retryMax,
                alertAfter, trackAfter, Clock.systemUTC());
        this.claim = claim;
    }

    /** A sender on another clock (the reliability benchmark runs simulated time). */
    NoteSender(JdbcClient jdbc, PlatformTransactionManager transactions, EncounterNotes notes,
            NoteDeliveries deliveries, ObjectProvider<MeshClient> mesh, MeshProperties meshProperties,
            BookingPolicy contacts, AccessAudit audit, Duration retryBase, Duration retryMax, Duration alertAfter,
            Duration trackAfter, Clock clock) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.notes = notes;
        this.deliveries = deliveries;
        this.mesh = mesh;
        this.meshProperties = meshProperties;
        this.contacts = contacts;
        this.audit = audit;
        this.clock = clock;
        this.retryBase = retryBase;
        this.retryMax = retryMax;
        this.alertAfter = alertAfter;
        this.trackAfter = trackAfter;
    }

    /** One whole pass: send what is due, read acknowledgements, follow accepted messages, raise alerts. */
    public void work() {
        send();
        collect();
    }

    /**
     * The outbox's pass, every {@code carepoint.encounter.send-interval}: send what is due and raise alerts. Sending
     * has no limit on how often; reading the inbox has ({@link #collect()}).
     */
    public void send() {
        MeshClient client = mesh.getIfAvailable();
        if (client != null) {
            sendDue(client);
        }
        alertOverdue();
    }

    /**
     * The inbox's pass, every {@link MeshProperties#inboxPollEvery()} (at most every five minutes for a real MESH
     * server, as the MESH API requires): read the practices' acknowledgements and MESH's error reports, and track
     * the messages accepted but not yet collected.
     */
    public void collect() {
        MeshClient client = mesh.getIfAvailable();
        if (client != null) {
            readInbox(client);
            track(client);
        }
    }

    /**
     * Sends every due delivery, one at a time: each is claimed in a short transaction of its own (marked SENDING,
     * the claim lasting {@code carepoint.encounter.send-claim}, {@link #CLAIM} by default), sent with no transaction
     * or lock held, and its outcome recorded afterwards.
     * A claim whose node died mid-send runs out and the note is queued again: it is sent again with the same message
     * id, which the practice recognises. Returns how many were sent.
     */
    int sendDue(MeshClient client) {
        // Claims that ran out (a node died, or was killed, while sending) go back to the queue.
        jdbc.sql("update note_delivery set status = 'QUEUED' where status = 'SENDING' and next_attempt_at <= ?")
                .param(Timestamp.from(clock.instant())).update();
        int sent = 0;
        for (int i = 0; i < BATCH; i++) {
            Optional<UUID> claimed = tx.execute(status -> {
                Optional<UUID> due = jdbc.sql("""
                        select note_id from note_delivery where status = 'QUEUED' and next_attempt_at <= ?
                        order by queued_at limit 1 for update skip locked
                        """).param(Timestamp.from(clock.instant())).query(UUID.class).optional();
                due.ifPresent(id -> jdbc.sql("""
                        update note_delivery set status = 'SENDING', next_attempt_at = ? where note_id = ?
                        """).params(Timestamp.from(clock.instant().plus(claim)), id).update());
                return due;
            });
            if (claimed == null || claimed.isEmpty()) {
                break;
            }
            attempt(client, claimed.get());
            sent++;
        }
        return sent;
    }

    private void attempt(MeshClient client, UUID noteId) {
        try {
            attemptOnce(client, noteId);
        } catch (RuntimeException e) {
            // A fault in Carepoint while preparing or recording a send: the note stays queued and is tried again
            // later (never in a tight loop), and the operator sees it in the log.
            NoteDelivery d = deliveries.of(noteId).orElseThrow();
            int attempts = d.attempts() + 1;
            jdbc.sql("update note_delivery set status = 'QUEUED', attempts = ?, next_attempt_at = ?, last_error = ? "
                    + "where note_id = ? and status = 'SENDING'").params(attempts,
                    Timestamp.from(clock.instant().plus(backoff(attempts))), "a problem in Carepoint while sending",
                    noteId).update();
            log.error("Note send failed inside Carepoint note={}: {}", noteId, e.getClass().getSimpleName());
        }
    }

    private void attemptOnce(MeshClient client, UUID noteId) {
        EncounterNote note = notes.find(noteId).orElseThrow();
        NoteDelivery d = deliveries().of(noteId).orElseThrow();
        Instant now = clock.instant();
        SendDocumentMessage message;
        try {
            message = message(note, d);
        } catch (IllegalArgumentException e) {
            fail(note, "Carepoint could not address the note to the practice (" + e.getMessage() + ").", now);
            return;
        }
        try {
            MeshAddressingHeaders h = new MeshAddressingHeaders(message);
            String meshId = client.send(new OutgoingMessage(h.to(), h.workflowId(), message.body(),
                    message.contentType(), h.fileName(), h.localId(), h.subject()));
            jdbc.sql("""
                    update note_delivery set status = 'ACCEPTED', mesh_message_id = ?, accepted_at = ?,
                        attempts = attempts + 1, last_error = null, status_detail = null
                    where note_id = ? and status = 'SENDING'
                    """).params(meshId, Timestamp.from(now), noteId).update();
            log.info("Note sent over MESH note={} mesh={} attempt={}", noteId, meshId, d.attempts() + 1);
            audit.note(author(note), note.patient().nhsNumber(), AuditAction.DOCUMENT_SENT, note.kind().displayName()
                    + " note sent to " + note.patient().registeredPracticeOds() + " over MESH", "accepted by MESH",
                    message.messageId().toString());
        } catch (MeshException e) {
            boolean permanent = !e.retryable() && !e.outcomeUnknown() && !e.kind().needsOperator();
            String why = plain(e);
            if (permanent) {
                fail(note, why, now);
                return;
            }
            int attempts = d.attempts() + 1;
            Duration wait = backoff(attempts);
            jdbc.sql("""
                    update note_delivery set status = 'QUEUED', attempts = ?, next_attempt_at = ?, last_error = ?
                    where note_id = ? and status = 'SENDING'
                    """).params(attempts, Timestamp.from(now.plus(wait)), why, noteId).update();
            log.warn("Note not yet sent note={} attempt={} kind={} next in {}s", noteId, attempts, e.kind(),
                    wait.toSeconds());
            if (e.kind().needsOperator()) {
                alert(note, "MESH refused Carepoint's mailbox (" + e.kind() + "): an operator must check its "
                        + "configuration.");
            }
        }
    }

    /** 30 s, 1 min, 2 min, … up to 15 min (configurable). */
    Duration backoff(int attempts) {
        long factor = 1L << Math.min(attempts - 1, 20);
        Duration d = retryBase.multipliedBy(factor);
        return d.compareTo(retryMax) > 0 ? retryMax : d;
    }

    /** Reads Carepoint's MESH inbox: the practices' acknowledgements and MESH's error reports. */
    void readInbox(MeshClient client) {
        List<String> ids;
        try {
            ids = client.inbox();
        } catch (MeshException e) {
            log.warn("MESH inbox not read: {}", e.kind());
            return;
        }
        for (String id : ids) {
            try {
                DownloadedMessage m = client.download(id);
                handle(m);
                client.acknowledge(id);
            } catch (MeshException e) {
                log.warn("MESH message {} not handled: {}", id, e.kind());
            } catch (RuntimeException e) {
                // Left in the inbox to be tried again; the rest of the pass (tracking, alerts) still runs.
                log.error("MESH message {} could not be handled inside Carepoint: {}", id, e.getClass().getSimpleName());
            }
        }
    }

    private void handle(DownloadedMessage m) {
        Instant now = clock.instant();
        if (m.type() == DownloadedMessage.Type.REPORT && m.report().isPresent()) {
            // MESH could not deliver one of Carepoint's messages.
            String linked = m.report().get().linkedMessageId();
            jdbc.sql("select note_id from note_delivery where mesh_message_id = ?").param(linked).query(UUID.class)
                    .optional().flatMap(notes::find)
                    .ifPresent(note -> fail(note, "MESH could not deliver it: " + m.report().get().plainEnglish(), now));
            return;
        }
        if (!SendDocumentSpec.ACK_WORKFLOW_ID.equals(m.workflowId())) {
            log.warn("MESH message {} with workflow {} is not for Carepoint's sender: acknowledged, ignored",
                    m.messageId(), m.workflowId());
            return;
        }
        ItkAcknowledgement ack;
        try {
            ack = SendDocumentAcknowledgements.parse(m.body());
        } catch (SendDocumentAcknowledgements.UnreadableAcknowledgementException e) {
            log.warn("MESH message {}: an acknowledgement Carepoint could not read", m.messageId());
            return;
        }
        Optional<UUID> noteId = jdbc.sql("select note_id from note_delivery where itk_message_id = ?")
                .param(ack.originalMessageId()).query(UUID.class).optional();
        if (noteId.isEmpty()) {
            log.warn("Acknowledgement for an unknown message {}", ack.originalMessageId());
            return;
        }
        EncounterNote note = notes.find(noteId.get()).orElseThrow();
        NoteDelivery d = deliveries().of(noteId.get()).orElseThrow();
        if (d.status().done()) {
            return;
        }
        switch (ack.outcome()) {
            case ACCEPTED -> advance(note, d, NoteDelivery.Status.DELIVERED, null, now);
            case FILED -> advance(note, d, ack.level() == ItkAcknowledgement.Level.BUSINESS ? NoteDelivery.Status.FILED
                    : NoteDelivery.Status.DELIVERED, null, now);
            case DUPLICATE -> log.info("Practice saw note {} again (a resend): no change", note.id());
            case REJECTED -> {
                jdbc.sql("""
                        update note_delivery set status = 'REJECTED', status_detail = ?, completed_at = ?
                        where note_id = ?""").params("The practice said: " + sentence(ack.plainEnglish()), Timestamp.from(now),
                        note.id()).update();
                audit.note(author(note), note.patient().nhsNumber(), AuditAction.NOTE_DELIVERY, "Note "
                        + note.id() + " rejected by " + note.patient().registeredPracticeOds(), "rejected: "
                        + ack.code(), ack.originalMessageId());
            }
        }
    }

    private void advance(EncounterNote note, NoteDelivery d, NoteDelivery.Status to, String detail, Instant now) {
        if (to.ordinal() <= d.status().ordinal()) {
            return;
        }
        jdbc.sql("update note_delivery set status = ?, status_detail = ?, "
                + (to == NoteDelivery.Status.FILED ? "completed_at" : "delivered_at") + " = ? where note_id = ?")
                .params(to.name(), detail, Timestamp.from(now), note.id()).update();
        audit.note(author(note), note.patient().nhsNumber(), AuditAction.NOTE_DELIVERY, "Note " + note.id() + " "
                + to.label().toLowerCase(java.util.Locale.UK) + " at " + note.patient().registeredPracticeOds(),
                to.name().toLowerCase(java.util.Locale.UK), UUID.randomUUID().toString());
    }

    /** Follows accepted messages on MESH: collected by the practice, or undeliverable. */
    void track(MeshClient client) {
        List<NoteDelivery> accepted = jdbc.sql("""
                select * from note_delivery where status = 'ACCEPTED' and accepted_at <= ? order by accepted_at
                limit 20""").param(Timestamp.from(clock.instant().minus(trackAfter))).query(NoteDeliveries::row)
                .list();
        for (NoteDelivery d : accepted) {
            try {
                TrackingInfo t = client.track(d.meshMessageId().orElseThrow());
                EncounterNote note = notes.find(d.noteId()).orElseThrow();
                if (t.state() == TrackingInfo.State.ACKNOWLEDGED) {
                    advance(note, d, NoteDelivery.Status.DELIVERED, null, clock.instant());
                } else if (t.state() == TrackingInfo.State.UNDELIVERABLE) {
                    fail(note, "MESH could not deliver it" + (t.statusDescription() == null ? "."
                            : ": " + t.statusDescription()), clock.instant());
                }
            } catch (MeshException e) {
                log.info("MESH tracking not available for note={}: {}", d.noteId(), e.kind());
            }
        }
    }

    /** A note that has not reached the practice in the configured time is flagged once, loudly. */
    void alertOverdue() {
        List<NoteDelivery> late = jdbc.sql("""
                select * from note_delivery where status in ('QUEUED', 'SENDING', 'ACCEPTED', 'DELIVERED')
                and alerted_at is null
                and queued_at <= ?""").param(Timestamp.from(clock.instant().minus(alertAfter)))
                .query(NoteDeliveries::row).list();
        for (NoteDelivery d : late) {
            notes.find(d.noteId()).ifPresent(note -> alert(note, "Not delivered to the practice within "
                    + duration(alertAfter) + "."));
        }
    }

    /** The text as a sentence: with a full stop at the end. */
    static String sentence(String s) {
        String t = s.strip();
        return t.endsWith(".") ? t : t + ".";
    }

    /** "4 hours", "90 minutes", "30 seconds". */
    static String duration(Duration d) {
        if (d.toMinutes() == 0) {
            return d.toSeconds() + (d.toSeconds() == 1 ? " second" : " seconds");
        }
        if (d.toMinutesPart() != 0 || d.toHours() == 0) {
            return d.toMinutes() + (d.toMinutes() == 1 ? " minute" : " minutes");
        }
        return d.toHours() + (d.toHours() == 1 ? " hour" : " hours");
    }

    private void alert(EncounterNote note, String why) {
        int flagged = jdbc.sql("update note_delivery set alerted_at = ? where note_id = ? and alerted_at is null")
                .params(Timestamp.from(clock.instant()), note.id()).update();
        if (flagged == 1) {
            log.error("NOTE DELIVERY ALERT note={} practice={}: {}", note.id(), note.patient().registeredPracticeOds(),
                    why);
            audit.note(author(note), note.patient().nhsNumber(), AuditAction.NOTE_DELIVERY, "Delivery alert for note "
                    + note.id(), why, UUID.randomUUID().toString());
        }
    }

    private void fail(EncounterNote note, String why, Instant now) {
        jdbc.sql("""
                update note_delivery set status = 'FAILED', status_detail = ?, completed_at = ?, alerted_at = ?
                where note_id = ?""").params(why, Timestamp.from(now), Timestamp.from(now), note.id()).update();
        log.error("NOTE NOT DELIVERED note={} practice={}", note.id(), note.patient().registeredPracticeOds());
        audit.note(author(note), note.patient().nhsNumber(), AuditAction.NOTE_DELIVERY, "Note " + note.id()
                + " could not be delivered to " + note.patient().registeredPracticeOds(), "failed: " + why,
                UUID.randomUUID().toString());
    }

    /** The note's Send Document message, built the same way on every attempt. */
    SendDocumentMessage message(EncounterNote note, NoteDelivery d) {
        PatientSnapshot p = note.patient();
        int version = notes.version(note);
        byte[] pdf = NotePdf.render(note, version, contacts.telephone(note.author().orgOds()));
        String name = note.author().name().strip();
        int space = name.lastIndexOf(' ');
        ConsultationReport report = new ConsultationReport(NoteDeliveries.messageId(note.id()), note.id(),
                note.corrects(), version, note.id().toString(), note.signedAt().orElseThrow(),
                new ConsultationReport.Patient(NhsNumber.parse(p.nhsNumber()).orElseThrow(), p.title(),
                        p.givenNames(), p.familyName(), p.gender(), p.birthDate(), p.addressLines(), p.postcode()),
                new ConsultationReport.Organisation(note.author().orgOds(), note.author().orgName(),
                        contacts.telephone(note.author().orgOds()).orElse("")),
                meshProperties.mailboxId(),
                new ConsultationReport.Author(note.author().sdsUserId(), null, space < 0 ? List.of()
                        : List.of(name.substring(0, space).split("\\s+")), space < 0 ? name : name.substring(space + 1),
                        Optional.empty()),
                note.createdAt(), note.signedAt().orElseThrow(), false, note.kind().title(), pdf);
        return ConsultationReportMessage.build(report);
    }

    private NoteDeliveries deliveries() {
        return deliveries;
    }

    /** The note's author as the audit trail records them (the sender acts for the author). */
    static CurrentUser author(EncounterNote note) {
        EncounterNote.Author a = note.author();
        return new CurrentUser(a.userId(), a.name(), Role.fromClaim(a.role()).orElse(Role.PARAMEDIC),
                new Organisation(a.orgOds(), a.orgName(), OrganisationType.OTHER), a.sdsUserId(), a.sdsRoleProfileId());
    }

    private static String plain(MeshException e) {
        return switch (e.kind()) {
            case TIMEOUT, CONNECTION_FAILED, NETWORK_ERROR -> "MESH could not be reached";
            case SERVER_ERROR, THROTTLED -> "MESH was not accepting messages";
            case UNKNOWN_RECIPIENT -> "MESH has no mailbox for the patient's registered practice";
            case AUTHENTICATION_FAILED, MAILBOX_NOT_FOUND -> "MESH refused Carepoint's mailbox";
            case WORKFLOW_NOT_PERMITTED -> "MESH does not allow Carepoint's mailbox to send this kind of message";
            case TOO_LARGE -> "the note is too large for MESH";
            default -> "MESH refused the message (" + e.kind() + ")";
        };
    }

    /** The MESH headers of a message (from its addressing). */
    private record MeshAddressingHeaders(String to, String workflowId, String subject, String localId,
            String fileName) {
        MeshAddressingHeaders(SendDocumentMessage m) {
            this(m.mesh().to(), m.mesh().workflowId(), m.mesh().subject(), m.mesh().localId(), m.mesh().fileName());
        }
    }
}
