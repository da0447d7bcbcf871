package com.carepoint.record;

import com.carepoint.access.AccessReason;
import com.carepoint.access.AccessReasons;
import com.carepoint.access.Role;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Asks why the user needs this patient's GP record before it is first opened in a session. The reason is recorded
 * with every view in the audit trail, which the patient and their GP practice can see. Where the policy allows it,
 * the user can choose emergency access instead: it needs a typed justification and goes to the privacy officer's
 * review queue. Nothing typed is lost when the dialog asks for more.
 */
class ReasonForAccessDialog extends Dialog {

    static final int MIN_OTHER = 10;
    static final String EMERGENCY = "Emergency access: the patient cannot give permission, or I am outside my usual "
            + "care relationship with them";

    private final RadioButtonGroup<String> reasons = new RadioButtonGroup<>();
    private final TextArea other = new TextArea("Describe the direct-care reason");
    private final TextArea justification = new TextArea("Justification for emergency access");
    private final Div emergencyWarning = new Div();

    ReasonForAccessDialog(Role role, boolean emergencyAllowed, Consumer<AccessReason> onReason, Runnable onCancel) {
        setId("reason-dialog");
        setHeaderTitle("Why do you need this patient's GP record?");
        setCloseOnOutsideClick(false);
        setCloseOnEsc(false);
        Paragraph explain = new Paragraph("Your reason is recorded with every part of the record you view. The "
                + "patient and their GP practice can see who looked at the record and why.");
        List<String> options = new ArrayList<>(AccessReasons.forRole(role));
        if (emergencyAllowed) {
            options.add(EMERGENCY);
        }
        reasons.setId("reason-options");
        reasons.setItems(options);
        reasons.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        reasons.setRequiredIndicatorVisible(true);
        other.setId("reason-other");
        other.setVisible(false);
        other.setMaxLength(500);
        other.setWidthFull();
        justification.setId("emergency-justification");
        justification.setVisible(false);
        justification.setMaxLength(1000);
        justification.setWidthFull();
        justification.setHelperText("Say why the patient cannot give permission or why you need the record now, in "
                + "at least " + AccessReason.MIN_JUSTIFICATION + " characters.");
        emergencyWarning.setId("emergency-warning");
        emergencyWarning.addClassNames("cp-problem", "cp-emergency-warning");
        emergencyWarning.add(new Paragraph("Emergency access is recorded and reviewed by your privacy officer. It "
                + "does not override a patient's decision not to share their GP record."));
        emergencyWarning.setVisible(false);
        reasons.addValueChangeListener(e -> {
            other.setVisible(AccessReasons.OTHER.equals(e.getValue()));
            boolean emergency = EMERGENCY.equals(e.getValue());
            justification.setVisible(emergency);
            emergencyWarning.setVisible(emergency);
            reasons.setInvalid(false);
        });
        add(explain, reasons, other, emergencyWarning, justification);

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

    private void confirm(Consumer<AccessReason> onReason) {
        String choice = reasons.getValue();
        if (choice == null) {
            reasons.setInvalid(true);
            reasons.setErrorMessage("Choose the reason you need the record");
            return;
        }
        AccessReason reason;
        if (AccessReasons.OTHER.equals(choice)) {
            String text = trimmed(other);
            if (text.length() < MIN_OTHER) {
                other.setInvalid(true);
                other.setErrorMessage("Describe the reason in a few words (at least " + MIN_OTHER + " characters)");
                return;
            }
            reason = AccessReason.directCare("Other: " + text);
        } else if (EMERGENCY.equals(choice)) {
            String text = trimmed(justification);
            if (text.length() < AccessReason.MIN_JUSTIFICATION) {
                justification.setInvalid(true);
                justification.setErrorMessage("Emergency access needs a justification of at least "
                        + AccessReason.MIN_JUSTIFICATION + " characters (you have " + text.length() + ")");
                return;
            }
            reason = AccessReason.emergency(text);
        } else {
            reason = AccessReason.directCare(choice);
        }
        close();
        onReason.accept(reason);
    }

    private static String trimmed(TextArea area) {
        return area.getValue() == null ? "" : area.getValue().strip();
    }
}
