package com.carepoint.demopractice.data;

import java.time.LocalDate;
import java.util.List;

/**
 * A synthetic patient: demographics and registration (what the demographics stand-in serves) and the GP record
 * (what the registered practice serves). Clinical lists left out of the file are empty; {@code generate} adds a
 * deterministic history on top. {@code answeredWithRecordOf} makes the practice's system misbehave: it answers a
 * request for this patient with that other patient's record (a consumer must never show it).
 * {@code unbrokenTextLength} stretches the family name and every allergy's text to that many characters with no
 * break opportunity (its letters repeated, spaces left out), to show that such text wraps inside its card.
 */
public record PatientRecord(
        String nhsNumber,
        List<String> supersededNhsNumbers,
        String title,
        List<String> given,
        String family,
        String gender,
        LocalDate birthDate,
        Practice.Address address,
        String telephone,
        String practice,
        LocalDate registeredSince,
        String usualGp,
        Flags flags,
        String allergyState,
        List<Allergy> allergies,
        List<Medication> medications,
        List<Problem> problems,
        List<Consultation> consultations,
        List<Immunisation> immunisations,
        List<Measurement> observations,
        List<Investigation> investigations,
        List<Referral> referrals,
        List<DiaryEntry> diary,
        Generate generate,
        String exercises,
        String answeredWithRecordOf,
        Integer unbrokenTextLength) {

    public PatientRecord {
        supersededNhsNumbers = nullToEmpty(supersededNhsNumbers);
        given = nullToEmpty(given);
        flags = flags == null ? new Flags(false, null, false, false, false, false) : flags;
        allergies = nullToEmpty(allergies);
        medications = nullToEmpty(medications);
        problems = nullToEmpty(problems);
        consultations = nullToEmpty(consultations);
        immunisations = nullToEmpty(immunisations);
        observations = nullToEmpty(observations);
        investigations = nullToEmpty(investigations);
        referrals = nullToEmpty(referrals);
        diary = nullToEmpty(diary);
        if (unbrokenTextLength != null && unbrokenTextLength > 0) {
            int n = unbrokenTextLength;
            family = unbroken(family, n);
            allergies = allergies.stream().map(a -> new Allergy(a.code(), unbroken(a.display(), n), a.reaction(),
                    a.severity(), a.asserted(), a.resolved(), a.resolvedReason(), a.confidential())).toList();
        }
    }

    /** The text without its spaces, repeated to exactly {@code length} characters (idempotent). */
    static String unbroken(String text, int length) {
        String letters = text.replaceAll("\\s+", "");
        return letters.repeat(length / letters.length() + 1).substring(0, length);
    }

    private static <T> List<T> nullToEmpty(List<T> l) {
        return l == null ? List.of() : List.copyOf(l);
    }

    /** The allergy record's state: {@code none-recorded} (empty list), {@code nka} (no known allergies), or items. */
    public boolean noKnownAllergies() {
        return "nka".equalsIgnoreCase(allergyState);
    }

    /**
     * @param sensitive          S-flagged on the demographics service (restricted: no address, no GP Connect)
     * @param deceased           date of death, if deceased
     * @param dissent            the patient has dissented from GP Connect sharing at their practice
     * @param confidentialItems  some items are withheld as confidential (lists carry the warning)
     * @param dataInTransit      the record transfer from the previous practice is not complete
     * @param dataAwaitingFiling results received but not yet filed
     */
    public record Flags(boolean sensitive, LocalDate deceased, boolean dissent, boolean confidentialItems,
            boolean dataInTransit, boolean dataAwaitingFiling) {
    }

    public record Allergy(String code, String display, String reaction, String severity, LocalDate asserted,
            LocalDate resolved, String resolvedReason, boolean confidential) {
    }

    public record Medication(String dmd, String display, String dosage, String quantity, String type,
            LocalDate start, LocalDate end, List<LocalDate> issues, String problem) {
        public Medication {
            issues = issues == null ? List.of() : List.copyOf(issues);
        }
    }

    public record Problem(String code, String display, LocalDate onset, LocalDate abated, String significance,
            boolean confidential) {
    }

    public record Consultation(LocalDate date, String time, String type, String clinician, String location,
            List<Entry> entries, boolean confidential) {
        public Consultation {
            entries = entries == null ? List.of() : List.copyOf(entries);
        }
    }

    /**
     * A consultation entry under a heading (History, Examination, Plan, ...): free text, optionally coded. A
     * consultation about several problems or issues puts each entry under its {@code topic}; entries without one
     * belong to the consultation's first topic.
     */
    public record Entry(String heading, String text, String code, String display, String topic) {
    }

    public record Immunisation(String code, String display, LocalDate date, String status, boolean notGiven,
            String reasonNotGiven, String dose) {
    }

    public record Measurement(String code, String display, LocalDate date, Double value, String unit,
            Double systolic, Double diastolic) {
    }

    /**
     * @param filingComment the comment the clinician made when filing the report (e.g. "Normal - no action")
     */
    public record Investigation(LocalDate date, String code, String display, String conclusion,
            List<Result> results, String filingComment) {
        public Investigation {
            results = results == null ? List.of() : List.copyOf(results);
        }
    }

    public record Result(String code, String display, Double value, String unit, Double low, Double high,
            String interpretation) {
    }

    public record Referral(LocalDate date, String to, String specialty, String reason, String priority,
            String status) {
    }

    public record DiaryEntry(LocalDate date, String code, String display, String text) {
    }

    /** A deterministic synthetic history added on top of what the file lists. */
    public record Generate(long seed, int years, int resources) {
    }
}
