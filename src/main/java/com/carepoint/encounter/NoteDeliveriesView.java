package com.carepoint.encounter;

import com.carepoint.access.CurrentUserService;
import com.carepoint.access.Role;
import com.carepoint.kernel.NhsNumber;
import com.carepoint.kernel.Text;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The privacy officer's (and operator's) page of encounter notes that have not reached the patient's GP practice:
 * rejected by the practice's system, not delivered, or not delivered within the configured time. Each row says who
 * wrote it, about which patient (by NHS number: the privacy officer sees no clinical information), how long ago,
 * where it got to in plain English, and what to do. Opening it is audited. A rejected or undelivered note can be
 * marked followed up, saying what was done; it then leaves the page (audited against the patient).
 */
@Route("note-deliveries")
@PageTitle("Undelivered encounter notes · Carepoint")
@RolesAllowed(Role.PRIVACY_OFFICER_NAME)
public class NoteDeliveriesView extends VerticalLayout {

    public NoteDeliveriesView(EncounterNoteService notes, CurrentUserService users) {
        addClassName("cp-page");
        setId("note-deliveries-view");
        add(new H1("Undelivered encounter notes"), new Paragraph("Encounter notes that paramedics and NHS 111 "
                + "clinicians signed but that have not reached the patient's GP practice: refused by the practice's "
                + "system, not delivered by MESH, or not delivered within the time expected. Until the practice has "
                + "the note, the patient's GP does not know what happened at the encounter. Rejected and undelivered "
                + "notes are listed for " + EncounterNoteService.ATTENTION_WINDOW.toDays() + " days; opening this "
                + "page is recorded in the audit trail."));
        this.notes = notes;
        this.users = users;
        rows = new ArrayList<>(notes.undelivered(users.require()));
        summary.setId("note-deliveries-summary");
        list.setId("note-deliveries");
        list.addClassName("cp-note-deliveries");
        // The cards' titles are h3: a heading for the list sits between them and the page's h1 (heading order for a
        // screen reader), visually hidden because the summary just above says the same.
        H2 listHeading = new H2("Notes not delivered");
        listHeading.addClassName("cp-visually-hidden");
        add(summary, listHeading, list);
        show();
    }

    private final EncounterNoteService notes;
    private final CurrentUserService users;
    private final Paragraph summary = new Paragraph();
    private final Div list = new Div();
    private List<EncounterNoteService.UndeliveredNote> rows;

    private void show() {
        summary.setText(rows.isEmpty() ? "Every signed note has reached its practice, is on its way in the time "
                + "expected, or has been followed up." : rows.size() + (rows.size() == 1 ? " note has" : " notes have")
                + " not reached the practice.");
        summary.setClassName(rows.isEmpty() ? "cp-notice" : "cp-problem");
        list.removeAll();
        rows.forEach(r -> list.add(card(r)));
    }

    /**
     * One note as a card, every part in full and wrapping (no column squeezes "what to do" into a word per line on a
     * tablet): when, patient, author and note; where it got to; what to do; the follow-up mark.
     */
    private Div card(EncounterNoteService.UndeliveredNote r) {
        Div card = new Div();
        card.addClassNames("cp-card", "cp-note-delivery");
        card.getElement().setAttribute("data-note", r.noteId().toString());
        card.getElement().setAttribute("data-status", r.delivery().status().name());
        H3 title = new H3(r.kind() + " note for " + patient(r) + " to practice " + r.practiceOds());
        card.add(title,
                line("Signed", EncounterNoteView.WHEN.format(r.signedAt().atZone(EncounterNoteView.UK)) + " ("
                        + age(r.age()) + " ago)"),
                line("Author", r.author().name() + " (" + r.author().userId() + "), " + Role.fromClaim(r.author()
                        .role()).map(Role::displayName).orElse(r.author().role()) + " · " + r.author().orgName()
                        + " (" + r.author().orgOds() + ")"),
                line("Where it got to", r.delivery().status().label() + (r.delivery().overdue() ? ", overdue" : "")
                        + ": " + r.delivery().explained()),
                line("What to do", r.whatToDo()),
                followUpButton(r));
        return card;
    }

    private static Paragraph line(String label, String text) {
        Paragraph p = new Paragraph();
        Span l = new Span(label + ": ");
        l.addClassName("cp-label");
        p.add(l, new Span(text));
        return p;
    }

    /** Only a note that will not arrive by itself (rejected, not delivered) can be marked followed up. */
    private static String patient(EncounterNoteService.UndeliveredNote r) {
        return NhsNumber.parse(r.patientNhs()).map(NhsNumber::formatted).orElse(r.patientNhs());
    }

    private Component followUpButton(EncounterNoteService.UndeliveredNote r) {
        if (r.delivery().status() != NoteDelivery.Status.REJECTED && r.delivery().status() != NoteDelivery.Status
                .FAILED) {
            return line("Followed up", "not needed yet: Carepoint keeps trying, and the note leaves this page once "
                    + "it is filed");
        }
        Button mark = new Button("Mark followed up", e -> openFollowUp(r));
        mark.setId("follow-up-" + r.noteId());
        mark.getElement().setAttribute("aria-label", "Mark the note for " + patient(r) + " followed up");
        return mark;
    }

    /** What the officer types when marking a note followed up. */
    static final class FollowUp {
        private String whatWasDone = "";

        public String getWhatWasDone() {
            return whatWasDone;
        }

        public void setWhatWasDone(String whatWasDone) {
            this.whatWasDone = whatWasDone;
        }
    }

    private void openFollowUp(EncounterNoteService.UndeliveredNote r) {
        Dialog dialog = new Dialog();
        dialog.setId("follow-up-dialog");
        dialog.setHeaderTitle("Mark followed up");
        Paragraph about = new Paragraph("The " + r.kind() + " note for " + patient(r) + " by " + r.author().name()
                + " is not in the "
                + "patient's GP record. Mark it followed up only once the practice has the note's content (for "
                + "example, the author phoned it through). It then leaves this page and the author's alerts.");
        TextArea done = new TextArea("What was done");
        done.setId("follow-up-what");
        done.setWidthFull();
        done.setMaxLength(EncounterNoteService.FOLLOW_UP_MAX);
        done.setHelperText("For example: author phoned the practice on 3 Dec; the practice has recorded it.");
        Binder<FollowUp> binder = new Binder<>();
        String required = "Say what was done before marking it followed up";
        binder.forField(done).asRequired(required)
                .withValidator(v -> !v.isBlank(), required)
                .withValidator(v -> v.strip().length() <= EncounterNoteService.FOLLOW_UP_MAX,
                        "At most " + EncounterNoteService.FOLLOW_UP_MAX + " characters")
                .withValidator(v -> !Text.hasInvisibleFormatting(v), Text.INVISIBLE_FORMATTING_PROBLEM)
                .bind(FollowUp::getWhatWasDone, FollowUp::setWhatWasDone);
        FollowUp typed = new FollowUp();
        binder.setBean(typed);
        Paragraph problem = new Paragraph();
        problem.setId("follow-up-problem");
        problem.addClassName("cp-problem");
        problem.setVisible(false);
        Button confirm = new Button("Mark followed up", e -> {
            if (!binder.validate().isOk()) {
                return;
            }
            boolean marked;
            try {
                marked = notes.markFollowedUp(users.require(), r.noteId(), typed.getWhatWasDone());
            } catch (IllegalArgumentException refused) {
                // The service's own check (the same rules as the form's): said plainly, what was typed kept.
                done.setInvalid(true);
                done.setErrorMessage(refused.getMessage() + ".");
                return;
            }
            if (marked) {
                rows.removeIf(x -> x.noteId().equals(r.noteId()));
                show();
                dialog.close();
            } else {
                problem.setText("This note is no longer waiting for follow-up (someone else marked it, or its status "
                        + "changed). Close this and reopen the page to see where it is now.");
                problem.setVisible(true);
            }
        });
        confirm.setId("follow-up-confirm");
        confirm.addThemeVariants(ButtonVariant.PRIMARY);
        Button cancel = new Button("Cancel", e -> dialog.close());
        cancel.setId("follow-up-cancel");
        dialog.add(about, done, problem);
        dialog.getFooter().add(cancel, confirm);
        dialog.open();
    }

    /** "3 days 4 h", "2 h 5 min", "12 min", "less than a minute". */
    static String age(Duration d) {
        if (d.toDays() > 0) {
            return d.toDays() + (d.toDays() == 1 ? " day " : " days ") + d.toHoursPart() + " h";
        }
        if (d.toHours() > 0) {
            return d.toHours() + " h " + d.toMinutesPart() + " min";
        }
        return d.toMinutes() > 0 ? d.toMinutes() + " min" : "less than a minute";
    }
}
