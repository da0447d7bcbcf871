package com.carepoint.gpconnect;

import com.carepoint.kernel.PartialDate;
import com.carepoint.kernel.SectionKind;
import com.carepoint.record.RecordItems.Coded;
import com.carepoint.record.RecordItems;
import com.carepoint.record.Section;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.dstu3.model.AllergyIntolerance;
import org.hl7.fhir.dstu3.model.Annotation;
import org.hl7.fhir.dstu3.model.BaseDateTimeType;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Coding;
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
import org.hl7.fhir.dstu3.model.StringType;
import org.hl7.fhir.dstu3.model.Type;

/**
 * Maps a GP Connect structured record Bundle into Carepoint's record sections. FHIR stays in this package: views get
 * domain records. The section's List decides what is in it (its entries), what the provider said about it (notes,
 * warnings, empty reason), and nothing is inferred that the provider did not state.
 */
final class StructuredRecordMapper {

    static final ZoneId UK = ZoneId.of("Europe/London");

    private final Bundle bundle;
    private final References references;

    StructuredRecordMapper(Bundle bundle) {
        this.bundle = bundle;
        this.references = new References(bundle);
    }

    /** The section's List, if the answer has one. */
    Optional<ListResource> sectionList(SectionKind kind) {
        return list(GpcSpec.LIST_CODES.get(kind))
                .or(() -> Optional.ofNullable(GpcSpec.ALTERNATIVE_LIST_CODES.get(kind)).flatMap(this::list));
    }

    Section<?> map(SectionKind kind) {
        if (!kind.structured()) {
            throw new IllegalArgumentException("Documents are not part of the structured record");
        }
        ListResource list = sectionList(kind).orElseThrow(() -> new MissingSectionException(kind));
        List<String> warnings = new ArrayList<>(warnings(list));
        long unreadable = list.getEntry().stream().filter(e -> e.hasItem() && e.getItem().hasReference()
                && resolve(list, e.getItem()) == null).count();
        if (unreadable > 0 && kind == SectionKind.ALLERGIES) {
            // An allergy list Carepoint cannot read in full is not shown in part: it could read as "none recorded".
            throw new UnreadableEntriesException(unreadable);
        }
        if (unreadable > 0) {
            warnings.add("The practice's answer lists " + unreadable + (unreadable == 1 ? " item" : " items")
                    + " that Carepoint could not read; " + (unreadable == 1 ? "it is" : "they are") + " not shown, "
                    + "so this section may be incomplete.");
        }
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
            case DOCUMENTS -> throw new IllegalArgumentException("Documents are not part of the structured record");
        };
    }

    /** Entries of the section's List that point at nothing in the answer. */
    static final class UnreadableEntriesException extends RuntimeException {
        UnreadableEntriesException(long count) {
            super(count + " entries of the section list point at nothing in the answer");
        }
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
        // Ended allergies are contained in their own List and referenced as #id.
        // Never active, whatever their clinicalStatus says (ARS/allergies_guidance: "Consuming systems MUST ensure
        // that resolved allergies are not treated as active").
        list(GpcSpec.ENDED_ALLERGIES_LIST).ifPresent(ended -> entries(ended, AllergyIntolerance.class).stream()
                .map(this::allergy).map(StructuredRecordMapper::ended).forEach(items::add));
        return items;
    }

    private static RecordItems.Allergy ended(RecordItems.Allergy a) {
        return new RecordItems.Allergy(a.what(), false, a.reaction(), a.severity(), a.recorded(), a.ended(),
                a.endReason(), a.noKnownAllergies());
    }

    private RecordItems.Allergy allergy(AllergyIntolerance a) {
        boolean nka = codes(a.getCode()).contains(GpcSpec.NO_KNOWN_ALLERGY);
        Optional<Extension> end = Optional.ofNullable(a.getExtensionByUrl(GpcSpec.EXT_ALLERGY_END));
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
        Map<Resource, List<PartialDate>> issuesByPlan = new IdentityHashMap<>();
        for (MedicationRequest r : all(MedicationRequest.class)) {
            if (r.getIntent() == MedicationRequest.MedicationRequestIntent.ORDER) {
                Optional<PartialDate> authored = date(r.getAuthoredOnElement());
                for (Reference b : r.getBasedOn()) {
                    Resource plan = resolve(r, b);
                    if (plan != null) {
                        authored.ifPresent(d -> issuesByPlan.computeIfAbsent(plan, k -> new ArrayList<>()).add(d));
                    }
                }
            }
        }
        List<RecordItems.Medication> items = new ArrayList<>();
        for (MedicationStatement s : entries(list, MedicationStatement.class)) {
            MedicationRequest plan = s.getBasedOn().stream().map(b -> resolve(s, b))
                    .filter(MedicationRequest.class::isInstance).map(MedicationRequest.class::cast).findFirst()
                    .orElse(null);
            List<PartialDate> issues = (plan == null ? List.<PartialDate>of() : issuesByPlan.getOrDefault(plan, List.of()))
                    .stream().sorted(Comparator.reverseOrder()).toList();
            Optional<PartialDate> lastIssue = Optional.ofNullable(s.getExtensionByUrl(GpcSpec.EXT_LAST_ISSUE_DATE))
                    .or(() -> Optional.ofNullable(s.getExtensionByUrl(GpcSpec.EXT_LAST_ISSUE_DATE_HL7)))
                    .map(Extension::getValue).flatMap(StructuredRecordMapper::date)
                    .or(() -> issues.stream().findFirst());
            String type = plan == null ? "unknown" : Optional.ofNullable(plan.getExtensionByUrl(
                    GpcSpec.EXT_PRESCRIPTION_TYPE))
                    .map(e -> ((CodeableConcept) e.getValue()).getCodingFirstRep().getCode()).orElse("unknown");
            Coded what = s.getMedication() instanceof Reference ref && resolve(s, ref) instanceof Medication m
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
                        significance(c),
                        c.getOnset() == null ? Optional.empty() : date(c.getOnset()),
                        c.getAbatement() == null ? Optional.empty() : date(c.getAbatement())))
                .sorted(Comparator.comparing(RecordItems.Problem::active).reversed()
                        .thenComparing(p -> p.onset().orElse(null), Comparator.nullsLast(Comparator.reverseOrder())))
                .toList();
    }

    /** valueCode as the profile says; a valueCodeableConcept (as one published example has) is read too. */
    private static String significance(Condition c) {
        Extension e = c.getExtensionByUrl(GpcSpec.EXT_PROBLEM_SIGNIFICANCE);
        if (e == null || !e.hasValue()) {
            return "unspecified";
        }
        String code = e.getValue() instanceof CodeableConcept cc ? cc.getCodingFirstRep().getCode()
                : e.getValue().primitiveValue();
        return code == null || code.isBlank() ? "unspecified" : code.toLowerCase(Locale.UK);
    }

    private List<RecordItems.Consultation> consultations(ListResource list) {
        List<ListResource> consultationLists = all(ListResource.class).stream()
                .filter(l -> hasCode(l.getCode(), GpcSpec.CONSULTATION_LIST)).toList();
        // The primary List references the Encounters (ARS/retrieve_patient_record); the consultation guidance has it
        // reference the consultation Lists instead. Either way, each consultation is an Encounter and its List.
        List<Encounter> encounters = new ArrayList<>();
        for (Resource entry : entries(list, Resource.class)) {
            if (entry instanceof Encounter e && !encounters.contains(e)) {
                encounters.add(e);
            } else if (entry instanceof ListResource l && hasCode(l.getCode(), GpcSpec.CONSULTATION_LIST)
                    && resolve(l, l.getEncounter()) instanceof Encounter e && !encounters.contains(e)) {
                encounters.add(e);
            }
        }
        List<RecordItems.Consultation> items = new ArrayList<>();
        for (Encounter e : encounters) {
            Optional<ListResource> consultation = consultationLists.stream()
                    .filter(l -> resolve(l, l.getEncounter()) == e).findFirst();
            List<RecordItems.Topic> topics = new ArrayList<>();
            if (consultation.isPresent()) {
                List<RecordItems.Heading> loose = new ArrayList<>();
                for (Resource item : entries(consultation.get(), Resource.class)) {
                    if (item instanceof ListResource topic && hasCode(topic.getCode(), GpcSpec.TOPIC_LIST)) {
                        topics.add(topic(topic));
                    } else {
                        loose.add(new RecordItems.Heading("Entry", List.of(entryText(item))));
                    }
                }
                if (!loose.isEmpty()) {
                    topics.add(new RecordItems.Topic("", loose));
                }
            }
            Optional<String> clinician = e.getParticipant().stream()
                    .map(p -> resolve(e, p.getIndividual())).filter(Practitioner.class::isInstance)
                    .map(p -> practitionerName((Practitioner) p)).findFirst();
            Optional<String> location = e.getLocation().stream().map(l -> resolve(e, l.getLocation()))
                    .filter(Location.class::isInstance).map(l -> ((Location) l).getName()).findFirst();
            Optional<PartialDate> when = date(e.getPeriod().getStartElement())
                    .or(() -> consultation.flatMap(c -> date(c.getDateElement())));
            if (when.isEmpty()) {
                continue;
            }
            String type = e.hasType() ? text(e.getTypeFirstRep())
                    : consultation.map(ListResource::getTitle).orElse("Consultation");
            items.add(new RecordItems.Consultation(when.get(), type, clinician, location, topics));
        }
        items.sort(Comparator.comparing(RecordItems.Consultation::when).reversed());
        return items;
    }

    /**
     * One topic: its own title (or, when it has none, the problem it is about) and its own headings. Entries placed
     * straight under the topic, without a heading, are kept under "Entry".
     */
    private RecordItems.Topic topic(ListResource topic) {
        List<RecordItems.Heading> headings = new ArrayList<>();
        List<String> direct = new ArrayList<>();
        for (Resource item : entries(topic, Resource.class)) {
            if (item instanceof ListResource heading && hasCode(heading.getCode(), GpcSpec.CATEGORY_LIST)) {
                List<String> texts = entries(heading, Resource.class).stream().map(this::entryText)
                        .filter(t -> !t.isBlank()).toList();
                headings.add(new RecordItems.Heading(heading.hasTitle() ? heading.getTitle() : "Entry", texts));
            } else {
                String t = entryText(item);
                if (!t.isBlank()) {
                    direct.add(t);
                }
            }
        }
        if (!direct.isEmpty()) {
            headings.add(new RecordItems.Heading("Entry", direct));
        }
        String title = topic.hasTitle() ? topic.getTitle()
                : topic.getExtension().stream().map(Extension::getValue).filter(Reference.class::isInstance)
                        .map(r -> resolve(topic, (Reference) r)).filter(Condition.class::isInstance)
                        .map(c -> text(((Condition) c).getCode())).findFirst().orElse("");
        return new RecordItems.Topic(title, headings);
    }

    private String entryText(Resource r) {
        if (r instanceof Observation o) {
            String text = o.hasComment() ? o.getComment() : text(o.getCode());
            if (o.hasComponent()) {
                return text + ": " + observationValue(o);
            }
            return o.hasValue() ? text + ": " + value(o.getValue()) : text;
        }
        if (r instanceof AllergyIntolerance a) {
            return "Allergy: " + text(a.getCode());
        }
        if (r instanceof MedicationStatement m) {
            return "Medication: " + (m.getMedication() instanceof Reference ref && resolve(m, ref) instanceof Medication med
                    ? text(med.getCode()) + " " : "") + m.getDosageFirstRep().getText();
        }
        if (r instanceof Immunization i) {
            return "Immunisation: " + text(i.getVaccineCode());
        }
        if (r instanceof ReferralRequest rr) {
            return "Referral: " + rr.getReasonCode().stream().map(this::text).findFirst()
                    .orElse(rr.getSpecialty().hasText() ? rr.getSpecialty().getText() : "");
        }
        if (r instanceof DiagnosticReport d) {
            return "Investigation: " + text(d.getCode());
        }
        if (r instanceof ProcedureRequest p) {
            return "Plan: " + text(p.getCode());
        }
        if (r instanceof Condition c) {
            return "Problem: " + text(c.getCode());
        }
        if (r instanceof MedicationRequest m) {
            return "Medication: " + (m.getMedication() instanceof Reference ref && resolve(m, ref) instanceof Medication med
                    ? text(med.getCode()) + " " : "") + m.getDosageInstructionFirstRep().getText();
        }
        return r == null ? "" : r.fhirType();
    }

    private List<RecordItems.Immunisation> immunisations(ListResource list) {
        return entries(list, Immunization.class).stream().map(i -> new RecordItems.Immunisation(
                        vaccine(i), date(i.getDateElement()), i.getNotGiven(),
                        i.getExplanation().getReasonNotGiven().stream().map(this::text).findFirst(),
                        i.getVaccinationProtocol().stream().filter(p -> p.hasDoseSequence())
                                .map(p -> String.valueOf(p.getDoseSequence())).findFirst()))
                .sorted(Comparator.comparing((RecordItems.Immunisation i) -> i.given().orElse(null),
                        Comparator.nullsLast(Comparator.reverseOrder())))
                .toList();
    }

    /** The vaccination procedure when the provider gives one (the vaccine code may be only "unknown"). */
    private Coded vaccine(Immunization i) {
        Extension procedure = i.getExtensionByUrl(GpcSpec.EXT_VACCINATION_PROCEDURE);
        if (procedure != null && procedure.getValue() instanceof CodeableConcept cc && !cc.isEmpty()) {
            return coded(cc);
        }
        return coded(i.getVaccineCode());
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
            String unit = o.getComponentFirstRep().getValue() instanceof Quantity q ? " " + unit(q) : "";
            return String.join("/", parts) + unit;
        }
        return o.hasValue() ? value(o.getValue()) : (o.hasComment() ? o.getComment() : "");
    }

    /**
     * Investigations: report, then test groups (an Observation whose {@code related} items of type
     * {@code has-member} are the test results), then results; filing comments are Observations coded "comment note".
     */
    private List<RecordItems.Investigation> investigations(ListResource list) {
        return entries(list, DiagnosticReport.class).stream().map(this::investigation)
                .sorted(Comparator.comparing((RecordItems.Investigation i) -> i.when().orElse(null),
                        Comparator.nullsLast(Comparator.reverseOrder())))
                .toList();
    }

    private RecordItems.Investigation investigation(DiagnosticReport r) {
        List<RecordItems.TestGroup> groups = new ArrayList<>();
        List<RecordItems.Result> results = new ArrayList<>();
        List<String> comments = new ArrayList<>();
        Set<Observation> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Reference ref : r.getResult()) {
            if (!(resolve(r, ref) instanceof Observation o) || !seen.add(o)) {
                continue;
            }
            if (isFilingComment(o)) {
                commentText(o).ifPresent(comments::add);
            } else if (isTestGroup(o)) {
                List<RecordItems.Result> members = new ArrayList<>();
                List<String> groupComments = new ArrayList<>();
                for (Observation m : members(o)) {
                    if (!seen.add(m)) {
                        continue;
                    }
                    if (isFilingComment(m)) {
                        commentText(m).ifPresent(groupComments::add);
                    } else {
                        members.add(result(m));
                    }
                }
                if (o.hasComment()) {
                    groupComments.add(o.getComment());
                }
                groups.add(new RecordItems.TestGroup(coded(o.getCode()), members, groupComments));
            } else {
                results.add(result(o));
            }
        }
        Optional<PartialDate> when = date(r.getIssuedElement()).or(() -> r.getEffective() == null ? Optional.empty()
                : date(r.getEffective()));
        return new RecordItems.Investigation(reportName(r, groups, results), when,
                Optional.ofNullable(r.getConclusion()), groups, results, comments);
    }

    /**
     * A report coded only as the generic "Diagnostic studies report" is named by what it holds: its test groups
     * (e.g. "Full blood count"), else its results.
     */
    private Coded reportName(DiagnosticReport r, List<RecordItems.TestGroup> groups, List<RecordItems.Result> results) {
        if (!hasCode(r.getCode(), GpcSpec.DIAGNOSTIC_STUDIES_REPORT)) {
            return coded(r.getCode());
        }
        List<String> names = groups.isEmpty() ? results.stream().map(x -> x.test().display()).toList()
                : groups.stream().map(g -> g.name().display()).toList();
        return names.isEmpty() ? coded(r.getCode()) : new Coded(String.join(", ", names), Optional.empty());
    }

    private static boolean isFilingComment(Observation o) {
        return hasCode(o.getCode(), GpcSpec.FILING_COMMENT);
    }

    private static boolean isTestGroup(Observation o) {
        return o.getRelated().stream().anyMatch(rel -> rel.getType() == Observation.ObservationRelationshipType.HASMEMBER);
    }

    private List<Observation> members(Observation group) {
        return group.getRelated().stream()
                .filter(rel -> rel.getType() == Observation.ObservationRelationshipType.HASMEMBER)
                .map(rel -> resolve(group, rel.getTarget())).filter(Observation.class::isInstance)
                .map(Observation.class::cast).toList();
    }

    private static Optional<String> commentText(Observation o) {
        if (o.hasComment()) {
            return Optional.of(o.getComment());
        }
        return o.getValue() instanceof StringType st ? Optional.ofNullable(st.getValue())
                : Optional.empty();
    }

    private RecordItems.Result result(Observation o) {
        Optional<String> range = o.getReferenceRange().stream().findFirst().map(rr -> {
            if (rr.hasText() && !rr.hasLow() && !rr.hasHigh()) {
                return rr.getText();
            }
            String low = rr.hasLow() && rr.getLow().hasValue() ? rr.getLow().getValue().stripTrailingZeros().toPlainString() : "";
            String high = rr.hasHigh() && rr.getHigh().hasValue() ? rr.getHigh().getValue().stripTrailingZeros().toPlainString() : "";
            if (low.isEmpty()) {
                return "up to " + high;
            }
            return high.isEmpty() ? "from " + low : low + " to " + high;
        });
        Optional<String> flag = o.hasInterpretation() ? Optional.of(o.getInterpretation().hasText()
                ? o.getInterpretation().getText()
                : o.getInterpretation().getCodingFirstRep().getDisplay() == null
                        ? o.getInterpretation().getCodingFirstRep().getCode()
                        : o.getInterpretation().getCodingFirstRep().getDisplay()) : Optional.empty();
        String value = o.hasValue() ? value(o.getValue()) : o.hasDataAbsentReason() ? "no value: "
                + text(o.getDataAbsentReason()) : "";
        List<String> comments = o.hasComment() ? List.of(o.getComment()) : List.of();
        return new RecordItems.Result(coded(o.getCode()), value, range, flag, comments);
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
        return all(ListResource.class).stream().filter(l -> hasCode(l.getCode(), code)).findFirst();
    }

    private static boolean hasCode(CodeableConcept concept, String code) {
        return concept != null && concept.getCoding().stream()
                .anyMatch(c -> code.equals(c.getCode()) && (c.getSystem() == null || GpcSpec.SNOMED.equals(c.getSystem())));
    }

    private List<String> warnings(ListResource list) {
        return list.getExtension().stream()
                .filter(e -> GpcSpec.EXT_LIST_WARNING.equals(e.getUrl()) && e.hasValue())
                .map(e -> e.getValue() instanceof Coding c ? c.getCode() : e.getValue().primitiveValue())
                .map(code -> GpcSpec.WARNINGS.getOrDefault(code, "The practice flagged this section: " + code))
                .distinct()
                .toList();
    }

    /** Provider notes that only restate a warning are dropped: the warning itself is shown in plain English. */
    private static boolean isWarningText(String text) {
        return GpcSpec.WARNING_NOTE_PREFIXES.stream().anyMatch(text::startsWith);
    }

    private <T extends Resource> List<T> entries(ListResource list, Class<T> type) {
        return list.getEntry().stream().map(e -> resolve(list, e.getItem())).filter(type::isInstance).map(type::cast)
                .toList();
    }

    private <T extends Resource> List<T> all(Class<T> type) {
        return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(type::isInstance)
                .map(type::cast).toList();
    }

    private Resource resolve(Resource container, Reference reference) {
        return references.resolve(container, reference);
    }

    private Coded coded(CodeableConcept c) {
        Optional<String> snomed = c.getCoding().stream().filter(x -> GpcSpec.SNOMED.equals(x.getSystem()))
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
        return (value + " " + unit(q)).trim();
    }

    /** The unit as a clinician reads it: UCUM's "mm[Hg]" (the unit blood pressures MUST use) is shown as mmHg. */
    private static String unit(Quantity q) {
        String unit = q.hasUnit() ? q.getUnit() : q.hasCode() ? q.getCode() : "";
        return "mm[Hg]".equals(unit) ? "mmHg" : unit;
    }

    private static String practitionerName(Practitioner p) {
        return clinicianName(p.getNameFirstRep());
    }

    /**
     * A clinician's name in one style whatever the GP system (issue 14, row 14): title, given name, family name
     * ("Dr Helen Marsh", "Rajesh Kapoor") from the name's parts, a family name sent in capitals shown in the usual
     * case; only a name sent as text alone is shown as sent, turned round when it is "FAMILY, Given".
     */
    static String clinicianName(org.hl7.fhir.dstu3.model.HumanName n) {
        if (!n.hasFamily()) {
            String text = n.hasText() ? n.getText().trim() : "";
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("([^,]+),\\s*([^,(]+?)\\s*(?:\\((.+)\\))?")
                    .matcher(text);
            if (m.matches()) {
                return ((m.group(3) == null ? "" : m.group(3) + " ") + m.group(2) + " " + usualCase(m.group(1).trim()))
                        .trim();
            }
            return text;
        }
        String prefix = n.getPrefix().isEmpty() ? "" : n.getPrefix().getFirst().getValue() + " ";
        String given = n.getGiven().isEmpty() ? "" : n.getGiven().getFirst().getValue() + " ";
        return (prefix + given + usualCase(n.getFamily().trim())).trim();
    }

    /** "KAPOOR" → "Kapoor", "O'NEILL-SMITH" → "O'Neill-Smith"; a name in mixed case ("McDonald") is left as it is. */
    private static String usualCase(String family) {
        if (!family.equals(family.toUpperCase(Locale.UK)) || family.equals(family.toLowerCase(Locale.UK))) {
            return family;
        }
        StringBuilder out = new StringBuilder(family.length());
        boolean start = true;
        for (char c : family.toCharArray()) {
            out.append(start ? c : Character.toLowerCase(c));
            start = !Character.isLetter(c);
        }
        return out.toString();
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
