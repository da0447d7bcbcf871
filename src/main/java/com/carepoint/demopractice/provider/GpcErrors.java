package com.carepoint.demopractice.provider;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.UnclassifiedServerFailureException;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.Meta;
import org.hl7.fhir.dstu3.model.OperationOutcome;

/**
 * GP Connect errors: a {@code GPConnect-OperationOutcome-1} whose code is from Spine-ErrorOrWarningCode-1, with the
 * HTTP status the specification gives for that code.
 */
final class GpcErrors {

    private GpcErrors() {
    }

    static BaseServerResponseException badRequest(String diagnostics) {
        return error(400, "BAD_REQUEST", "Bad request", OperationOutcome.IssueType.INVALID, diagnostics);
    }

    /** 415 for a media type the provider does not serve ("General API guidance", "Content types"). */
    static BaseServerResponseException unsupportedMediaType(String diagnostics) {
        return error(415, "BAD_REQUEST", "Bad request", OperationOutcome.IssueType.NOTSUPPORTED, diagnostics);
    }

    static BaseServerResponseException invalidIdentifierSystem(String diagnostics) {
        return error(400, "INVALID_IDENTIFIER_SYSTEM", "Invalid identifier system", OperationOutcome.IssueType.INVALID,
                diagnostics);
    }

    static BaseServerResponseException invalidNhsNumber(String diagnostics) {
        return error(400, "INVALID_NHS_NUMBER", "NHS number invalid", OperationOutcome.IssueType.VALUE, diagnostics);
    }

    static BaseServerResponseException invalidParameter(String diagnostics) {
        return error(422, "INVALID_PARAMETER", "Submitted parameter is not valid.", OperationOutcome.IssueType.INVALID,
                diagnostics);
    }

    static BaseServerResponseException invalidResource(String diagnostics) {
        return error(422, "INVALID_RESOURCE", "Submitted resource is not valid.", OperationOutcome.IssueType.INVALID,
                diagnostics);
    }

    /** 422 REFERENCE_NOT_FOUND: "a consumer POSTs a FHIR resource which contains a FHIR reference that cannot be found". */
    static BaseServerResponseException referenceNotFound(String diagnostics) {
        return error(422, "REFERENCE_NOT_FOUND", "Referenced resource not found.", OperationOutcome.IssueType.INVALID,
                diagnostics);
    }

    /** 409 DUPLICATE_REJECTED: "Create would lead to creation of a duplicate resource" (a slot no longer free). */
    static BaseServerResponseException duplicateRejected(String diagnostics) {
        return error(409, "DUPLICATE_REJECTED", "Create would lead to creation of a duplicate resource",
                OperationOutcome.IssueType.DUPLICATE, diagnostics);
    }

    /**
     * 409 for an {@code If-Match} version that is not the current one ("the server returns a 409 Conflict status
     * code", general API guidance, "Managing resource contention"). The page names no Spine code; the NHS provider
     * test suite expects FHIR_CONSTRAINT_VIOLATION (AppointmentCancel.feature, "out of date ETag").
     */
    static BaseServerResponseException versionConflict(String diagnostics) {
        return error(409, "FHIR_CONSTRAINT_VIOLATION", "FHIR constraint violated", OperationOutcome.IssueType.CONFLICT,
                diagnostics);
    }

    static BaseServerResponseException noRecordFound(String diagnostics) {
        return error(404, "NO_RECORD_FOUND", "No record found", OperationOutcome.IssueType.NOTFOUND, diagnostics);
    }

    static BaseServerResponseException patientNotFound(String diagnostics) {
        return error(404, "PATIENT_NOT_FOUND", "Patient not found", OperationOutcome.IssueType.NOTFOUND, diagnostics);
    }

    static BaseServerResponseException notFound(String code, String display, String diagnostics) {
        return error(404, code, display, OperationOutcome.IssueType.NOTFOUND, diagnostics);
    }

    static BaseServerResponseException noPatientConsent(String diagnostics) {
        return error(403, "NO_PATIENT_CONSENT", "Patient has not provided consent to share data",
                OperationOutcome.IssueType.FORBIDDEN, diagnostics);
    }

    static BaseServerResponseException noOrganisationConsent(String diagnostics) {
        return error(403, "NO_ORGANISATION_CONSENT", "Organisation has not provided consent to share data",
                OperationOutcome.IssueType.FORBIDDEN, diagnostics);
    }

    static BaseServerResponseException accessDenied(String diagnostics) {
        return error(403, "ACCESS DENIED", "Access denied", OperationOutcome.IssueType.FORBIDDEN, diagnostics);
    }

    static BaseServerResponseException notImplemented(String diagnostics) {
        return error(501, "NOT_IMPLEMENTED", "Not implemented", OperationOutcome.IssueType.NOTSUPPORTED, diagnostics);
    }

    static BaseServerResponseException internalError(String diagnostics) {
        return error(500, "INTERNAL_SERVER_ERROR", "Internal server error", OperationOutcome.IssueType.EXCEPTION,
                diagnostics);
    }

    static OperationOutcome outcome(String code, String display, OperationOutcome.IssueType type, String diagnostics) {
        OperationOutcome oo = new OperationOutcome();
        oo.setMeta(new Meta().addProfile(Gpc.PROFILE_BASE + "GPConnect-OperationOutcome-1"));
        oo.addIssue()
                .setSeverity(OperationOutcome.IssueSeverity.ERROR)
                .setCode(type)
                .setDetails(new CodeableConcept().addCoding(new Coding(Gpc.ERROR_SYSTEM, code, display)))
                .setDiagnostics(diagnostics);
        return oo;
    }

    static boolean isGpc(OperationOutcome oo) {
        return oo != null && oo.getIssue().stream().anyMatch(i -> i.getDetails().getCoding().stream()
                .anyMatch(c -> Gpc.ERROR_SYSTEM.equals(c.getSystem())));
    }

    static BaseServerResponseException error(int status, String code, String display,
            OperationOutcome.IssueType type, String diagnostics) {
        return new UnclassifiedServerFailureException(status, code + ": " + diagnostics,
                outcome(code, display, type, diagnostics));
    }
}
