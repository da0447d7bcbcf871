package com.carepoint.record;

import com.carepoint.access.AccessReason;
import com.carepoint.access.AccessReasons;
import com.carepoint.access.Role;
import com.carepoint.kernel.Text;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationResult;
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
    static final int MAX_OTHER = 500;
    static final int MAX_JUSTIFICATION = 1000;
    static final String EMERGENCY = "Emergency access: the patient cannot give permission, or I am outside my usual "
            + "care relationship with them";

    private final RadioButtonGroup<String> reasons = new RadioButtonGroup<>();
    private final TextArea other = new TextArea("Describe the direct-care reason");
    private final TextArea justification = new TextArea("Justification for emergency access");
    private final Div emergencyWarning = new Div();
    private final Binder<ReasonForm> binder = new Binder<>();

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
        other.setMaxLength(MAX_OTHER);
        other.setWidthFull();
        justification.setId("emergency-justification");
        justification.setVisible(false);
        justification.setMaxLength(MAX_JUSTIFICATION);
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
        });
        bind();
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
        ReasonForm form = new ReasonForm();
        // Validated on the server: a limit removed in the browser does not let anything longer through.
        if (!binder.writeBeanIfValid(form)) {
            return;
        }
        AccessReason reason = switch (form.choice) {
            case AccessReasons.OTHER -> AccessReason.directCare("Other: " + form.other.strip());
            case EMERGENCY -> AccessReason.emergency(form.justification);
            default -> AccessReason.directCare(form.choice);
        };
        close();
        onReason.accept(reason);
    }

    /** What the dialog's form holds; bound with {@link Binder}. */
    static final class ReasonForm {
        String choice;
        String other = "";
        String justification = "";
    }

    private void bind() {
        binder.forField(reasons).asRequired("Choose the reason you need the record")
                .bind(f -> f.choice, (f, v) -> f.choice = v);
        binder.forField(other)
                .withValidator((value, context) -> !AccessReasons.OTHER.equals(reasons.getValue())
                        || strip(value).length() >= MIN_OTHER && strip(value).length() <= MAX_OTHER
                        ? ValidationResult.ok()
                        : ValidationResult.error(strip(value).length() > MAX_OTHER
                                ? "Keep the reason to " + MAX_OTHER + " characters"
                                : "Describe the reason in a few words (at least " + MIN_OTHER + " characters)"))
                .bind(f -> f.other, (f, v) -> f.other = strip(v));
        binder.forField(justification)
                .withValidator((value, context) -> {
                    int length = strip(value).length();
                    if (!EMERGENCY.equals(reasons.getValue())
                            || length >= AccessReason.MIN_JUSTIFICATION && length <= MAX_JUSTIFICATION) {
                        return ValidationResult.ok();
                    }
                    return ValidationResult.error(length > MAX_JUSTIFICATION
                            ? "Keep the justification to " + MAX_JUSTIFICATION + " characters (you have " + length + ")"
                            : "Emergency access needs a justification of at least " + AccessReason.MIN_JUSTIFICATION
                                    + " characters (you have " + length + ")");
                })
                .bind(f -> f.justification, (f, v) -> f.justification = strip(v));
    }

    private static String strip(String value) {
        return value == null ? "" : Text.withoutDirectionalControls(value).strip();
    }
}
