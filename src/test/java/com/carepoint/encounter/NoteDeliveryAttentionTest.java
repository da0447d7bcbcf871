package com.carepoint.encounter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which deliveries need someone to act, and what the privacy officer is told to do about each. */
class NoteDeliveryAttentionTest {

    static final Instant T = Instant.parse("2026-12-03T10:00:00Z");

    static NoteDelivery delivery(NoteDelivery.Status status, Optional<Instant> alerted, Optional<String> lastError) {
        return new NoteDelivery(UUID.randomUUID(), "carepoint-x", status, Optional.empty(), Optional.empty(),
                "A20047", 3, T, T, Optional.empty(), Optional.empty(), Optional.empty(), lastError, alerted);
    }

    static EncounterNote note() {
        return new EncounterNote(UUID.randomUUID(), NoteKind.NHS_111_CALL, EncounterNote.Status.SIGNED,
                new EncounterNote.Author("nhs111", "Priya Shah", "clinician-111", "1", "2", "NL311",
                        "Northshire NHS 111"),
                new PatientSnapshot("9990000018", "Mrs", List.of("Susan"), "Hargreaves", "female",
                        LocalDate.of(1961, 1, 4), false, List.of(), "", "A20047"),
                new NoteContent(), Optional.empty(), T, T, Optional.of(T), 0);
    }

    @Test
    void rejectedNotDeliveredAndOverdueNeedAttentionFiledAndOnTimeDoNot() {
        assertThat(delivery(NoteDelivery.Status.REJECTED, Optional.empty(), Optional.empty()).needsAttention())
                .isTrue();
        assertThat(delivery(NoteDelivery.Status.FAILED, Optional.of(T), Optional.empty()).needsAttention()).isTrue();
        NoteDelivery late = delivery(NoteDelivery.Status.ACCEPTED, Optional.of(T), Optional.empty());
        assertThat(late.needsAttention()).isTrue();
        assertThat(late.overdue()).isTrue();
        assertThat(delivery(NoteDelivery.Status.QUEUED, Optional.empty(), Optional.empty()).needsAttention())
                .isFalse();
        // Filed after an alert: nobody needs to act any more.
        NoteDelivery filedLate = delivery(NoteDelivery.Status.FILED, Optional.of(T), Optional.empty());
        assertThat(filedLate.needsAttention()).isFalse();
        assertThat(filedLate.overdue()).isFalse();
    }

    @Test
    void theOfficerIsToldWhatToDoForEachState() {
        EncounterNote n = note();
        assertThat(EncounterNoteService.whatToDo(n, delivery(NoteDelivery.Status.REJECTED, Optional.empty(),
                Optional.empty()))).startsWith("Check that Priya Shah (Northshire NHS 111) has phoned practice A20047")
                .contains("refused it, so it is not in the patient's GP record");
        assertThat(EncounterNoteService.whatToDo(n, delivery(NoteDelivery.Status.FAILED, Optional.of(T),
                Optional.empty()))).contains("could not be delivered").contains("Tell the service desk")
                .doesNotContain("operator");
        assertThat(EncounterNoteService.whatToDo(n, delivery(NoteDelivery.Status.QUEUED, Optional.of(T),
                Optional.of("MESH refused Carepoint's mailbox")))).contains("keeps trying")
                .contains("NOTE DELIVERY ALERT for note " + n.id())
                .contains("the operator must check its configuration");
    }

    @Test
    void aNoteBeingSentAgainStillSaysWhatWentWrongBefore() {
        // Three tries refused, a fourth under way: the reason is not hidden while it is being sent.
        assertThat(delivery(NoteDelivery.Status.SENDING, Optional.empty(), Optional.of("MESH was not accepting "
                + "messages")).explained()).startsWith("Being sent to MESH").contains("Carepoint has tried 3 times "
                + "before (MESH was not accepting messages).");
        assertThat(new NoteDelivery(UUID.randomUUID(), "carepoint-x", NoteDelivery.Status.SENDING, Optional.empty(),
                Optional.empty(), "A20047", 0, T, T, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty()).explained()).doesNotContain("tried");
    }

    @Test
    void agesAndDurationsReadNaturally() {
        assertThat(NoteDeliveriesView.age(Duration.ofSeconds(20))).isEqualTo("less than a minute");
        assertThat(NoteDeliveriesView.age(Duration.ofMinutes(12))).isEqualTo("12 min");
        assertThat(NoteDeliveriesView.age(Duration.ofMinutes(125))).isEqualTo("2 h 5 min");
        assertThat(NoteDeliveriesView.age(Duration.ofHours(28))).isEqualTo("1 day 4 h");
        assertThat(NoteDeliveriesView.age(Duration.ofDays(3))).isEqualTo("3 days 0 h");
        assertThat(NoteSender.duration(Duration.ofHours(4))).isEqualTo("4 hours");
        assertThat(NoteSender.duration(Duration.ofHours(1))).isEqualTo("1 hour");
        assertThat(NoteSender.duration(Duration.ofMinutes(90))).isEqualTo("90 minutes");
        assertThat(NoteSender.duration(Duration.ofSeconds(3))).isEqualTo("3 seconds");
        assertThat(NoteSender.sentence("the report was not filed")).isEqualTo("the report was not filed.");
        assertThat(NoteSender.sentence("Filed.")).isEqualTo("Filed.");
    }
}
