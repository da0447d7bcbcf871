package com.carepoint.encounter;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.value.ValueChangeMode;

/**
 * The medicines given: one row per medicine (name, dose, route, time), each bound with its own Binder to the note's
 * list, saved as typed like the rest of the draft.
 */
class MedicinesEditor extends Div {

    private final NoteContent content;
    private final Runnable save;
    private final Div rows = new Div();
    /** Ever increasing, so ids stay unique after a row is removed. */
    private int nextRow;

    MedicinesEditor(NoteContent content, Runnable save) {
        this.content = content;
        this.save = save;
        setId("note-medicines");
        addClassName("cp-medicines");
        add(new H3("Medicines given"), rows);
        if (content.getMedicines().isEmpty()) {
            content.getMedicines().add(new MedicineGiven());
        }
        content.getMedicines().forEach(this::row);
        Button add = new Button("Add another medicine", e -> {
            MedicineGiven m = new MedicineGiven();
            content.getMedicines().add(m);
            row(m);
            save.run();
        });
        add.setId("note-add-medicine");
        add.addThemeVariants(ButtonVariant.TERTIARY);
        add(add);
    }

    private void row(MedicineGiven m) {
        int index = nextRow++;
        Binder<MedicineGiven> binder = new Binder<>();
        TextField name = field("Medicine", "note-med-name-" + index);
        TextField dose = field("Dose", "note-med-dose-" + index);
        TextField route = field("Route", "note-med-route-" + index);
        TextField time = field("Time (hh:mm)", "note-med-time-" + index);
        FieldRules.bindMedicine(binder, name, v -> NoteRules.text(v, 100), MedicineGiven::getName,
                MedicineGiven::setName);
        FieldRules.bindMedicine(binder, dose, v -> NoteRules.text(v, 50), MedicineGiven::getDose,
                MedicineGiven::setDose);
        FieldRules.bindMedicine(binder, route, v -> NoteRules.text(v, 50), MedicineGiven::getRoute,
                MedicineGiven::setRoute);
        FieldRules.bindMedicine(binder, time, NoteRules::time, MedicineGiven::getTime, MedicineGiven::setTime);
        binder.setBean(m);
        binder.addValueChangeListener(e -> save.run());
        Button remove = new Button("Remove", e -> {
            content.getMedicines().remove(m);
            rows.remove(e.getSource().getParent().orElseThrow());
            save.run();
        });
        remove.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.ERROR);
        Div row = new Div(name, dose, route, time, remove);
        row.addClassName("cp-medicine-row");
        rows.add(row);
    }

    private static TextField field(String label, String id) {
        TextField f = new TextField(label);
        f.setId(id);
        f.setValueChangeMode(ValueChangeMode.LAZY);
        f.setValueChangeTimeout(600);
        return f;
    }

}
