package com.carepoint.gpconnect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.carepoint.kernel.PartialDate;
import com.carepoint.kernel.SectionKind;
import com.carepoint.record.RecordItems.Coded;
import com.carepoint.record.RecordItems;
import com.carepoint.record.Section;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.dstu3.model.AllergyIntolerance;
import org.hl7.fhir.dstu3.model.Annotation;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.CodeType;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.Condition;
import org.hl7.fhir.dstu3.model.DateTimeType;
import org.hl7.fhir.dstu3.model.DateType;
import org.hl7.fhir.dstu3.model.DiagnosticReport;
import org.hl7.fhir.dstu3.model.Encounter;
import org.hl7.fhir.dstu3.model.Extension;
import org.hl7.fhir.dstu3.model.Immunization;
import org.hl7.fhir.dstu3.model.InstantType;
import org.hl7.fhir.dstu3.model.ListResource;
import org.hl7.fhir.dstu3.model.Location;
import org.hl7.fhir.dstu3.model.Medication;
import org.hl7.fhir.dstu3.model.MedicationRequest;
import org.hl7.fhir.dstu3.model.MedicationStatement;
import org.hl7.fhir.dstu3.model.Observation;
import org.hl7.fhir.dstu3.model.Period;
import org.hl7.fhir.dstu3.model.Practitioner;
import org.hl7.fhir.dstu3.model.ProcedureRequest;
import org.hl7.fhir.dstu3.model.Quantity;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.ReferralRequest;
import org.hl7.fhir.dstu3.model.Resource;
import org.hl7.fhir.dstu3.model.SimpleQuantity;
import org.hl7.fhir.dstu3.model.StringType;
import org.junit.jupiter.api.Test;

/**
 * The structured record mapper on small STU3 Bundles built in code, one rule at a time (the spec-shaped fixtures in
 * {@link SpecFixtureConsumerTest} check whole answers end to end). No HTTP, no Spring.
 */
class StructuredRecordMapperTest {

    final Bundle bundle = new Bundle();

    // ------------------------------------------------------------------ building answers

    <T extends Resource> T add(T resource, String id) {
        resource.setId(id);
        bundle.addEntry().setResource(resource);
        return resource;
    }

    static Reference ref(Resource r) {
        return new Reference(r.fhirType() + "/" + r.getIdElement().getIdPart());
    }

    static CodeableConcept snomed(String code, String display) {
        return new CodeableConcept().addCoding(new Coding(GpcSpec.SNOMED, code, display));
    }

    static CodeableConcept text(String text) {
        return new CodeableConcept().setText(text);
    }

    ListResource list(String code, Resource... entries) {
        ListResource l = add(new ListResource(), "list-" + code + "-" + bundle.getEntry().size());
        l.setCode(snomed(code, null));
        for (Resource e : entries) {
            l.addEntry().setItem(ref(e));
        }
        return l;
    }

    ListResource primary(SectionKind kind, Resource... entries) {
        return list(GpcSpec.LIST_CODES.get(kind), entries);
    }

    Section<?> map(SectionKind kind) {
        return new StructuredRecordMapper(bundle).map(kind);
    }

    @SuppressWarnings("unchecked")
    <T> List<T> items(SectionKind kind) {
        return (List<T>) map(kind).items();
    }

    static Optional<PartialDate> day(int y, int m, int d) {
        return Optional.of(new PartialDate(y, m, d, null, null));
    }

    static SimpleQuantity quantity(double value, String unit) {
        SimpleQuantity q = new SimpleQuantity();
        q.setValue(value);
        q.setUnit(unit);
        return q;
    }

    // ------------------------------------------------------------------ the section List

    @Test
    void aMissingSectionListIsTheProvidersFault() {
        primary(SectionKind.ALLERGIES);
        assertThatThrownBy(() -> map(SectionKind.MEDICATIONS))
                .isInstanceOf(StructuredRecordMapper.MissingSectionException.class)
                .hasMessage("The GP system's answer has no Medications list");
    }

    @Test
    void sectionsAreFoundByCodeNotTitle() {
        ListResource wrongSystem = add(new ListResource(), "l1");
        wrongSystem.setTitle("Allergies and adverse reactions");
        wrongSystem.setCode(new CodeableConcept().addCoding(new Coding("http://read.info/ctv3",
                GpcSpec.LIST_CODES.get(SectionKind.ALLERGIES), null)));
        assertThat(new StructuredRecordMapper(bundle).sectionList(SectionKind.ALLERGIES)).isEmpty();

        ListResource noSystem = add(new ListResource(), "l2");
        noSystem.setCode(new CodeableConcept().addCoding(new Coding(null, GpcSpec.LIST_CODES.get(SectionKind.ALLERGIES),
                null)));
        assertThat(new StructuredRecordMapper(bundle).sectionList(SectionKind.ALLERGIES)).containsSame(noSystem);
    }

    @Test
    void referralsUnderTheirAlternativeCode() {
        ReferralRequest r = add(new ReferralRequest(), "r1");
        ListResource alt = list("886721000000107", r);
        assertThat(new StructuredRecordMapper(bundle).sectionList(SectionKind.REFERRALS)).containsSame(alt);
        assertThat(items(SectionKind.REFERRALS)).hasSize(1);
        assertThat(new StructuredRecordMapper(bundle).sectionList(SectionKind.DIARY)).isEmpty();
    }

    @Test
    void warningsInPlainEnglishAndNotesThatDoNotRepeatThem() {
        ListResource l = primary(SectionKind.PROBLEMS);
        l.addExtension(GpcSpec.EXT_LIST_WARNING, new Coding("https://fhir.nhs.uk/STU3/CodeSystem/CareConnect-ListWarningCode-1",
                "confidential-items", "Confidential Items"));
        l.addExtension(GpcSpec.EXT_LIST_WARNING, new CodeType("data-in-transit"));
        l.addExtension(GpcSpec.EXT_LIST_WARNING, new CodeType("confidential-items")); // the same again
        l.addExtension(GpcSpec.EXT_LIST_WARNING, new CodeType("something-new"));
        l.addExtension().setUrl(GpcSpec.EXT_LIST_WARNING); // no value
        l.addExtension("https://example.org/other-extension", new CodeType("data-awaiting-filing"));
        l.addNote(new Annotation().setText("Items excluded due to confidentiality and/or patient preferences."));
        l.addNote(new Annotation().setText("Patient record transfer from previous GP practice not yet complete."));
        l.addNote(new Annotation().setText("Reviewed by the practice in March."));
        l.addNote(new Annotation());

        Section<?> s = map(SectionKind.PROBLEMS);
        assertThat(s.warnings()).containsExactly(
                "Some items are not shown because they are confidential or the patient asked for them not to be shared.",
                "The patient's record from their previous practice has not fully arrived: older information may be "
                        + "missing.",
                "The practice flagged this section: something-new");
        assertThat(s.notes()).containsExactly("Reviewed by the practice in March.");
        assertThat(s.items()).isEmpty();
        assertThat(s.problem()).isEmpty();
    }

    // ------------------------------------------------------------------ allergies

    @Test
    void allergies() {
        AllergyIntolerance penicillin = add(new AllergyIntolerance(), "a1");
        penicillin.setCode(snomed("91936005", "Allergy to penicillin"));
        penicillin.setClinicalStatus(AllergyIntolerance.AllergyIntoleranceClinicalStatus.ACTIVE);
        penicillin.setAssertedDateElement(new DateTimeType("2019-03-12"));
        penicillin.addReaction().addManifestation(text("Rash"));
        penicillin.addReaction().addManifestation(snomed("39579001", "Anaphylaxis"))
                .setSeverity(AllergyIntolerance.AllergyIntoleranceSeverity.SEVERE);

        AllergyIntolerance nka = add(new AllergyIntolerance(), "a2");
        nka.setCode(new CodeableConcept().addCoding(new Coding(GpcSpec.SNOMED, GpcSpec.NO_KNOWN_ALLERGY,
                "No known allergy")));

        primary(SectionKind.ALLERGIES, penicillin, nka);

        // Ended allergies: contained in their own List, referenced as #id.
        AllergyIntolerance ended = new AllergyIntolerance();
        ended.setId("ended-1");
        ended.setCode(text("Allergy to latex"));
        ended.setClinicalStatus(AllergyIntolerance.AllergyIntoleranceClinicalStatus.RESOLVED);
        Extension end = new Extension(GpcSpec.EXT_ALLERGY_END);
        end.addExtension("endDate", new DateTimeType("2022-06"));
        end.addExtension("reasonEnded", new StringType("No longer reacts"));
        ended.addExtension(end);
        ListResource endedList = list(GpcSpec.ENDED_ALLERGIES_LIST);
        endedList.addContained(ended);
        endedList.addEntry().setItem(new Reference("#ended-1"));

        List<RecordItems.Allergy> items = items(SectionKind.ALLERGIES);
        assertThat(items).containsExactly(
                new RecordItems.Allergy(new Coded("Allergy to penicillin", Optional.of("91936005")), true,
                        Optional.of("Rash"), Optional.of("severe"), day(2019, 3, 12), Optional.empty(),
                        Optional.empty(), false),
                new RecordItems.Allergy(new Coded("No known allergy", Optional.of(GpcSpec.NO_KNOWN_ALLERGY)), true,
                        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), true),
                new RecordItems.Allergy(new Coded("Allergy to latex", Optional.empty()), false, Optional.empty(),
                        Optional.empty(), Optional.empty(), Optional.of(new PartialDate(2022, 6, null, null, null)),
                        Optional.of("No longer reacts"), false));
    }

    @Test
    void anAllergyEntryPointingAtNothingMakesTheSectionUnreadableNotShorter() {
        AllergyIntolerance penicillin = add(new AllergyIntolerance(), "a1");
        penicillin.setCode(text("Allergy to penicillin"));
        ListResource list = primary(SectionKind.ALLERGIES, penicillin);
        list.addEntry().setItem(new Reference("AllergyIntolerance/not-in-answer"));
        assertThatThrownBy(() -> items(SectionKind.ALLERGIES))
                .isInstanceOf(StructuredRecordMapper.UnreadableEntriesException.class);
    }

    @Test
    void anEndExtensionWithoutDetails() {
        AllergyIntolerance a = add(new AllergyIntolerance(), "a1");
        a.setCode(new CodeableConcept().addCoding(new Coding("http://read.info/ctv3", "X", null)));
        a.addExtension(new Extension(GpcSpec.EXT_ALLERGY_END));
        primary(SectionKind.ALLERGIES, a);
        RecordItems.Allergy item = this.<RecordItems.Allergy>items(SectionKind.ALLERGIES).getFirst();
        assertThat(item.what()).isEqualTo(new Coded("Not stated", Optional.empty()));
        assertThat(item.ended()).isEmpty();
        assertThat(item.endReason()).isEmpty();
        assertThat(item.active()).isTrue();
    }

    // ------------------------------------------------------------------ medications

    @Test
    void medications() {
        Medication amoxicillin = add(new Medication(), "m1");
        amoxicillin.setCode(snomed("323509004", "Amoxicillin 500mg capsules"));
        Medication ramipril = add(new Medication(), "m2");
        ramipril.setCode(text("Ramipril 5mg capsules"));

        // A repeat with two issues; the last issue date comes from the issues.
        MedicationRequest repeat = add(new MedicationRequest(), "plan-1");
        repeat.setIntent(MedicationRequest.MedicationRequestIntent.PLAN);
        repeat.addExtension(GpcSpec.EXT_PRESCRIPTION_TYPE, snomed("repeat", "Repeat"));
        repeat.getDispenseRequest().setQuantity(quantity(28, "capsule"));
        MedicationRequest issue1 = add(new MedicationRequest(), "issue-1");
        issue1.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
        issue1.setAuthoredOnElement(new DateTimeType("2024-01-10"));
        issue1.addBasedOn(ref(repeat));
        MedicationRequest issue2 = add(new MedicationRequest(), "issue-2");
        issue2.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
        issue2.setAuthoredOnElement(new DateTimeType("2024-02-10"));
        issue2.addBasedOn(ref(repeat));
        issue2.addBasedOn(new Reference("MedicationRequest/not-in-answer"));
        MedicationRequest undated = add(new MedicationRequest(), "issue-3");
        undated.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
        undated.addBasedOn(ref(repeat));
        MedicationRequest notAnIssue = add(new MedicationRequest(), "plan-x");
        notAnIssue.setIntent(MedicationRequest.MedicationRequestIntent.PLAN);
        notAnIssue.setAuthoredOnElement(new DateTimeType("2024-03-01"));
        notAnIssue.addBasedOn(ref(repeat));

        MedicationStatement current = add(new MedicationStatement(), "s1");
        current.setStatus(MedicationStatement.MedicationStatementStatus.ACTIVE);
        current.setMedication(ref(amoxicillin));
        current.addBasedOn(ref(repeat));
        current.addDosage().setText("One three times a day");
        current.setEffective(new Period().setStartElement(new DateTimeType("2023-12-01")));

        // Ended, no plan, the medication given as a concept rather than a reference, the last issue in an extension.
        MedicationStatement past = add(new MedicationStatement(), "s2");
        past.setStatus(MedicationStatement.MedicationStatementStatus.COMPLETED);
        past.setMedication(text("Something"));
        past.addExtension(GpcSpec.EXT_LAST_ISSUE_DATE, new DateTimeType("2023-05-01"));
        past.setEffective(new Period().setStartElement(new DateTimeType("2023-04-01"))
                .setEndElement(new DateTimeType("2023-05-31")));

        // Current, the HL7 UK last issue extension, a plan with no type and no quantity.
        MedicationRequest acute = add(new MedicationRequest(), "plan-2");
        acute.setIntent(MedicationRequest.MedicationRequestIntent.PLAN);
        MedicationStatement other = add(new MedicationStatement(), "s3");
        other.setStatus(MedicationStatement.MedicationStatementStatus.ACTIVE);
        other.setMedication(ref(ramipril));
        other.addBasedOn(new Reference("Medication/m2")); // resolves, but not to a MedicationRequest
        other.addBasedOn(ref(acute));
        other.addExtension(GpcSpec.EXT_LAST_ISSUE_DATE_HL7, new DateTimeType("2024-03-05"));

        primary(SectionKind.MEDICATIONS, past, current, other);

        List<RecordItems.Medication> items = items(SectionKind.MEDICATIONS);
        // Current first, most recently issued first; then the rest.
        assertThat(items).containsExactly(
                new RecordItems.Medication(new Coded("Ramipril 5mg capsules", Optional.empty()), null,
                        Optional.empty(), "unknown", true, Optional.empty(), Optional.empty(), day(2024, 3, 5),
                        List.of()),
                new RecordItems.Medication(new Coded("Amoxicillin 500mg capsules", Optional.of("323509004")),
                        "One three times a day", Optional.of("28 capsule"), "repeat", true, day(2023, 12, 1),
                        Optional.empty(), day(2024, 2, 10), List.of(day(2024, 2, 10).get(), day(2024, 1, 10).get())),
                new RecordItems.Medication(new Coded("Unnamed medication", Optional.empty()), null, Optional.empty(),
                        "unknown", false, day(2023, 4, 1), day(2023, 5, 31), day(2023, 5, 1), List.of()));
    }

    @Test
    void medicationsWithoutAnyDateSortLast() {
        MedicationStatement undated = add(new MedicationStatement(), "s1");
        undated.setStatus(MedicationStatement.MedicationStatementStatus.ACTIVE);
        undated.addDosage().setText("undated");
        MedicationStatement started = add(new MedicationStatement(), "s2");
        started.setStatus(MedicationStatement.MedicationStatementStatus.ACTIVE);
        started.addDosage().setText("started");
        started.setEffective(new Period().setStartElement(new DateTimeType("2020-01-01")));
        MedicationStatement issued = add(new MedicationStatement(), "s3");
        issued.setStatus(MedicationStatement.MedicationStatementStatus.ACTIVE);
        issued.addDosage().setText("issued");
        issued.addExtension(GpcSpec.EXT_LAST_ISSUE_DATE, new DateTimeType("2019-01-01"));
        issued.setEffective(new Period().setStartElement(new DateTimeType("2021-01-01")));
        primary(SectionKind.MEDICATIONS, undated, issued, started);
        assertThat(this.<RecordItems.Medication>items(SectionKind.MEDICATIONS))
                .extracting(RecordItems.Medication::dosage).containsExactly("started", "issued", "undated");
    }

    // ------------------------------------------------------------------ problems

    static Condition condition(String name, Condition.ConditionClinicalStatus status, String onset) {
        Condition c = new Condition();
        c.setCode(text(name));
        c.setClinicalStatus(status);
        if (onset != null) {
            c.setOnset(new DateTimeType(onset));
        }
        return c;
    }

    @Test
    void problems() {
        Condition asthma = add(condition("Asthma", Condition.ConditionClinicalStatus.ACTIVE, "2001"), "c1");
        asthma.addExtension(GpcSpec.EXT_PROBLEM_SIGNIFICANCE, new CodeType("Major"));
        Condition gout = add(condition("Gout", Condition.ConditionClinicalStatus.RECURRENCE, "2015-07"), "c2");
        gout.addExtension(GpcSpec.EXT_PROBLEM_SIGNIFICANCE, snomed("minor", "Minor"));
        Condition fracture = add(condition("Fractured wrist", Condition.ConditionClinicalStatus.RESOLVED, "2018-02-03"),
                "c3");
        fracture.setAbatement(new DateTimeType("2018-04-01"));
        fracture.addExtension(GpcSpec.EXT_PROBLEM_SIGNIFICANCE, new CodeType(" "));
        Condition undated = add(condition("Eczema", Condition.ConditionClinicalStatus.ACTIVE, null), "c4");
        undated.addExtension().setUrl(GpcSpec.EXT_PROBLEM_SIGNIFICANCE);
        Condition inactive = add(condition("Old injury", Condition.ConditionClinicalStatus.INACTIVE, "2019"), "c5");
        inactive.addExtension(GpcSpec.EXT_PROBLEM_SIGNIFICANCE, new CodeableConcept().addCoding(
                new Coding().setDisplay("no code")));
        primary(SectionKind.PROBLEMS, fracture, asthma, undated, gout, inactive);

        assertThat(this.<RecordItems.Problem>items(SectionKind.PROBLEMS)).containsExactly(
                new RecordItems.Problem(new Coded("Gout", Optional.empty()), true, "minor",
                        Optional.of(new PartialDate(2015, 7, null, null, null)), Optional.empty()),
                new RecordItems.Problem(new Coded("Asthma", Optional.empty()), true, "major",
                        Optional.of(new PartialDate(2001, null, null, null, null)), Optional.empty()),
                new RecordItems.Problem(new Coded("Eczema", Optional.empty()), true, "unspecified", Optional.empty(),
                        Optional.empty()),
                new RecordItems.Problem(new Coded("Old injury", Optional.empty()), false, "unspecified",
                        Optional.of(new PartialDate(2019, null, null, null, null)), Optional.empty()),
                new RecordItems.Problem(new Coded("Fractured wrist", Optional.empty()), false, "unspecified",
                        day(2018, 2, 3), day(2018, 4, 1)));
    }

    // ------------------------------------------------------------------ consultations

    @Test
    void consultations() {
        Practitioner gp = add(new Practitioner(), "pr1");
        gp.addName().addPrefix("Dr").addGiven("Ann").setFamily("Smith");
        Practitioner nurse = add(new Practitioner(), "pr2");
        nurse.addName().setText("Nurse Jo Bloggs");
        Location surgery = add(new Location(), "loc1");
        surgery.setName("Main Surgery");

        // Consultation 1: an Encounter in the primary List, its consultation List with two topics and a loose entry.
        Encounter e1 = add(new Encounter(), "e1");
        e1.setPeriod(new Period().setStartElement(new DateTimeType("2024-03-01")));
        e1.addType(text("Surgery consultation"));
        e1.addParticipant().setIndividual(ref(surgery)); // not a practitioner
        e1.addParticipant().setIndividual(ref(gp));
        e1.addLocation().setLocation(ref(gp)); // not a location
        e1.addLocation().setLocation(ref(surgery));

        Observation history = add(new Observation(), "o1");
        history.setCode(text("History"));
        history.setComment("Cough for three days");
        Observation temperature = add(new Observation(), "o2");
        temperature.setCode(text("Temperature"));
        temperature.setValue(quantity(38.20, "Cel"));
        ListResource historyHeading = list(GpcSpec.CATEGORY_LIST, history, temperature);
        historyHeading.setTitle("History");
        Observation uncoded = add(new Observation(), "o3"); // shown as "Not stated", never dropped
        uncoded.setCode(new CodeableConcept().setText(" "));
        ListResource untitledHeading = list(GpcSpec.CATEGORY_LIST, uncoded, temperature);
        Condition cough = add(new Condition(), "cond1");
        cough.setCode(text("Cough"));
        ListResource topic1 = list(GpcSpec.TOPIC_LIST, historyHeading, untitledHeading);
        topic1.setTitle("Chest infection");
        ListResource topic2 = list(GpcSpec.TOPIC_LIST, cough, uncoded); // a flat topic: entries straight under it
        topic2.addExtension("https://fhir.nhs.uk/STU3/StructureDefinition/Extension-CareConnect-GPC-RelatedProblemHeader-1",
                new Reference("Observation/o1")); // resolves, but not to a Condition
        topic2.addExtension("https://example.org/problem", ref(cough));
        AllergyIntolerance allergy = add(new AllergyIntolerance(), "al1");
        allergy.setCode(text("Penicillin allergy"));
        ListResource c1 = list(GpcSpec.CONSULTATION_LIST, topic1, topic2, allergy);
        c1.setEncounter(ref(e1));
        c1.setTitle("Face to face");

        // Consultation 2: the primary List references the consultation List; the date and type come from it.
        Encounter e2 = add(new Encounter(), "e2");
        e2.addParticipant().setIndividual(ref(nurse));
        ListResource c2 = list(GpcSpec.CONSULTATION_LIST);
        c2.setEncounter(ref(e2));
        c2.setTitle("Telephone consultation");
        c2.setDateElement(new DateTimeType("2024-01-05"));

        // Consultation 3: an Encounter with a date and nothing else.
        Encounter e3 = add(new Encounter(), "e3");
        e3.setPeriod(new Period().setStartElement(new DateTimeType("2023-11-20")));

        // An Encounter without any date is not shown; a non-consultation List is not a consultation.
        Encounter undated = add(new Encounter(), "e4");
        ListResource notAConsultation = list(GpcSpec.TOPIC_LIST, cough);
        notAConsultation.setTitle("Not a consultation");
        notAConsultation.setEncounter(ref(e3)); // ...nor e3's consultation, though it names e3

        primary(SectionKind.CONSULTATIONS, e3, e1, c2, c1, undated, notAConsultation, e1);

        List<RecordItems.Consultation> items = items(SectionKind.CONSULTATIONS);
        assertThat(items).containsExactly(
                new RecordItems.Consultation(day(2024, 3, 1).get(), "Surgery consultation", Optional.of("Dr Ann Smith"),
                        Optional.of("Main Surgery"), List.of(
                                new RecordItems.Topic("Chest infection", List.of(
                                        new RecordItems.Heading("History", List.of("Cough for three days",
                                                "Temperature: 38.2 Cel")),
                                        new RecordItems.Heading("Entry", List.of("Not stated", "Temperature: 38.2 Cel")))),
                                new RecordItems.Topic("Cough", List.of(
                                        new RecordItems.Heading("Entry", List.of("Problem: Cough", "Not stated")))),
                                new RecordItems.Topic("", List.of(
                                        new RecordItems.Heading("Entry", List.of("Allergy: Penicillin allergy")))))),
                new RecordItems.Consultation(day(2024, 1, 5).get(), "Telephone consultation",
                        Optional.of("Nurse Jo Bloggs"), Optional.empty(), List.of()),
                new RecordItems.Consultation(day(2023, 11, 20).get(), "Consultation", Optional.empty(),
                        Optional.empty(), List.of()));
    }

    @Test
    void whatATopicShowsForEachKindOfEntry() {
        Medication med = add(new Medication(), "m1");
        med.setCode(text("Amoxicillin 500mg capsules"));
        MedicationStatement statement = add(new MedicationStatement(), "ms1");
        statement.setMedication(ref(med));
        statement.addDosage().setText("One three times a day");
        MedicationStatement unnamed = add(new MedicationStatement(), "ms2");
        unnamed.setMedication(new Reference("Medication/not-in-answer"));
        unnamed.addDosage().setText("As directed");
        MedicationRequest request = add(new MedicationRequest(), "mr1");
        request.setMedication(ref(med));
        request.addDosageInstruction().setText("One daily");
        MedicationRequest requestByConcept = add(new MedicationRequest(), "mr2");
        requestByConcept.setMedication(text("Paracetamol"));
        requestByConcept.addDosageInstruction().setText("Two when needed");
        Immunization imm = add(new Immunization(), "i1");
        imm.setVaccineCode(text("Influenza vaccine"));
        ReferralRequest byReason = add(new ReferralRequest(), "r1");
        byReason.addReasonCode(text("Suspected fracture"));
        byReason.setSpecialty(text("Orthopaedics"));
        ReferralRequest bySpecialty = add(new ReferralRequest(), "r2");
        bySpecialty.setSpecialty(text("Dermatology"));
        ReferralRequest bare = add(new ReferralRequest(), "r3");
        DiagnosticReport report = add(new DiagnosticReport(), "d1");
        report.setCode(text("Full blood count"));
        ProcedureRequest plan = add(new ProcedureRequest(), "p1");
        plan.setCode(text("Review in two weeks"));
        Observation bp = add(new Observation(), "o1");
        bp.setCode(text("Blood pressure"));
        bp.addComponent().setValue(quantity(140, "mm[Hg]"));
        bp.addComponent().setValue(quantity(90, "mm[Hg]"));
        Observation smoking = add(new Observation(), "o2");
        smoking.setCode(text("Smoking status"));
        smoking.setValue(new StringType("Never smoked"));
        Location location = add(new Location(), "l1");

        ListResource topic = list(GpcSpec.TOPIC_LIST, statement, unnamed, request, requestByConcept, imm, byReason,
                bySpecialty, bare, report, plan, bp, smoking, location);
        topic.setTitle("Everything");
        Encounter e = add(new Encounter(), "e1");
        e.setPeriod(new Period().setStartElement(new DateTimeType("2024-03-01")));
        ListResource consultation = list(GpcSpec.CONSULTATION_LIST, topic);
        consultation.setEncounter(ref(e));
        primary(SectionKind.CONSULTATIONS, e);

        RecordItems.Consultation c = this.<RecordItems.Consultation>items(SectionKind.CONSULTATIONS).getFirst();
        assertThat(c.type()).isEqualTo("Consultation");
        assertThat(c.topics()).singleElement().satisfies(t -> {
            assertThat(t.title()).isEqualTo("Everything");
            assertThat(t.headings()).singleElement().satisfies(h -> {
                assertThat(h.name()).isEqualTo("Entry");
                assertThat(h.entries()).containsExactly(
                        "Medication: Amoxicillin 500mg capsules One three times a day",
                        "Medication: As directed",
                        "Medication: Amoxicillin 500mg capsules One daily",
                        "Medication: Two when needed",
                        "Immunisation: Influenza vaccine",
                        "Referral: Suspected fracture",
                        "Referral: Dermatology",
                        "Referral: ",
                        "Investigation: Full blood count",
                        "Plan: Review in two weeks",
                        "Blood pressure: 140/90 mmHg",
                        "Smoking status: Never smoked",
                        "Location");
            });
        });
    }

    @Test
    void looseEntriesOfEveryKindInAConsultation() {
        Observation note = add(new Observation(), "o1");
        note.setCode(text("Comment"));
        Observation withValue = add(new Observation(), "o2");
        withValue.setCode(text("Weight"));
        withValue.setValue(quantity(72.50, "kg"));
        Condition problem = add(new Condition(), "c1");
        problem.setCode(text("Back pain"));
        Encounter e = add(new Encounter(), "e1");
        e.setPeriod(new Period().setStartElement(new DateTimeType("2024-03-01")));
        ListResource consultation = list(GpcSpec.CONSULTATION_LIST, note, withValue, problem);
        consultation.setEncounter(ref(e));
        primary(SectionKind.CONSULTATIONS, e);

        RecordItems.Consultation c = this.<RecordItems.Consultation>items(SectionKind.CONSULTATIONS).getFirst();
        assertThat(c.topics()).containsExactly(new RecordItems.Topic("", List.of(
                new RecordItems.Heading("Entry", List.of("Comment")),
                new RecordItems.Heading("Entry", List.of("Weight: 72.5 kg")),
                new RecordItems.Heading("Entry", List.of("Problem: Back pain")))));
    }

    @Test
    void practitionerNames() {
        Practitioner familyOnly = add(new Practitioner(), "pr1");
        familyOnly.addName().setFamily("Jones");
        Practitioner givenOnly = add(new Practitioner(), "pr2");
        givenOnly.addName().addGiven("Sam").setFamily("Lee");
        Encounter e1 = add(new Encounter(), "e1");
        e1.setPeriod(new Period().setStartElement(new DateTimeType("2024-03-02")));
        e1.addParticipant().setIndividual(ref(familyOnly));
        Encounter e2 = add(new Encounter(), "e2");
        e2.setPeriod(new Period().setStartElement(new DateTimeType("2024-03-01")));
        e2.addParticipant().setIndividual(ref(givenOnly));
        primary(SectionKind.CONSULTATIONS, e2, e1);
        assertThat(this.<RecordItems.Consultation>items(SectionKind.CONSULTATIONS))
                .extracting(c -> c.clinician().orElseThrow()).containsExactly("Jones", "Sam Lee");
    }

    // ------------------------------------------------------------------ immunisations

    @Test
    void immunisations() {
        Immunization hepA = add(new Immunization(), "i1");
        hepA.setVaccineCode(new CodeableConcept().addCoding(new Coding("http://hl7.org/fhir/v3/NullFlavor", "UNK",
                "unknown")));
        hepA.addExtension(GpcSpec.EXT_VACCINATION_PROCEDURE, snomed("571511000119102",
                "First hepatitis A vaccination"));
        hepA.setDateElement(new DateTimeType("2023-05-04"));
        hepA.addVaccinationProtocol().setSeries("x");
        hepA.addVaccinationProtocol().setDoseSequence(2);
        Immunization flu = add(new Immunization(), "i2");
        flu.setVaccineCode(text("Influenza vaccine"));
        flu.addExtension(GpcSpec.EXT_VACCINATION_PROCEDURE, new CodeableConcept());
        flu.setNotGiven(true);
        flu.getExplanation().addReasonNotGiven(text("Patient declined"));
        flu.setDateElement(new DateTimeType("2024-10-01"));
        Immunization undated = add(new Immunization(), "i3");
        undated.setVaccineCode(text("Tetanus"));
        undated.addExtension(GpcSpec.EXT_VACCINATION_PROCEDURE, new StringType("not a concept"));
        primary(SectionKind.IMMUNISATIONS, undated, hepA, flu);

        assertThat(this.<RecordItems.Immunisation>items(SectionKind.IMMUNISATIONS)).containsExactly(
                new RecordItems.Immunisation(new Coded("Influenza vaccine", Optional.empty()), day(2024, 10, 1), true,
                        Optional.of("Patient declined"), Optional.empty()),
                new RecordItems.Immunisation(new Coded("First hepatitis A vaccination", Optional.of("571511000119102")),
                        day(2023, 5, 4), false, Optional.empty(), Optional.of("2")),
                new RecordItems.Immunisation(new Coded("Tetanus", Optional.empty()), Optional.empty(), false,
                        Optional.empty(), Optional.empty()));
    }

    // ------------------------------------------------------------------ uncategorised observations

    @Test
    void observations() {
        Observation bp = add(new Observation(), "o1");
        bp.setCode(snomed("163020007", "O/E - blood pressure reading"));
        bp.setEffective(new DateTimeType("2024-02-01T09:30:00+00:00"));
        bp.addComponent().setValue(quantity(152, "mm[Hg]"));
        bp.addComponent().setValue(quantity(94, "mm[Hg]"));
        Observation weight = add(new Observation(), "o2");
        weight.setCode(text("Body weight"));
        weight.setEffective(new DateTimeType("2024-07-01T09:30:00+00:00")); // 10:30 in British summer time
        weight.setValue(quantity(80.0, null).setCode("kg"));
        Observation pulse = add(new Observation(), "o3");
        pulse.setCode(text("Pulse"));
        pulse.setEffective(new DateTimeType("2023"));
        Quantity noValue = new Quantity();
        noValue.setUnit("/min");
        pulse.setValue(noValue);
        Observation note = add(new Observation(), "o4");
        note.setCode(text("Note"));
        note.setComment("Lives alone");
        Observation nothing = add(new Observation(), "o5");
        nothing.setCode(text("Nothing"));
        nothing.setEffective(new DateTimeType("2022-03"));
        Observation unitless = add(new Observation(), "o6");
        unitless.setCode(text("Score"));
        unitless.setEffective(new DateTimeType("2022-01-15"));
        unitless.setValue(new Quantity().setValue(7));
        Observation mixed = add(new Observation(), "o7");
        mixed.setCode(text("Mixed"));
        mixed.setEffective(new DateTimeType("2021"));
        mixed.addComponent().setValue(new StringType("left"));
        mixed.addComponent().setValue(quantity(3, "cm"));
        mixed.addComponent();
        primary(SectionKind.UNCATEGORISED, note, bp, pulse, weight, nothing, unitless, mixed);

        assertThat(this.<RecordItems.Observation>items(SectionKind.UNCATEGORISED)).containsExactly(
                new RecordItems.Observation(new Coded("Body weight", Optional.empty()),
                        Optional.of(new PartialDate(2024, 7, 1, 10, 30)), "80 kg"),
                new RecordItems.Observation(new Coded("O/E - blood pressure reading", Optional.of("163020007")),
                        Optional.of(new PartialDate(2024, 2, 1, 9, 30)), "152/94 mmHg"),
                new RecordItems.Observation(new Coded("Pulse", Optional.empty()),
                        Optional.of(new PartialDate(2023, null, null, null, null)), "/min"),
                new RecordItems.Observation(new Coded("Nothing", Optional.empty()),
                        Optional.of(new PartialDate(2022, 3, null, null, null)), ""),
                new RecordItems.Observation(new Coded("Score", Optional.empty()), day(2022, 1, 15), "7"),
                new RecordItems.Observation(new Coded("Mixed", Optional.empty()),
                        Optional.of(new PartialDate(2021, null, null, null, null)), "left/3/"),
                new RecordItems.Observation(new Coded("Note", Optional.empty()), Optional.empty(), "Lives alone"));
    }

    @Test
    void dates() {
        assertThat(StructuredRecordMapper.date(new DateTimeType("2024"))).contains(new PartialDate(2024, null, null,
                null, null));
        assertThat(StructuredRecordMapper.date(new DateTimeType("2024-12"))).contains(new PartialDate(2024, 12, null,
                null, null));
        assertThat(StructuredRecordMapper.date(new DateType("2024-01-31"))).isEqualTo(day(2024, 1, 31));
        assertThat(StructuredRecordMapper.date(new DateTimeType("2024-01-31T23:30:00+00:00")))
                .contains(new PartialDate(2024, 1, 31, 23, 30));
        assertThat(StructuredRecordMapper.date(new DateTimeType("2024-06-30T23:30:00+00:00")))
                .contains(new PartialDate(2024, 7, 1, 0, 30));
        assertThat(StructuredRecordMapper.date(new InstantType("2024-03-31T00:59:59Z")))
                .contains(new PartialDate(2024, 3, 31, 0, 59));
        assertThat(StructuredRecordMapper.date(new DateTimeType())).isEmpty();
        assertThat(StructuredRecordMapper.date(new StringType("2024-01-01"))).isEmpty();
        assertThat(StructuredRecordMapper.date(null)).isEmpty();
    }

    // ------------------------------------------------------------------ investigations

    static Observation result(String test, double value, String unit) {
        Observation o = new Observation();
        o.setCode(text(test));
        o.setValue(quantity(value, unit));
        return o;
    }

    static Observation filingComment(String comment) {
        Observation o = new Observation();
        o.setCode(snomed(GpcSpec.FILING_COMMENT, "Comment note"));
        o.setComment(comment);
        return o;
    }

    @Test
    void investigationWithTestGroupsResultsAndFilingComments() {
        Observation hb = add(result("Haemoglobin", 131, "g/L"), "hb");
        hb.addReferenceRange().setLow(quantity(115, "g/L")).setHigh(quantity(165.0, "g/L"));
        hb.setInterpretation(text("Normal"));
        hb.setComment("Sample slightly haemolysed");
        Observation wcc = add(result("White cell count", 11.80, "10*9/L"), "wcc");
        wcc.addReferenceRange().setHigh(quantity(11, "10*9/L"));
        wcc.setInterpretation(new CodeableConcept().addCoding(new Coding("http://hl7.org/fhir/v2/0078", "H", "High")));
        Observation plt = add(result("Platelets", 400, "10*9/L"), "plt");
        plt.addReferenceRange().setLow(quantity(150, "10*9/L"));
        plt.setInterpretation(new CodeableConcept().addCoding(new Coding("http://hl7.org/fhir/v2/0078", "N", null)));
        plt.addRelated().setType(Observation.ObservationRelationshipType.DERIVEDFROM).setTarget(ref(hb)); // not a group
        Observation groupComment = add(filingComment("Repeat in 3 months"), "fc-group");
        Observation fbc = add(new Observation(), "fbc");
        fbc.setCode(text("Full blood count"));
        fbc.setComment("Reviewed");
        fbc.addRelated().setType(Observation.ObservationRelationshipType.HASMEMBER).setTarget(ref(hb));
        fbc.addRelated().setType(Observation.ObservationRelationshipType.DERIVEDFROM).setTarget(ref(plt));
        fbc.addRelated().setType(Observation.ObservationRelationshipType.HASMEMBER).setTarget(ref(wcc));
        fbc.addRelated().setType(Observation.ObservationRelationshipType.HASMEMBER).setTarget(ref(hb)); // again
        fbc.addRelated().setType(Observation.ObservationRelationshipType.HASMEMBER).setTarget(ref(groupComment));
        fbc.addRelated().setType(Observation.ObservationRelationshipType.HASMEMBER)
                .setTarget(new Reference("Observation/not-in-answer"));
        fbc.addRelated().setType(Observation.ObservationRelationshipType.HASMEMBER).setTarget(ref(fbc));
        Observation comment = add(new Observation(), "fc1");
        comment.setCode(snomed(GpcSpec.FILING_COMMENT, "Comment note"));
        comment.setValue(new StringType("Filed by Dr Smith"));
        Observation emptyComment = add(new Observation(), "fc2");
        emptyComment.setCode(snomed(GpcSpec.FILING_COMMENT, "Comment note"));
        Observation emptyGroupComment = add(new Observation(), "fc3");
        emptyGroupComment.setCode(snomed(GpcSpec.FILING_COMMENT, "Comment note"));
        fbc.addRelated().setType(Observation.ObservationRelationshipType.HASMEMBER).setTarget(ref(emptyGroupComment));

        DiagnosticReport report = add(new DiagnosticReport(), "d1");
        report.setCode(snomed(GpcSpec.DIAGNOSTIC_STUDIES_REPORT, "Diagnostic studies report"));
        report.setIssuedElement(new InstantType("2024-02-01T09:00:00Z"));
        report.setConclusion("Mild infection");
        report.addResult(ref(fbc));
        report.addResult(ref(plt));
        report.addResult(ref(comment));
        report.addResult(ref(emptyComment));
        report.addResult(ref(fbc)); // again
        report.addResult(new Reference("Observation/not-in-answer"));
        report.addResult(ref(report)); // not an Observation
        primary(SectionKind.INVESTIGATIONS, report);

        RecordItems.Investigation inv = this.<RecordItems.Investigation>items(SectionKind.INVESTIGATIONS).getFirst();
        RecordItems.Result hbResult = new RecordItems.Result(new Coded("Haemoglobin", Optional.empty()), "131 g/L",
                Optional.of("115 to 165"), Optional.of("Normal"), List.of("Sample slightly haemolysed"));
        RecordItems.Result wccResult = new RecordItems.Result(new Coded("White cell count", Optional.empty()),
                "11.8 10*9/L", Optional.of("up to 11"), Optional.of("High"), List.of());
        RecordItems.Result pltResult = new RecordItems.Result(new Coded("Platelets", Optional.empty()), "400 10*9/L",
                Optional.of("from 150"), Optional.of("N"), List.of());
        assertThat(inv).isEqualTo(new RecordItems.Investigation(new Coded("Full blood count", Optional.empty()),
                Optional.of(new PartialDate(2024, 2, 1, 9, 0)), Optional.of("Mild infection"),
                List.of(new RecordItems.TestGroup(new Coded("Full blood count", Optional.empty()),
                        List.of(hbResult, wccResult), List.of("Repeat in 3 months", "Reviewed"))),
                List.of(pltResult), List.of("Filed by Dr Smith")));
    }

    @Test
    void reportNamesAndDates() {
        // Named by its own code.
        DiagnosticReport named = add(new DiagnosticReport(), "d1");
        named.setCode(snomed("26604007", "Full blood count"));
        named.setEffective(new DateTimeType("2024-01-30"));
        named.addResult(ref(add(result("Haemoglobin", 131, "g/L"), "o1")));
        // Generic code, results only: named by its results.
        DiagnosticReport byResults = add(new DiagnosticReport(), "d2");
        byResults.setCode(snomed(GpcSpec.DIAGNOSTIC_STUDIES_REPORT, "Diagnostic studies report"));
        byResults.setEffective(new DateTimeType("2023-01-01"));
        byResults.addResult(ref(add(result("Sodium", 140, "mmol/L"), "o2")));
        byResults.addResult(ref(add(result("Potassium", 4.10, "mmol/L"), "o3")));
        // Generic code, nothing in it: its own code.
        DiagnosticReport empty = add(new DiagnosticReport(), "d3");
        empty.setCode(snomed(GpcSpec.DIAGNOSTIC_STUDIES_REPORT, "Diagnostic studies report"));
        empty.setEffective(new DateTimeType("2023-06"));
        DiagnosticReport undated = add(new DiagnosticReport(), "d4");
        undated.setCode(text("Urine culture"));
        undated.setEffective(new Period()); // a period is not read as the report's date
        primary(SectionKind.INVESTIGATIONS, undated, byResults, empty, named);

        List<RecordItems.Investigation> items = items(SectionKind.INVESTIGATIONS);
        assertThat(items).extracting(i -> i.what().display()).containsExactly("Full blood count",
                "Diagnostic studies report", "Sodium, Potassium", "Urine culture");
        assertThat(items).extracting(RecordItems.Investigation::when).containsExactly(day(2024, 1, 30),
                Optional.of(new PartialDate(2023, 6, null, null, null)), day(2023, 1, 1), Optional.empty());
        assertThat(items.getFirst().what().snomedCode()).contains("26604007");
        assertThat(items.get(1).what().snomedCode()).contains(GpcSpec.DIAGNOSTIC_STUDIES_REPORT);
        assertThat(items.get(2).what().snomedCode()).isEmpty();
        assertThat(items.get(2).conclusion()).isEmpty();
        assertThat(items.get(2).results()).extracting(RecordItems.Result::value).containsExactly("140 mmol/L",
                "4.1 mmol/L");
    }

    @Test
    void resultsWithoutValuesAndRangesAsText() {
        Observation absent = add(new Observation(), "o1");
        absent.setCode(text("Glucose"));
        absent.setDataAbsentReason(text("Sample lost"));
        absent.addReferenceRange().setText("Fasting: under 7");
        Observation bare = add(new Observation(), "o2");
        bare.setCode(text("Culture"));
        bare.addReferenceRange().setText("No growth").setLow(quantity(1, "x"));
        Observation noValueRange = add(new Observation(), "o3");
        noValueRange.setCode(text("Ferritin"));
        noValueRange.setValue(new StringType("see report"));
        noValueRange.addReferenceRange().setLow(new SimpleQuantity()).setHigh(quantity(300, "ug/L"));
        Observation highWithoutValue = add(new Observation(), "o4");
        highWithoutValue.setCode(text("B12"));
        highWithoutValue.addReferenceRange().setLow(quantity(200, "ng/L")).setHigh(new SimpleQuantity());
        DiagnosticReport report = add(new DiagnosticReport(), "d1");
        report.setCode(text("Bloods"));
        report.addResult(ref(absent));
        report.addResult(ref(bare));
        report.addResult(ref(noValueRange));
        report.addResult(ref(highWithoutValue));
        primary(SectionKind.INVESTIGATIONS, report);

        RecordItems.Investigation inv = this.<RecordItems.Investigation>items(SectionKind.INVESTIGATIONS).getFirst();
        assertThat(inv.groups()).isEmpty();
        assertThat(inv.results()).containsExactly(
                new RecordItems.Result(new Coded("Glucose", Optional.empty()), "no value: Sample lost",
                        Optional.of("Fasting: under 7"), Optional.empty(), List.of()),
                new RecordItems.Result(new Coded("Culture", Optional.empty()), "", Optional.of("from 1"),
                        Optional.empty(), List.of()),
                new RecordItems.Result(new Coded("Ferritin", Optional.empty()), "see report", Optional.of("up to 300"),
                        Optional.empty(), List.of()),
                new RecordItems.Result(new Coded("B12", Optional.empty()), "", Optional.of("from 200"),
                        Optional.empty(), List.of()));
    }

    // ------------------------------------------------------------------ referrals

    static ReferralRequest referral(String authored, ReferralRequest.ReferralPriority priority) {
        ReferralRequest r = new ReferralRequest();
        if (authored != null) {
            r.setAuthoredOnElement(new DateTimeType(authored));
        }
        if (priority != null) {
            r.setPriority(priority);
        }
        return r;
    }

    @Test
    void referrals() {
        ReferralRequest twoWeek = add(referral("2024-03-01", ReferralRequest.ReferralPriority.ASAP), "r1");
        twoWeek.addRecipient(new Reference("Organization/x"));
        twoWeek.addRecipient(new Reference().setDisplay("Northshire Hospital"));
        twoWeek.setSpecialty(text("Dermatology"));
        twoWeek.addReasonCode(text("Suspicious mole"));
        twoWeek.setStatus(ReferralRequest.ReferralRequestStatus.ACTIVE);
        ReferralRequest urgent = add(referral("2024-02-01", ReferralRequest.ReferralPriority.URGENT), "r2");
        ReferralRequest stat = add(referral("2024-01-01", ReferralRequest.ReferralPriority.STAT), "r3");
        ReferralRequest routine = add(referral("2023-01-01", ReferralRequest.ReferralPriority.ROUTINE), "r4");
        routine.setStatus(ReferralRequest.ReferralRequestStatus.COMPLETED);
        ReferralRequest unknown = add(referral(null, null), "r5");
        primary(SectionKind.REFERRALS, unknown, routine, stat, twoWeek, urgent);

        assertThat(this.<RecordItems.Referral>items(SectionKind.REFERRALS)).containsExactly(
                new RecordItems.Referral(day(2024, 3, 1), "Northshire Hospital", Optional.of("Dermatology"),
                        Optional.of("Suspicious mole"), "urgent (two-week wait)", "active"),
                new RecordItems.Referral(day(2024, 2, 1), "Not stated", Optional.empty(), Optional.empty(), "urgent",
                        "unknown"),
                new RecordItems.Referral(day(2024, 1, 1), "Not stated", Optional.empty(), Optional.empty(), "urgent",
                        "unknown"),
                new RecordItems.Referral(day(2023, 1, 1), "Not stated", Optional.empty(), Optional.empty(), "routine",
                        "completed"),
                new RecordItems.Referral(Optional.empty(), "Not stated", Optional.empty(), Optional.empty(),
                        "not stated", "unknown"));
    }

    // ------------------------------------------------------------------ diary

    @Test
    void diarySoonestFirst() {
        ProcedureRequest later = add(new ProcedureRequest(), "p1");
        later.setCode(text("Annual review"));
        later.setOccurrence(new DateTimeType("2025-06"));
        ProcedureRequest sooner = add(new ProcedureRequest(), "p2");
        sooner.setCode(text("Blood test"));
        sooner.setOccurrence(new DateTimeType("2025-01-15"));
        sooner.addNote(new Annotation().setText("Fasting"));
        sooner.addNote(new Annotation().setText("Second note"));
        ProcedureRequest undated = add(new ProcedureRequest(), "p3");
        undated.setCode(text("Call back"));
        primary(SectionKind.DIARY, undated, later, sooner);

        assertThat(this.<RecordItems.DiaryEntry>items(SectionKind.DIARY)).containsExactly(
                new RecordItems.DiaryEntry(day(2025, 1, 15), new Coded("Blood test", Optional.empty()),
                        Optional.of("Fasting")),
                new RecordItems.DiaryEntry(Optional.of(new PartialDate(2025, 6, null, null, null)),
                        new Coded("Annual review", Optional.empty()), Optional.empty()),
                new RecordItems.DiaryEntry(Optional.empty(), new Coded("Call back", Optional.empty()),
                        Optional.empty()));
    }
}
