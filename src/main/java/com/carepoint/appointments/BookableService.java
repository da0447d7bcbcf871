package com.carepoint.appointments;

import java.util.Objects;

/**
 * A service the user may book the patient into: its ODS code (how the directory finds its GP Connect endpoint), a
 * name to show until the service names itself, and its kind.
 */
public record BookableService(String odsCode, String name, ServiceKind kind) {
    public BookableService {
        Objects.requireNonNull(odsCode, "odsCode");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
    }

    /** "Out-of-hours service: Northshire Out of Hours (Y02345)". */
    public String label() {
        return name + " (" + odsCode + ")";
    }
}
