package com.carepoint.access;

import java.util.Arrays;
import java.util.Optional;

/** The kind of organisation a user works for, as the data-sharing policy distinguishes them. */
public enum OrganisationType {
    AMBULANCE_TRUST("ambulance-trust", "Ambulance trust"),
    NHS_111("nhs-111", "NHS 111 provider"),
    LOCAL_AUTHORITY("local-authority", "Local authority social care"),
    GP_PRACTICE("gp-practice", "GP practice"),
    URGENT_CARE("urgent-care", "Urgent care / out of hours"),
    NHS_TRUST("nhs-trust", "NHS trust"),
    OTHER("other", "Other organisation");

    private final String claimValue;
    private final String displayName;

    OrganisationType(String claimValue, String displayName) {
        this.claimValue = claimValue;
        this.displayName = displayName;
    }

    public String claimValue() {
        return claimValue;
    }

    public String displayName() {
        return displayName;
    }

    public static Optional<OrganisationType> fromClaim(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.trim();
        return Arrays.stream(values())
                .filter(t -> t.claimValue.equalsIgnoreCase(v) || t.name().equalsIgnoreCase(v))
                .findFirst();
    }
}
