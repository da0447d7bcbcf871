package com.carepoint.appointments;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.function.Consumer;

/**
 * Books one slot: the slot as chosen, the reason for the appointment (required, ≤ 100 characters) and a comment
 * (≤ 500), checked as typed with {@link Binder}. The form emits the details when the user books; the page does the
 * booking and shows its outcome here, so what was typed stays in the form whatever happens.
 */
class BookingDialog extends Dialog {

    private final Binder<BookingDetails> binder = new Binder<>();
    private final Div message = new Div();
    private final Button book = new Button("Book this appointment");
    private final Button cancel = new Button("Close");
    private final String serviceName;

    BookingDialog(FreeSlot slot, String serviceName, BookingDetails details, Consumer<BookingDetails> onBook) {
        this.serviceName = serviceName;
        setId("booking-dialog");
        setHeaderTitle("Book an appointment");
        setWidth("min(40rem, 100vw)");
        Div summary = AppointmentsView.slotSummary(slot, serviceName);
        summary.setId("booking-slot");

        TextField description = new TextField("Reason for the appointment");
        description.setId("booking-description");
        description.setWidthFull();
        description.setRequiredIndicatorVisible(true);
        description.setHelperText("Required, up to " + BookingDetails.DESCRIPTION_MAX + " characters. The service "
                + "sees it: no more clinical detail than it needs.");
        description.setValueChangeMode(ValueChangeMode.EAGER);
        TextArea comment = new TextArea("Comment for the service (optional)");
        comment.setId("booking-comment");
        comment.setWidthFull();
        comment.setHelperText("Up to " + BookingDetails.COMMENT_MAX + " characters.");
        comment.setValueChangeMode(ValueChangeMode.EAGER);

        binder.forField(description)
                .withValidator((value, ctx) -> BookingDetails.descriptionProblem(value).map(ValidationResult::error)
                        .orElse(ValidationResult.ok()))
                .bind(BookingDetails::getDescription, BookingDetails::setDescription);
        binder.forField(comment)
                .withValidator((value, ctx) -> BookingDetails.commentProblem(value).map(ValidationResult::error)
                        .orElse(ValidationResult.ok()))
                .bind(BookingDetails::getComment, BookingDetails::setComment);
        binder.setBean(details);

        message.setId("booking-message");
        message.setVisible(false);

        book.setId("confirm-booking");
        book.addThemeVariants(ButtonVariant.PRIMARY);
        book.addClickListener(e -> {
            if (binder.validate().isOk()) {
                book.setEnabled(false);
                book.setText("Booking…");
                onBook.accept(details);
            }
        });
        cancel.setId("close-booking");
        cancel.addClickListener(e -> close());
        add(summary, description, comment, message);
        getFooter().add(cancel, book);
    }

    /** The booking failed: say why in the form, keep what was typed, let the user close it or try again. */
    void failed(AppointmentProblem problem, boolean slotGone) {
        message.removeAll();
        message.add(AppointmentsView.problem(problem));
        message.setVisible(true);
        book.setText("Book this appointment");
        // A slot that was just taken cannot be booked again: the user chooses another (what they typed is kept).
        book.setEnabled(!slotGone);
        if (slotGone) {
            cancel.setText("Choose another slot");
        }
    }

    /** The booking was made: the form gives way to the confirmation. */
    void booked(Appointment appointment) {
        removeAll();
        setHeaderTitle("Appointment booked");
        Div confirmation = AppointmentsView.appointmentSummary(appointment, serviceName);
        confirmation.setId("booking-confirmation");
        Paragraph reference = new Paragraph();
        reference.add(new Span("Booking reference: "), AppointmentsView.strong(appointment.id()));
        reference.setId("booking-reference");
        add(confirmation, reference);
        getFooter().removeAll();
        Button done = new Button("Done", e -> close());
        done.setId("booking-done");
        done.addThemeVariants(ButtonVariant.PRIMARY);
        getFooter().add(done);
    }
}
