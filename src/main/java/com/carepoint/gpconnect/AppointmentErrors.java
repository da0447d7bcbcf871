package com.carepoint.gpconnect;

import com.carepoint.appointments.AppointmentProblem;
import com.carepoint.appointments.AppointmentProblem.Kind;

/**
 * Turns every way an Appointment Management call can fail into a plain-English problem for the user: what it means
 * for the patient (above all, whether something may or may not have been booked or changed) and what to do next.
 * The Spine error codes are those of pages/development/development_fhir_error_handling_guidance.md.
 */
final class AppointmentErrors {

    /** What was being done, which decides what a failure means. */
    enum Operation {
        SEARCH("free slots could not be retrieved", "It is not known whether it has any free."),
        FIND_PATIENT("the patient could not be looked up there", "Nothing was booked or changed."),
        LIST("the patient's appointments there could not be retrieved",
                "It is not known whether they have any appointments there."),
        READ("the appointment could not be read", "Nothing was changed."),
        BOOK("the appointment was not booked", "Nothing was booked."),
        AMEND("the appointment was not changed", "Nothing was changed."),
        CANCEL("the appointment was not cancelled", "The appointment is still booked.");

        private final String failed;
        private final String consequence;

        Operation(String failed, String consequence) {
            this.failed = failed;
            this.consequence = consequence;
        }

        /** Whether the request changes something at the service (then a lost answer leaves its effect unknown). */
        boolean writes() {
            return this == BOOK || this == AMEND || this == CANCEL;
        }
    }

    private AppointmentErrors() {
    }

    static AppointmentProblem map(Throwable error, Operation op, String service, String traceId) {
        CallFailure failure = CallFailure.of(error);
        return switch (failure.kind()) {
            case TOO_LARGE -> unreadable(op, service, traceId, "it was far larger than it should be");
            case TOO_MANY_RESOURCES -> unreadable(op, service, traceId, "it held far more entries than it should");
            case NOT_FHIR -> unreadable(op, service, traceId, "it was not a GP Connect answer");
            case TOO_MANY_ANSWERS_IN_FLIGHT -> new AppointmentProblem(Kind.TIMEOUT, "Carepoint is receiving too many "
                    + "large answers at the moment, so the answer from " + service + " was not read"
                    + (op.writes() ? " and it is not known whether " + unknownEffect(op) + "." : ", so " + op.failed
                    + ". " + op.consequence), op.writes() ? "Open the patient's appointments to check before trying "
                    + "again." : "Try again in a minute.", traceId);
            case INVALID_FHIR -> unreadable(op, service, traceId, "it was not valid FHIR");
            case CANCELLED -> new AppointmentProblem(Kind.TIMEOUT, "This was stopped because the page was closed"
                    + (op.writes() ? ", so it is not known whether " + unknownEffect(op) + "." : "."),
                    op.writes() ? "Open the patient's appointments to check before trying again." : "Try again.",
                    traceId);
            case DEADLINE_EXCEEDED, TIMEOUT -> lostAnswer(Kind.TIMEOUT, op, service, traceId,
                    service + " did not answer in time");
            case UNREACHABLE -> new AppointmentProblem(Kind.UNREACHABLE, "Carepoint could not reach " + service + ", so "
                    + op.failed + ". " + op.consequence, "Try again in a moment. If it keeps happening, phone the "
                    + "service.", traceId);
            case CONNECTION_FAILED -> lostAnswer(Kind.UNREACHABLE, op, service, traceId,
                    "the connection to " + service + " failed");
            case HTTP -> fromStatus(failure.status(), failure.code(), op, service, traceId);
            case UNKNOWN -> op.writes() ? new AppointmentProblem(Kind.CARE_POINT_ERROR, "A problem in Carepoint "
                    + "stopped it from reading the answer of " + service + ", so it is not known whether "
                    + unknownEffect(op) + ".", "Open the patient's appointments to check before trying again, or "
                    + "phone the service. Report reference " + traceId + " to the service desk.", traceId)
                    : AppointmentProblem.carepointError(traceId);
        };
    }

    /**
     * The request may have reached the service: for a booking, amendment or cancellation it is then not known
     * whether it took effect, and the user is told to check rather than to repeat it (a blind repeat can book twice).
     */
    private static AppointmentProblem lostAnswer(Kind kind, Operation op, String service, String traceId, String why) {
        if (op.writes()) {
            return new AppointmentProblem(kind, Character.toUpperCase(why.charAt(0)) + why.substring(1) + ", so it is "
                    + "not known whether " + unknownEffect(op) + ".", "Open the patient's appointments to check "
                    + "before trying again. If you cannot check, phone the service.", traceId);
        }
        return new AppointmentProblem(kind, Character.toUpperCase(why.charAt(0)) + why.substring(1) + ", so "
                + op.failed + ". " + op.consequence, "Try again. If it keeps happening, phone the service.", traceId);
    }

    private static String unknownEffect(Operation op) {
        return switch (op) {
            case BOOK -> "the appointment was booked";
            case AMEND -> "the appointment was changed";
            case CANCEL -> "the appointment was cancelled";
            default -> "anything changed";
        };
    }

    static AppointmentProblem fromStatus(int status, String code, Operation op, String service, String traceId) {
        return switch (code) {
            // UC/book_an_appointment: "SHALL return an HTTP status "409" with an error message "DUPLICATE_REJECTED"
            // when ... the referenced slots ... no longer have the status free".
            case "DUPLICATE_REJECTED" -> new AppointmentProblem(Kind.SLOT_TAKEN, "This slot was booked by someone else "
                    + "just now, so the appointment was not booked.", "Choose another slot: the list has been "
                    + "refreshed. What you typed has been kept.", traceId);
            // Error handling guidance: REFERENCE_NOT_FOUND, "a consumer includes a reference to a slot which does
            // not exist".
            case "REFERENCE_NOT_FOUND" -> new AppointmentProblem(Kind.SLOT_TAKEN, "This slot is no longer offered by "
                    + service + ", so the appointment was not booked.", "Choose another slot: the list has been "
                    + "refreshed. What you typed has been kept.", traceId);
            case "NO_ORGANISATION_CONSENT", "NO_ORGANISATIONAL_CONSENT" -> new AppointmentProblem(
                    Kind.ORGANISATION_REFUSED, service + " has not agreed to take bookings from your organisation "
                    + "through GP Connect, so " + op.failed + ". " + op.consequence, "Phone the service to book.",
                    traceId);
            case "ACCESS DENIED", "ACCESS_DENIED" -> new AppointmentProblem(Kind.NOT_OFFERED, service + " has not "
                    + "switched on appointment booking through GP Connect, so " + op.failed + ". " + op.consequence,
                    "Phone the service to book.", traceId);
            case "PATIENT_NOT_FOUND" -> new AppointmentProblem(Kind.PATIENT_NOT_FOUND, service + " could not find "
                    + "this patient in its system, so " + op.failed + ". " + op.consequence, "Phone the service; it "
                    + "may need to register the patient first.", traceId);
            case "NO_PATIENT_CONSENT" -> new AppointmentProblem(Kind.NOT_PERMITTED, "This patient has asked not to "
                    + "share their record with " + service + ", so " + op.failed + ". " + op.consequence,
                    "Phone the service to book.", traceId);
            case "NO_RECORD_FOUND" -> new AppointmentProblem(Kind.CHANGED_ELSEWHERE, service + " no longer has this "
                    + "appointment, so " + op.failed + ". " + op.consequence, "Look at the patient's appointments "
                    + "again.", traceId);
            case "INTERNAL_SERVER_ERROR" -> serviceError(op, service, traceId);
            default -> {
                if (status == 409) {
                    // UC/amend_an_appointment, "Managing resource contention": "If the version Id given in the
                    // If-Match header does not match, the server returns a 409 Conflict status code".
                    yield new AppointmentProblem(Kind.CHANGED_ELSEWHERE, "The appointment was changed at " + service
                            + " after Carepoint read it, so " + op.failed + ". " + op.consequence,
                            "Look at the appointment again and make the change on what it says now.", traceId);
                }
                if (status == 404) {
                    yield new AppointmentProblem(Kind.CHANGED_ELSEWHERE, service + " does not have what Carepoint "
                            + "asked for, so " + op.failed + ". " + op.consequence, "Look at the patient's "
                            + "appointments again.", traceId);
                }
                if (status >= 500 || status == 429) {
                    yield serviceError(op, service, traceId);
                }
                yield new AppointmentProblem(Kind.REFUSED, service + " refused Carepoint's request ("
                        + (code.isEmpty() ? "HTTP " + status : code) + "), so " + op.failed + ". " + op.consequence,
                        "Phone the service to book or change it, and report reference " + traceId
                                + " to the service desk.", traceId);
            }
        };
    }

    private static AppointmentProblem serviceError(Operation op, String service, String traceId) {
        if (op.writes()) {
            // A server error after the request arrived: the change may or may not have been made.
            return new AppointmentProblem(Kind.SERVICE_ERROR, service + " had a problem answering, so it is not known "
                    + "whether " + unknownEffect(op) + ".", "Open the patient's appointments to check before trying "
                    + "again. If you cannot check, phone the service.", traceId);
        }
        return new AppointmentProblem(Kind.SERVICE_ERROR, service + " had a problem answering, so " + op.failed + ". "
                + op.consequence, "Try again in a few minutes. If it keeps happening, phone the service.", traceId);
    }

    static AppointmentProblem unreadable(Operation op, String service, String traceId, String why) {
        return new AppointmentProblem(Kind.UNREADABLE_RESPONSE, service + " sent an answer Carepoint could not read "
                + "safely (" + why + "), so " + (op.writes() ? "it is not known whether " + unknownEffect(op)
                        : op.failed) + ". Nothing from it is shown.", (op.writes() ? "Open the patient's appointments to check before "
                + "trying again. " : "Try again. ") + "If it keeps happening, phone the service and report reference "
                + traceId + " to the service desk.", traceId);
    }

    static AppointmentProblem wrongPatient(Operation op, String service, String traceId) {
        return new AppointmentProblem(Kind.WRONG_PATIENT, service + " answered about a different patient (the NHS "
                + "number or date of birth in its answer does not match this patient), so " + (op.writes()
                        ? "it is not known whether " + unknownEffect(op) + ", or for whom" : op.failed)
                + ". Nothing from that answer is shown or used.", "Do not book for this patient through Carepoint "
                + "now: phone the service. Report reference " + traceId + " to the service desk.", traceId);
    }
}
