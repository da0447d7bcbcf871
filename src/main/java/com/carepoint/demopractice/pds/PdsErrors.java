package com.carepoint.demopractice.pds;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.UnclassifiedServerFailureException;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.OperationOutcome;

/** Errors in the PDS FHIR API's shape (Spine-ErrorOrWarningCode R4 codes). */
public final class PdsErrors {

    static final String SYSTEM = "https://fhir.nhs.uk/R4/CodeSystem/Spine-ErrorOrWarningCode";

    private PdsErrors() {
    }

    public static BaseServerResponseException error(int status, String code, String diagnostics) {
        return new UnclassifiedServerFailureException(status, code + ": " + diagnostics, outcome(code, diagnostics));
    }

    static OperationOutcome outcome(String code, String diagnostics) {
        OperationOutcome oo = new OperationOutcome();
        oo.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR)
                .setCode(OperationOutcome.IssueType.INVALID)
                .setDetails(new CodeableConcept().addCoding(new Coding(SYSTEM, code, code)))
                .setDiagnostics(diagnostics);
        return oo;
    }
}
