package com.carepoint.record;

import com.carepoint.kernel.PartialDate;
import com.carepoint.kernel.SectionKind;
import com.carepoint.kernel.Text;
import com.carepoint.record.RecordItems.Problem;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
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
        return activeProblems(s);
    }

    @Override
    public Component full(Section<Problem> s) {
        return problems(s);
    }

    static Component activeProblems(Section<Problem> s) {
        return SectionStates.state(s, () -> {
            List<Problem> active = s.items().stream().filter(Problem::active)
                    .sorted(Comparator.comparing((Problem p) -> !"major".equals(p.significance())))
                    .toList();
            if (active.isEmpty()) {
                return SectionStates.nothingRecorded(s, "No active problems recorded.");
            }
            UnorderedList list = new UnorderedList();
            list.addClassName("cp-problem-list");
            active.forEach(p -> list.add(new ListItem(p.what().display() + p.onset().map(o -> " · since "
                    + o.dateOnly()).orElse("") + ("major".equals(p.significance()) ? " · major" : ""))));
            return list;
        });
    }

    static Component problems(Section<Problem> s) {
        return SectionStates.state(s, () -> {
            if (s.items().isEmpty()) {
                return SectionStates.nothingRecorded(s, "No problems recorded.");
            }
            Grid<Problem> grid = SectionStates.grid();
            grid.addColumn(p -> p.what().display()).setHeader("Problem").setFlexGrow(3);
            grid.addColumn(p -> p.active() ? "Active" : "Inactive").setHeader("Status").setAutoWidth(true);
            grid.addColumn(p -> Text.capitalise(p.significance())).setHeader("Significance").setAutoWidth(true);
            grid.addColumn(p -> p.onset().map(PartialDate::dateOnly).orElse("")).setHeader("Onset").setAutoWidth(true);
            grid.addColumn(p -> p.ended().map(PartialDate::dateOnly).orElse("")).setHeader("Ended").setAutoWidth(true);
            grid.setItems(s.items());
            return grid;
        });
    }
}
