package com.carepoint.appointments;

/**
 * Why something about an appointment could not be done, in plain English: what it means for the patient and what to
 * do next. {@code traceId} lets the service desk find the request without naming the patient.
 */
public record AppointmentProblem(Kind kind, String message, String whatToDo, String traceId) {

    /** The kinds of problem Carepoint tells apart. */
    public enum Kind {
        /** The slot was booked by someone else meanwhile (or no longer exists): choose another. */
        SLOT_TAKEN,
        /** The appointment was changed elsewhere since it was read: read it again. */
        CHANGED_ELSEWHERE,
        /** The service does not offer appointment booking through GP Connect (not in the directory, or switched off). */
        NOT_OFFERED,
        /** The service has not agreed to accept bookings from the user's organisation. */
        ORGANISATION_REFUSED,
        /** The service could not find the patient in its system. */
        PATIENT_NOT_FOUND,
        /** The service answered about another patient: nothing from it is used. */
        WRONG_PATIENT,
        TIMEOUT,
        UNREACHABLE,
        SERVICE_ERROR,
        UNREADABLE_RESPONSE,
        /** The service refused what Carepoint sent (a fault in Carepoint or a rule of that service). */
        REFUSED,
        /** Carepoint cannot do this for this user or patient (policy, missing configuration). */
        NOT_PERMITTED,
        CARE_POINT_ERROR
    }

    /** A fault in Carepoint itself: said plainly, with the reference the service desk needs. */
    public static AppointmentProblem carepointError(String traceId) {
        return new AppointmentProblem(Kind.CARE_POINT_ERROR, "Carepoint could not complete this because of a problem "
                + "in Carepoint. Nothing was changed at the service.", "Report it to the service desk with reference "
                + traceId + ", and book by phone meanwhile.", traceId);
    }
}
