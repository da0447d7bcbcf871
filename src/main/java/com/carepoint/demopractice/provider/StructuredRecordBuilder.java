package com.carepoint.demopractice.provider;

import com.carepoint.demopractice.data.PatientRecord;
import com.carepoint.demopractice.data.Practice;
import com.carepoint.kernel.Text;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hl7.fhir.dstu3.model.AllergyIntolerance;
import org.hl7.fhir.dstu3.model.Annotation;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.CodeType;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.Condition;
import org.hl7.fhir.dstu3.model.DateTimeType;
import org.hl7.fhir.dstu3.model.DiagnosticReport;
import org.hl7.fhir.dstu3.model.Dosage;
import org.hl7.fhir.dstu3.model.Encounter;
import org.hl7.fhir.dstu3.model.Extension;
import org.hl7.fhir.dstu3.model.Identifier;
import org.hl7.fhir.dstu3.model.Immunization;
import org.hl7.fhir.dstu3.model.ListResource;
import org.hl7.fhir.dstu3.model.Medication;
import org.hl7.fhir.dstu3.model.MedicationRequest;
import org.hl7.fhir.dstu3.model.MedicationStatement;
import org.hl7.fhir.dstu3.model.Meta;
import org.hl7.fhir.dstu3.model.Observation;
import org.hl7.fhir.dstu3.model.OperationOutcome;
import org.hl7.fhir.dstu3.model.Period;
import org.hl7.fhir.dstu3.model.ProcedureRequest;
import org.hl7.fhir.dstu3.model.Quantity;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.ReferralRequest;
import org.hl7.fhir.dstu3.model.Resource;
import org.hl7.fhir.dstu3.model.SimpleQuantity;
import org.hl7.fhir.dstu3.model.Specimen;
import org.hl7.fhir.dstu3.model.StringType;

/**
 * Builds the answer to {@code $gpc.getstructuredrecord}: a {@code collection} Bundle with the Patient, the practice's
 * Organization, Practitioners (and, in the Meridian style, PractitionerRoles and every Location), and for each
 * requested section one List (with its warnings and empty reason) plus the clinical resources it references.
 */
final class StructuredRecordBuilder {

    static final DateTimeFormatter NOTE_DATE = DateTimeFormatter.ofPattern("dd-MMM-yyyy", Locale.ENGLISH);

    static final Coding ALLERGIES_LIST = snomed("886921000000105", "Allergies and adverse reaction");
    static final Coding ENDED_ALLERGIES_LIST = snomed("1103671000000101", "Ended allergies");
    static final Coding MEDICATIONS_LIST = snomed("933361000000108", "Medications and medical devices");
    static final Coding PROBLEMS_LIST = snomed("717711000000103", "Problems");
    static final Coding CONSULTATIONS_LIST = snomed("1149501000000101", "List of consultations");
    static final Coding CONSULTATION = snomed("325851000000107", "Consultation");
    static final Coding TOPIC = snomed("25851000000105", "Topic (EHR)");
    static final Coding HEADING = snomed("24781000000107", "Category (EHR)");
    static final Coding IMMUNISATIONS_LIST = snomed("1102181000000102", "Immunisations");
    static final Coding UNCATEGORISED_LIST = snomed("826501000000100", "Miscellaneous record");
    static final Coding INVESTIGATIONS_LIST = snomed("887191000000108", "Investigations and results");
    static final Coding REFERRALS_LIST = snomed("792931000000107", "Outbound referral");
    static final Coding DIARY_LIST = snomed("714311000000108", "Patient recall administration");
    static final String FILING_COMMENT = "37331000000100";
    static final String DIAGNOSTIC_STUDIES_REPORT = "721981007";

    private final Practice practice;
    private final Foundations foundations;
    private final PatientRecord record;
    private final StructuredRecordRequest request;
    private final LocalDate today;
    private final Bundle bundle = new Bundle();
    private final Map<String, Resource> practitioners = new LinkedHashMap<>();
    private final Reference patientRef;
    private OperationOutcome unsupported;

    StructuredRecordBuilder(Practice practice, PatientRecord record, StructuredRecordRequest request, LocalDate today) {
        this.practice = practice;
        this.foundations = new Foundations(practice);
        this.record = record;
        this.request = request;
        this.today = today;
        this.patientRef = new Reference("Patient/" + Ids.patient(record.nhsNumber()));
    }

    Bundle build() {
        bundle.setType(Bundle.BundleType.COLLECTION);
        bundle.setMeta(new Meta().addProfile(Gpc.PROFILE_BASE + "GPConnect-StructuredRecord-Bundle-1"));
        // Several Organizations, as real answers have (the GP system's supplier, the practice): the supplier comes
        // first, so a consumer that takes the first Organization names the wrong one. The registered practice is the
        // one Patient.managingOrganization references.
        add(foundations.supplierOrganization());
        add(foundations.patient(record));
        add(foundations.organization());
        practitioner(record.usualGp());
        if (practice.supplier() == Practice.Supplier.MERIDIAN) {
            practice.locations().forEach(l -> add(foundations.location(l)));
        }
        request.allergies().filter(x -> supported("includeAllergies")).ifPresent(this::allergies);
        request.medication().filter(x -> supported("includeMedication")).ifPresent(this::medication);
        request.problems().filter(x -> supported("includeProblems")).ifPresent(this::problems);
        request.consultations().filter(x -> supported("includeConsultations")).ifPresent(this::consultations);
        request.immunisations().filter(x -> supported("includeImmunisations")).ifPresent(this::immunisations);
        request.uncategorised().filter(x -> supported("includeUncategorisedData")).ifPresent(this::uncategorised);
        request.investigations().filter(x -> supported("includeInvestigations")).ifPresent(this::investigations);
        request.referrals().filter(x -> supported("includeReferrals")).ifPresent(this::referrals);
        request.diary().filter(x -> supported("includeDiaryEntries")).ifPresent(this::diary);
        practitioners.values().forEach(this::add);
        if (unsupported != null) {
            add(unsupported);
        }
        return bundle;
    }

    /**
     * Whether the practice's GP system implements a clinical area. One it does not is answered as
     * ARS/clinical_area_config ("Populating a warning") says: 200, the supported parts, and "a single
     * OperationOutcome with an issue for each unsupported parameter" — severity warning, code not-supported, details
     * Spine-ErrorOrWarningCode-1 NOT_IMPLEMENTED "Not implemented", text "&lt;parameter&gt; is an unrecognised
     * parameter", diagnostics the parameter name — and no List for it.
     */
    private boolean supported(String parameter) {
        if (!practice.unsupportedSections().contains(parameter)) {
            return true;
        }
        if (unsupported == null) {
            unsupported = new OperationOutcome();
            unsupported.setId(Ids.of(record.nhsNumber(), "operationoutcome", "unsupported"));
            unsupported.setMeta(new Meta().addProfile(Gpc.PROFILE_BASE + "GPConnect-OperationOutcome-1"));
        }
        unsupported.addIssue().setSeverity(OperationOutcome.IssueSeverity.WARNING)
                .setCode(OperationOutcome.IssueType.NOTSUPPORTED)
                .setDetails(new CodeableConcept().addCoding(new Coding(Gpc.ERROR_SYSTEM, "NOT_IMPLEMENTED",
                        "Not implemented")).setText(parameter + " is an unrecognised parameter"))
                .setDiagnostics(parameter);
        return false;
    }

    // ------------------------------------------------------------------ sections

    private void allergies(StructuredRecordRequest.Allergies a) {
        ListResource list = list(ALLERGIES_LIST, "allergies");
        boolean withheld = false;
        if (record.noKnownAllergies()) {
            AllergyIntolerance nka = allergy("nka", "716186003", "No known allergy", null, null, record.registeredSince(),
                    null, null);
            add(nka);
            refer(list, nka);
        }
        List<AllergyIntolerance> ended = new ArrayList<>();
        int i = 0;
        for (PatientRecord.Allergy al : record.allergies()) {
            i++;
            if (al.confidential()) {
                withheld = true;
                continue;
            }
            if (al.resolved() != null && !a.includeResolved()) {
                continue;
            }
            AllergyIntolerance ai = allergy(String.valueOf(i), al.code(), al.display(), al.reaction(), al.severity(),
                    al.asserted(), al.resolved(), al.resolvedReason());
            if (al.resolved() == null) {
                add(ai);
                refer(list, ai);
            } else {
                ended.add(ai);
            }
        }
        finish(list, withheld);
        if (a.includeResolved()) {
            // Ended allergies are not Bundle entries: they are contained in the ended-allergies List and referenced
            // as "#id" (Access Record Structured - AllergyIntolerance, "Resolved allergies": "contained within the
            // List"; the published allergies example has "item": {"reference": "#..."}).
            ListResource endedList = list(ENDED_ALLERGIES_LIST, "ended-allergies");
            for (AllergyIntolerance e : ended) {
                String local = e.getIdElement().getIdPart();
                e.setId(local);
                endedList.addContained(e);
                endedList.addEntry().setItem(new Reference("#" + local));
            }
            finish(endedList, false);
        }
    }

    private AllergyIntolerance allergy(String key, String code, String display, String reaction, String severity,
            LocalDate asserted, LocalDate resolved, String resolvedReason) {
        AllergyIntolerance ai = new AllergyIntolerance();
        ai.setId(Ids.of(record.nhsNumber(), "allergy", key));
        ai.setMeta(profile("CareConnect-GPC-AllergyIntolerance-1"));
        ai.addIdentifier(identifier(ai.getIdElement().getIdPart()));
        ai.setClinicalStatus(resolved == null ? AllergyIntolerance.AllergyIntoleranceClinicalStatus.ACTIVE
                : AllergyIntolerance.AllergyIntoleranceClinicalStatus.RESOLVED);
        ai.setVerificationStatus(AllergyIntolerance.AllergyIntoleranceVerificationStatus.UNCONFIRMED);
        String lower = display.toLowerCase(Locale.UK);
        ai.addCategory(lower.contains("peanut") || lower.contains("food") ? AllergyIntolerance.AllergyIntoleranceCategory.FOOD
                : lower.contains("pollen") || lower.contains("latex") || lower.contains("dander")
                        ? AllergyIntolerance.AllergyIntoleranceCategory.ENVIRONMENT
                        : AllergyIntolerance.AllergyIntoleranceCategory.MEDICATION);
        ai.setCode(concept(code, display));
        ai.setPatient(patientRef);
        ai.setAssertedDateElement(Foundations.day(asserted));
        ai.setRecorder(practitioner(record.usualGp()));
        if (reaction != null) {
            AllergyIntolerance.AllergyIntoleranceReactionComponent r = ai.addReaction();
            r.addManifestation(new CodeableConcept().setText(reaction));
            if (severity != null) {
                r.setSeverity(AllergyIntolerance.AllergyIntoleranceSeverity.fromCode(severity));
            }
        }
        if (resolved != null) {
            Extension end = new Extension(Gpc.EXT_ALLERGY_END);
            end.addExtension(new Extension("endDate", Foundations.day(resolved)));
            if (resolvedReason != null) {
                end.addExtension(new Extension("reasonEnded", new StringType(resolvedReason)));
            }
            ai.addExtension(end);
        }
        return ai;
    }

    private void medication(StructuredRecordRequest.Medication m) {
        ListResource list = list(MEDICATIONS_LIST, "medications");
        int i = 0;
        for (PatientRecord.Medication med : record.medications()) {
            i++;
            LocalDate effectiveEnd = med.end();
            if (m.searchFrom().isPresent() && effectiveEnd != null && effectiveEnd.isBefore(m.searchFrom().get())) {
                continue;
            }
            String key = String.valueOf(i);
            Medication medication = new Medication();
            medication.setId(Ids.of(record.nhsNumber(), "medication", key));
            medication.setMeta(profile("CareConnect-GPC-Medication-1"));
            medication.setCode(new CodeableConcept().addCoding(new Coding(Gpc.SNOMED, med.dmd(), med.display()))
                    .setText(med.display()));
            add(medication);

            MedicationRequest plan = new MedicationRequest();
            plan.setId(Ids.of(record.nhsNumber(), "medicationrequest", key, "plan"));
            plan.setMeta(profile("CareConnect-GPC-MedicationRequest-1"));
            plan.addIdentifier(identifier(plan.getIdElement().getIdPart()));
            plan.setStatus(active(med) ? MedicationRequest.MedicationRequestStatus.ACTIVE
                    : MedicationRequest.MedicationRequestStatus.COMPLETED);
            plan.setIntent(MedicationRequest.MedicationRequestIntent.PLAN);
            plan.setMedication(new Reference("Medication/" + medication.getIdElement().getIdPart()));
            plan.setSubject(patientRef);
            plan.setAuthoredOnElement(Foundations.day(med.start()));
            plan.setRecorder(practitioner(record.usualGp()));
            plan.addExtension(new Extension(Gpc.EXT_PRESCRIPTION_TYPE, new CodeableConcept().addCoding(
                    new Coding(Gpc.PROFILE_BASE.replace("StructureDefinition", "CodeSystem")
                            + "CareConnect-PrescriptionType-1", med.type(), Text.capitalise(med.type())))));
            plan.addDosageInstruction(new Dosage().setText(med.dosage()));
            MedicationRequest.MedicationRequestDispenseRequestComponent dispense = plan.getDispenseRequest();
            dispense.setValidityPeriod(new Period().setStartElement(Foundations.day(med.start()))
                    .setEndElement(Foundations.day(med.end())));
            dispense.setQuantity(quantity(med.quantity()));
            add(plan);

            if (m.includeIssues()) {
                int n = 0;
                for (LocalDate issue : med.issues()) {
                    n++;
                    MedicationRequest order = new MedicationRequest();
                    order.setId(Ids.of(record.nhsNumber(), "medicationrequest", key, "issue", String.valueOf(n)));
                    order.setMeta(profile("CareConnect-GPC-MedicationRequest-1"));
                    order.addIdentifier(identifier(order.getIdElement().getIdPart()));
                    order.setStatus(MedicationRequest.MedicationRequestStatus.COMPLETED);
                    order.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
                    order.setMedication(plan.getMedication());
                    order.setSubject(patientRef);
                    order.setAuthoredOnElement(Foundations.day(issue));
                    order.addBasedOn(new Reference("MedicationRequest/" + plan.getIdElement().getIdPart()));
                    order.addDosageInstruction(new Dosage().setText(med.dosage()));
                    order.getDispenseRequest().setQuantity(quantity(med.quantity()));
                    add(order);
                }
            }

            MedicationStatement statement = new MedicationStatement();
            statement.setId(Ids.of(record.nhsNumber(), "medicationstatement", key));
            statement.setMeta(profile("CareConnect-GPC-MedicationStatement-1"));
            statement.addIdentifier(identifier(statement.getIdElement().getIdPart()));
            statement.addBasedOn(new Reference("MedicationRequest/" + plan.getIdElement().getIdPart()));
            statement.setStatus(active(med) ? MedicationStatement.MedicationStatementStatus.ACTIVE
                    : MedicationStatement.MedicationStatementStatus.COMPLETED);
            statement.setMedication(plan.getMedication());
            statement.setEffective(new Period().setStartElement(Foundations.day(med.start()))
                    .setEndElement(Foundations.day(med.end())));
            statement.setDateAssertedElement(Foundations.day(med.start()));
            statement.setSubject(patientRef);
            statement.setTaken(MedicationStatement.MedicationStatementTaken.UNK);
            statement.addDosage(new Dosage().setText(med.dosage()));
            med.issues().stream().max(Comparator.naturalOrder()).ifPresent(last -> statement.addExtension(
                    new Extension(Gpc.EXT_LAST_ISSUE, Foundations.day(last))));
            add(statement);
            refer(list, statement);
        }
        finish(list, false);
    }

    private boolean active(PatientRecord.Medication med) {
        return med.end() == null || !med.end().isBefore(today);
    }

    private void problems(StructuredRecordRequest.Problems p) {
        ListResource list = list(PROBLEMS_LIST, "problems");
        boolean withheld = false;
        int i = 0;
        for (PatientRecord.Problem problem : record.problems()) {
            i++;
            String status = problem.abated() == null ? "active" : "inactive";
            String significance = problem.significance() == null ? "minor" : problem.significance();
            if (p.status().filter(s -> !s.equals(status)).isPresent()
                    || p.significance().filter(s -> !s.equals(significance)).isPresent()) {
                continue;
            }
            if (problem.confidential()) {
                withheld = true;
                continue;
            }
            Condition c = new Condition();
            c.setId(Ids.of(record.nhsNumber(), "problem", String.valueOf(i)));
            c.setMeta(profile("CareConnect-GPC-ProblemHeader-Condition-1"));
            c.addIdentifier(identifier(c.getIdElement().getIdPart()));
            c.setClinicalStatus("active".equals(status) ? Condition.ConditionClinicalStatus.ACTIVE
                    : Condition.ConditionClinicalStatus.INACTIVE);
            c.addCategory(new CodeableConcept().addCoding(new Coding(
                    "http://hl7.org/fhir/condition-category", "problem-list-item", "Problem List Item")));
            c.setCode(concept(problem.code(), problem.display()));
            c.setSubject(patientRef);
            c.setOnset(Foundations.day(problem.onset()));
            if (problem.abated() != null) {
                c.setAbatement(Foundations.day(problem.abated()));
            }
            c.setAssertedDateElement(Foundations.day(problem.onset()));
            c.setAsserter(practitioner(record.usualGp()));
            c.addExtension(new Extension(Gpc.EXT_PROBLEM_SIGNIFICANCE, new CodeType(significance)));
            add(c);
            refer(list, c);
        }
        finish(list, withheld);
    }

    private void consultations(StructuredRecordRequest.Consultations c) {
        ListResource list = list(CONSULTATIONS_LIST, "consultations");
        StructuredRecordRequest.DateRange range = c.period().orElse(StructuredRecordRequest.DateRange.ALL);
        List<PatientRecord.Consultation> chosen = record.consultations().stream()
                .filter(x -> range.contains(x.date()))
                .sorted(Comparator.comparing(PatientRecord.Consultation::date).reversed())
                .toList();
        boolean withheld = chosen.stream().anyMatch(PatientRecord.Consultation::confidential);
        chosen = chosen.stream().filter(x -> !x.confidential()).toList();
        if (c.mostRecent().isPresent()) {
            chosen = chosen.stream().limit(c.mostRecent().get()).toList();
        }
        int i = 0;
        for (PatientRecord.Consultation consultation : chosen) {
            i++;
            String key = consultation.date() + "-" + i;
            Encounter e = new Encounter();
            e.setId(Ids.of(record.nhsNumber(), "encounter", key));
            e.setMeta(profile("CareConnect-GPC-Encounter-1"));
            e.addIdentifier(identifier(e.getIdElement().getIdPart()));
            e.setStatus(Encounter.EncounterStatus.FINISHED);
            e.addType(new CodeableConcept().setText(consultation.type()));
            e.setSubject(patientRef);
            e.setPeriod(new Period().setStartElement(dateTime(consultation.date(), consultation.time())));
            Reference clinician = practitioner(consultation.clinician() != null ? consultation.clinician()
                    : record.usualGp());
            e.addParticipant().setIndividual(clinician).addType(new CodeableConcept().addCoding(new Coding(
                    "http://hl7.org/fhir/v3/ParticipationType", "PPRF", "primary performer")));
            practice.locations().stream().findFirst().ifPresent(l -> {
                e.addLocation().setLocation(new Reference("Location/" + Ids.of("location", l.id())));
                if (practice.supplier() == Practice.Supplier.OPTIMUM && !bundleHas(Ids.of("location", l.id()))) {
                    add(foundations.location(l));
                }
            });
            add(e);

            ListResource consultationList = list(CONSULTATION, "consultation-" + key);
            consultationList.setTitle(consultation.type());
            consultationList.setEncounter(new Reference("Encounter/" + e.getIdElement().getIdPart()));
            consultationList.setDateElement(dateTime(consultation.date(), consultation.time()));
            // One topic List per topic (problem or issue) the consultation covered, each with its own title and its
            // own heading (category) Lists (Access Record Structured - List: consultation, topic and category).
            Map<String, ListResource> topics = new LinkedHashMap<>();
            Map<String, ListResource> headings = new LinkedHashMap<>();
            String firstTopic = consultation.entries().isEmpty() ? consultation.type()
                    : consultation.entries().stream().map(PatientRecord.Entry::topic).filter(t -> t != null)
                            .findFirst().orElse(firstSentence(consultation.entries().getFirst().text()));
            int n = 0;
            for (PatientRecord.Entry entry : consultation.entries()) {
                n++;
                String topicTitle = entry.topic() != null ? entry.topic() : firstTopic;
                ListResource topic = topics.computeIfAbsent(topicTitle, t -> {
                    ListResource l = list(TOPIC, "topic-" + key + "-" + (topics.size() + 1));
                    l.setTitle(t);
                    l.setEncounter(consultationList.getEncounter());
                    refer(consultationList, l);
                    return l;
                });
                String heading = headingName(entry.heading());
                ListResource headingList = headings.computeIfAbsent(topicTitle + "|" + heading, h -> {
                    ListResource l = list(HEADING, "heading-" + key + "-" + (headings.size() + 1));
                    l.setTitle(heading);
                    l.setEncounter(consultationList.getEncounter());
                    refer(topic, l);
                    return l;
                });
                Observation o = new Observation();
                o.setId(Ids.of(record.nhsNumber(), "consultation-entry", key, String.valueOf(n)));
                o.setMeta(profile("CareConnect-GPC-Observation-1"));
                o.addIdentifier(identifier(o.getIdElement().getIdPart()));
                o.setStatus(Observation.ObservationStatus.FINAL);
                o.setCode(entry.code() != null ? concept(entry.code(), entry.display())
                        : new CodeableConcept().setText(entry.heading()));
                o.setSubject(patientRef);
                o.setContext(consultationList.getEncounter());
                o.setEffective(dateTime(consultation.date(), consultation.time()));
                o.addPerformer(clinician);
                o.setComment(entry.text());
                add(o);
                refer(headingList, o);
            }
            if (topics.isEmpty()) {
                ListResource topic = list(TOPIC, "topic-" + key + "-1");
                topic.setTitle(firstTopic);
                topic.setEncounter(consultationList.getEncounter());
                refer(consultationList, topic);
            }
            refer(list, e);
        }
        finish(list, withheld);
    }

    private String headingName(String heading) {
        if (practice.supplier() != Practice.Supplier.MERIDIAN || heading == null) {
            return heading == null ? "Comment" : heading;
        }
        return switch (heading) {
            case "History" -> "Subjective";
            case "Examination" -> "Objective";
            case "Discussion" -> "Assessment";
            default -> heading;
        };
    }

    private void immunisations(StructuredRecordRequest.Immunisations im) {
        ListResource list = list(IMMUNISATIONS_LIST, "immunisations");
        int i = 0;
        for (PatientRecord.Immunisation v : record.immunisations()) {
            i++;
            if (v.notGiven() && !im.includeNotGiven()) {
                continue;
            }
            Immunization imm = new Immunization();
            imm.setId(Ids.of(record.nhsNumber(), "immunisation", String.valueOf(i)));
            imm.setMeta(profile("CareConnect-GPC-Immunization-1"));
            imm.addIdentifier(identifier(imm.getIdElement().getIdPart()));
            imm.setStatus(Immunization.ImmunizationStatus.COMPLETED);
            imm.setNotGiven(v.notGiven());
            imm.setVaccineCode(concept(v.code(), v.display()));
            imm.setPatient(patientRef);
            imm.setDateElement(Foundations.day(v.date()));
            imm.setPrimarySource(true);
            if (v.notGiven() && v.reasonNotGiven() != null) {
                imm.getExplanation().addReasonNotGiven(new CodeableConcept().setText(v.reasonNotGiven()));
            }
            if (v.dose() != null) {
                imm.addVaccinationProtocol().setDoseSequence(Integer.parseInt(v.dose()))
                        .addTargetDisease(new CodeableConcept().setText(v.display()));
            }
            add(imm);
            refer(list, imm);
        }
        finish(list, false);
    }

    private void uncategorised(StructuredRecordRequest.DateRange range) {
        ListResource list = list(UNCATEGORISED_LIST, "uncategorised");
        int i = 0;
        for (PatientRecord.Measurement m : record.observations()) {
            i++;
            if (!range.contains(m.date())) {
                continue;
            }
            Observation o = new Observation();
            o.setId(Ids.of(record.nhsNumber(), "observation", String.valueOf(i)));
            o.setMeta(profile("CareConnect-GPC-Observation-1"));
            o.addIdentifier(identifier(o.getIdElement().getIdPart()));
            o.setStatus(Observation.ObservationStatus.FINAL);
            o.setCode(concept(m.code(), m.display()));
            o.setSubject(patientRef);
            o.setEffective(Foundations.day(m.date()));
            o.addPerformer(practitioner(record.usualGp()));
            if (m.systolic() != null) {
                o.addComponent().setCode(concept("72313002", "Systolic arterial pressure"))
                        .setValue(ucum(m.systolic(), "mmHg", "mm[Hg]"));
                o.addComponent().setCode(concept("1091811000000102", "Diastolic arterial pressure"))
                        .setValue(ucum(m.diastolic(), "mmHg", "mm[Hg]"));
            } else if (m.value() != null) {
                o.setValue(ucum(m.value(), m.unit(), m.unit()));
            }
            add(o);
            refer(list, o);
        }
        finish(list, false);
    }

    private void investigations(StructuredRecordRequest.DateRange range) {
        ListResource list = list(INVESTIGATIONS_LIST, "investigations");
        int i = 0;
        for (PatientRecord.Investigation inv : record.investigations()) {
            i++;
            if (!range.contains(inv.date())) {
                continue;
            }
            String key = String.valueOf(i);
            ProcedureRequest requested = new ProcedureRequest();
            requested.setId(Ids.of(record.nhsNumber(), "test-request", key));
            requested.setMeta(profile("CareConnect-GPC-ProcedureRequest-1"));
            requested.setStatus(ProcedureRequest.ProcedureRequestStatus.COMPLETED);
            requested.setIntent(ProcedureRequest.ProcedureRequestIntent.ORDER);
            requested.setCode(concept(inv.code(), inv.display()));
            requested.setSubject(patientRef);
            requested.setAuthoredOnElement(Foundations.day(inv.date().minusDays(2)));
            add(requested);
            Specimen specimen = new Specimen();
            specimen.setId(Ids.of(record.nhsNumber(), "specimen", key));
            specimen.setMeta(profile("CareConnect-GPC-Specimen-1"));
            specimen.setType(concept("119297000", "Blood specimen"));
            specimen.setSubject(patientRef);
            specimen.getCollection().setCollected(Foundations.day(inv.date().minusDays(1)));
            add(specimen);
            DiagnosticReport report = new DiagnosticReport();
            report.setId(Ids.of(record.nhsNumber(), "report", key));
            report.setMeta(profile("CareConnect-GPC-DiagnosticReport-1"));
            report.addIdentifier(identifier(report.getIdElement().getIdPart()));
            report.setStatus(DiagnosticReport.DiagnosticReportStatus.FINAL);
            // ARS/DiagnosticReport, code: "populate it with the SNOMED ConceptID 721981007 for Diagnostic studies
            // report"; what was tested is in the test group's and results' codes.
            report.setCode(concept(DIAGNOSTIC_STUDIES_REPORT, "Diagnostic studies report"));
            report.setSubject(patientRef);
            report.setIssued(Foundations.date(inv.date()));
            report.addBasedOn(new Reference("ProcedureRequest/" + requested.getIdElement().getIdPart()));
            report.addSpecimen(new Reference("Specimen/" + specimen.getIdElement().getIdPart()));
            report.setConclusion(inv.conclusion());
            // Results hang under a test group (an Observation whose related has-member items are the results) when
            // the test is a panel of several results; a single result hangs straight under the report. A filing
            // comment is an Observation coded "comment note" (Access Record Structured - Observation: test group,
            // test result and filing comments).
            Observation group = null;
            if (inv.results().size() > 1) {
                group = new Observation();
                group.setId(Ids.of(record.nhsNumber(), "test-group", key));
                group.setMeta(profile("CareConnect-GPC-Observation-1"));
                group.addIdentifier(identifier(group.getIdElement().getIdPart()));
                group.setStatus(Observation.ObservationStatus.FINAL);
                group.setCode(concept(inv.code(), inv.display()));
                group.setSubject(patientRef);
                group.setEffective(Foundations.day(inv.date()));
                group.setIssued(Foundations.date(inv.date()));
                group.setSpecimen(new Reference("Specimen/" + specimen.getIdElement().getIdPart()));
                add(group);
                report.addResult(new Reference("Observation/" + group.getIdElement().getIdPart()));
            }
            int n = 0;
            for (PatientRecord.Result r : inv.results()) {
                n++;
                Observation o = new Observation();
                o.setId(Ids.of(record.nhsNumber(), "test-result", key, String.valueOf(n)));
                o.setMeta(profile("CareConnect-GPC-Observation-1"));
                o.addIdentifier(identifier(o.getIdElement().getIdPart()));
                o.setStatus(Observation.ObservationStatus.FINAL);
                o.setCode(concept(r.code(), r.display()));
                o.setSubject(patientRef);
                o.setEffective(Foundations.day(inv.date()));
                o.setIssued(Foundations.date(inv.date()));
                o.setSpecimen(new Reference("Specimen/" + specimen.getIdElement().getIdPart()));
                o.setValue(ucum(r.value(), r.unit(), r.unit()));
                if (r.low() != null || r.high() != null) {
                    Observation.ObservationReferenceRangeComponent rr = o.addReferenceRange();
                    if (r.low() != null) {
                        rr.setLow((SimpleQuantity) new SimpleQuantity().setValue(r.low()).setUnit(r.unit()));
                    }
                    if (r.high() != null) {
                        rr.setHigh((SimpleQuantity) new SimpleQuantity().setValue(r.high()).setUnit(r.unit()));
                    }
                }
                if (r.interpretation() != null) {
                    o.setInterpretation(new CodeableConcept().addCoding(new Coding(
                            "http://hl7.org/fhir/v2/0078", r.interpretation(),
                            "H".equals(r.interpretation()) ? "High" : "L".equals(r.interpretation()) ? "Low" : "Abnormal")));
                }
                add(o);
                if (group != null) {
                    // ARS/observation_testResult: a result in a group points back with related.type derived-from.
                    group.addRelated().setType(Observation.ObservationRelationshipType.HASMEMBER)
                            .setTarget(new Reference("Observation/" + o.getIdElement().getIdPart()));
                    o.addRelated().setType(Observation.ObservationRelationshipType.DERIVEDFROM)
                            .setTarget(new Reference("Observation/" + group.getIdElement().getIdPart()));
                } else {
                    report.addResult(new Reference("Observation/" + o.getIdElement().getIdPart()));
                }
            }
            if (inv.filingComment() != null) {
                Observation comment = new Observation();
                comment.setId(Ids.of(record.nhsNumber(), "filing-comment", key));
                comment.setMeta(profile("CareConnect-GPC-Observation-1"));
                comment.addIdentifier(identifier(comment.getIdElement().getIdPart()));
                // ARS/observation_filingComments: status "set value of 'unknown'", code fixed 37331000000100.
                comment.setStatus(Observation.ObservationStatus.UNKNOWN);
                comment.setCode(concept(FILING_COMMENT, "Comment note"));
                comment.setSubject(patientRef);
                comment.setEffective(Foundations.day(inv.date()));
                comment.setIssued(Foundations.date(inv.date()));
                comment.addPerformer(practitioner(record.usualGp()));
                comment.setComment(inv.filingComment());
                add(comment);
                report.addResult(new Reference("Observation/" + comment.getIdElement().getIdPart()));
            }
            add(report);
            refer(list, report);
        }
        finish(list, false);
    }

    private void referrals(StructuredRecordRequest.DateRange range) {
        ListResource list = list(REFERRALS_LIST, "referrals");
        int i = 0;
        for (PatientRecord.Referral r : record.referrals()) {
            i++;
            if (!range.contains(r.date())) {
                continue;
            }
            ReferralRequest rr = new ReferralRequest();
            rr.setId(Ids.of(record.nhsNumber(), "referral", String.valueOf(i)));
            rr.setMeta(profile("CareConnect-GPC-ReferralRequest-1"));
            rr.addIdentifier(identifier(rr.getIdElement().getIdPart()));
            rr.setStatus("completed".equals(r.status()) ? ReferralRequest.ReferralRequestStatus.COMPLETED
                    : ReferralRequest.ReferralRequestStatus.ACTIVE);
            rr.setIntent(ReferralRequest.ReferralCategory.ORDER);
            rr.setPriority(switch (String.valueOf(r.priority())) {
                case "urgent" -> ReferralRequest.ReferralPriority.URGENT;
                case "two-week-wait" -> ReferralRequest.ReferralPriority.ASAP;
                default -> ReferralRequest.ReferralPriority.ROUTINE;
            });
            rr.setSubject(patientRef);
            rr.setAuthoredOnElement(Foundations.day(r.date()));
            rr.getRequester().setAgent(practitioner(record.usualGp()));
            rr.setSpecialty(new CodeableConcept().setText(r.specialty()));
            rr.addRecipient(new Reference().setDisplay(r.to()));
            rr.addReasonCode(new CodeableConcept().setText(r.reason()));
            if ("two-week-wait".equals(r.priority())) {
                rr.addNote(new Annotation().setText("Two-week-wait (urgent suspected cancer) referral"));
            }
            add(rr);
            refer(list, rr);
        }
        finish(list, false);
    }

    private void diary(StructuredRecordRequest.Diary d) {
        ListResource list = list(DIARY_LIST, "diary");
        int i = 0;
        for (PatientRecord.DiaryEntry entry : record.diary()) {
            i++;
            if (d.upTo().filter(limit -> entry.date().isAfter(limit)).isPresent()) {
                continue;
            }
            ProcedureRequest pr = new ProcedureRequest();
            pr.setId(Ids.of(record.nhsNumber(), "diary", String.valueOf(i)));
            pr.setMeta(profile("CareConnect-GPC-ProcedureRequest-1"));
            pr.addIdentifier(identifier(pr.getIdElement().getIdPart()));
            pr.setStatus(ProcedureRequest.ProcedureRequestStatus.ACTIVE);
            pr.setIntent(ProcedureRequest.ProcedureRequestIntent.PLAN);
            pr.setCode(concept(entry.code(), entry.display()));
            pr.setSubject(patientRef);
            pr.setOccurrence(Foundations.day(entry.date()));
            pr.setAuthoredOnElement(Foundations.day(entry.date().minusMonths(1)));
            pr.addNote(new Annotation().setText(entry.text()));
            add(pr);
            refer(list, pr);
        }
        finish(list, false);
    }

    // ------------------------------------------------------------------ lists, warnings, helpers

    private ListResource list(Coding code, String key) {
        ListResource list = new ListResource();
        list.setId(Ids.of(record.nhsNumber(), "list", key));
        list.setMeta(profile("CareConnect-GPC-List-1"));
        list.setStatus(ListResource.ListStatus.CURRENT);
        list.setMode(ListResource.ListMode.SNAPSHOT);
        list.setTitle(code.getDisplay());
        list.setCode(new CodeableConcept().addCoding(code.copy()));
        list.setSubject(patientRef);
        list.setDateElement(Foundations.day(today));
        list.setOrderedBy(new CodeableConcept().addCoding(new Coding("http://hl7.org/fhir/list-order", "event-date",
                "Sorted by Event Date")));
        add(list);
        return list;
    }

    /** Adds the section list's warnings and, when it has no entries, its empty reason. */
    private void finish(ListResource list, boolean confidentialWithheld) {
        if (confidentialWithheld) {
            warn(list, "confidential-items", "Items excluded due to confidentiality and/or patient preferences.");
        }
        if (record.flags().dataInTransit()) {
            warn(list, "data-in-transit", "Patient record transfer from previous GP practice not yet complete; "
                    + "information recorded before " + NOTE_DATE.format(record.registeredSince()) + " may be missing.");
        }
        if (record.flags().dataAwaitingFiling() && INVESTIGATIONS_LIST.getCode().equals(list.getCode().getCodingFirstRep().getCode())) {
            warn(list, "data-awaiting-filing", "Patient record contains some items in the GP practice workflow that "
                    + "have not been reviewed for inclusion in this message; information recorded before "
                    + NOTE_DATE.format(today) + " may be missing.");
        }
        if (list.getEntry().isEmpty()) {
            list.setEmptyReason(new CodeableConcept().addCoding(new Coding(Gpc.LIST_EMPTY_REASON,
                    "no-content-recorded", "No Content Recorded")));
            list.addNote(new Annotation().setText("Information not available"));
            // ARS/list: emptyReason "No Content Recorded" from CareConnect-ListEmptyReasonCode-1, note as above.
        }
    }

    private static void warn(ListResource list, String code, String text) {
        list.addExtension(new Extension(Gpc.EXT_LIST_WARNING, new CodeType(code)));
        list.addNote(new Annotation().setText(text));
    }

    private void refer(ListResource list, Resource target) {
        list.addEntry().setItem(new Reference(target.fhirType() + "/" + target.getIdElement().getIdPart()));
    }

    private Reference practitioner(String clinicianId) {
        Practice.Clinician c = practice.practitioner(clinicianId);
        if (c == null) {
            return null;
        }
        String id = Ids.of("practitioner", c.id());
        if (!practitioners.containsKey(id)) {
            practitioners.put(id, foundations.practitioner(c));
            if (practice.supplier() == Practice.Supplier.MERIDIAN) {
                practitioners.put(Ids.of("practitionerrole", c.id()), foundations.practitionerRole(c));
            }
        }
        return new Reference("Practitioner/" + id);
    }

    private boolean bundleHas(String id) {
        return bundle.getEntry().stream().anyMatch(e -> id.equals(e.getResource().getIdElement().getIdPart()));
    }

    private void add(Resource r) {
        bundle.addEntry().setResource(r);
    }

    private Identifier identifier(String value) {
        return new Identifier().setSystem("https://fhir.nhs.uk/Id/cross-care-setting-identifier").setValue(value);
    }

    private static Meta profile(String name) {
        return new Meta().addProfile(Gpc.PROFILE_BASE + name);
    }

    private static Coding snomed(String code, String display) {
        return new Coding(Gpc.SNOMED, code, display);
    }

    private static CodeableConcept concept(String code, String display) {
        CodeableConcept c = new CodeableConcept().setText(display);
        if (code != null) {
            c.addCoding(new Coding(Gpc.SNOMED, code, display));
        }
        return c;
    }

    private static Quantity ucum(Double value, String unit, String code) {
        Quantity q = new Quantity();
        if (value != null) {
            q.setValue(value);
        }
        return q.setUnit(unit).setSystem("http://unitsofmeasure.org").setCode(code);
    }

    private static SimpleQuantity quantity(String text) {
        SimpleQuantity q = new SimpleQuantity();
        if (text == null) {
            return q;
        }
        String[] parts = text.split(" ", 2);
        try {
            q.setValue(Double.parseDouble(parts[0]));
            q.setUnit(parts.length > 1 ? parts[1] : null);
        } catch (NumberFormatException e) {
            q.setUnit(text);
        }
        return q;
    }

    private static DateTimeType dateTime(LocalDate date, String time) {
        LocalTime t = time == null ? LocalTime.NOON : LocalTime.parse(time);
        return new DateTimeType(Date.from(date.atTime(t).atZone(Foundations.UK).toInstant()));
    }

    private static String firstSentence(String text) {
        int dot = text.indexOf('.');
        String s = dot > 0 ? text.substring(0, dot) : text;
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }
}
