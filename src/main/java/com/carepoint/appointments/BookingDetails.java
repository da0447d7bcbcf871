package com.carepoint.appointments;

import com.carepoint.kernel.Text;
import java.util.Optional;

/**
 * What the user types for a booking, an amendment or a cancellation, and the limits GP Connect sets on it ("Book an
 * appointment": "Consumers SHALL impose a character limit of 100 characters" on {@code description} and "500
 * characters" on {@code comment}). The same rules run as the user types (the form's Binder) and again in the
 * service, so no request with an over-long or empty reason is ever sent.
 */
public final class BookingDetails {

    public static final int DESCRIPTION_MAX = 100;
    public static final int COMMENT_MAX = 500;
    public static final int CANCELLATION_REASON_MAX = 500;

    private String description = "";
    private String comment = "";

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description == null ? "" : description;
    }

    public String getComment() {
        return comment;
    }

    public void setComment(String comment) {
        this.comment = comment == null ? "" : comment;
    }

    /** The problem with a reason for the appointment, or empty when it may be sent. */
    public static Optional<String> descriptionProblem(String value) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            return Optional.of("Enter the reason for the appointment");
        }
        if (v.length() > DESCRIPTION_MAX) {
            return Optional.of("The reason must be " + DESCRIPTION_MAX + " characters or fewer (it has " + v.length()
                    + ")");
        }
        return controlCharacters(v);
    }

    /** The problem with a comment (optional), or empty when it may be sent. */
    public static Optional<String> commentProblem(String value) {
        String v = value == null ? "" : value.strip();
        if (v.length() > COMMENT_MAX) {
            return Optional.of("The comment must be " + COMMENT_MAX + " characters or fewer (it has " + v.length()
                    + ")");
        }
        return controlCharacters(v);
    }

    /** The problem with a cancellation reason (required), or empty when it may be sent. */
    public static Optional<String> cancellationReasonProblem(String value) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            return Optional.of("Enter why the appointment is being cancelled");
        }
        if (v.length() > CANCELLATION_REASON_MAX) {
            return Optional.of("The reason must be " + CANCELLATION_REASON_MAX + " characters or fewer (it has "
                    + v.length() + ")");
        }
        return controlCharacters(v);
    }

    private static Optional<String> controlCharacters(String v) {
        return Text.invisibleFormattingProblem(v);
    }
}
