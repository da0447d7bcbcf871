package com.carepoint.encounter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.carepoint.Application;
import com.carepoint.access.DemoUsers;
import com.carepoint.kernel.NhsNumber;
import com.carepoint.kernel.TracedPatient;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Drafts, signing and corrections against the real database: what is frozen stays frozen, and only its author sees it. */
@SpringBootTest(classes = Application.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EncounterNoteServiceTest {

    @Autowired
    EncounterNoteService notes;
    @Autowired
    JdbcClient jdbc;

    static TracedPatient patient() {
        NhsNumber nhs = NhsNumber.parse("9990000018").orElseThrow();
        return new TracedPatient(nhs, nhs, "Mrs", List.of("Susan"), "Hargreaves", "female", LocalDate.of(1961, 1, 4),
                Optional.empty(), false, List.of("1 Test Street"), "NS1 1AA", Optional.empty(), Optional.of("A20047"));
    }

    static NoteContent complete() {
        NoteContent c = new NoteContent();
        c.setPresentingComplaint("Fall at home");
        c.setImpression("Mechanical fall, no injury");
        c.setOutcome(NoteContent.Outcome.LEFT_AT_HOME);
        c.setSafetyNetting("Call 999 if dizzy or in pain");
        return c;
    }

    @Test
    void aDraftIsSavedAsTypedAndSeenOnlyByItsAuthor() {
        EncounterNote draft = notes.start(DemoUsers.PARAMEDIC, patient());
        NoteContent c = new NoteContent();
        c.setSpo2("9");  // half-typed: saved as it is
        assertThat(notes.save(DemoUsers.PARAMEDIC, draft.id(), 0, c).revision()).contains(1);
        assertThat(notes.find(DemoUsers.PARAMEDIC, draft.id()).orElseThrow().content().getSpo2()).isEqualTo("9");
        assertThat(notes.find(DemoUsers.CLINICIAN_111, draft.id())).isEmpty();
        assertThat(notes.save(DemoUsers.CLINICIAN_111, draft.id(), 1, c).refusal())
                .contains(EncounterNoteService.Refusal.NOT_YOURS);
        // A save from a window holding an older revision is refused, not silently overwriting the newer one.
        assertThat(notes.save(DemoUsers.PARAMEDIC, draft.id(), 0, c).refusal())
                .contains(EncounterNoteService.Refusal.CHANGED_ELSEWHERE);
        assertThat(notes.drafts(DemoUsers.PARAMEDIC)).extracting(EncounterNote::id).contains(draft.id());
    }

    @Test
    void signingFreezesTheNoteAndQueuesItsDeliveryTogether() {
        EncounterNote draft = notes.start(DemoUsers.PARAMEDIC, patient());
        notes.save(DemoUsers.PARAMEDIC, draft.id(), 0, new NoteContent());
        assertThat(notes.sign(DemoUsers.PARAMEDIC, draft.id(), 1).problems()).contains("Enter the presenting complaint");
        notes.save(DemoUsers.PARAMEDIC, draft.id(), 1, complete());
        EncounterNoteService.SignResult signed = notes.sign(DemoUsers.PARAMEDIC, draft.id(), 2);
        assertThat(signed.problems()).isEmpty();
        assertThat(signed.note().orElseThrow().signed()).isTrue();
        assertThat(notes.delivery(DemoUsers.PARAMEDIC, draft.id())).get().satisfies(d -> {
            // Queued with the signing (the application's own sender may already have picked it up).
            assertThat(d.status()).isNotNull();
            assertThat(d.queuedAt()).isEqualTo(signed.note().orElseThrow().signedAt().orElseThrow());
            assertThat(d.recipient()).isEqualTo("A20047");
        });
        // Frozen: the application cannot change or delete it, even directly in the database.
        assertThat(notes.save(DemoUsers.PARAMEDIC, draft.id(), 2, new NoteContent()).revision()).isEmpty();
        assertThat(notes.discard(DemoUsers.PARAMEDIC, draft.id())).isFalse();
        assertThatThrownBy(() -> jdbc.sql("update encounter_note set content = '{}'::jsonb where id = ?")
                .param(draft.id()).update()).hasMessageContaining("a signed encounter note cannot be changed");
        assertThatThrownBy(() -> jdbc.sql("delete from encounter_note where id = ?").param(draft.id()).update())
                .hasMessageContaining("cannot be changed or deleted");
        assertThat(notes.pdf(DemoUsers.PARAMEDIC, draft.id())).startsWith("%PDF".getBytes());
    }

    @Test
    void aCorrectionIsANewVersionNamingTheNoteItCorrects() {
        EncounterNote draft = notes.start(DemoUsers.PARAMEDIC, patient());
        notes.save(DemoUsers.PARAMEDIC, draft.id(), 0, complete());
        notes.sign(DemoUsers.PARAMEDIC, draft.id(), 1);
        EncounterNote correction = notes.correct(DemoUsers.PARAMEDIC, draft.id());
        assertThat(correction.corrects()).contains(draft.id());
        assertThat(correction.content().getPresentingComplaint()).isEqualTo("Fall at home");
        assertThat(notes.version(correction)).isEqualTo(2);
        assertThat(notes.find(DemoUsers.PARAMEDIC, draft.id()).orElseThrow().content().getPresentingComplaint())
                .isEqualTo("Fall at home");
    }

    @Test
    void aRejectedNoteNeedsItsAuthorsAttentionAndIsOnThePrivacyOfficersList() {
        EncounterNote draft = notes.start(DemoUsers.PARAMEDIC, patient());
        notes.save(DemoUsers.PARAMEDIC, draft.id(), 0, complete());
        notes.sign(DemoUsers.PARAMEDIC, draft.id(), 1);
        // As the sender records a negative business acknowledgement.
        jdbc.sql("update note_delivery set status = 'REJECTED', status_detail = 'The practice said: the patient is "
                + "no longer registered.', completed_at = now() where note_id = ?").param(draft.id()).update();

        assertThat(notes.needingAttention(DemoUsers.PARAMEDIC)).extracting(s -> s.note().id()).contains(draft.id());
        assertThat(notes.needingAttention(DemoUsers.CLINICIAN_111)).extracting(s -> s.note().id())
                .doesNotContain(draft.id());
        long reviewsBefore = officerReviews();
        EncounterNoteService.UndeliveredNote row = notes.undelivered(DemoUsers.PRIVACY_OFFICER).stream()
                .filter(r -> r.noteId().equals(draft.id())).findFirst().orElseThrow();
        assertThat(row.patientNhs()).isEqualTo("9990000018");
        assertThat(row.author().name()).isEqualTo("Alex Morgan");
        assertThat(row.delivery().status()).isEqualTo(NoteDelivery.Status.REJECTED);
        assertThat(row.delivery().explained()).contains("no longer registered").contains("Phone the practice");
        assertThat(row.whatToDo()).startsWith("Check that Alex Morgan").contains("practice A20047")
                .contains("refused it");
        assertThat(officerReviews()).isEqualTo(reviewsBefore + 1);
        assertThat(notes.undeliveredCount(DemoUsers.PRIVACY_OFFICER)).isPositive();
        // Only the privacy officer sees every author's notes.
        assertThatThrownBy(() -> notes.undelivered(DemoUsers.PARAMEDIC)).isInstanceOf(IllegalStateException.class);

        // Filed: nobody needs to act.
        jdbc.sql("update note_delivery set status = 'FILED', status_detail = null where note_id = ?")
                .param(draft.id()).update();
        assertThat(notes.needingAttention(DemoUsers.PARAMEDIC)).extracting(s -> s.note().id())
                .doesNotContain(draft.id());
    }

    @Test
    void aNoteIsMarkedFollowedUpOnlyWhenItWillNotArriveByItselfAndWithWhatWasDone() {
        EncounterNote draft = notes.start(DemoUsers.PARAMEDIC, patient());
        notes.save(DemoUsers.PARAMEDIC, draft.id(), 0, complete());
        notes.sign(DemoUsers.PARAMEDIC, draft.id(), 1);
        // Still on its way: it cannot be marked (it leaves the lists by itself once filed).
        assertThat(notes.markFollowedUp(DemoUsers.PRIVACY_OFFICER, draft.id(), "Phoned")).isFalse();
        jdbc.sql("update note_delivery set status = 'FAILED', status_detail = 'MESH could not deliver it.', "
                + "completed_at = now() where note_id = ?").param(draft.id()).update();
        // Only the privacy officer, and only saying what was done.
        assertThatThrownBy(() -> notes.markFollowedUp(DemoUsers.PARAMEDIC, draft.id(), "Phoned"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> notes.markFollowedUp(DemoUsers.PRIVACY_OFFICER, draft.id(), "  "))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> notes.markFollowedUp(DemoUsers.PRIVACY_OFFICER, draft.id(), "x".repeat(
                EncounterNoteService.FOLLOW_UP_MAX + 1))).isInstanceOf(IllegalArgumentException.class);
        assertThat(notes.undelivered(DemoUsers.PRIVACY_OFFICER)).extracting(EncounterNoteService.UndeliveredNote::noteId)
                .contains(draft.id());

        assertThat(notes.markFollowedUp(DemoUsers.PRIVACY_OFFICER, draft.id(), "Author phoned the practice")).isTrue();
        assertThat(notes.undelivered(DemoUsers.PRIVACY_OFFICER)).extracting(EncounterNoteService.UndeliveredNote::noteId)
                .doesNotContain(draft.id());
        assertThat(notes.needingAttention(DemoUsers.PARAMEDIC)).extracting(s -> s.note().id())
                .doesNotContain(draft.id());
        assertThat(jdbc.sql("select followed_up_by || ': ' || followed_up_note from note_delivery where note_id = ?")
                .param(draft.id()).query(String.class).single()).isEqualTo("privacy: Author phoned the practice");
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'NOTE_DELIVERY' and patient_nhs = "
                + "'9990000018' and detail like ?").param("%" + draft.id() + " marked followed up%")
                .query(Long.class).single()).isEqualTo(1L);
        // Marked once: a second mark (another officer at the same time) is refused.
        assertThat(notes.markFollowedUp(DemoUsers.PRIVACY_OFFICER, draft.id(), "Again")).isFalse();
    }

    @Test
    void anOverdueNoteIsListedUntilItArrives() {
        EncounterNote draft = notes.start(DemoUsers.CLINICIAN_111, patient());
        NoteContent c = new NoteContent();
        c.setCallSummary("Chest tightness, settled");
        c.setDisposition("Contact GP practice within 6 hours");
        notes.save(DemoUsers.CLINICIAN_111, draft.id(), 0, c);
        notes.sign(DemoUsers.CLINICIAN_111, draft.id(), 1);
        jdbc.sql("update note_delivery set status = 'ACCEPTED', alerted_at = now() where note_id = ?")
                .param(draft.id()).update();
        EncounterNoteService.SentNote mine = notes.needingAttention(DemoUsers.CLINICIAN_111).stream()
                .filter(s -> s.note().id().equals(draft.id())).findFirst().orElseThrow();
        assertThat(mine.delivery().orElseThrow().overdue()).isTrue();
        assertThat(notes.undelivered(DemoUsers.PRIVACY_OFFICER)).filteredOn(r -> r.noteId().equals(draft.id()))
                .singleElement().satisfies(r -> assertThat(r.whatToDo()).contains("keeps trying")
                        .contains("service desk"));
        jdbc.sql("update note_delivery set status = 'FILED' where note_id = ?").param(draft.id()).update();
        assertThat(notes.undelivered(DemoUsers.PRIVACY_OFFICER)).extracting(EncounterNoteService.UndeliveredNote::noteId)
                .doesNotContain(draft.id());
    }

    @Test
    void a111NoteOffersOnlyTheBookingsItsAuthorMadeForThisPatientInThisEncounter() {
        EncounterNote draft = notes.start(DemoUsers.CLINICIAN_111, patient());
        String ref = "note-test-" + draft.id();
        jdbc.sql("""
                insert into appointment_booked (id, user_id, patient_nhs, service_ods, service_name, reference,
                    starts_at, ends_at, site, practitioner, channel, booked_at)
                values (gen_random_uuid(), ?, '9990000018', 'U81001', 'Northshire Central PCN Hub', ?,
                    now() + interval '1 day', now() + interval '1 day 15 minutes', 'Market Street', null,
                    'IN_PERSON', now())""").params(DemoUsers.CLINICIAN_111.userId(), ref).update();
        assertThat(notes.bookingsFor(DemoUsers.CLINICIAN_111, draft)).filteredOn(b -> b.reference().equals(ref))
                .singleElement().satisfies(b -> {
                    assertThat(b.key()).isEqualTo("U81001/" + ref);
                    assertThat(b.summary()).startsWith("Northshire Central PCN Hub (U81001), Market Street: ")
                            .contains("in person").endsWith("Booking reference " + ref + " (booked in Carepoint).");
                });
        // Not another user's note, and not another user's bookings.
        assertThat(notes.bookingsFor(DemoUsers.PARAMEDIC, draft)).isEmpty();
        EncounterNote paramedics = notes.start(DemoUsers.PARAMEDIC, patient());
        assertThat(notes.bookingsFor(DemoUsers.PARAMEDIC, paramedics)).extracting(b -> b.reference())
                .doesNotContain(ref);

        // The link is kept with the draft and its summary is within the note's rules.
        NoteContent c = new NoteContent();
        c.setCallSummary("Chest tightness, settled");
        c.setDisposition("Contact GP practice within 6 hours");
        c.setAppointment(notes.bookingsFor(DemoUsers.CLINICIAN_111, draft).stream()
                .filter(b -> b.reference().equals(ref)).findFirst().orElseThrow().summary());
        c.setAppointmentBooking("U81001/" + ref);
        notes.save(DemoUsers.CLINICIAN_111, draft.id(), 0, c);
        assertThat(notes.find(DemoUsers.CLINICIAN_111, draft.id()).orElseThrow().content().getAppointmentBooking())
                .isEqualTo("U81001/" + ref);
        assertThat(NoteRules.signingProblems(NoteKind.NHS_111_CALL, c)).isEmpty();
    }

    @Test
    void discardingADraftAndDownloadingANotesPdfAreAudited() {
        EncounterNote draft = notes.start(DemoUsers.PARAMEDIC, patient());
        assertThat(notes.discard(DemoUsers.CLINICIAN_111, draft.id())).isFalse();
        assertThat(auditRows("NOTE_DISCARDED", draft.id().toString())).isZero();
        assertThat(notes.discard(DemoUsers.PARAMEDIC, draft.id())).isTrue();
        assertThat(jdbc.sql("select detail || ' | ' || outcome from audit_event where action = 'NOTE_DISCARDED' and "
                + "detail like ?").param("%" + draft.id() + "%").query(String.class).single())
                .isEqualTo("Ambulance attendance note draft " + draft.id() + " discarded | deleted; nothing was sent");
        assertThat(jdbc.sql("select patient_nhs from audit_event where action = 'NOTE_DISCARDED' and detail like ?")
                .param("%" + draft.id() + "%").query(String.class).single()).isEqualTo("9990000018");

        EncounterNote signed = notes.start(DemoUsers.PARAMEDIC, patient());
        notes.save(DemoUsers.PARAMEDIC, signed.id(), 0, complete());
        notes.sign(DemoUsers.PARAMEDIC, signed.id(), 1);
        assertThat(notes.discard(DemoUsers.PARAMEDIC, signed.id())).isFalse();
        byte[] pdf = notes.pdf(DemoUsers.PARAMEDIC, signed.id());
        assertThat(jdbc.sql("select detail || ' | ' || outcome from audit_event where action = 'NOTE_PDF_VIEWED' and "
                + "detail like ?").param("%" + signed.id() + "%").query(String.class).single())
                .isEqualTo("Ambulance attendance note " + signed.id() + " downloaded as a PDF, version 1 | downloaded: "
                        + pdf.length + " bytes");
        assertThat(auditRows("NOTE_DISCARDED", signed.id().toString())).isZero();
    }

    @Autowired
    com.carepoint.audit.AccessAudit audit;

    @Test
    void aDeliveryReasonLongerThanTheOutcomeColumnIsStillAuditedInFull() {
        String marker = UUID.randomUUID().toString();
        String why = "failed: MESH could not deliver it: the recipient mailbox " + marker + " is not registered";
        audit.note(DemoUsers.PARAMEDIC, "9990000018", com.carepoint.audit.AuditAction.NOTE_DELIVERY, "Note x could "
                + "not be delivered to A20047", why, marker);
        assertThat(jdbc.sql("select detail || ' | ' || outcome from audit_event where trace_id = ?").param(marker)
                .query(String.class).single()).isEqualTo("Note x could not be delivered to A20047: " + why + " | "
                        + why.substring(0, 49) + "\u2026");
    }

    long auditRows(String action, String containing) {
        return jdbc.sql("select count(*) from audit_event where action = ? and (detail like ? or outcome like ?)")
                .params(action, "%" + containing + "%", "%" + containing + "%").query(Long.class).single();
    }

    long officerReviews() {
        return jdbc.sql("select count(*) from audit_event where user_id = 'privacy' and action = 'AUDIT_REVIEW' and "
                + "detail = 'Encounter notes not delivered to the practice reviewed'").query(Long.class).single();
    }
}
