package com.carepoint.record;

import com.carepoint.kernel.PartialDate;
import com.carepoint.kernel.SectionKind;
import com.carepoint.record.RecordItems.Investigation;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.List;

/**
 * Investigations: each report with its test groups, results (value, range, flag) and filing comments.
 */
final class InvestigationsRenderer implements SectionRenderer<Investigation> {

    @Override
    public SectionKind kind() {
        return SectionKind.INVESTIGATIONS;
    }

    @Override
    public Component summary(Section<Investigation> s) {
        return SectionStates.fallback(s);
    }

    @Override
    public Component full(Section<Investigation> s) {
        return investigations(s);
    }

    static Component investigations(Section<Investigation> s) {
        return SectionStates.state(s, () -> {
            if (s.items().isEmpty()) {
                return SectionStates.nothingRecorded(s, "No investigations recorded.");
            }
            Grid<Investigation> grid = SectionStates.rows("Investigation", i -> i.what().display(),
                    i -> SectionStates.joined(i.when().map(PartialDate::dateOnly).orElse(""),
                            i.conclusion().orElse("")), InvestigationsRenderer::investigationBody);
            SectionStates.setItems(grid, s.items());
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
}
