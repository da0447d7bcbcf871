package com.carepoint.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the user is told when they must phone the practice: the number when known, never a made-up one. */
class PracticeContactTest {

    @Test
    void aKnownNumberIsGivenWithThePracticesName() {
        assertThat(new PracticeContact("A20047", Optional.of("Riverside Medical Practice"), Optional.of("01632 960101"),
                true).howToPhone()).isEqualTo("Phone Riverside Medical Practice (A20047) on 01632 960101.");
    }

    @Test
    void aPracticeWithoutANumberInTheRegisterIsSaidPlainly() {
        assertThat(new PracticeContact("P99999", Optional.of("Lakeside Surgery"), Optional.empty(), true).howToPhone())
                .isEqualTo("The telephone number of Lakeside Surgery (P99999) is not in the national organisation "
                        + "register: find it in your organisation's directory or on the NHS website before you phone.");
    }

    @Test
    void aPracticeTheRegisterDoesNotKnowHasNoNumber() {
        assertThat(new PracticeContact("Z12345", Optional.empty(), Optional.empty(), true).howToPhone())
                .isEqualTo("The national organisation register does not know the practice (Z12345), so its telephone "
                        + "number is not known: find it in your organisation's directory or on the NHS website before "
                        + "you phone.");
    }

    @Test
    void aRegisterThatCouldNotBeAskedIsNotTheSameAsNoNumber() {
        assertThat(new PracticeContact("A20047", Optional.empty(), Optional.empty(), false).howToPhone())
                .isEqualTo("The national organisation register could not be reached, so the telephone number of the "
                        + "practice (A20047) is not known: find it in your organisation's directory or on the NHS "
                        + "website before you phone.")
                .doesNotContainPattern("\\d{5} \\d{6}");
    }

    @Test
    void aPracticeTheRegisterListsAsClosedIsSaidSoAndItsNumberIsNotGivenAsTheOneToPhone() {
        assertThat(new PracticeContact("B82099", Optional.of("Old Mill Surgery"), Optional.of("01632 960999"), true,
                true).howToPhone()).isEqualTo("The national organisation register lists Old Mill Surgery (B82099) as "
                        + "closed: its last recorded number, 01632 960999, may no longer be answered. Check the "
                        + "patient's current GP practice in your organisation's directory or on the NHS website before "
                        + "you phone.")
                .doesNotStartWith("Phone");
        assertThat(new PracticeContact("B82099", Optional.of("Old Mill Surgery"), Optional.empty(), true, true)
                .howToPhone()).startsWith("The national organisation register lists Old Mill Surgery (B82099) as "
                        + "closed. Check");
    }
}
