package com.carepoint.record;

import com.carepoint.kernel.PartialDate;
import com.carepoint.kernel.SectionKind;
import com.carepoint.kernel.Text;
import com.carepoint.record.RecordItems.Medication;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Medications: current ones with their type and last issue on the first screen; every medication with its issues in the full section.
 */
final class MedicationsRenderer implements SectionRenderer<Medication> {

    @Override
    public SectionKind kind() {
        return SectionKind.MEDICATIONS;
    }

    @Override
    public Component summary(Section<Medication> s) {
        return currentMedications(s, null);
    }

    @Override
    public Component summary(Section<Medication> s, Runnable showAll) {
        return currentMedications(s, showAll);
    }

    @Override
    public Component full(Section<Medication> s) {
        return medications(s);
    }

    static Component currentMedications(Section<Medication> s, Runnable showAll) {
        return SectionStates.state(s, () -> {
            List<Medication> current = s.items().stream().filter(Medication::current).toList();
            if (current.isEmpty()) {
                return SectionStates.nothingRecorded(s, "No current medications recorded.");
            }
            return SectionStates.capped(current, m -> {
                ListItem li = new ListItem();
                Strong name = new Strong(m.what().display());
                name.addClassName("cp-drug-name");
                Span dose = new Span(" " + m.dosage());
                dose.addClassName("cp-dose");
                li.add(name, dose);
                Span meta = new Span(" · " + Text.capitalise(m.prescriptionType())
                        + m.lastIssued().map(d -> " · last issued " + d.dateOnly()).orElse(""));
                meta.addClassName("cp-meta");
                li.add(meta);
                return li;
            }, "cp-medication-list", "current medications", "show-all-medications", showAll);
        });
    }

    static Component medications(Section<Medication> s) {
        return SectionStates.state(s, () -> {
            if (s.items().isEmpty()) {
                return SectionStates.nothingRecorded(s, "No medications recorded.");
            }
            Grid<Medication> grid = SectionStates.rows("Medication (current and past)", m -> m.what().display(),
                    m -> SectionStates.joined(m.dosage(), Text.capitalise(m.prescriptionType()),
                            m.current() ? "Current" : "Past", m.started().map(d -> "started " + d.dateOnly()).orElse(""),
                            m.ended().map(d -> "ended " + d.dateOnly()).orElse(""),
                            m.lastIssued().map(d -> "last issued " + d.dateOnly()).orElse("")),
                    m -> new Paragraph(
                    m.quantity().map(q -> "Quantity " + q + ". ").orElse("") + (m.issues().isEmpty()
                            ? "No issues recorded." : "Issued " + m.issues().size() + " times: "
                            + m.issues().stream().limit(12).map(PartialDate::dateOnly).collect(Collectors.joining(", "))
                            + (m.issues().size() > 12 ? ", …" : ""))));
            SectionStates.setItems(grid, s.items());
            return grid;
        });
    }
}
