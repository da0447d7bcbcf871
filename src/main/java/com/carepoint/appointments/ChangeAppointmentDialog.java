package com.carepoint.appointments;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.function.Consumer;

/**
 * Amends (reason and comment) or cancels (with a reason) an appointment the page has just read from the service,
 * so the change is made on what the service holds now. Checked as typed with {@link Binder}; what was typed stays
 * in the form whatever the outcome.
 */
class ChangeAppointmentDialog extends Dialog {

    /** What the user is doing. */
    enum Mode {
        AMEND, CANCEL
    }

    /** The cancellation form's one field. */
    static final class CancellationForm {
        private String reason = "";

        public String getReason() {
            return reason;
        }

        public void setReason(String reason) {
            this.reason = reason == null ? "" : reason;
        }
    }

    private final Div message = new Div();
    private final Button save;
    private final Button close = new Button("Close");

    ChangeAppointmentDialog(Appointment read, String serviceName, Mode mode, Consumer<BookingDetails> onAmend,
            Consumer<String> onCancel) {
        setId(mode == Mode.AMEND ? "amend-dialog" : "cancel-dialog");
        setHeaderTitle(mode == Mode.AMEND ? "Change the reason or comment" : "Cancel this appointment");
        setWidth("min(40rem, 100vw)");
        add(AppointmentsView.appointmentSummary(read, serviceName));
        message.setId("change-message");
        message.setVisible(false);
        save = new Button(mode == Mode.AMEND ? "Save changes" : "Cancel the appointment");
        save.setId(mode == Mode.AMEND ? "confirm-amend" : "confirm-cancel");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        if (mode == Mode.CANCEL) {
            save.addThemeVariants(ButtonVariant.ERROR);
        }
        if (mode == Mode.AMEND) {
            BookingDetails details = new BookingDetails();
            details.setDescription(read.description());
            details.setComment(read.comment().orElse(""));
            Binder<BookingDetails> binder = new Binder<>();
            TextField description = new TextField("Reason for the appointment");
            description.setId("amend-description");
            description.setWidthFull();
            description.setRequiredIndicatorVisible(true);
            description.setValueChangeMode(ValueChangeMode.EAGER);
            TextArea comment = new TextArea("Comment for the service (optional)");
            comment.setId("amend-comment");
            comment.setWidthFull();
            comment.setValueChangeMode(ValueChangeMode.EAGER);
            binder.forField(description)
                    .withValidator((v, c) -> BookingDetails.descriptionProblem(v).map(ValidationResult::error)
                            .orElse(ValidationResult.ok()))
                    .bind(BookingDetails::getDescription, BookingDetails::setDescription);
            binder.forField(comment)
                    .withValidator((v, c) -> BookingDetails.commentProblem(v).map(ValidationResult::error)
                            .orElse(ValidationResult.ok()))
                    .bind(BookingDetails::getComment, BookingDetails::setComment);
            binder.setBean(details);
            add(description, comment);
            save.addClickListener(e -> {
                if (binder.validate().isOk()) {
                    working();
                    onAmend.accept(details);
                }
            });
        } else {
            CancellationForm form = new CancellationForm();
            Binder<CancellationForm> binder = new Binder<>();
            TextArea reason = new TextArea("Why is it being cancelled?");
            reason.setId("cancel-reason");
            reason.setWidthFull();
            reason.setRequiredIndicatorVisible(true);
            reason.setValueChangeMode(ValueChangeMode.EAGER);
            reason.setHelperText("Required. The service keeps it with the appointment.");
            binder.forField(reason)
                    .withValidator((v, c) -> BookingDetails.cancellationReasonProblem(v).map(ValidationResult::error)
                            .orElse(ValidationResult.ok()))
                    .bind(CancellationForm::getReason, CancellationForm::setReason);
            binder.setBean(form);
            add(new Paragraph("The slot is given back to the service. This cannot be undone."), reason);
            save.addClickListener(e -> {
                if (binder.validate().isOk()) {
                    working();
                    onCancel.accept(form.getReason());
                }
            });
        }
        add(message);
        close.setId("close-change");
        close.addClickListener(e -> close());
        getFooter().add(close, save);
    }

    private void working() {
        save.setEnabled(false);
        message.setVisible(false);
    }

    void failed(AppointmentProblem problem) {
        message.removeAll();
        message.add(AppointmentsView.problem(problem));
        message.setVisible(true);
        // A change made elsewhere needs a fresh read first: the user closes and opens the appointment again.
        save.setEnabled(problem.kind() != AppointmentProblem.Kind.CHANGED_ELSEWHERE);
    }
}
