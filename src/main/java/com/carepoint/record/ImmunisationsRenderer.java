package com.carepoint.record;

import com.carepoint.kernel.PartialDate;
import com.carepoint.kernel.SectionKind;
import com.carepoint.record.RecordItems.Immunisation;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;

/**
 * Immunisations, given and not given (with the reason).
 */
final class ImmunisationsRenderer implements SectionRenderer<Immunisation> {

    @Override
    public SectionKind kind() {
        return SectionKind.IMMUNISATIONS;
    }

    @Override
    public Component summary(Section<Immunisation> s) {
        return SectionStates.fallback(s);
    }

    @Override
    public Component full(Section<Immunisation> s) {
        return immunisations(s);
    }

    static Component immunisations(Section<Immunisation> s) {
        return SectionStates.state(s, () -> {
            if (s.items().isEmpty()) {
                return SectionStates.nothingRecorded(s, "No immunisations recorded.");
            }
            Grid<Immunisation> grid = SectionStates.rows("Immunisation", i -> i.vaccine().display(),
                    i -> SectionStates.joined(i.given().map(PartialDate::dateOnly).orElse(""),
                            i.dose().map(d -> "Dose " + d).orElse(""),
                            i.notGiven() ? "Not given" + i.reasonNotGiven().map(r -> ": " + r).orElse("") : "Given"));
            SectionStates.setItems(grid, s.items());
            return grid;
        });
    }
}
