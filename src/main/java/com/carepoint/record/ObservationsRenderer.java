package com.carepoint.record;

import com.carepoint.kernel.PartialDate;
import com.carepoint.kernel.SectionKind;
import com.carepoint.record.RecordItems.Observation;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;

/**
 * Other observations (uncategorised data): what, when, value.
 */
final class ObservationsRenderer implements SectionRenderer<Observation> {

    @Override
    public SectionKind kind() {
        return SectionKind.UNCATEGORISED;
    }

    @Override
    public Component summary(Section<Observation> s) {
        return SectionStates.fallback(s);
    }

    @Override
    public Component full(Section<Observation> s) {
        return observations(s);
    }

    static Component observations(Section<Observation> s) {
        return SectionStates.state(s, () -> {
            if (s.items().isEmpty()) {
                return SectionStates.nothingRecorded(s, "No other observations recorded.");
            }
            Grid<Observation> grid = SectionStates.rows("Observation", o -> o.what().display(),
                    o -> SectionStates.joined(o.value(), o.when().map(PartialDate::dateOnly).orElse("")));
            SectionStates.setItems(grid, s.items());
            return grid;
        });
    }
}
