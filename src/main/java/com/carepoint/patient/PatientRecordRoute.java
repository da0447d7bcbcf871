package com.carepoint.patient;

/** The record view's address: an opaque per-session token, never an NHS number. */
public final class PatientRecordRoute {

    public static final String TEMPLATE = "record/:token";

    private PatientRecordRoute() {
    }

    public static String path(String token) {
        return "record/" + token;
    }

    /** Where a new encounter note about the patient open under this token starts. */
    public static String notePath(String token) {
        return "record/" + token + "/note";
    }
}
