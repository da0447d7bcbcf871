package com.carepoint.audit;

/** The kinds of action the audit trail records. */
public enum AuditAction {
    PATIENT_SEARCH,
    RECORD_VIEW,
    SECTION_VIEW,
    EMERGENCY_ACCESS,
    BOOKING,
    SLOT_SEARCH,
    APPOINTMENTS_VIEW,
    APPOINTMENT_AMEND,
    APPOINTMENT_CANCEL,
    DOCUMENT_SENT,
    NOTE_DRAFTED,
    NOTE_SIGNED,
    NOTE_DELIVERY,
    NOTE_DISCARDED,
    NOTE_PDF_VIEWED,
    ACCESS_DENIED,
    ERROR,
    AUDIT_REVIEW
}
