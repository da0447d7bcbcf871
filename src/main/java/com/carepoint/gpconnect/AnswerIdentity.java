package com.carepoint.gpconnect;

import java.util.List;
import java.util.Optional;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.ListResource;
import org.hl7.fhir.dstu3.model.Patient;
import org.hl7.fhir.dstu3.model.Resource;

/**
 * The identity check made on every structured record answer before anything in it is mapped or shown: the answer
 * must hold exactly the patient that was asked for. A practice that answers a request for patient A with patient B's
 * record must never have B's allergies shown under A's banner (hazard H-018).
 *
 * <p>Checked: there is a Patient; every Patient in the answer carries the requested NHS number (identifier system
 * {@code https://fhir.nhs.uk/Id/nhs-number}) and no other; and the section List's {@code subject} resolves to that
 * Patient. The reason returned names what failed, never an NHS number (it goes to the logs).
 */
final class AnswerIdentity {

    private AnswerIdentity() {
    }

    static Optional<String> mismatch(Bundle bundle, String requestedNhsNumber, Optional<ListResource> sectionList) {
        List<Patient> patients = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(Patient.class::isInstance).map(Patient.class::cast).toList();
        if (patients.isEmpty()) {
            return Optional.of("no Patient in the answer");
        }
        for (Patient p : patients) {
            List<String> numbers = p.getIdentifier().stream()
                    .filter(i -> GpcSpec.NHS_NUMBER.equals(i.getSystem()) && i.hasValue())
                    .map(i -> i.getValue().replaceAll("[\\s-]", "")).distinct().toList();
            if (numbers.isEmpty()) {
                return Optional.of("a Patient without an NHS number");
            }
            if (numbers.size() > 1 || !numbers.getFirst().equals(requestedNhsNumber)) {
                return Optional.of("a Patient with a different NHS number");
            }
        }
        if (sectionList.isPresent() && sectionList.get().hasSubject()) {
            Resource subject = new References(bundle).resolve(sectionList.get(), sectionList.get().getSubject());
            if (!(subject instanceof Patient) || !patients.contains(subject)) {
                return Optional.of("a section List whose subject is not the Patient in the answer");
            }
        }
        return Optional.empty();
    }
}
