package com.carepoint.gpconnect;

import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.OperationOutcome;

/**
 * A practice's GP system that does not support a section answers 200 with the other resources and an
 * OperationOutcome in the Bundle that says so, with no List for that section ("Access Record Structured - Retrieve a
 * patient's structured record", "Payload response body": an OperationOutcome is included "when a clinical area is
 * requested that the provider does not support" — e.g. {@code NOT_IMPLEMENTED}). That is "not provided by this
 * practice's system", not a fault and not "nothing recorded".
 */
final class NotProvided {

    private NotProvided() {
    }

    /** Whether the answer carries an OperationOutcome with at least one issue (error, warning or information). */
    static boolean said(Bundle bundle) {
        return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(OperationOutcome.class::isInstance).map(OperationOutcome.class::cast)
                .anyMatch(OperationOutcome::hasIssue);
    }
}
