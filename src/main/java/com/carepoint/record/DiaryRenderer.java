package com.carepoint.record;

import com.carepoint.kernel.PartialDate;
import com.carepoint.kernel.SectionKind;
import com.carepoint.record.RecordItems.DiaryEntry;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;

/**
 * Diary entries: what is due and when.
 */
final class DiaryRenderer implements SectionRenderer<DiaryEntry> {

    @Override
    public SectionKind kind() {
        return SectionKind.DIARY;
    }

    @Override
    public Component summary(Section<DiaryEntry> s) {
        return SectionStates.fallback(s);
    }

    @Override
    public Component full(Section<DiaryEntry> s) {
        return diary(s);
    }

    static Component diary(Section<DiaryEntry> s) {
        return SectionStates.state(s, () -> {
            if (s.items().isEmpty()) {
                return SectionStates.nothingRecorded(s, "No diary entries recorded.");
            }
            Grid<DiaryEntry> grid = SectionStates.rows("Diary entry", d -> d.what().display(),
                    d -> SectionStates.joined(d.due().map(x -> "due " + x.dateOnly()).orElse(""), d.note().orElse("")));
            SectionStates.setItems(grid, s.items());
            return grid;
        });
    }
}
