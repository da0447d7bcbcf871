package com.carepoint.appointments;

import static org.assertj.core.api.Assertions.assertThat;

import com.carepoint.kernel.Text;
import org.junit.jupiter.api.Test;

/** The booking's text rules: GP Connect's limits, and the shared rule on invisible formatting characters. */
class BookingDetailsTest {

    @Test
    void limitsAndRequiredFields() {
        assertThat(BookingDetails.descriptionProblem(" ")).contains("Enter the reason for the appointment");
        assertThat(BookingDetails.descriptionProblem("x".repeat(100))).isEmpty();
        assertThat(BookingDetails.descriptionProblem("x".repeat(101)))
                .contains("The reason must be 100 characters or fewer (it has 101)");
        assertThat(BookingDetails.commentProblem("")).isEmpty();
        assertThat(BookingDetails.commentProblem("x".repeat(501)))
                .contains("The comment must be 500 characters or fewer (it has 501)");
        assertThat(BookingDetails.cancellationReasonProblem("")).contains("Enter why the appointment is being cancelled");
    }

    @Test
    void invisibleFormattingIsRefusedWithTheSharedMessage() {
        assertThat(BookingDetails.descriptionProblem("Chest\u200B pain")).contains(Text.INVISIBLE_FORMATTING_PROBLEM);
        assertThat(BookingDetails.commentProblem("Call\u202E back")).contains(Text.INVISIBLE_FORMATTING_PROBLEM);
        assertThat(BookingDetails.cancellationReasonProblem("No longer\u0007 needed"))
                .contains(Text.INVISIBLE_FORMATTING_PROBLEM);
        assertThat(BookingDetails.commentProblem("Line one\nline two\twith a tab")).isEmpty();
    }
}
