package com.carepoint.encounter;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.Setter;
import com.vaadin.flow.function.ValueProvider;
import java.util.Optional;
import java.util.function.Function;

/**
 * Binds a note field so that what is typed always reaches the draft, valid or not (a Binder validator would keep an
 * invalid value on screen but out of the draft, so the draft — and a signing — would silently use the previous
 * value), and shows the rule's message on the field as it is typed. Signing checks every rule again on what was
 * saved ({@link NoteRules#signingProblems}).
 */
final class FieldRules {

    private FieldRules() {
    }

    static <F extends HasValue<?, String> & HasValidation> void bind(Binder<NoteContent> binder, F field,
            Function<String, Optional<String>> rule, ValueProvider<NoteContent, String> get,
            Setter<NoteContent, String> set) {
        binder.forField(field).bind(get, set);
        field.addValueChangeListener(e -> show(field, rule.apply(e.getValue())));
    }

    static <F extends HasValue<?, String> & HasValidation> void bindMedicine(Binder<MedicineGiven> binder, F field,
            Function<String, Optional<String>> rule, ValueProvider<MedicineGiven, String> get,
            Setter<MedicineGiven, String> set) {
        binder.forField(field).bind(get, set);
        field.addValueChangeListener(e -> show(field, rule.apply(e.getValue())));
    }

    static void show(HasValidation field, Optional<String> problem) {
        field.setErrorMessage(problem.orElse(null));
        field.setInvalid(problem.isPresent());
    }
}
