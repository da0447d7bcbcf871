package com.carepoint.access;

import java.util.Objects;

/**
 * Why a user opened a patient's GP record: a direct-care reason, or emergency access with the user's typed
 * justification. Recorded with every view in the audit trail; GP practices still receive "directcare" only.
 *
 * @param text      the reason as recorded (for emergency access, the justification)
 * @param emergency whether this is emergency access: marked on screen and queued for the privacy officer's review
 */
public record AccessReason(String text, boolean emergency) {

    /** The shortest justification accepted for emergency access. */
    public static final int MIN_JUSTIFICATION = 20;

    public static final String EMERGENCY_PREFIX = "Emergency access: ";

    public AccessReason {
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            throw new IllegalArgumentException("A reason for access cannot be blank");
        }
        if (emergency && text.strip().length() < MIN_JUSTIFICATION) {
            throw new IllegalArgumentException("Emergency access needs a justification of at least "
                    + MIN_JUSTIFICATION + " characters");
        }
    }

    public static AccessReason directCare(String text) {
        return new AccessReason(text, false);
    }

    public static AccessReason emergency(String justification) {
        return new AccessReason(justification.strip(), true);
    }

    /** The reason as the audit trail and the privacy officer read it. */
    public String recorded() {
        return emergency ? EMERGENCY_PREFIX + text : text;
    }
}
