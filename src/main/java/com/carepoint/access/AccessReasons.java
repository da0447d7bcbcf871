package com.carepoint.access;

import java.util.List;

/**
 * The direct-care reasons a user can give for opening a patient's GP record, per role. GP practices still receive
 * "directcare" only; the reason is recorded in Carepoint's audit trail with every view.
 */
public final class AccessReasons {

    public static final String OTHER = "Other direct care reason";

    private AccessReasons() {
    }

    public static List<String> forRole(Role role) {
        return switch (role) {
            case PARAMEDIC -> List.of("Ambulance attendance", "Clinical advice to a crew", "Patient handover or transfer", OTHER);
            case CLINICIAN_111 -> List.of("NHS 111 call", "Clinical call-back", "Out-of-hours clinical assessment", OTHER);
            case SOCIAL_CARE -> List.of("Care assessment", "Care review", "Safeguarding concern", OTHER);
            case PRIVACY_OFFICER -> List.of();
        };
    }
}
