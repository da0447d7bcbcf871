package com.carepoint.demopractice.provider;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.dstu3.model.BooleanType;
import org.hl7.fhir.dstu3.model.CodeType;
import org.hl7.fhir.dstu3.model.DateTimeType;
import org.hl7.fhir.dstu3.model.DateType;
import org.hl7.fhir.dstu3.model.Identifier;
import org.hl7.fhir.dstu3.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.dstu3.model.Parameters;
import org.hl7.fhir.dstu3.model.Period;
import org.hl7.fhir.dstu3.model.PositiveIntType;
import org.hl7.fhir.dstu3.model.Type;

/**
 * A parsed and validated {@code $gpc.getstructuredrecord} request (GP Connect Access Record Structured 1.6): every
 * section and part-parameter, with the specification's rules on which combinations are allowed.
 */
record StructuredRecordRequest(
        String nhsNumber,
        Optional<Allergies> allergies,
        Optional<Medication> medication,
        Optional<Consultations> consultations,
        Optional<Problems> problems,
        Optional<Immunisations> immunisations,
        Optional<DateRange> uncategorised,
        Optional<DateRange> investigations,
        Optional<DateRange> referrals,
        Optional<Diary> diary) {

    record Allergies(boolean includeResolved) {
    }

    record Medication(Optional<LocalDate> searchFrom, boolean includeIssues) {
    }

    record Consultations(Optional<DateRange> period, Optional<Integer> mostRecent) {
    }

    record Problems(Optional<String> status, Optional<String> significance) {
    }

    record Immunisations(boolean includeNotGiven, boolean includeStatus) {
    }

    record Diary(Optional<LocalDate> upTo) {
    }

    /** A search period; either end may be open. */
    record DateRange(Optional<LocalDate> start, Optional<LocalDate> end) {
        static final DateRange ALL = new DateRange(Optional.empty(), Optional.empty());

        boolean contains(LocalDate d) {
            return d != null && start.map(s -> !d.isBefore(s)).orElse(true) && end.map(e -> !d.isAfter(e)).orElse(true);
        }
    }

    private static final ZoneId UK = ZoneId.of("Europe/London");

    private static final Map<String, Set<String>> PARTS = Map.of(
            "includeAllergies", Set.of("includeResolvedAllergies"),
            "includeMedication", Set.of("medicationSearchFromDate", "includePrescriptionIssues"),
            "includeConsultations", Set.of("consultationSearchPeriod", "includeNumberOfMostRecent"),
            "includeProblems", Set.of("filterStatus", "filterSignificance"),
            "includeImmunisations", Set.of("includeNotGiven", "includeStatus"),
            "includeUncategorisedData", Set.of("uncategorisedDataSearchPeriod"),
            "includeInvestigations", Set.of("investigationSearchPeriod"),
            "includeReferrals", Set.of("referralSearchPeriod"),
            "includeDiaryEntries", Set.of("diaryEntriesSearchDate"));

    static StructuredRecordRequest parse(Parameters parameters, LocalDate today) {
        Set<String> seen = new HashSet<>();
        String nhsNumber = null;
        Allergies allergies = null;
        Medication medication = null;
        Consultations consultations = null;
        Problems problems = null;
        Immunisations immunisations = null;
        DateRange uncategorised = null;
        DateRange investigations = null;
        DateRange referrals = null;
        Diary diary = null;
        for (ParametersParameterComponent p : parameters.getParameter()) {
            String name = p.getName();
            if (name == null || !(name.equals("patientNHSNumber") || PARTS.containsKey(name))) {
                throw GpcErrors.invalidParameter("Unknown parameter " + name);
            }
            if (!seen.add(name)) {
                throw GpcErrors.invalidParameter("Parameter " + name + " is given more than once");
            }
            if (name.equals("patientNHSNumber")) {
                nhsNumber = nhsNumber(p);
                continue;
            }
            if (p.getValue() != null || p.getResource() != null) {
                throw GpcErrors.invalidParameter(name + " takes part-parameters only, not a value");
            }
            Map<String, Type> parts = parts(name, p.getPart());
            switch (name) {
                case "includeAllergies" -> {
                    if (!parts.containsKey("includeResolvedAllergies")) {
                        throw GpcErrors.invalidParameter("includeAllergies needs includeResolvedAllergies");
                    }
                    allergies = new Allergies(bool(parts, "includeResolvedAllergies", false));
                }
                case "includeMedication" -> {
                    Optional<LocalDate> from = date(parts, "medicationSearchFromDate");
                    from.filter(d -> d.isAfter(today)).ifPresent(d -> {
                        throw GpcErrors.invalidParameter("medicationSearchFromDate is in the future");
                    });
                    medication = new Medication(from, bool(parts, "includePrescriptionIssues", true));
                }
                case "includeConsultations" -> {
                    if (parts.containsKey("consultationSearchPeriod") && parts.containsKey("includeNumberOfMostRecent")) {
                        throw GpcErrors.invalidParameter(
                                "consultationSearchPeriod and includeNumberOfMostRecent cannot both be given");
                    }
                    Optional<Integer> n = Optional.ofNullable(parts.get("includeNumberOfMostRecent")).map(v -> {
                        // The operation definition types this part as positiveInt (valuePositiveInt), not integer.
                        if (!(v instanceof PositiveIntType i) || i.getValue() == null || i.getValue() < 1) {
                            throw GpcErrors.invalidParameter("includeNumberOfMostRecent must be a positiveInt");
                        }
                        return i.getValue();
                    });
                    consultations = new Consultations(period(parts, "consultationSearchPeriod", today), n);
                }
                case "includeProblems" -> problems = new Problems(
                        code(parts, "filterStatus", Set.of("active", "inactive")),
                        code(parts, "filterSignificance", Set.of("major", "minor")));
                case "includeImmunisations" -> immunisations = new Immunisations(
                        bool(parts, "includeNotGiven", true), bool(parts, "includeStatus", true));
                case "includeUncategorisedData" -> uncategorised =
                        period(parts, "uncategorisedDataSearchPeriod", today).orElse(DateRange.ALL);
                case "includeInvestigations" -> investigations =
                        period(parts, "investigationSearchPeriod", today).orElse(DateRange.ALL);
                case "includeReferrals" -> referrals = period(parts, "referralSearchPeriod", today).orElse(DateRange.ALL);
                case "includeDiaryEntries" -> diary = new Diary(date(parts, "diaryEntriesSearchDate"));
                default -> throw GpcErrors.invalidParameter("Unknown parameter " + name);
            }
        }
        if (nhsNumber == null) {
            throw GpcErrors.invalidParameter("patientNHSNumber is required");
        }
        return new StructuredRecordRequest(nhsNumber, Optional.ofNullable(allergies), Optional.ofNullable(medication),
                Optional.ofNullable(consultations), Optional.ofNullable(problems), Optional.ofNullable(immunisations),
                Optional.ofNullable(uncategorised), Optional.ofNullable(investigations), Optional.ofNullable(referrals),
                Optional.ofNullable(diary));
    }

    private static String nhsNumber(ParametersParameterComponent p) {
        if (!(p.getValue() instanceof Identifier id)) {
            throw GpcErrors.invalidParameter("patientNHSNumber must be a valueIdentifier");
        }
        if (!Gpc.NHS_NUMBER.equals(id.getSystem())) {
            throw GpcErrors.invalidIdentifierSystem("patientNHSNumber system must be " + Gpc.NHS_NUMBER);
        }
        if (!Gpc.validNhsNumber(id.getValue())) {
            throw GpcErrors.invalidNhsNumber("patientNHSNumber is not a valid NHS number");
        }
        return id.getValue();
    }

    private static Map<String, Type> parts(String parameter, List<ParametersParameterComponent> parts) {
        Map<String, Type> map = new HashMap<>();
        for (ParametersParameterComponent part : parts) {
            if (!PARTS.get(parameter).contains(part.getName())) {
                throw GpcErrors.invalidParameter(parameter + " has no part-parameter " + part.getName());
            }
            if (part.getValue() == null) {
                throw GpcErrors.invalidParameter(part.getName() + " needs a value");
            }
            if (map.put(part.getName(), part.getValue()) != null) {
                throw GpcErrors.invalidParameter(part.getName() + " is given more than once");
            }
        }
        return map;
    }

    private static boolean bool(Map<String, Type> parts, String name, boolean dflt) {
        Type v = parts.get(name);
        if (v == null) {
            return dflt;
        }
        if (!(v instanceof BooleanType b) || b.getValue() == null) {
            throw GpcErrors.invalidParameter(name + " must be a valueBoolean");
        }
        return b.getValue();
    }

    private static Optional<String> code(Map<String, Type> parts, String name, Set<String> allowed) {
        Type v = parts.get(name);
        if (v == null) {
            return Optional.empty();
        }
        if (!(v instanceof CodeType c) || !allowed.contains(c.getValue())) {
            throw GpcErrors.invalidParameter(name + " must be a valueCode, one of " + allowed);
        }
        return Optional.of(c.getValue());
    }

    private static Optional<LocalDate> date(Map<String, Type> parts, String name) {
        Type v = parts.get(name);
        if (v == null) {
            return Optional.empty();
        }
        if (!(v instanceof DateType d) || d.getValue() == null) {
            throw GpcErrors.invalidParameter(name + " must be a valueDate");
        }
        if (d.getPrecision() != TemporalPrecisionEnum.DAY) {
            throw GpcErrors.invalidParameter(name + " must be a full date (yyyy-mm-dd)");
        }
        return Optional.of(LocalDate.of(d.getYear(), d.getMonth() + 1, d.getDay()));
    }

    private static Optional<DateRange> period(Map<String, Type> parts, String name, LocalDate today) {
        Type v = parts.get(name);
        if (v == null) {
            return Optional.empty();
        }
        if (!(v instanceof Period p) || p.getStartElement().isEmpty() && p.getEndElement().isEmpty()) {
            throw GpcErrors.invalidParameter(name + " must be a valuePeriod with a start or an end");
        }
        Optional<LocalDate> start = periodDate(p.getStartElement(), name);
        Optional<LocalDate> end = periodDate(p.getEndElement(), name);
        if (start.isPresent() && end.isPresent() && start.get().isAfter(end.get())) {
            throw GpcErrors.invalidParameter(name + " starts after it ends");
        }
        if (start.filter(s -> s.isAfter(today)).isPresent()) {
            throw GpcErrors.invalidParameter(name + " starts in the future");
        }
        return Optional.of(new DateRange(start, end));
    }

    private static Optional<LocalDate> periodDate(DateTimeType t, String name) {
        if (t == null || t.isEmpty()) {
            return Optional.empty();
        }
        if (t.getPrecision() != TemporalPrecisionEnum.DAY) {
            throw GpcErrors.invalidParameter(name + " dates must be full dates (yyyy-mm-dd) without a time");
        }
        return Optional.of(LocalDate.of(t.getYear(), t.getMonth() + 1, t.getDay()));
    }

    static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(UK));
    }
}
