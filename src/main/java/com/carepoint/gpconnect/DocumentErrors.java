package com.carepoint.gpconnect;

import com.carepoint.kernel.Text;
import com.carepoint.record.RecordProblem;
import com.carepoint.record.RecordProblem.Kind;

/**
 * Turns every way an Access Document call can fail into a plain-English problem: what it means for the patient in
 * front of the user — above all that a list that could not be retrieved says nothing about whether there are any
 * documents (hazard H-030) — and what to do next. The codes are the Spine error codes each Access Document page's
 * "Error handling" table names (AD/development_search_patient_documents, AD/development_retrieve_patient_documents,
 * AD/use_case_find_a_patient) and pages/development/development_fhir_error_handling_guidance.md.
 */
final class DocumentErrors {

    /** What was being done, which decides what a failure means. */
    enum Operation {
        /** Find a patient and the search: the list of documents. */
        LIST("the patient's documents could not be retrieved", "It is not known whether there are any."),
        /** One document (its Binary). */
        RETRIEVE("the document could not be retrieved", "It is still listed; the practice holds it.");

        private final String failed;
        private final String consequence;

        Operation(String failed, String consequence) {
            this.failed = failed;
            this.consequence = consequence;
        }
    }

    private DocumentErrors() {
    }

    static RecordProblem map(Throwable error, Operation op, String practice, String traceId) {
        CallFailure failure = CallFailure.of(error);
        return switch (failure.kind()) {
            case TOO_LARGE -> op == Operation.RETRIEVE ? tooLarge(practice, traceId)
                    : unreadable(op, practice, traceId, "it was far larger than any list of documents should be");
            case TOO_MANY_RESOURCES -> unreadable(op, practice, traceId, "it held far more entries than it should");
            case TOO_MANY_ANSWERS_IN_FLIGHT -> new RecordProblem(Kind.TIMEOUT, "Carepoint is receiving too many large "
                    + "answers from GP systems at the moment, so " + op.failed + ". " + op.consequence, "Try again in a "
                    + "minute. If it keeps happening, contact the practice by phone.", traceId);
            case NOT_FHIR -> unreadable(op, practice, traceId, "it was not a GP Connect answer");
            case INVALID_FHIR -> unreadable(op, practice, traceId, "it was not valid FHIR");
            case DEADLINE_EXCEEDED -> new RecordProblem(Kind.TIMEOUT, "The GP system at " + practice + " did not finish "
                    + "answering in time, so " + op.failed + ". " + op.consequence, "Try again. If it keeps happening, "
                    + "contact the practice by phone.", traceId);
            case TIMEOUT -> new RecordProblem(Kind.TIMEOUT, "The GP system at " + practice + " did not answer in time, "
                    + "so " + op.failed + ". " + op.consequence, "Try again. If it keeps happening, contact the "
                    + "practice by phone.", traceId);
            case CANCELLED -> new RecordProblem(Kind.TIMEOUT, "This was stopped because the page was closed, so "
                    + op.failed + ".", "Open the record again to retrieve it.", traceId);
            case UNREACHABLE -> new RecordProblem(Kind.UNREACHABLE, "Carepoint could not reach the GP system at "
                    + practice + ", so " + op.failed + ". " + op.consequence, "Try again in a moment. If it keeps "
                    + "happening, contact the practice by phone.", traceId);
            case CONNECTION_FAILED -> new RecordProblem(Kind.UNREACHABLE, "The connection to the GP system at "
                    + practice + " failed, so " + op.failed + ". " + op.consequence, "Try again. If it keeps "
                    + "happening, contact the practice by phone.", traceId);
            case HTTP -> fromStatus(failure.status(), failure.code(), op, practice, traceId);
            case UNKNOWN -> RecordProblem.carepointError(traceId);
        };
    }

    static RecordProblem fromStatus(int status, String code, Operation op, String practice, String traceId) {
        return switch (code) {
            // Search page: "The patient has dissented to sharing their clinical record | NO_PATIENT_CONSENT".
            case "NO_PATIENT_CONSENT" -> new RecordProblem(Kind.PATIENT_DISSENT, "This patient has asked their GP "
                    + "practice not to share their record, so their documents cannot be shown.", "Ask the patient (if "
                    + "they are able) or use other sources. Their choice cannot be overridden.", traceId);
            // Search page: not found, inactive, deceased, not registered there (non-Regular/GMS), unverified NHS
            // number, sensitive — all PATIENT_NOT_FOUND.
            case "PATIENT_NOT_FOUND" -> patientNotFound(practice, traceId);
            // Every Access Document page: "GP Connect is not enabled at the practice" and "The Access Document
            // capability is not enabled at the practice" give ACCESS_DENIED (written "ACCESS DENIED" in some copies).
            case "ACCESS_DENIED", "ACCESS DENIED" -> new RecordProblem(Kind.PRACTICE_NOT_SHARING,
                    Text.capitalise(practice) + " has not switched on sharing of patients' documents through GP "
                    + "Connect, so " + op.failed + ". This does not mean there are none.", "Contact the practice by "
                    + "phone if you need a document.", traceId);
            case "NO_ORGANISATION_CONSENT", "NO_ORGANISATIONAL_CONSENT" -> new RecordProblem(Kind.ORGANISATION_REFUSED,
                    Text.capitalise(practice) + " has not agreed to share records with your organisation, so "
                    + op.failed + ". " + op.consequence, "Contact the practice by phone, or ask a colleague in an "
                    + "organisation the practice shares with.", traceId);
            // Retrieve page: "A document could not be found with the document id provided | NO_RECORD_FOUND".
            case "NO_RECORD_FOUND" -> op == Operation.RETRIEVE ? new RecordProblem(Kind.DOCUMENT_NOT_FOUND,
                    Text.capitalise(practice) + " no longer holds this document as it was listed (it may have been "
                    + "replaced by a newer version), so it could not be retrieved.", "Open the Documents tab again "
                    + "to see what the practice holds now.", traceId) : patientNotFound(practice, traceId);
            // Error handling guidance: "a request for an operation or FHIR resource which is not (yet) implemented".
            case "NOT_IMPLEMENTED" -> notProvided(practice, traceId);
            case "INTERNAL_SERVER_ERROR" -> practiceError(op, practice, traceId);
            default -> {
                if (status == 501) {
                    yield notProvided(practice, traceId);
                }
                if (status >= 500 || status == 429) {
                    yield practiceError(op, practice, traceId);
                }
                yield new RecordProblem(Kind.CARE_POINT_ERROR, "The GP system at " + practice + " could not accept "
                        + "Carepoint's request (" + (code.isEmpty() ? "HTTP " + status : code) + "), so " + op.failed
                        + ". " + op.consequence, "Report it to the service desk with reference " + traceId + ", and "
                        + "contact the practice by phone if you need a document.", traceId);
            }
        };
    }

    /** No Access Document endpoint for the practice in the directory: it does not offer documents at all. */
    static RecordProblem notOffered(String practice, String traceId) {
        return new RecordProblem(Kind.NOT_PROVIDED_BY_SYSTEM, Text.capitalise(practice) + " does not offer patients' "
                + "documents through GP Connect (Access Document), so Carepoint cannot list them. This does not mean "
                + "there are none.", "Contact the practice by phone if you need a document.", traceId);
    }

    private static RecordProblem notProvided(String practice, String traceId) {
        return new RecordProblem(Kind.NOT_PROVIDED_BY_SYSTEM, "The GP system at " + practice + " does not share "
                + "patients' documents through GP Connect. This does not mean there are none.", "Contact the "
                + "practice by phone if you need a document.", traceId);
    }

    static RecordProblem patientNotFound(String practice, String traceId) {
        return new RecordProblem(Kind.PATIENT_NOT_FOUND, "The GP system at " + practice + " could not find this "
                + "patient among its registered patients, so their documents could not be retrieved. They may have "
                + "moved practice recently, or the practice cannot share this record.", "Check the NHS number and "
                + "the registered practice with the patient; contact the practice by phone if you need a document.",
                traceId);
    }

    private static RecordProblem practiceError(Operation op, String practice, String traceId) {
        return new RecordProblem(Kind.PRACTICE_ERROR, "The GP system at " + practice + " had a problem answering, so "
                + op.failed + ". " + op.consequence, "Try again in a few minutes. If it keeps happening, contact the "
                + "practice by phone.", traceId);
    }

    static RecordProblem tooLarge(String practice, String traceId) {
        return new RecordProblem(Kind.DOCUMENT_TOO_LARGE, "The document from " + practice + " is larger than GP "
                + "Connect allows a document to be retrieved (5 MB), or larger than the practice listed it as, so it "
                + "is not shown.", "Ask the practice for a copy by another route.", traceId);
    }

    static RecordProblem unreadable(Operation op, String practice, String traceId, String why) {
        return new RecordProblem(Kind.UNREADABLE_RESPONSE, "The GP system at " + practice + " sent an answer Carepoint "
                + "could not read safely (" + why + "), so " + op.failed + ". " + op.consequence + " Nothing from "
                + "the answer is shown.", "Try again. If it keeps happening, contact the practice by phone and report "
                + "reference " + traceId + " to the service desk.", traceId);
    }

    static RecordProblem wrongPatient(String practice, String traceId) {
        return new RecordProblem(Kind.WRONG_PATIENT, "The GP system at " + practice + " answered with documents that "
                + "are not this patient's (the NHS number, date of birth or patient in its answer is different). "
                + "Nothing from that answer is shown.", "Do not rely on Carepoint for this patient's GP record now: "
                + "contact the practice by phone. Report reference " + traceId + " to the service desk so the "
                + "practice can be told.", traceId);
    }
}
