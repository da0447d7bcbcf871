package com.carepoint.record;

import com.carepoint.kernel.SectionKind;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * What every section shows the same way: its exact state — the practice's warnings, then its items, "nothing
 * recorded" with the practice's note, or "could not be retrieved" with what it means — and the grid full sections use.
 */
final class SectionStates {

    private SectionStates() {
    }

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
        if (kind == SectionKind.DOCUMENTS) {
            lead = documentsLead(problem);
        } else if (problem.kind() == RecordProblem.Kind.NOT_PROVIDED_BY_SYSTEM) {
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

    /**
     * What a documents problem means, first: a practice that does not share documents, a role that may not see them,
     * or — for every other failure — that it is not known whether there are any (never read as "no documents").
     */
    private static String documentsLead(RecordProblem problem) {
        return switch (problem.kind()) {
            case NOT_PROVIDED_BY_SYSTEM, PRACTICE_NOT_SHARING -> "Documents are not available from this practice "
                    + "through GP Connect. This does not mean there are none.";
            case NOT_PERMITTED -> "Documents are not shown to your role.";
            case PATIENT_DISSENT -> "Documents cannot be shown: the patient has not agreed to share their record.";
            default -> "Documents could not be retrieved. It is not known whether there are any.";
        };
    }

    static Paragraph nothingRecorded(Section<?> s, String text) {
        Paragraph p = new Paragraph(text + (s.notes().isEmpty() ? ""
                : " (The practice says: " + String.join(" ", s.notes()) + ")"));
        p.addClassName("cp-nothing-recorded");
        return p;
    }

    static Component fallback(Section<?> s) {
        return state(s, () -> new Paragraph(s.items().size() + " items"));
    }

    static <T> Grid<T> grid() {
        Grid<T> grid = new Grid<>();
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(false);
        grid.setHeight("28rem");
        grid.setWidthFull();
        return grid;
    }
}
