package com.carepoint.record;

import com.carepoint.kernel.SectionKind;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What every section shows the same way: its exact state — the practice's warnings, then its items, "nothing
 * recorded" with the practice's note, or "could not be retrieved" with what it means — and the grid full sections use.
 */
final class SectionStates {

    /**
     * How many items of a long list the first screen shows (issue 14, row 10): the first screen stays one screen, and
     * the rest is one plain "Show all …" away. Allergies are never capped.
     */
    static final int FIRST_SCREEN_LIMIT = 10;

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

    /** Whether the section failed for the whole record (dissent, not connected, not shared, ...): said once above. */
    static boolean wholeRecord(Section<?> s) {
        return s.problem().filter(RecordProblem::permanent).isPresent() && s.kind().structured();
    }

    /**
     * A first-screen card of a record refused as a whole (issue 14, row 11): the refusal is said once, above the
     * cards, so each card only points to it — and the allergy card still says not to assume there are none.
     */
    static Component saidAbove(Section<?> s) {
        Div box = new Div();
        box.addClassName("cp-section-body");
        box.getElement().setAttribute("data-section", s.kind().name());
        Paragraph p = new Paragraph("Not shown: see the message above."
                + (s.kind() == SectionKind.ALLERGIES ? " Do not assume the patient has no allergies." : ""));
        p.addClassName("cp-said-above");
        s.problem().ifPresent(problem -> p.getElement().setAttribute("data-problem", problem.kind().name()));
        box.add(p);
        return box;
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
        // Cells wrap, a long word included: never cut to "Amlodi…" (the documents list keeps its columns).
        grid.addClassName("cp-rows");
        grid.setAllRowsVisible(false);
        grid.setHeight("32rem");
        grid.setWidthFull();
        return grid;
    }

    /**
     * A full section's items as rows that wrap at any width (issue 14, rows 2 and 3): one column, each row the item's
     * name in full ({@code .cp-row-title}) and then its details, so a drug name, a dose or a title is never cut to
     * fit a column. A row with more to show ({@code body}) is a button that says it expands: a chevron and
     * {@code aria-expanded}, opened and closed by touch or keyboard.
     */
    static <T> Grid<T> rows(String header, Function<T, String> title, Function<T, String> details,
            Function<T, Component> body) {
        Grid<T> grid = grid();
        grid.setDetailsVisibleOnClick(false);
        grid.addComponentColumn(item -> row(grid, item, title, details, body)).setHeader(header).setFlexGrow(1);
        if (body != null) {
            grid.setItemDetailsRenderer(new ComponentRenderer<>(body::apply));
        }
        return grid;
    }

    static <T> Grid<T> rows(String header, Function<T, String> title, Function<T, String> details) {
        return rows(header, title, details, null);
    }

    private static <T> Component row(Grid<T> grid, T item, Function<T, String> title, Function<T, String> details,
            Function<T, Component> body) {
        Strong name = new Strong(title.apply(item));
        name.addClassName("cp-row-title");
        String rest = details.apply(item);
        Span more = new Span(rest);
        more.addClassName("cp-row-details");
        if (body == null) {
            Div row = new Div(name);
            if (!rest.isBlank()) {
                row.add(more);
            }
            row.addClassName("cp-row");
            return row;
        }
        Span text = new Span(name);
        if (!rest.isBlank()) {
            text.add(more);
        }
        text.addClassName("cp-row");
        var chevron = VaadinIcon.CHEVRON_DOWN.create();
        chevron.addClassName("cp-row-chevron");
        chevron.getElement().setAttribute("aria-hidden", "true");
        NativeButton toggle = new NativeButton();
        toggle.add(chevron, text);
        toggle.addClassName("cp-row-toggle");
        toggle.getElement().setAttribute("aria-expanded", String.valueOf(grid.isDetailsVisible(item)));
        toggle.addClickListener(e -> {
            boolean open = !grid.isDetailsVisible(item);
            grid.setDetailsVisible(item, open);
            toggle.getElement().setAttribute("aria-expanded", String.valueOf(open));
        });
        return toggle;
    }

    /**
     * The first {@link #FIRST_SCREEN_LIMIT} of a first-screen list, and — when there are more — a plain link-styled
     * button "Show all 107 current medications" that opens the full section.
     */
    static <T> Div capped(java.util.List<T> items, Function<T, Component> item, String listClass, String allOf,
            String id, Runnable showAll) {
        com.vaadin.flow.component.html.UnorderedList list = new com.vaadin.flow.component.html.UnorderedList();
        list.addClassName(listClass);
        items.stream().limit(FIRST_SCREEN_LIMIT).forEach(i -> list.add(item.apply(i)));
        Div d = new Div(list);
        if (items.size() > FIRST_SCREEN_LIMIT && showAll != null) {
            Paragraph shown = new Paragraph("Showing " + FIRST_SCREEN_LIMIT + " of " + items.size() + ".");
            shown.addClassName("cp-meta");
            com.vaadin.flow.component.button.Button all = new com.vaadin.flow.component.button.Button(
                    "Show all " + items.size() + " " + allOf, e -> showAll.run());
            all.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.TERTIARY);
            all.addClassName("cp-show-all");
            all.setId(id);
            d.add(shown, all);
        }
        return d;
    }

    /** Up to this many rows a full section is drawn whole (the page scrolls); a longer one scrolls inside its grid. */
    static final int ALL_ROWS_VISIBLE_UP_TO = 60;

    /**
     * The section's items in its grid: every row drawn when there are few (no scrolling inside a scrolling page on a
     * tablet), a fixed-height grid that draws only the rows in view for a long list (a large record's thousands).
     */
    static <T> void setItems(Grid<T> grid, java.util.List<T> items) {
        grid.setItems(items);
        if (items.size() <= ALL_ROWS_VISIBLE_UP_TO) {
            grid.setHeight(null);
            grid.setAllRowsVisible(true);
        }
    }

    /** "a · b · c", leaving out the blank parts. */
    static String joined(String... parts) {
        return java.util.Arrays.stream(parts).filter(x -> x != null && !x.isBlank())
                .collect(java.util.stream.Collectors.joining(" · "));
    }
}
