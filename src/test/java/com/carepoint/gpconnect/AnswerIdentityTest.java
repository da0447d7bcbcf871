package com.carepoint.gpconnect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.ListResource;
import org.hl7.fhir.dstu3.model.Patient;
import org.hl7.fhir.dstu3.model.Reference;
import org.junit.jupiter.api.Test;

/** The identity check on every answer (hazard H-018): exactly the requested patient, or nothing is shown. */
class AnswerIdentityTest {

    static final String REQUESTED = "9990000018";
    static final String OTHER = "9990000026";

    static Patient patient(String id, String... nhsNumbers) {
        Patient p = (Patient) new Patient().setId(id);
        for (String n : nhsNumbers) {
            p.addIdentifier().setSystem(GpcSpec.NHS_NUMBER).setValue(n);
        }
        return p;
    }

    static Bundle bundle(Patient... patients) {
        Bundle b = new Bundle();
        for (Patient p : patients) {
            b.addEntry().setFullUrl("urn:uuid:" + p.getIdElement().getIdPart()).setResource(p);
        }
        return b;
    }

    static Optional<ListResource> listFor(String subject) {
        ListResource l = new ListResource();
        l.setSubject(new Reference(subject));
        return Optional.of(l);
    }

    @Test
    void theRequestedPatient() {
        assertThat(AnswerIdentity.mismatch(bundle(patient("p1", REQUESTED)), REQUESTED, Optional.empty())).isEmpty();
        assertThat(AnswerIdentity.mismatch(bundle(patient("p1", REQUESTED)), REQUESTED, listFor("Patient/p1")))
                .isEmpty();
        assertThat(AnswerIdentity.mismatch(bundle(patient("p1", REQUESTED)), REQUESTED, listFor("urn:uuid:p1")))
                .isEmpty();
    }

    @Test
    void theNumberMayBeWrittenWithSpacesOrRepeated() {
        assertThat(AnswerIdentity.mismatch(bundle(patient("p1", "999 000 0018", "999-000-0018")), REQUESTED,
                Optional.empty())).isEmpty();
    }

    @Test
    void aListWithoutSubjectIsNotChecked() {
        assertThat(AnswerIdentity.mismatch(bundle(patient("p1", REQUESTED)), REQUESTED,
                Optional.of(new ListResource()))).isEmpty();
    }

    @Test
    void noPatient() {
        Bundle b = new Bundle();
        b.addEntry().setResource(new ListResource());
        assertThat(AnswerIdentity.mismatch(b, REQUESTED, Optional.empty())).contains("no Patient in the answer");
        assertThat(AnswerIdentity.mismatch(new Bundle(), REQUESTED, Optional.empty()))
                .contains("no Patient in the answer");
    }

    @Test
    void aPatientWithoutAnNhsNumber() {
        Patient p = patient("p1");
        p.addIdentifier().setSystem("https://fhir.hospital.example/mrn").setValue(REQUESTED);
        p.addIdentifier().setSystem(GpcSpec.NHS_NUMBER); // no value
        assertThat(AnswerIdentity.mismatch(bundle(p), REQUESTED, Optional.empty()))
                .contains("a Patient without an NHS number");
    }

    @Test
    void anotherPatient() {
        assertThat(AnswerIdentity.mismatch(bundle(patient("p1", OTHER)), REQUESTED, Optional.empty()))
                .contains("a Patient with a different NHS number");
    }

    @Test
    void twoNhsNumbersOnOnePatient() {
        assertThat(AnswerIdentity.mismatch(bundle(patient("p1", REQUESTED, OTHER)), REQUESTED, Optional.empty()))
                .contains("a Patient with a different NHS number");
        assertThat(AnswerIdentity.mismatch(bundle(patient("p1", OTHER, REQUESTED)), REQUESTED, Optional.empty()))
                .contains("a Patient with a different NHS number");
    }

    @Test
    void everyPatientIsChecked() {
        assertThat(AnswerIdentity.mismatch(bundle(patient("p1", REQUESTED), patient("p2", OTHER)), REQUESTED,
                Optional.empty())).contains("a Patient with a different NHS number");
        assertThat(AnswerIdentity.mismatch(bundle(patient("p1", REQUESTED), patient("p2")), REQUESTED,
                Optional.empty())).contains("a Patient without an NHS number");
    }

    @Test
    void theListMustBeAboutThePatientInTheAnswer() {
        Bundle b = bundle(patient("p1", REQUESTED));
        assertThat(AnswerIdentity.mismatch(b, REQUESTED, listFor("Patient/p9")))
                .contains("a section List whose subject is not the Patient in the answer");
        // A subject that resolves, but not to a Patient.
        ListResource other = (ListResource) new ListResource().setId("l1");
        b.addEntry().setResource(other);
        assertThat(AnswerIdentity.mismatch(b, REQUESTED, listFor("List/l1")))
                .contains("a section List whose subject is not the Patient in the answer");
        // A Patient held in the reference itself, not the one in the answer.
        ListResource l = new ListResource();
        l.setSubject(new Reference(patient("p1", REQUESTED)));
        assertThat(AnswerIdentity.mismatch(b, REQUESTED, Optional.of(l)))
                .contains("a section List whose subject is not the Patient in the answer");
    }

    @Test
    void theReasonNeverNamesTheNumber() {
        assertThat(AnswerIdentity.mismatch(bundle(patient("p1", OTHER)), REQUESTED, Optional.empty()).orElseThrow())
                .doesNotContain(OTHER).doesNotContain(REQUESTED);
    }
}
