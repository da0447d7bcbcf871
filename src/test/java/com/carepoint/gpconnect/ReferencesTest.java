package com.carepoint.gpconnect;

import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.dstu3.model.AllergyIntolerance;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.ListResource;
import org.hl7.fhir.dstu3.model.Medication;
import org.hl7.fhir.dstu3.model.Patient;
import org.hl7.fhir.dstu3.model.Practitioner;
import org.hl7.fhir.dstu3.model.Reference;
import org.junit.jupiter.api.Test;

/** FHIR reference resolution inside one answer: contained, by fullUrl, relative (with history) and absolute. */
class ReferencesTest {

    final Patient patient = (Patient) new Patient().setId("pat-1");
    final Practitioner practitioner = (Practitioner) new Practitioner().setId("prac-1");
    final Medication medication = (Medication) new Medication().setId("med-1");
    final ListResource list = new ListResource();

    Bundle bundle() {
        Bundle b = new Bundle();
        b.addEntry().setResource(patient); // no fullUrl
        b.addEntry().setFullUrl("urn:uuid:6a2f1c7e-0000-4000-8000-000000000001").setResource(practitioner);
        b.addEntry().setFullUrl("https://gp.example/fhir/Medication/med-1").setResource(medication);
        b.addEntry().setFullUrl("urn:uuid:empty"); // an entry without a resource
        return b;
    }

    @Test
    void relativeReference() {
        References refs = new References(bundle());
        assertThat(refs.resolve(list, new Reference("Patient/pat-1"))).isSameAs(patient);
        assertThat(refs.resolve(list, new Reference("Practitioner/prac-1"))).isSameAs(practitioner);
        assertThat(refs.resolve(list, new Reference("Medication/med-1"))).isSameAs(medication);
    }

    @Test
    void relativeReferenceWithHistory() {
        References refs = new References(bundle());
        assertThat(refs.resolve(list, new Reference("Patient/pat-1/_history/3"))).isSameAs(patient);
        assertThat(refs.resolve(list, new Reference("Patient/pat-1/_history/abc"))).isSameAs(patient);
    }

    @Test
    void fullUrl() {
        References refs = new References(bundle());
        assertThat(refs.resolve(list, new Reference("urn:uuid:6a2f1c7e-0000-4000-8000-000000000001")))
                .isSameAs(practitioner);
        assertThat(refs.resolve(list, new Reference("https://gp.example/fhir/Medication/med-1"))).isSameAs(medication);
        assertThat(refs.resolve(list, new Reference("urn:uuid:empty"))).isNull();
    }

    @Test
    void absoluteUrlByItsLastTwoSegments() {
        References refs = new References(bundle());
        assertThat(refs.resolve(list, new Reference("https://elsewhere.example/fhir/Patient/pat-1"))).isSameAs(patient);
        assertThat(refs.resolve(list, new Reference("https://elsewhere.example/fhir/Patient/pat-1/_history/2")))
                .isSameAs(patient);
    }

    @Test
    void theTypeMustMatchToo() {
        References refs = new References(bundle());
        assertThat(refs.resolve(list, new Reference("Practitioner/pat-1"))).isNull();
        assertThat(refs.resolve(list, new Reference("Patient/pat-2"))).isNull();
        assertThat(refs.resolve(list, new Reference("pat-1"))).isNull();
    }

    @Test
    void theFirstResourceWithATypeAndIdWins() {
        Patient second = (Patient) new Patient().setId("pat-1");
        Bundle b = bundle();
        b.addEntry().setResource(second);
        assertThat(new References(b).resolve(list, new Reference("Patient/pat-1"))).isSameAs(patient);
    }

    @Test
    void aResourceWithoutIdIsFoundOnlyByFullUrl() {
        Patient anonymous = new Patient();
        Bundle b = new Bundle();
        b.addEntry().setFullUrl("urn:uuid:p").setResource(anonymous);
        References refs = new References(b);
        assertThat(refs.resolve(list, new Reference("urn:uuid:p"))).isSameAs(anonymous);
        assertThat(refs.resolve(list, new Reference("Patient/null"))).isNull();
    }

    @Test
    void containedInTheReferringResource() {
        AllergyIntolerance ended = (AllergyIntolerance) new AllergyIntolerance().setId("ended-1");
        AllergyIntolerance other = (AllergyIntolerance) new AllergyIntolerance().setId("ended-2");
        ListResource endedList = new ListResource();
        endedList.addContained(other);
        endedList.addContained(ended);
        References refs = new References(bundle());
        assertThat(refs.resolve(endedList, new Reference("#ended-1"))).isSameAs(ended);
        assertThat(refs.resolve(endedList, new Reference("#ended-2"))).isSameAs(other);
        assertThat(refs.resolve(endedList, new Reference("#ended-3"))).isNull();
        // Only the referring resource's own contained resources.
        assertThat(refs.resolve(list, new Reference("#ended-1"))).isNull();
        // A local reference never reaches a Bundle entry.
        assertThat(refs.resolve(endedList, new Reference("#pat-1"))).isNull();
    }

    @Test
    void containedWithAHashInItsId() {
        AllergyIntolerance ended = new AllergyIntolerance();
        ended.setId("#ended-1");
        ListResource endedList = new ListResource();
        endedList.addContained(ended);
        assertThat(new References(new Bundle()).resolve(endedList, new Reference("#ended-1"))).isSameAs(ended);
    }

    @Test
    void containedMatchedByTheIdPartOfItsId() {
        AllergyIntolerance ended = new AllergyIntolerance();
        ended.setId("AllergyIntolerance/ended-1");
        ListResource endedList = new ListResource();
        endedList.addContained(ended);
        References refs = new References(new Bundle());
        assertThat(refs.resolve(endedList, new Reference("#ended-1"))).isSameAs(ended);
        assertThat(refs.resolve(endedList, new Reference("#AllergyIntolerance/ended-1"))).isNull();
    }

    @Test
    void containedWithoutId() {
        ListResource endedList = new ListResource();
        endedList.addContained(new AllergyIntolerance());
        assertThat(new References(new Bundle()).resolve(endedList, new Reference("#x"))).isNull();
    }

    @Test
    void aContainerThatCannotContain() {
        assertThat(new References(bundle()).resolve(new Bundle(), new Reference("#x"))).isNull();
        assertThat(new References(bundle()).resolve(null, new Reference("#x"))).isNull();
    }

    @Test
    void aReferenceAlreadyHoldingItsResource() {
        Patient held = new Patient();
        assertThat(new References(new Bundle()).resolve(list, new Reference(held))).isSameAs(held);
    }

    @Test
    void nothingToResolve() {
        References refs = new References(bundle());
        assertThat(refs.resolve(list, null)).isNull();
        assertThat(refs.resolve(list, new Reference())).isNull();
        assertThat(refs.resolve(list, new Reference(""))).isNull();
        assertThat(refs.resolve(list, new Reference("   "))).isNull();
        assertThat(refs.resolve(list, new Reference("Patient"))).isNull();
    }
}
