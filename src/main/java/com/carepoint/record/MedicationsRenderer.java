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
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.data.renderer.ComponentRenderer;
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
        return currentMedications(s);
    }

    @Override
    public Component full(Section<Medication> s) {
        return medications(s);
    }

    static Component currentMedications(Section<Medication> s) {
        return SectionStates.state(s, () -> {
            List<Medication> current = s.items().stream().filter(Medication::current).toList();
            if (current.isEmpty()) {
                return SectionStates.nothingRecorded(s, "No current medications recorded.");
            }
            UnorderedList list = new UnorderedList();
            list.addClassName("cp-medication-list");
            current.forEach(m -> {
                ListItem li = new ListItem();
                li.add(new Strong(m.what().display()), new Span(" " + m.dosage()));
                Span meta = new Span(" · " + Text.capitalise(m.prescriptionType())
                        + m.lastIssued().map(d -> " · last issued " + d.dateOnly()).orElse(""));
                meta.addClassName("cp-meta");
                li.add(meta);
                list.add(li);
            });
            return list;
        });
    }

    static Component medications(Section<Medication> s) {
        return SectionStates.state(s, () -> {
            if (s.items().isEmpty()) {
                return SectionStates.nothingRecorded(s, "No medications recorded.");
            }
            Grid<Medication> grid = SectionStates.grid();
            grid.addColumn(m -> m.what().display()).setHeader("Medication").setFlexGrow(3).setResizable(true);
            grid.addColumn(Medication::dosage).setHeader("Dosage").setFlexGrow(3);
            grid.addColumn(m -> Text.capitalise(m.prescriptionType())).setHeader("Type").setAutoWidth(true);
            grid.addColumn(m -> m.current() ? "Current" : "Past").setHeader("Status").setAutoWidth(true);
            grid.addColumn(m -> m.started().map(PartialDate::dateOnly).orElse("")).setHeader("Started").setAutoWidth(true);
            grid.addColumn(m -> m.lastIssued().map(PartialDate::dateOnly).orElse("")).setHeader("Last issued").setAutoWidth(true);
            grid.setItemDetailsRenderer(new ComponentRenderer<>(m -> new Paragraph(
                    m.quantity().map(q -> "Quantity " + q + ". ").orElse("") + (m.issues().isEmpty()
                            ? "No issues recorded." : "Issued " + m.issues().size() + " times: "
                            + m.issues().stream().limit(12).map(PartialDate::dateOnly).collect(Collectors.joining(", "))
                            + (m.issues().size() > 12 ? ", …" : "")))));
            grid.setItems(s.items());
            return grid;
        });
    }
}
