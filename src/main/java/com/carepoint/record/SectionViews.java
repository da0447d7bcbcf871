package com.carepoint.record;

import com.carepoint.kernel.PartialDate;
import com.carepoint.kernel.SectionKind;
import com.carepoint.kernel.Text;
import com.carepoint.record.RecordItems.Allergy;
import com.carepoint.record.RecordItems.AllergyState;
import com.carepoint.record.RecordItems.Consultation;
import com.carepoint.record.RecordItems.DiaryEntry;
import com.carepoint.record.RecordItems.Immunisation;
import com.carepoint.record.RecordItems.Investigation;
import com.carepoint.record.RecordItems.Medication;
import com.carepoint.record.RecordItems.Observation;
import com.carepoint.record.RecordItems.Problem;
import com.carepoint.record.RecordItems.Referral;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * How each record section is shown: the first-screen summaries and the full sections. Every section shows its
 * exact recorded state — items, "nothing recorded" with the practice's note, or "could not be retrieved" with what
 * it means — and the practice's warnings.
 */
final class SectionViews {

    private SectionViews() {
    }

    // ------------------------------------------------------------------ shared states

    static Component state(Section<?> s, Supplier<Component> content) {
        Div box = new Div();
        box.addClassName("cp-section-body");
        box.getElement().setAttribute("data-section", s.kind().name());
        if (s.problem().isPresent()) {
            box.add(problem(s.kind(), s.problem().get()));
            return box;
        }
        for (String w : s.warnings()) {
            Paragraph p = new Paragraph(w);
            p.addClassNames("cp-warning");
            p.getElement().setAttribute("data-warning", "true");
            box.add(p);
        }
        box.add(content.get());
        return box;
    }

    static Div problem(SectionKind kind, RecordProblem problem) {
        Div d = new Div();
        d.addClassNames("cp-problem", "cp-problem-" + problem.kind().name().toLowerCase(Locale.UK));
        d.getElement().setAttribute("role", "alert");
        d.getElement().setAttribute("data-problem", problem.kind().name());
        String lead;
        if (problem.kind() == RecordProblem.Kind.NOT_PROVIDED_BY_SYSTEM) {
            lead = "Not provided by this practice's GP system: " + kind.title().toLowerCase(Locale.UK) + "."
                    + (kind == SectionKind.ALLERGIES ? " Do not assume the patient has no allergies." : "");
        } else {
            lead = kind == SectionKind.ALLERGIES
                    ? "Allergies could not be retrieved. Do not assume the patient has no allergies."
                    : kind.title() + " could not be retrieved.";
        }
        d.add(new Strong(lead), new Paragraph(problem.message()), new Paragraph(problem.whatToDo()));
        return d;
    }

    static Paragraph nothingRecorded(Section<?> s, String text) {
        Paragraph p = new Paragraph(text + (s.notes().isEmpty() ? ""
                : " (The practice says: " + String.join(" ", s.notes()) + ")"));
        p.addClassName("cp-nothing-recorded");
        return p;
    }

    // ------------------------------------------------------------------ allergies

    static AllergyState allergyState(Section<Allergy> s) {
        if (s.items().stream().anyMatch(a -> a.active() && !a.noKnownAllergies())) {
            return AllergyState.RECORDED;
        }
        return s.items().stream().anyMatch(Allergy::noKnownAllergies) ? AllergyState.NO_KNOWN_ALLERGIES
                : AllergyState.NONE_RECORDED;
    }

    static Component allergies(Section<Allergy> s, boolean full) {
        return state(s, () -> {
            Div d = new Div();
            List<Allergy> active = s.items().stream().filter(a -> a.active() && !a.noKnownAllergies()).toList();
            switch (allergyState(s)) {
                case NO_KNOWN_ALLERGIES -> {
                    Allergy nka = s.items().stream().filter(Allergy::noKnownAllergies).findFirst().orElseThrow();
                    Paragraph p = new Paragraph("No known allergies"
                            + nka.recorded().map(r -> " (recorded by the practice " + r.dateOnly() + ")").orElse(""));
                    p.addClassName("cp-nka");
                    p.getElement().setAttribute("data-allergy-state", "NO_KNOWN_ALLERGIES");
                    d.add(p);
                }
                case NONE_RECORDED -> {
                    boolean endedOnly = s.items().stream().anyMatch(a -> !a.active());
                    Paragraph p = nothingRecorded(s, (endedOnly ? "No current allergies recorded (ended ones are "
                            + "listed below)." : "No allergies recorded.") + " This does not mean the patient has no "
                            + "allergies: ask the patient.");
                    p.getElement().setAttribute("data-allergy-state", "NONE_RECORDED");
                    d.add(p);
                }
                case RECORDED -> {
                    UnorderedList list = new UnorderedList();
                    list.addClassName("cp-allergy-list");
                    list.getElement().setAttribute("data-allergy-state", "RECORDED");
                    active.forEach(a -> list.add(new ListItem(allergyLine(a))));
                    d.add(list);
                }
            }
            List<Allergy> ended = s.items().stream().filter(a -> !a.active()).toList();
            if (full && !ended.isEmpty()) {
                Details endedDetails = new Details("Ended allergies (" + ended.size() + ")");
                UnorderedList list = new UnorderedList();
                ended.forEach(a -> list.add(new ListItem(allergyLine(a) + a.ended().map(e -> ", ended " + e.dateOnly())
                        .orElse("") + a.endReason().map(r -> " — " + r).orElse(""))));
                endedDetails.add(list);
                endedDetails.setOpened(true);
                d.add(endedDetails);
            }
            return d;
        });
    }

    private static String allergyLine(Allergy a) {
        return a.what().display() + a.reaction().map(r -> ": " + r).orElse("")
                + a.severity().map(sv -> " (" + sv + ")").orElse("")
                + a.recorded().map(r -> " · recorded " + r.dateOnly()).orElse("");
    }

    // ------------------------------------------------------------------ medications

    static Component currentMedications(Section<Medication> s) {
        return state(s, () -> {
            List<Medication> current = s.items().stream().filter(Medication::current).toList();
            if (current.isEmpty()) {
                return nothingRecorded(s, "No current medications recorded.");
            }
            UnorderedList list = new UnorderedList();
            list.addClassName("cp-medication-list");
            current.forEach(m -> {
                ListItem li = new ListItem();
                li.add(new Strong(m.what().display()), new Span(" " + m.dosage()));
                Span meta = new Span(" · " + Text.capitalise(m.prescriptionType())
                        + m.lastIssued().map(d -> " · last issued " + d.dateOnly()).orElse(""));
                meta.addClassName("cp-meta");
                li.add(meta);
                list.add(li);
            });
            return list;
        });
    }

    static Component medications(Section<Medication> s) {
        return state(s, () -> {
            if (s.items().isEmpty()) {
                return nothingRecorded(s, "No medications recorded.");
            }
            Grid<Medication> grid = grid();
            grid.addColumn(m -> m.what().display()).setHeader("Medication").setFlexGrow(3).setResizable(true);
            grid.addColumn(Medication::dosage).setHeader("Dosage").setFlexGrow(3);
            grid.addColumn(m -> Text.capitalise(m.prescriptionType())).setHeader("Type").setAutoWidth(true);
            grid.addColumn(m -> m.current() ? "Current" : "Past").setHeader("Status").setAutoWidth(true);
            grid.addColumn(m -> m.started().map(PartialDate::dateOnly).orElse("")).setHeader("Started").setAutoWidth(true);
            grid.addColumn(m -> m.lastIssued().map(PartialDate::dateOnly).orElse("")).setHeader("Last issued").setAutoWidth(true);
            grid.setItemDetailsRenderer(new ComponentRenderer<>(m -> new Paragraph(
                    m.quantity().map(q -> "Quantity " + q + ". ").orElse("") + (m.issues().isEmpty()
                            ? "No issues recorded." : "Issued " + m.issues().size() + " times: "
                            + m.issues().stream().limit(12).map(PartialDate::dateOnly).collect(Collectors.joining(", "))
                            + (m.issues().size() > 12 ? ", …" : "")))));
            grid.setItems(s.items());
            return grid;
        });
    }

    // ------------------------------------------------------------------ problems

    static Component activeProblems(Section<Problem> s) {
        return state(s, () -> {
            List<Problem> active = s.items().stream().filter(Problem::active)
                    .sorted(Comparator.comparing((Problem p) -> !"major".equals(p.significance())))
                    .toList();
            if (active.isEmpty()) {
                return nothingRecorded(s, "No active problems recorded.");
            }
            UnorderedList list = new UnorderedList();
            list.addClassName("cp-problem-list");
            active.forEach(p -> list.add(new ListItem(p.what().display() + p.onset().map(o -> " · since "
                    + o.dateOnly()).orElse("") + ("major".equals(p.significance()) ? " · major" : ""))));
            return list;
        });
    }

    static Component problems(Section<Problem> s) {
        return state(s, () -> {
            if (s.items().isEmpty()) {
                return nothingRecorded(s, "No problems recorded.");
            }
            Grid<Problem> grid = grid();
            grid.addColumn(p -> p.what().display()).setHeader("Problem").setFlexGrow(3);
            grid.addColumn(p -> p.active() ? "Active" : "Inactive").setHeader("Status").setAutoWidth(true);
            grid.addColumn(p -> Text.capitalise(p.significance())).setHeader("Significance").setAutoWidth(true);
            grid.addColumn(p -> p.onset().map(PartialDate::dateOnly).orElse("")).setHeader("Onset").setAutoWidth(true);
            grid.addColumn(p -> p.ended().map(PartialDate::dateOnly).orElse("")).setHeader("Ended").setAutoWidth(true);
            grid.setItems(s.items());
            return grid;
        });
    }

    // ------------------------------------------------------------------ consultations

    static Component recentConsultations(Section<Consultation> s) {
        return state(s, () -> {
            if (s.items().isEmpty()) {
                return nothingRecorded(s, "No consultations recorded.");
            }
            Div d = new Div();
            s.items().forEach(c -> d.add(consultationDetails(c, false)));
            return d;
        });
    }

    static Details consultationDetails(Consultation c, boolean opened) {
        Details details = new Details(c.when().display() + " · " + c.type()
                + c.clinician().map(n -> " · " + n).orElse("") + " — " + c.summary());
        details.addClassName("cp-consultation");
        details.add(consultationBody(c));
        details.setOpened(opened);
        return details;
    }

    /** Each topic under its own title, with its own headings: one topic's headings never merge into another's. */
    static Div consultationBody(Consultation c) {
        Div body = new Div();
        body.addClassName("cp-consultation-body");
        c.location().ifPresent(l -> body.add(new Paragraph("At " + l)));
        boolean titled = c.topics().size() > 1;
        for (RecordItems.Topic t : c.topics()) {
            Div topic = new Div();
            topic.addClassName("cp-consultation-topic");
            if (titled || !t.title().isBlank()) {
                Strong title = new Strong(t.title().isBlank() ? "Other entries" : t.title());
                title.addClassName("cp-consultation-topic-title");
                topic.add(title);
            }
            for (RecordItems.Heading h : t.headings()) {
                Div heading = new Div(new Strong(h.name()));
                heading.addClassName("cp-consultation-heading");
                h.entries().forEach(e -> heading.add(new Paragraph(e)));
                topic.add(heading);
            }
            body.add(topic);
        }
        return body;
    }

    static Component consultations(Section<Consultation> s) {
        return state(s, () -> {
            if (s.items().isEmpty()) {
                return nothingRecorded(s, "No consultations recorded.");
            }
            Grid<Consultation> grid = grid();
            grid.setId("consultations-grid");
            grid.addColumn(c -> c.when().display()).setHeader("When").setAutoWidth(true);
            grid.addColumn(Consultation::type).setHeader("Type").setAutoWidth(true);
            grid.addColumn(c -> c.clinician().orElse("")).setHeader("Clinician").setAutoWidth(true);
            grid.addColumn(Consultation::summary).setHeader("Summary").setFlexGrow(3);
            grid.setItemDetailsRenderer(new ComponentRenderer<>(SectionViews::consultationBody));
            grid.setItems(s.items());
            return grid;
        });
    }

    // ------------------------------------------------------------------ other sections

    static Component immunisations(Section<Immunisation> s) {
        return state(s, () -> {
            if (s.items().isEmpty()) {
                return nothingRecorded(s, "No immunisations recorded.");
            }
            Grid<Immunisation> grid = grid();
            grid.addColumn(i -> i.given().map(PartialDate::dateOnly).orElse("")).setHeader("Date").setAutoWidth(true);
            grid.addColumn(i -> i.vaccine().display()).setHeader("Vaccine").setFlexGrow(3);
            grid.addColumn(i -> i.dose().map(d -> "Dose " + d).orElse("")).setHeader("Dose").setAutoWidth(true);
            grid.addColumn(i -> i.notGiven() ? "Not given" + i.reasonNotGiven().map(r -> ": " + r).orElse("") : "Given")
                    .setHeader("Given").setFlexGrow(2);
            grid.setItems(s.items());
            return grid;
        });
    }

    static Component investigations(Section<Investigation> s) {
        return state(s, () -> {
            if (s.items().isEmpty()) {
                return nothingRecorded(s, "No investigations recorded.");
            }
            Grid<Investigation> grid = grid();
            grid.addColumn(i -> i.when().map(PartialDate::dateOnly).orElse("")).setHeader("Date").setAutoWidth(true);
            grid.addColumn(i -> i.what().display()).setHeader("Investigation").setFlexGrow(2);
            grid.addColumn(i -> i.conclusion().orElse("")).setHeader("Conclusion").setFlexGrow(3);
            grid.setItemDetailsRenderer(new ComponentRenderer<>(SectionViews::investigationBody));
            grid.setItems(s.items());
            return grid;
        });
    }

    /** A report's test groups (each under its own name), its ungrouped results, and the filing comments. */
    static Div investigationBody(Investigation i) {
        Div body = new Div();
        body.addClassName("cp-investigation-body");
        for (RecordItems.TestGroup g : i.groups()) {
            Div group = new Div(new Strong(g.name().display()));
            group.addClassName("cp-test-group");
            group.add(results(g.results()));
            g.comments().forEach(c -> group.add(comment(c)));
            body.add(group);
        }
        if (!i.results().isEmpty()) {
            body.add(results(i.results()));
        }
        i.comments().forEach(c -> body.add(comment(c)));
        return body;
    }

    private static UnorderedList results(List<RecordItems.Result> results) {
        UnorderedList list = new UnorderedList();
        list.addClassName("cp-results");
        results.forEach(r -> {
            ListItem item = new ListItem(r.test().display() + ": " + (r.value().isBlank() ? "no value" : r.value())
                    + r.range().map(x -> " (range " + x + ")").orElse("")
                    + r.flag().map(f -> " — " + f).orElse(""));
            r.comments().forEach(c -> item.add(comment(c)));
            list.add(item);
        });
        return list;
    }

    private static Paragraph comment(String text) {
        Paragraph p = new Paragraph("Comment: " + text);
        p.addClassName("cp-result-comment");
        return p;
    }

    static Component observations(Section<Observation> s) {
        return state(s, () -> {
            if (s.items().isEmpty()) {
                return nothingRecorded(s, "No other observations recorded.");
            }
            Grid<Observation> grid = grid();
            grid.addColumn(o -> o.when().map(PartialDate::dateOnly).orElse("")).setHeader("Date").setAutoWidth(true);
            grid.addColumn(o -> o.what().display()).setHeader("Observation").setFlexGrow(2);
            grid.addColumn(Observation::value).setHeader("Value").setFlexGrow(2);
            grid.setItems(s.items());
            return grid;
        });
    }

    static Component referrals(Section<Referral> s) {
        return state(s, () -> {
            if (s.items().isEmpty()) {
                return nothingRecorded(s, "No referrals recorded.");
            }
            Grid<Referral> grid = grid();
            grid.addColumn(r -> r.when().map(PartialDate::dateOnly).orElse("")).setHeader("Date").setAutoWidth(true);
            grid.addColumn(Referral::to).setHeader("To").setFlexGrow(2);
            grid.addColumn(r -> r.reason().orElse("")).setHeader("Reason").setFlexGrow(2);
            grid.addColumn(r -> Text.capitalise(r.priority())).setHeader("Priority").setAutoWidth(true);
            grid.addColumn(r -> Text.capitalise(r.status())).setHeader("Status").setAutoWidth(true);
            grid.setItems(s.items());
            return grid;
        });
    }

    static Component diary(Section<DiaryEntry> s) {
        return state(s, () -> {
            if (s.items().isEmpty()) {
                return nothingRecorded(s, "No diary entries recorded.");
            }
            Grid<DiaryEntry> grid = grid();
            grid.addColumn(d -> d.due().map(PartialDate::dateOnly).orElse("")).setHeader("Due").setAutoWidth(true);
            grid.addColumn(d -> d.what().display()).setHeader("What").setFlexGrow(2);
            grid.addColumn(d -> d.note().orElse("")).setHeader("Note").setFlexGrow(3);
            grid.setItems(s.items());
            return grid;
        });
    }

    static Component fallback(Section<?> s) {
        return state(s, () -> new Paragraph(s.items().size() + " items"));
    }

    private static <T> Grid<T> grid() {
        Grid<T> grid = new Grid<>();
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(false);
        grid.setHeight("28rem");
        grid.setWidthFull();
        return grid;
    }

    @SuppressWarnings("unchecked")
    static <T> Section<T> cast(Section<?> s) {
        return (Section<T>) s;
    }

}
