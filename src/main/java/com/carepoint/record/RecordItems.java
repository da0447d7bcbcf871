package com.carepoint.record;

import com.carepoint.kernel.PartialDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The items of each record section, as the record view shows them. No FHIR types: codes are kept for "show code". */
public final class RecordItems {

    private RecordItems() {
    }

    public record Coded(String display, Optional<String> snomedCode) {
    }

    /** The allergy section's overall statement. */
    public enum AllergyState {
        /** The practice has recorded that the patient has no known allergies (a clinical statement). */
        NO_KNOWN_ALLERGIES,
        /** The practice has no allergy information recorded (not the same as no allergies). */
        NONE_RECORDED,
        /** One or more allergies are recorded. */
        RECORDED
    }

    public record Allergy(Coded what, boolean active, Optional<String> reaction, Optional<String> severity,
            Optional<PartialDate> recorded, Optional<PartialDate> ended, Optional<String> endReason,
            boolean noKnownAllergies) {
    }

    public record Medication(Coded what, String dosage, Optional<String> quantity, String prescriptionType,
            boolean current, Optional<PartialDate> started, Optional<PartialDate> ended,
            Optional<PartialDate> lastIssued, List<PartialDate> issues) {
    }

    public record Problem(Coded what, boolean active, String significance, Optional<PartialDate> onset,
            Optional<PartialDate> ended) {
    }

    /**
     * One consultation. A consultation can cover several topics (problems or issues), each with its own title and its
     * own headings; a topic never borrows another topic's headings.
     */
    public record Consultation(PartialDate when, String type, Optional<String> clinician, Optional<String> location,
            List<Topic> topics) {

        /** The topics' titles, in the order recorded ("Anxiety with depression; Swollen legs"). */
        public String summary() {
            List<String> titles = topics.stream().map(Topic::title).filter(t -> !t.isBlank()).distinct().toList();
            return titles.isEmpty() ? type : String.join("; ", titles);
        }
    }

    /** A topic of a consultation: its title and the headings (History, Examination, Plan, ...) recorded under it. */
    public record Topic(String title, List<Heading> headings) {
    }

    public record Heading(String name, List<String> entries) {
    }

    public record Immunisation(Coded vaccine, Optional<PartialDate> given, boolean notGiven,
            Optional<String> reasonNotGiven, Optional<String> dose) {
    }

    public record Observation(Coded what, Optional<PartialDate> when, String value) {
    }

    /**
     * An investigation report: its results, either directly under the report or in test groups (a full blood count's
     * haemoglobin, white cell count, ...), and the filing comments made on it.
     */
    public record Investigation(Coded what, Optional<PartialDate> when, Optional<String> conclusion,
            List<TestGroup> groups, List<Result> results, List<String> comments) {

        /** Every result, grouped or not. */
        public List<Result> allResults() {
            return Stream.concat(groups.stream().flatMap(g -> g.results().stream()), results.stream())
                    .toList();
        }
    }

    /** A group of test results reported together (a panel or battery). */
    public record TestGroup(Coded name, List<Result> results, List<String> comments) {
    }

    public record Result(Coded test, String value, Optional<String> range, Optional<String> flag,
            List<String> comments) {
    }

    public record Referral(Optional<PartialDate> when, String to, Optional<String> specialty, Optional<String> reason,
            String priority, String status) {
    }

    public record DiaryEntry(Optional<PartialDate> due, Coded what, Optional<String> note) {
    }
}
