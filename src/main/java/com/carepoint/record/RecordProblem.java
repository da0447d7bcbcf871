package com.carepoint.record;

/**
 * Why (part of) a GP record could not be retrieved, in plain English: what it means for the patient in front of the
 * user and what to do next. {@code traceId} lets the service desk find the request without naming the patient.
 */
public record RecordProblem(Kind kind, String message, String whatToDo, String traceId) {

    /** The kinds of problem Carepoint tells apart. */
    public enum Kind {
        PATIENT_DISSENT,
        PATIENT_NOT_FOUND,
        PRACTICE_NOT_SHARING,
        ORGANISATION_REFUSED,
        NOT_CONNECTED,
        TIMEOUT,
        UNREACHABLE,
        PRACTICE_ERROR,
        UNREADABLE_RESPONSE,
        CARE_POINT_ERROR,
        NOT_PERMITTED,
        /** The practice's GP system does not provide this section at all (it said so): not a fault, not "none". */
        NOT_PROVIDED_BY_SYSTEM,
        /** The practice answered with another patient's record: nothing from the answer is shown. */
        WRONG_PATIENT,
        /** A document larger than GP Connect lets a document be retrieved (or than it was listed as). */
        DOCUMENT_TOO_LARGE,
        /** The practice no longer holds the document that was listed (it may have been replaced by a newer version). */
        DOCUMENT_NOT_FOUND
    }

    /** A fault in Carepoint itself: said plainly, with the reference the service desk needs. */
    public static RecordProblem carepointError(String traceId) {
        return new RecordProblem(Kind.CARE_POINT_ERROR, "Carepoint could not retrieve this part of the record because "
                + "of a problem in Carepoint.", "Report it to the service desk with reference " + traceId
                + ", and use other sources of information meanwhile.", traceId);
    }

    /** Problems with the whole record (the patient or the practice), rather than a passing failure worth retrying. */
    public boolean permanent() {
        return switch (kind) {
            case PATIENT_DISSENT, PATIENT_NOT_FOUND, PRACTICE_NOT_SHARING, ORGANISATION_REFUSED, NOT_CONNECTED,
                    WRONG_PATIENT -> true;
            default -> false;
        };
    }
}
