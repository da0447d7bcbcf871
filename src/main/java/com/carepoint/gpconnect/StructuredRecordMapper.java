package com.carepoint.gpconnect;

import com.carepoint.record.PartialDate;
import com.carepoint.record.RecordItems;
import com.carepoint.record.RecordItems.Coded;
import com.carepoint.record.Section;
import com.carepoint.record.SectionKind;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.dstu3.model.AllergyIntolerance;
import org.hl7.fhir.dstu3.model.Annotation;
import org.hl7.fhir.dstu3.model.BaseDateTimeType;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Condition;
import org.hl7.fhir.dstu3.model.DiagnosticReport;
import org.hl7.fhir.dstu3.model.Encounter;
import org.hl7.fhir.dstu3.model.Extension;
import org.hl7.fhir.dstu3.model.Immunization;
import org.hl7.fhir.dstu3.model.ListResource;
import org.hl7.fhir.dstu3.model.Location;
import org.hl7.fhir.dstu3.model.Medication;
import org.hl7.fhir.dstu3.model.MedicationRequest;
import org.hl7.fhir.dstu3.model.MedicationStatement;
import org.hl7.fhir.dstu3.model.Observation;
import org.hl7.fhir.dstu3.model.Practitioner;
import org.hl7.fhir.dstu3.model.ProcedureRequest;
import org.hl7.fhir.dstu3.model.Quantity;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.ReferralRequest;
import org.hl7.fhir.dstu3.model.Resource;
import org.hl7.fhir.dstu3.model.Type;

/**
 * Maps a GP Connect structured record Bundle into Carepoint's record sections. FHIR stays in this package: views get
 * domain records. The section's List decides what is in it (its entries), what the provider said about it (notes,
 * warnings, empty reason), and nothing is inferred that the provider did not state.
 */
final class StructuredRecordMapper {

    static final String SNOMED = "http://snomed.info/sct";
    static final ZoneId UK = ZoneId.of("Europe/London");

    static final Map<SectionKind, String> LIST_CODES = Map.of(
            SectionKind.ALLERGIES, "886921000000105",
            SectionKind.MEDICATIONS, "933361000000108",
            SectionKind.PROBLEMS, "717711000000103",
            SectionKind.CONSULTATIONS, "1149501000000101",
            SectionKind.IMMUNISATIONS, "1102181000000102",
            SectionKind.UNCATEGORISED, "826501000000100",
            SectionKind.INVESTIGATIONS, "887191000000108",
            SectionKind.REFERRALS, "792931000000107",
            SectionKind.DIARY, "714311000000108");
    static final String ENDED_ALLERGIES = "1103671000000101";
    static final Map<String, String> WARNINGS = Map.of(
            "confidential-items", "Some items are not shown because they are confidential or the patient asked for them "
                    + "not to be shared.",
            "data-in-transit", "The patient's record from their previous practice has not fully arrived: older "
                    + "information may be missing.",
            "data-awaiting-filing", "Some recent information (for example results) is waiting to be filed by the "
                    + "practice and is not shown yet.");

    private final Bundle bundle;
    private final Map<String, Resource> byReference = new HashMap<>();

    StructuredRecordMapper(Bundle bundle) {
        this.bundle = bundle;
        for (Bundle.BundleEntryComponent e : bundle.getEntry()) {
            Resource r = e.getResource();
            if (r != null && r.hasIdElement()) {
                byReference.put(r.fhirType() + "/" + r.getIdElement().getIdPart(), r);
            }
        }
    }

    Section<?> map(SectionKind kind) {
        ListResource list = list(LIST_CODES.get(kind)).orElseThrow(() -> new MissingSectionException(kind));
        List<String> warnings = warnings(list);
        List<String> notes = list.getNote().stream().map(Annotation::getText)
                .filter(t -> t != null && !isWarningText(t)).toList();
        return switch (kind) {
            case ALLERGIES -> Section.loaded(kind, allergies(list), warnings, notes);
            case MEDICATIONS -> Section.loaded(kind, medications(list), warnings, notes);
            case PROBLEMS -> Section.loaded(kind, problems(list), warnings, notes);
            case CONSULTATIONS -> Section.loaded(kind, consultations(list), warnings, notes);
            case IMMUNISATIONS -> Section.loaded(kind, immunisations(list), warnings, notes);
            case UNCATEGORISED -> Section.loaded(kind, observations(list), warnings, notes);
            case INVESTIGATIONS -> Section.loaded(kind, investigations(list), warnings, notes);
            case REFERRALS -> Section.loaded(kind, referrals(list), warnings, notes);
            case DIARY -> Section.loaded(kind, diary(list), warnings, notes);
        };
    }

    /** The answer had no list for a section that was asked for: the provider broke the contract. */
    static final class MissingSectionException extends RuntimeException {
        MissingSectionException(SectionKind kind) {
            super("The GP system's answer has no " + kind.title() + " list");
        }
    }

    // ------------------------------------------------------------------ sections

    private List<RecordItems.Allergy> allergies(ListResource list) {
        List<RecordItems.Allergy> items = new ArrayList<>(entries(list, AllergyIntolerance.class).stream()
                .map(this::allergy).toList());
        list(ENDED_ALLERGIES).ifPresent(ended -> entries(ended, AllergyIntolerance.class).stream()
                .map(this::allergy).forEach(items::add));
        return items;
    }

    private RecordItems.Allergy allergy(AllergyIntolerance a) {
        boolean nka = codes(a.getCode()).contains("716186003");
        Optional<Extension> end = Optional.ofNullable(a.getExtensionByUrl(
                "https://fhir.nhs.uk/STU3/StructureDefinition/Extension-CareConnect-GPC-AllergyIntoleranceEnd-1"));
        return new RecordItems.Allergy(coded(a.getCode()),
                a.getClinicalStatus() != AllergyIntolerance.AllergyIntoleranceClinicalStatus.RESOLVED,
                a.getReaction().stream().flatMap(r -> r.getManifestation().stream()).map(this::text).findFirst(),
                a.getReaction().stream().filter(r -> r.getSeverity() != null)
                        .map(r -> r.getSeverity().getDisplay().toLowerCase(Locale.UK)).findFirst(),
                date(a.getAssertedDateElement()),
                end.map(e -> e.getExtensionByUrl("endDate")).map(Extension::getValue).flatMap(StructuredRecordMapper::date),
                end.map(e -> e.getExtensionByUrl("reasonEnded")).map(e -> e.getValue().primitiveValue()),
                nka);
    }

    private List<RecordItems.Medication> medications(ListResource list) {
        // Issues (intent order) indexed by the authorisation (plan) they are based on: one pass, not one per statement.
        Map<String, List<PartialDate>> issuesByPlan = new HashMap<>();
        for (MedicationRequest r : all(MedicationRequest.class)) {
            if (r.getIntent() == MedicationRequest.MedicationRequestIntent.ORDER) {
                Optional<PartialDate> authored = date(r.getAuthoredOnElement());
                for (Reference b : r.getBasedOn()) {
                    authored.ifPresent(d -> issuesByPlan.computeIfAbsent(b.getReference(), k -> new ArrayList<>()).add(d));
                }
            }
        }
        List<RecordItems.Medication> items = new ArrayList<>();
        for (MedicationStatement s : entries(list, MedicationStatement.class)) {
            MedicationRequest plan = s.getBasedOn().stream().map(this::resolve)
                    .filter(MedicationRequest.class::isInstance).map(MedicationRequest.class::cast).findFirst()
                    .orElse(null);
            String planRef = plan == null ? "" : "MedicationRequest/" + plan.getIdElement().getIdPart();
            List<PartialDate> issues = issuesByPlan.getOrDefault(planRef, List.of()).stream()
                    .sorted(Comparator.reverseOrder()).toList();
            Optional<PartialDate> lastIssue = Optional.ofNullable(s.getExtensionByUrl(
                    "https://fhir.nhs.uk/STU3/StructureDefinition/Extension-CareConnect-GPC-MedicationStatementLastIssueDate-1"))
                    .map(Extension::getValue).flatMap(StructuredRecordMapper::date)
                    .or(() -> issues.stream().findFirst());
            String type = plan == null ? "unknown" : Optional.ofNullable(plan.getExtensionByUrl(
                    "https://fhir.nhs.uk/STU3/StructureDefinition/Extension-CareConnect-GPC-PrescriptionType-1"))
                    .map(e -> ((CodeableConcept) e.getValue()).getCodingFirstRep().getCode()).orElse("unknown");
            Coded what = s.getMedication() instanceof Reference ref && resolve(ref) instanceof Medication m
                    ? coded(m.getCode()) : new Coded("Unnamed medication", Optional.empty());
            Optional<String> quantity = plan == null || !plan.getDispenseRequest().hasQuantity() ? Optional.empty()
                    : Optional.of(quantity(plan.getDispenseRequest().getQuantity()));
            Optional<PartialDate> start = s.hasEffectivePeriod() ? date(s.getEffectivePeriod().getStartElement())
                    : Optional.empty();
            Optional<PartialDate> end = s.hasEffectivePeriod() ? date(s.getEffectivePeriod().getEndElement())
                    : Optional.empty();
            items.add(new RecordItems.Medication(what, s.getDosageFirstRep().getText(), quantity, type,
                    s.getStatus() == MedicationStatement.MedicationStatementStatus.ACTIVE, start, end, lastIssue,
                    issues));
        }
        items.sort(Comparator.comparing(RecordItems.Medication::current).reversed()
                .thenComparing(m -> m.lastIssued().or(m::started).orElse(null),
                        Comparator.nullsLast(Comparator.reverseOrder())));
        return items;
    }

    private List<RecordItems.Problem> problems(ListResource list) {
        return entries(list, Condition.class).stream().map(c -> new RecordItems.Problem(coded(c.getCode()),
                        c.getClinicalStatus() == Condition.ConditionClinicalStatus.ACTIVE
                                || c.getClinicalStatus() == Condition.ConditionClinicalStatus.RECURRENCE,
                        Optional.ofNullable(c.getExtensionByUrl(
                                "https://fhir.nhs.uk/STU3/StructureDefinition/Extension-CareConnect-GPC-ProblemSignificance-1"))
                                .map(e -> e.getValue().primitiveValue()).orElse("unspecified"),
                        c.getOnset() == null ? Optional.empty() : date(c.getOnset()),
                        c.getAbatement() == null ? Optional.empty() : date(c.getAbatement())))
                .sorted(Comparator.comparing(RecordItems.Problem::active).reversed()
                        .thenComparing(p -> p.onset().orElse(null), Comparator.nullsLast(Comparator.reverseOrder())))
                .toList();
    }

    private List<RecordItems.Consultation> consultations(ListResource list) {
        List<ListResource> consultationLists = all(ListResource.class).stream()
                .filter(l -> "325851000000107".equals(l.getCode().getCodingFirstRep().getCode())).toList();
        List<RecordItems.Consultation> items = new ArrayList<>();
        for (Encounter e : entries(list, Encounter.class)) {
            String encounterRef = "Encounter/" + e.getIdElement().getIdPart();
            Optional<ListResource> consultation = consultationLists.stream()
                    .filter(l -> encounterRef.equals(l.getEncounter().getReference())).findFirst();
            List<RecordItems.Heading> headings = new ArrayList<>();
            String summary = e.getTypeFirstRep().getText();
            if (consultation.isPresent()) {
                for (ListResource topic : entries(consultation.get(), ListResource.class)) {
                    if (topic.hasTitle()) {
                        summary = topic.getTitle();
                    }
                    for (Resource item : topic.getEntry().stream().map(en -> resolve(en.getItem())).toList()) {
                        if (item instanceof ListResource heading) {
                            List<String> texts = entries(heading, Resource.class).stream().map(this::entryText)
                                    .filter(t -> !t.isBlank()).toList();
                            headings.add(new RecordItems.Heading(heading.getTitle(), texts));
                        } else if (item != null) {
                            headings.add(new RecordItems.Heading("Entry", List.of(entryText(item))));
                        }
                    }
                }
            }
            Optional<String> clinician = e.getParticipant().stream()
                    .map(p -> resolve(p.getIndividual())).filter(Practitioner.class::isInstance)
                    .map(p -> practitionerName((Practitioner) p)).findFirst();
            Optional<String> location = e.getLocation().stream().map(l -> resolve(l.getLocation()))
                    .filter(Location.class::isInstance).map(l -> ((Location) l).getName()).findFirst();
            Optional<PartialDate> when = date(e.getPeriod().getStartElement());
            if (when.isEmpty()) {
                continue;
            }
            items.add(new RecordItems.Consultation(when.get(), e.getTypeFirstRep().getText(), clinician, location,
                    summary, headings));
        }
        items.sort(Comparator.comparing(RecordItems.Consultation::when).reversed());
        return items;
    }

    private String entryText(Resource r) {
        if (r instanceof Observation o) {
            String text = o.hasComment() ? o.getComment() : text(o.getCode());
            return o.hasValue() ? text + ": " + value(o.getValue()) : text;
        }
        if (r instanceof Condition c) {
            return "Problem: " + text(c.getCode());
        }
        if (r instanceof MedicationRequest m) {
            return "Medication: " + m.getDosageInstructionFirstRep().getText();
        }
        return r.fhirType();
    }

    private List<RecordItems.Immunisation> immunisations(ListResource list) {
        return entries(list, Immunization.class).stream().map(i -> new RecordItems.Immunisation(
                        coded(i.getVaccineCode()), date(i.getDateElement()), i.getNotGiven(),
                        i.getExplanation().getReasonNotGiven().stream().map(this::text).findFirst(),
                        i.getVaccinationProtocol().stream().filter(p -> p.hasDoseSequence())
                                .map(p -> String.valueOf(p.getDoseSequence())).findFirst()))
                .sorted(Comparator.comparing((RecordItems.Immunisation i) -> i.given().orElse(null),
                        Comparator.nullsLast(Comparator.reverseOrder())))
                .toList();
    }

    private List<RecordItems.Observation> observations(ListResource list) {
        return entries(list, Observation.class).stream().map(o -> new RecordItems.Observation(coded(o.getCode()),
                        o.getEffective() == null ? Optional.empty() : date(o.getEffective()), observationValue(o)))
                .sorted(Comparator.comparing((RecordItems.Observation o) -> o.when().orElse(null),
                        Comparator.nullsLast(Comparator.reverseOrder())))
                .toList();
    }

    private String observationValue(Observation o) {
        if (o.hasComponent()) {
            List<String> parts = o.getComponent().stream().map(c -> c.getValue() instanceof Quantity q
                    ? q.getValue().stripTrailingZeros().toPlainString() : value(c.getValue())).toList();
            String unit = o.getComponentFirstRep().getValue() instanceof Quantity q ? " " + q.getUnit() : "";
            return String.join("/", parts) + unit;
        }
        return o.hasValue() ? value(o.getValue()) : (o.hasComment() ? o.getComment() : "");
    }

    private List<RecordItems.Investigation> investigations(ListResource list) {
        return entries(list, DiagnosticReport.class).stream().map(r -> new RecordItems.Investigation(
                        coded(r.getCode()), date(r.getIssuedElement()),
                        Optional.ofNullable(r.getConclusion()),
                        r.getResult().stream().map(this::resolve).filter(Observation.class::isInstance)
                                .map(Observation.class::cast).map(this::result).toList()))
                .sorted(Comparator.comparing((RecordItems.Investigation i) -> i.when().orElse(null),
                        Comparator.nullsLast(Comparator.reverseOrder())))
                .toList();
    }

    private RecordItems.Result result(Observation o) {
        Optional<String> range = o.getReferenceRange().stream().findFirst().map(rr -> {
            String low = rr.hasLow() ? rr.getLow().getValue().stripTrailingZeros().toPlainString() : "";
            String high = rr.hasHigh() ? rr.getHigh().getValue().stripTrailingZeros().toPlainString() : "";
            return low + " to " + high;
        });
        Optional<String> flag = o.hasInterpretation() ? Optional.of(o.getInterpretation().getCodingFirstRep()
                .getDisplay() == null ? o.getInterpretation().getCodingFirstRep().getCode()
                : o.getInterpretation().getCodingFirstRep().getDisplay()) : Optional.empty();
        return new RecordItems.Result(coded(o.getCode()), o.hasValue() ? value(o.getValue()) : "", range, flag);
    }

    private List<RecordItems.Referral> referrals(ListResource list) {
        return entries(list, ReferralRequest.class).stream().map(r -> new RecordItems.Referral(
                        date(r.getAuthoredOnElement()),
                        r.getRecipient().stream().map(Reference::getDisplay).filter(d -> d != null).findFirst()
                                .orElse("Not stated"),
                        Optional.ofNullable(r.getSpecialty().getText()),
                        r.getReasonCode().stream().map(this::text).findFirst(),
                        r.getPriority() == null ? "not stated" : switch (r.getPriority()) {
                            case ASAP -> "urgent (two-week wait)";
                            case URGENT, STAT -> "urgent";
                            default -> "routine";
                        },
                        r.getStatus() == null ? "unknown" : r.getStatus().getDisplay().toLowerCase(Locale.UK)))
                .sorted(Comparator.comparing((RecordItems.Referral r) -> r.when().orElse(null),
                        Comparator.nullsLast(Comparator.reverseOrder())))
                .toList();
    }

    private List<RecordItems.DiaryEntry> diary(ListResource list) {
        return entries(list, ProcedureRequest.class).stream().map(p -> new RecordItems.DiaryEntry(
                        p.getOccurrence() == null ? Optional.empty() : date(p.getOccurrence()), coded(p.getCode()),
                        p.getNote().stream().map(Annotation::getText).findFirst()))
                .sorted(Comparator.comparing((RecordItems.DiaryEntry d) -> d.due().orElse(null),
                        Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }

    // ------------------------------------------------------------------ helpers

    Optional<ListResource> list(String code) {
        return all(ListResource.class).stream()
                .filter(l -> l.getCode().getCoding().stream().anyMatch(c -> code.equals(c.getCode())))
                .findFirst();
    }

    private List<String> warnings(ListResource list) {
        return list.getExtension().stream()
                .filter(e -> e.getUrl() != null && e.getUrl().endsWith("ListWarningCode-1"))
                .map(e -> e.getValue().primitiveValue())
                .map(code -> WARNINGS.getOrDefault(code, "The practice flagged this section: " + code))
                .toList();
    }

    /** Provider notes that only restate a warning are dropped: the warning itself is shown in plain English. */
    private static boolean isWarningText(String text) {
        return text.startsWith("Items excluded due to confidentiality")
                || text.startsWith("Patient record transfer from previous GP practice")
                || text.startsWith("Patient data may be incomplete as there is data supplied by a third party");
    }

    private <T extends Resource> List<T> entries(ListResource list, Class<T> type) {
        return list.getEntry().stream().map(e -> resolve(e.getItem())).filter(type::isInstance).map(type::cast)
                .toList();
    }

    private <T extends Resource> List<T> all(Class<T> type) {
        return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(type::isInstance)
                .map(type::cast).toList();
    }

    private Resource resolve(Reference reference) {
        return reference == null || reference.getReference() == null ? null
                : byReference.get(reference.getReference());
    }

    private Coded coded(CodeableConcept c) {
        Optional<String> snomed = c.getCoding().stream().filter(x -> SNOMED.equals(x.getSystem()))
                .map(x -> x.getCode()).findFirst();
        return new Coded(text(c), snomed);
    }

    private String text(CodeableConcept c) {
        if (c.hasText()) {
            return c.getText();
        }
        return c.getCoding().stream().map(x -> x.getDisplay()).filter(d -> d != null).findFirst().orElse("Not stated");
    }

    private static List<String> codes(CodeableConcept c) {
        return c.getCoding().stream().map(x -> x.getCode()).toList();
    }

    private static String value(Type v) {
        if (v instanceof Quantity q) {
            return quantity(q);
        }
        return v == null ? "" : String.valueOf(v.primitiveValue());
    }

    private static String quantity(Quantity q) {
        String value = q.hasValue() ? q.getValue().stripTrailingZeros().toPlainString() : "";
        return (value + " " + (q.getUnit() == null ? "" : q.getUnit())).trim();
    }

    private static String practitionerName(Practitioner p) {
        var n = p.getNameFirstRep();
        if (n.hasText()) {
            return n.getText();
        }
        String prefix = n.getPrefix().isEmpty() ? "" : n.getPrefix().getFirst().getValue() + " ";
        String given = n.getGiven().isEmpty() ? "" : n.getGiven().getFirst().getValue() + " ";
        return (prefix + given + n.getFamily()).trim();
    }

    /** A FHIR date or dateTime at the precision it was recorded, in UK time. */
    static Optional<PartialDate> date(Type t) {
        if (!(t instanceof BaseDateTimeType d) || d.getValue() == null) {
            return Optional.empty();
        }
        return switch (d.getPrecision()) {
            case YEAR -> Optional.of(new PartialDate(d.getYear(), null, null, null, null));
            case MONTH -> Optional.of(new PartialDate(d.getYear(), d.getMonth() + 1, null, null, null));
            case DAY -> Optional.of(PartialDate.of(LocalDate.of(d.getYear(), d.getMonth() + 1, d.getDay())));
            default -> {
                ZonedDateTime uk = d.getValue().toInstant().atZone(UK);
                yield Optional.of(PartialDate.of(uk.toLocalDateTime()));
            }
        };
    }
}
