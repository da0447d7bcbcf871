package com.carepoint.gpconnect;

import com.carepoint.kernel.Text;
import com.carepoint.record.RecordProblem.Kind;
import com.carepoint.record.RecordProblem;

/**
 * Turns every way a GP Connect call can fail — the specification's error codes, the proxy's failures, timeouts,
 * unreachable practices, and answers that cannot be read safely — into a plain-English problem: what it means for
 * the patient in front of the user and what to do next.
 */
final class ErrorMapping {

    private ErrorMapping() {
    }

    static RecordProblem map(Throwable error, String practice, String traceId) {
        CallFailure failure = CallFailure.of(error);
        return switch (failure.kind()) {
            case TOO_LARGE -> unreadable(practice, traceId, "it was far larger than any GP record should be");
            case TOO_MANY_RESOURCES -> unreadable(practice, traceId, "it held far more entries than any GP record should");
            case TOO_MANY_ANSWERS_IN_FLIGHT -> new RecordProblem(Kind.TIMEOUT, "Carepoint is receiving too many large "
                    + "answers from GP systems at the moment, so the answer from " + practice + " was not read and this "
                    + "part of the record could not be retrieved. It is not known whether anything is recorded.",
                    "Try again in a minute. If it keeps happening, contact the practice by phone.", traceId);
            case DEADLINE_EXCEEDED -> new RecordProblem(Kind.TIMEOUT, "The GP system at " + practice + " did not finish "
                    + "answering in time, so this part of the record could not be retrieved. It is not known whether "
                    + "anything is recorded.", "Try again. If it keeps happening, contact the practice by phone.", traceId);
            case CANCELLED -> new RecordProblem(Kind.TIMEOUT, "Retrieving this part of the record was stopped because the "
                    + "page was closed.", "Open the record again to retrieve it.", traceId);
            case NOT_FHIR -> unreadable(practice, traceId, "it was not a GP Connect answer");
            case INVALID_FHIR -> unreadable(practice, traceId, "it was not valid FHIR");
            case TIMEOUT -> new RecordProblem(Kind.TIMEOUT, "The GP system at " + practice + " did not answer in time, so "
                    + "this part of the record could not be retrieved. It is not known whether anything is recorded.",
                    "Try again. If it keeps happening, contact the practice by phone.", traceId);
            case UNREACHABLE -> new RecordProblem(Kind.UNREACHABLE, "Carepoint could not reach the GP system at " + practice
                    + ", so this part of the record could not be retrieved.",
                    "Try again in a moment. If it keeps happening, contact the practice by phone.", traceId);
            case CONNECTION_FAILED -> new RecordProblem(Kind.UNREACHABLE, "The connection to the GP system at " + practice
                    + " failed, so this part of the record could not be retrieved.",
                    "Try again. If it keeps happening, contact the practice by phone.", traceId);
            case HTTP -> fromStatus(failure.status(), failure.code(), practice, traceId);
            case UNKNOWN -> RecordProblem.carepointError(traceId);
        };
    }

    static RecordProblem fromStatus(int status, String code, String practice, String traceId) {
        return switch (code) {
            case "NO_PATIENT_CONSENT" -> new RecordProblem(Kind.PATIENT_DISSENT, "This patient has asked their GP "
                    + "practice not to share their record. No GP record can be shown.",
                    "Ask the patient (if they are able) or use other sources. Their choice cannot be overridden.",
                    traceId);
            case "PATIENT_NOT_FOUND" -> new RecordProblem(Kind.PATIENT_NOT_FOUND, "The GP system at " + practice + " could not find this "
                    + "patient in their GP system. They may have moved practice recently, or the practice cannot "
                    + "share this record.", "Check the NHS number and the registered practice with the patient; "
                    + "contact the practice by phone if you need the record.", traceId);
            case "ACCESS DENIED" -> new RecordProblem(Kind.PRACTICE_NOT_SHARING, Text.capitalise(practice) + " has not switched on "
                    + "sharing of this part of its records through GP Connect.",
                    "Contact the practice by phone for the information you need.", traceId);
            case "NO_ORGANISATION_CONSENT" -> new RecordProblem(Kind.ORGANISATION_REFUSED, Text.capitalise(practice) + " has not "
                    + "agreed to share records with your organisation.",
                    "Contact the practice by phone, or ask a colleague in an organisation the practice shares with.",
                    traceId);
            case "INTERNAL_SERVER_ERROR" -> practiceError(practice, traceId);
            default -> {
                if (status >= 500 || status == 429) {
                    yield practiceError(practice, traceId);
                }
                yield new RecordProblem(Kind.CARE_POINT_ERROR, "The GP system at " + practice + " could not accept Carepoint's "
                        + "request (" + (code.isEmpty() ? "HTTP " + status : code) + "), so this part of the record "
                        + "could not be retrieved.", "Report it to the service desk with reference " + traceId
                        + ", and use other sources of information meanwhile.", traceId);
            }
        };
    }

    private static RecordProblem practiceError(String practice, String traceId) {
        return new RecordProblem(Kind.PRACTICE_ERROR, "The GP system at " + practice + " had a problem answering, so this part "
                + "of the record could not be retrieved. It is not known whether anything is recorded.",
                "Try again in a few minutes. If it keeps happening, contact the practice by phone.", traceId);
    }

    static RecordProblem unreadable(String practice, String traceId, String why) {
        return new RecordProblem(Kind.UNREADABLE_RESPONSE, "The GP system at " + practice + " sent an answer Carepoint could not "
                + "read safely (" + why + "). Nothing from it is shown.",
                "Try again. If it keeps happening, contact the practice by phone and report reference " + traceId
                        + " to the service desk.", traceId);
    }
}
