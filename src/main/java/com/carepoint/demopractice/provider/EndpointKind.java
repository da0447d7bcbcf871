package com.carepoint.demopractice.provider;

/** Which capabilities one service root of a practice serves (a practice can split them across roots). */
public enum EndpointKind {
    /** Every capability at one root. */
    ALL,
    /** Foundations (Patient, Organization, Practitioner, Location) and appointments, not the structured record. */
    FOUNDATIONS,
    /** Only the structured record (and its metadata). */
    STRUCTURED,
    /** Access Document: find a patient, search their documents, retrieve a document (and its metadata). */
    DOCUMENTS
}
