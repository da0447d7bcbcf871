package com.carepoint.encounter;

import com.carepoint.access.CurrentUser;
import com.carepoint.access.CurrentUserService;
import com.carepoint.access.Role;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/** The user's encounter notes: unsent drafts, and sent notes with where each delivery has got to. */
@Route("notes")
@PageTitle("Encounter notes · Carepoint")
@RolesAllowed({Role.PARAMEDIC_NAME, Role.CLINICIAN_111_NAME})
public class NotesView extends VerticalLayout {

    public NotesView(EncounterNoteService notes, CurrentUserService users) {
        addClassName("cp-page");
        setId("notes-view");
        CurrentUser user = users.require();
        add(new H1("Encounter notes"), new Paragraph("Start a note from the patient's record (\u201cWrite the "
                + "encounter note\u201d). Notes are sent to the patient's registered GP practice when you sign them."));
        add(new H2("Your unsent drafts"), drafts(notes.drafts(user)));
        List<EncounterNoteService.SentNote> sent = notes.sent(user);
        Div list = new Div();
        list.setId("sent-notes");
        if (sent.isEmpty()) {
            list.add(new Paragraph("You have not sent any notes."));
        }
        for (EncounterNoteService.SentNote s : sent) {
            Div row = new Div();
            row.addClassName("cp-card");
            row.getElement().setAttribute("data-note", s.note().id().toString());
            row.getElement().setAttribute("data-status", s.delivery().map(d -> d.status().name()).orElse(""));
            row.add(new Anchor(EncounterNoteView.path(s.note().id()), label(s.note())));
            Paragraph status = new Paragraph(new Span(s.delivery().map(d -> d.status().label() + ": "
                    + d.explained()).orElse("No delivery recorded.")));
            status.addClassName("cp-note-status");
            row.add(status);
            if (s.delivery().map(NoteDelivery::overdue).orElse(false)) {
                Paragraph late = new Paragraph(NoteDelivery.OVERDUE);
                late.addClassName("cp-note-overdue");
                row.add(late);
            }
            if (s.delivery().map(NoteDelivery::needsAttention).orElse(true)) {
                row.addClassName("cp-problem");
            }
            list.add(row);
        }
        add(new H2("Sent notes"), list);
    }

    /** The user's drafts as links (also shown on the home page). */
    public static Div drafts(List<EncounterNote> drafts) {
        Div list = new Div();
        list.setId("note-drafts");
        if (drafts.isEmpty()) {
            list.add(new Paragraph("You have no unsent drafts."));
        }
        for (EncounterNote d : drafts) {
            Anchor a = new Anchor(EncounterNoteView.path(d.id()), label(d) + " — last changed "
                    + EncounterNoteView.WHEN.format(d.updatedAt().atZone(EncounterNoteView.UK)));
            a.addClassName("cp-action-link");
            a.getElement().setAttribute("data-note", d.id().toString());
            list.add(new Div(a));
        }
        return list;
    }

    /**
     * The user's notes that have not reached the practice (rejected, not delivered, or overdue), with what to do:
     * for the home page.
     */
    public static Div needingAttention(List<EncounterNoteService.SentNote> notes) {
        Div list = new Div();
        list.setId("note-alerts");
        list.addClassName("cp-problem");
        list.getElement().setAttribute("role", "alert");
        for (EncounterNoteService.SentNote s : notes) {
            NoteDelivery d = s.delivery().orElseThrow();
            Anchor a = new Anchor(EncounterNoteView.path(s.note().id()), label(s.note()));
            a.addClassName("cp-action-link");
            Div row = new Div(a, new Paragraph(d.status().label() + ": " + d.explained()
                    + (d.overdue() ? " " + NoteDelivery.OVERDUE : "")));
            row.getElement().setAttribute("data-note", s.note().id().toString());
            row.getElement().setAttribute("data-status", d.status().name());
            list.add(row);
        }
        return list;
    }

    static String label(EncounterNote n) {
        return n.kind().displayName() + ": " + n.patient().familyName().toUpperCase(java.util.Locale.UK) + ", "
                + String.join(" ", n.patient().givenNames()) + " (NHS number "
                + com.carepoint.kernel.NhsNumber.parse(n.patient().nhsNumber()).map(
                        com.carepoint.kernel.NhsNumber::formatted).orElse(n.patient().nhsNumber()) + ")"
                + (n.corrects().isPresent() ? " — correction" : "");
    }
}
