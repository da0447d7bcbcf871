package com.carepoint.access;

import java.util.Arrays;
import java.util.Optional;

/**
 * The roles Carepoint knows. The claim value is what an identity provider (the embedded one, Keycloak, NHS CIS2
 * via a claim mapper) puts in the role claim; the authority is what Spring Security checks.
 */
public enum Role {
    PARAMEDIC("paramedic", "Paramedic"),
    CLINICIAN_111("clinician-111", "NHS 111 clinician"),
    SOCIAL_CARE("social-care-worker", "Social care worker"),
    PRIVACY_OFFICER("privacy-officer", "Privacy officer");

    /** Constants for {@code @RolesAllowed}, which needs compile-time strings. */
    public static final String PARAMEDIC_NAME = "PARAMEDIC";
    public static final String CLINICIAN_111_NAME = "CLINICIAN_111";
    public static final String SOCIAL_CARE_NAME = "SOCIAL_CARE";
    public static final String PRIVACY_OFFICER_NAME = "PRIVACY_OFFICER";

    private final String claimValue;
    private final String displayName;

    Role(String claimValue, String displayName) {
        this.claimValue = claimValue;
        this.displayName = displayName;
    }

    public String claimValue() {
        return claimValue;
    }

    /** Whether this role writes encounter notes that go to the patient's GP (paramedics and 111 clinicians). */
    public boolean writesEncounterNotes() {
        return this == PARAMEDIC || this == CLINICIAN_111;
    }

    public String displayName() {
        return displayName;
    }

    public String authority() {
        return "ROLE_" + name();
    }

    /** Whether the role may see any clinical data at all (the privacy officer may not). */
    public boolean isClinicalDataRole() {
        return this != PRIVACY_OFFICER;
    }

    public static Optional<Role> fromClaim(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.trim();
        return Arrays.stream(values())
                .filter(r -> r.claimValue.equalsIgnoreCase(v) || r.name().equalsIgnoreCase(v))
                .findFirst();
    }
}
