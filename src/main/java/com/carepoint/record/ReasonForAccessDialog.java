package com.carepoint.record;

import com.carepoint.access.AccessReasons;
import com.carepoint.access.Role;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.List;
import java.util.function.Consumer;

/**
 * Asks why the user needs this patient's GP record before it is first opened in a session. The reason is recorded
 * with every view in the audit trail, which the patient and their GP practice can see.
 */
class ReasonForAccessDialog extends Dialog {

    static final int MIN_OTHER = 10;

    private final RadioButtonGroup<String> reasons = new RadioButtonGroup<>();
    private final TextArea other = new TextArea("Describe the direct-care reason");

    ReasonForAccessDialog(Role role, Consumer<String> onReason, Runnable onCancel) {
        setId("reason-dialog");
        setHeaderTitle("Why do you need this patient's GP record?");
        setCloseOnOutsideClick(false);
        setCloseOnEsc(false);
        Paragraph explain = new Paragraph("Your reason is recorded with every part of the record you view. The "
                + "patient and their GP practice can see who looked at the record and why.");
        List<String> options = AccessReasons.forRole(role);
        reasons.setId("reason-options");
        reasons.setItems(options);
        reasons.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        reasons.setRequiredIndicatorVisible(true);
        other.setId("reason-other");
        other.setVisible(false);
        other.setMaxLength(500);
        other.setWidthFull();
        reasons.addValueChangeListener(e -> {
            other.setVisible(AccessReasons.OTHER.equals(e.getValue()));
            reasons.setInvalid(false);
        });
        add(explain, reasons, other);

        Button cancel = new Button("Cancel", e -> {
            close();
            onCancel.run();
        });
        cancel.setId("reason-cancel");
        Button go = new Button("Open the record", e -> confirm(onReason));
        go.setId("reason-continue");
        go.addThemeVariants(ButtonVariant.PRIMARY);
        getFooter().add(cancel, go);
    }

    private void confirm(Consumer<String> onReason) {
        String choice = reasons.getValue();
        if (choice == null) {
            reasons.setInvalid(true);
            reasons.setErrorMessage("Choose the reason you need the record");
            return;
        }
        String reason = choice;
        if (AccessReasons.OTHER.equals(choice)) {
            String text = other.getValue() == null ? "" : other.getValue().trim();
            if (text.length() < MIN_OTHER) {
                other.setInvalid(true);
                other.setErrorMessage("Describe the reason in a few words (at least " + MIN_OTHER + " characters)");
                return;
            }
            reason = "Other: " + text;
        }
        close();
        onReason.accept(reason);
    }
}
