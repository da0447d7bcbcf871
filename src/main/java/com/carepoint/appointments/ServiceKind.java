package com.carepoint.appointments;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of service Carepoint books into, as the booking policy names them. */
public enum ServiceKind {
    /** The patient's registered GP practice (from the demographics trace). */
    PRACTICE("practice", "GP practice"),
    /** A primary-care-network hub that offers appointments for the patient's practice. */
    HUB("hub", "Primary care network hub"),
    /** An out-of-hours service covering the patient's practice. */
    OUT_OF_HOURS("out-of-hours", "Out-of-hours service");

    private final String configValue;
    private final String displayName;

    ServiceKind(String configValue, String displayName) {
        this.configValue = configValue;
        this.displayName = displayName;
    }

    public String configValue() {
        return configValue;
    }

    public String displayName() {
        return displayName;
    }

    public static Optional<ServiceKind> fromConfig(String value) {
        if (value == null) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(k -> k.configValue.equalsIgnoreCase(value.trim())).findFirst();
    }
}
