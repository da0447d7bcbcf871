package com.carepoint.encounter;

import com.carepoint.kernel.Text;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rules of an encounter note, in plain English: limits and formats checked as the user types (the form's Binder
 * runs these) and again before a note is signed (the service runs them), so nothing the practice receives is
 * malformed. A draft is saved whatever it holds.
 */
public final class NoteRules {

    public static final int SHORT = 200;
    public static final int MEDIUM = 1000;
    public static final int LONG = 4000;
    /** The appointment booked: room for a booking made in Carepoint as its summary names it. */
    public static final int APPOINTMENT = 500;

    private NoteRules() {
    }

    /** A text field: at most {@code max} characters, no invisible formatting characters. */
    public static Optional<String> text(String value, int max) {
        String v = value == null ? "" : value;
        if (v.strip().length() > max) {
            return Optional.of("At most " + max + " characters (this has " + v.strip().length() + ")");
        }
        return Text.invisibleFormattingProblem(v);
    }

    /** A whole number within a plausible range, or blank. */
    public static Optional<String> whole(String value, int min, int max, String unit) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        Optional<Integer> n = integer(value);
        if (n.isEmpty()) {
            return Optional.of("Type a whole number" + (unit.isEmpty() ? "" : " (" + unit + ")"));
        }
        if (n.get() < min || n.get() > max) {
            return Optional.of("Check this: " + n.get() + " is outside " + min + " to " + max
                    + (unit.isEmpty() ? "" : " " + unit));
        }
        return Optional.empty();
    }

    /** A number with at most one decimal place within a plausible range, or blank. */
    public static Optional<String> oneDecimal(String value, double min, double max, String unit) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        if (!value.strip().matches("\\d{1,3}([.,]\\d)?")) {
            return Optional.of("Type a number with at most one decimal place (" + unit + ")");
        }
        double d = decimal(value).orElseThrow();
        if (d < min || d > max) {
            return Optional.of("Check this: " + value.strip() + " is outside " + min + " to " + max + " " + unit);
        }
        return Optional.empty();
    }

    public static Optional<String> respiratoryRate(String v) {
        return whole(v, 0, 90, "breaths per minute");
    }

    public static Optional<String> spo2(String v) {
        return whole(v, 0, 100, "%");
    }

    public static Optional<String> systolic(String v) {
        return whole(v, 0, 350, "mmHg");
    }

    /** Diastolic within range and below the systolic typed. */
    public static Optional<String> diastolic(String v, String systolic) {
        Optional<String> range = whole(v, 0, 250, "mmHg");
        if (range.isPresent()) {
            return range;
        }
        Optional<Integer> d = integer(v);
        Optional<Integer> s = integer(systolic);
        if (d.isPresent() && s.isPresent() && d.get() >= s.get()) {
            return Optional.of("The diastolic pressure must be lower than the systolic (" + s.get() + ")");
        }
        return Optional.empty();
    }

    public static Optional<String> pulse(String v) {
        return whole(v, 0, 300, "beats per minute");
    }

    public static Optional<String> temperature(String v) {
        return oneDecimal(v, 15.0, 45.0, "°C");
    }

    public static Optional<String> bloodGlucose(String v) {
        return oneDecimal(v, 0.5, 50.0, "mmol/L");
    }

    /** A time of day as a clinician writes it, 24-hour {@code 14:05}, or blank. */
    public static Optional<String> time(String v) {
        if (v == null || v.isBlank()) {
            return Optional.empty();
        }
        try {
            LocalTime.parse(v.strip().length() == 4 && !v.contains(":") ? v.strip().substring(0, 2) + ":"
                    + v.strip().substring(2) : v.strip());
            return Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.of("Type the time as 24-hour hh:mm, for example 14:05");
        }
    }

    /** What must be put right before the note can be signed; empty when it can be. */
    public static List<String> signingProblems(NoteKind kind, NoteContent c) {
        List<String> problems = new ArrayList<>();
        if (kind == NoteKind.AMBULANCE_ATTENDANCE) {
            required(problems, c.getPresentingComplaint(), "the presenting complaint");
            required(problems, c.getImpression(), "your impression");
            if (c.getOutcome() == null) {
                problems.add("Choose the outcome (conveyed, referred or left at home)");
            } else if (c.getOutcome() != NoteContent.Outcome.LEFT_AT_HOME && c.getOutcomeDetail().isBlank()) {
                problems.add("Say where the patient was " + (c.getOutcome() == NoteContent.Outcome.CONVEYED
                        ? "conveyed" : "referred") + " to");
            }
            if (c.getOutcome() == NoteContent.Outcome.LEFT_AT_HOME && c.getSafetyNetting().isBlank()) {
                problems.add("Record the safety-netting advice given to a patient left at home");
            }
            check(problems, "Presenting complaint", text(c.getPresentingComplaint(), MEDIUM));
            check(problems, "History", text(c.getHistory(), LONG));
            check(problems, "Respiratory rate", respiratoryRate(c.getRespiratoryRate()));
            check(problems, "SpO2", spo2(c.getSpo2()));
            check(problems, "Systolic blood pressure", systolic(c.getSystolic()));
            check(problems, "Diastolic blood pressure", diastolic(c.getDiastolic(), c.getSystolic()));
            check(problems, "Pulse", pulse(c.getPulse()));
            check(problems, "Temperature", temperature(c.getTemperature()));
            check(problems, "Blood glucose", bloodGlucose(c.getBloodGlucose()));
            check(problems, "Impression", text(c.getImpression(), MEDIUM));
            check(problems, "Treatment", text(c.getTreatment(), LONG));
            check(problems, "Outcome detail", text(c.getOutcomeDetail(), SHORT));
            check(problems, "Safety-netting advice", text(c.getSafetyNetting(), LONG));
            for (MedicineGiven m : c.getMedicines()) {
                if (m.blank()) {
                    continue;
                }
                if (m.getName().isBlank()) {
                    problems.add("Give the name of each medicine given");
                }
                check(problems, "Medicine", text(m.getName() + m.getDose() + m.getRoute(), SHORT));
                check(problems, "Time the medicine was given", time(m.getTime()));
            }
        } else {
            required(problems, c.getCallSummary(), "the call summary");
            required(problems, c.getDisposition(), "the disposition");
            check(problems, "Call summary", text(c.getCallSummary(), LONG));
            check(problems, "Disposition", text(c.getDisposition(), SHORT));
            check(problems, "Advice", text(c.getAdvice(), LONG));
            check(problems, "Appointment", text(c.getAppointment(), APPOINTMENT));
        }
        return List.copyOf(problems);
    }

    private static void required(List<String> problems, String value, String what) {
        if (value == null || value.isBlank()) {
            problems.add("Enter " + what);
        }
    }

    private static void check(List<String> problems, String field, Optional<String> problem) {
        problem.ifPresent(p -> problems.add(field + ": " + p));
    }

    static Optional<Integer> integer(String v) {
        if (v == null || !v.strip().matches("\\d{1,4}")) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(v.strip()));
    }

    static Optional<Double> decimal(String v) {
        if (v == null || !v.strip().matches("\\d{1,3}([.,]\\d+)?")) {
            return Optional.empty();
        }
        return Optional.of(Double.parseDouble(v.strip().replace(',', '.')));
    }
}
