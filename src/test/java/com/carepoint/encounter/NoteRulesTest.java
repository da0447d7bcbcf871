package com.carepoint.encounter;

import static org.assertj.core.api.Assertions.assertThat;

import com.carepoint.kernel.Text;
import org.junit.jupiter.api.Test;

/** A note's text rules: the limit, and the shared rule on invisible formatting characters. */
class NoteRulesTest {

    @Test
    void textWithinTheLimitAndVisibleIsAccepted() {
        assertThat(NoteRules.text("Fall at home\nfound by carer", NoteRules.SHORT)).isEmpty();
        assertThat(NoteRules.text("x".repeat(NoteRules.SHORT), NoteRules.SHORT)).isEmpty();
    }

    @Test
    void textOverTheLimitSaysByHowMuch() {
        assertThat(NoteRules.text("x".repeat(NoteRules.SHORT + 1), NoteRules.SHORT))
                .contains("At most 200 characters (this has 201)");
    }

    @Test
    void invisibleFormattingIsRefusedWithTheSharedMessage() {
        assertThat(NoteRules.text("Impression\u200B: sepsis", NoteRules.MEDIUM))
                .contains(Text.INVISIBLE_FORMATTING_PROBLEM);
        NoteContent c = new NoteContent();
        c.setCallSummary("Chest pain\u202E settled");
        c.setDisposition("Contact GP practice within 6 hours");
        assertThat(NoteRules.signingProblems(NoteKind.NHS_111_CALL, c))
                .containsExactly("Call summary: " + Text.INVISIBLE_FORMATTING_PROBLEM);
    }

    @Test
    void theAppointmentHasRoomForABookingsSummary() {
        NoteContent c = new NoteContent();
        c.setCallSummary("Chest tightness");
        c.setDisposition("Contact GP practice within 6 hours");
        c.setAppointment("x".repeat(NoteRules.APPOINTMENT));
        assertThat(NoteRules.signingProblems(NoteKind.NHS_111_CALL, c)).isEmpty();
        c.setAppointment("x".repeat(NoteRules.APPOINTMENT + 1));
        assertThat(NoteRules.signingProblems(NoteKind.NHS_111_CALL, c)).singleElement().asString()
                .startsWith("Appointment: At most 500 characters");
    }
}
