package com.carepoint.record;

import com.carepoint.kernel.PartialDate;
import com.carepoint.kernel.SectionKind;
import com.carepoint.kernel.Text;
import com.carepoint.record.RecordItems.Problem;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.ListItem;
import java.util.Comparator;
import java.util.List;

/**
 * Problems: active ones (major first) on the first screen; all with status, significance, onset and end in the full section.
 */
final class ProblemsRenderer implements SectionRenderer<Problem> {

    @Override
    public SectionKind kind() {
        return SectionKind.PROBLEMS;
    }

    @Override
    public Component summary(Section<Problem> s) {
        return activeProblems(s, null);
    }

    @Override
    public Component summary(Section<Problem> s, Runnable showAll) {
        return activeProblems(s, showAll);
    }

    @Override
    public Component full(Section<Problem> s) {
        return problems(s);
    }

    static Component activeProblems(Section<Problem> s, Runnable showAll) {
        return SectionStates.state(s, () -> {
            List<Problem> active = s.items().stream().filter(Problem::active)
                    .sorted(Comparator.comparing((Problem p) -> !"major".equals(p.significance())))
                    .toList();
            if (active.isEmpty()) {
                return SectionStates.nothingRecorded(s, "No active problems recorded.");
            }
            return SectionStates.capped(active, p -> new ListItem(p.what().display() + p.onset().map(o -> " · since "
                    + o.dateOnly()).orElse("") + ("major".equals(p.significance()) ? " · major" : "")),
                    "cp-problem-list", "active problems", "show-all-problems", showAll);
        });
    }

    static Component problems(Section<Problem> s) {
        return SectionStates.state(s, () -> {
            if (s.items().isEmpty()) {
                return SectionStates.nothingRecorded(s, "No problems recorded.");
            }
            Grid<Problem> grid = SectionStates.rows("Problem", p -> p.what().display(),
                    p -> SectionStates.joined(p.active() ? "Active" : "Inactive", Text.capitalise(p.significance()),
                            p.onset().map(o -> "onset " + o.dateOnly()).orElse(""),
                            p.ended().map(e -> "ended " + e.dateOnly()).orElse("")));
            SectionStates.setItems(grid, s.items());
            return grid;
        });
    }
}
