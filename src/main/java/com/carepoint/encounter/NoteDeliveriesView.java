package com.carepoint.encounter;

import com.carepoint.access.CurrentUserService;
import com.carepoint.access.Role;
import com.carepoint.kernel.NhsNumber;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Duration;
import java.util.List;

/**
 * The privacy officer's (and operator's) page of encounter notes that have not reached the patient's GP practice:
 * rejected by the practice's system, not delivered, or not delivered within the configured time. Each row says who
 * wrote it, about which patient (by NHS number: the privacy officer sees no clinical information), how long ago,
 * where it got to in plain English, and what to do. Opening it is audited.
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
        List<EncounterNoteService.UndeliveredNote> rows = notes.undelivered(users.require());
        Paragraph summary = new Paragraph(rows.isEmpty() ? "Every signed note has reached its practice or is on its "
                + "way in the time expected." : rows.size() + (rows.size() == 1 ? " note has" : " notes have")
                + " not reached the practice.");
        summary.setId("note-deliveries-summary");
        summary.addClassName(rows.isEmpty() ? "cp-notice" : "cp-problem");
        Grid<EncounterNoteService.UndeliveredNote> grid = new Grid<>();
        grid.setId("note-deliveries");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.addColumn(r -> EncounterNoteView.WHEN.format(r.signedAt().atZone(EncounterNoteView.UK)) + " ("
                + age(r.age()) + " ago)").setHeader("Signed").setAutoWidth(true);
        grid.addColumn(r -> NhsNumber.parse(r.patientNhs()).map(NhsNumber::formatted).orElse(r.patientNhs()))
                .setHeader("Patient").setAutoWidth(true);
        grid.addColumn(r -> r.author().name() + " (" + r.author().userId() + "), " + Role.fromClaim(r.author().role())
                .map(Role::displayName).orElse(r.author().role()) + " · " + r.author().orgName() + " ("
                + r.author().orgOds() + ")").setHeader("Author").setFlexGrow(2);
        grid.addColumn(r -> r.kind() + " note to " + r.practiceOds()).setHeader("Note").setFlexGrow(1);
        grid.addComponentColumn(r -> {
            Div cell = new Div(new Span(r.delivery().status().label() + (r.delivery().overdue() ? ", overdue" : "")
                    + ": " + r.delivery().explained()));
            cell.getElement().setAttribute("data-status", r.delivery().status().name());
            return cell;
        }).setHeader("Where it got to").setFlexGrow(3);
        grid.addColumn(EncounterNoteService.UndeliveredNote::whatToDo).setHeader("What to do").setFlexGrow(3);
        grid.setItems(rows);
        add(summary, grid);
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
