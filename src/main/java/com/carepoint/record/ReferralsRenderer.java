package com.carepoint.record;

import com.carepoint.kernel.PartialDate;
import com.carepoint.kernel.SectionKind;
import com.carepoint.kernel.Text;
import com.carepoint.record.RecordItems.Referral;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;

/**
 * Referrals: when, to whom, why, priority and status.
 */
final class ReferralsRenderer implements SectionRenderer<Referral> {

    @Override
    public SectionKind kind() {
        return SectionKind.REFERRALS;
    }

    @Override
    public Component summary(Section<Referral> s) {
        return SectionStates.fallback(s);
    }

    @Override
    public Component full(Section<Referral> s) {
        return referrals(s);
    }

    static Component referrals(Section<Referral> s) {
        return SectionStates.state(s, () -> {
            if (s.items().isEmpty()) {
                return SectionStates.nothingRecorded(s, "No referrals recorded.");
            }
            Grid<Referral> grid = SectionStates.rows("Referral", r -> "To " + r.to(),
                    r -> SectionStates.joined(r.when().map(PartialDate::dateOnly).orElse(""), r.reason().orElse(""),
                            Text.capitalise(r.priority()), Text.capitalise(r.status())));
            SectionStates.setItems(grid, s.items());
            return grid;
        });
    }
}
