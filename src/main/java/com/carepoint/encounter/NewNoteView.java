package com.carepoint.encounter;

import com.carepoint.access.CurrentUser;
import com.carepoint.access.CurrentUserService;
import com.carepoint.access.Role;
import com.carepoint.kernel.TracedPatient;
import com.carepoint.patient.OpenPatients;
import com.carepoint.patient.PatientRecordRoute;
import com.carepoint.patient.PatientSearchView;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.util.Optional;

/**
 * Starts a note about the patient open in this session (from the record's "Write the encounter note") and goes to
 * it; the note's own address then survives reloads, sign-outs and crashes.
 */
@Route(NewNoteView.TEMPLATE)
@PageTitle("New encounter note · Carepoint")
@RolesAllowed({Role.PARAMEDIC_NAME, Role.CLINICIAN_111_NAME})
public class NewNoteView extends Div implements BeforeEnterObserver {

    public static final String TEMPLATE = "record/:token/note";

    public static String path(String token) {
        return PatientRecordRoute.notePath(token);
    }

    private final OpenPatients openPatients;
    private final EncounterNoteService notes;
    private final CurrentUserService users;

    public NewNoteView(OpenPatients openPatients, EncounterNoteService notes, CurrentUserService users) {
        this.openPatients = openPatients;
        this.notes = notes;
        this.users = users;
        addClassName("cp-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String token = event.getRouteParameters().get("token").orElse("");
        Optional<TracedPatient> patient = openPatients.get(token);
        CurrentUser user = users.require();
        if (patient.isEmpty()) {
            add(new H1("This patient is no longer open"), new Paragraph("Find the patient again to write a note."),
                    new RouterLink("Find a patient", PatientSearchView.class));
            return;
        }
        if (openPatients.reason(token).isEmpty()) {
            event.forwardTo(PatientRecordRoute.path(token));
            return;
        }
        if (notes.kindFor(user).isEmpty() || patient.get().registeredPracticeOds().isEmpty()) {
            add(new H1("No note can be sent for this patient"), new Paragraph("A note goes to the patient's "
                    + "registered GP practice, and the national demographics service has none for this patient."));
            return;
        }
        // The user's draft about this patient from the last 12 hours (this encounter), if there is one, rather than a
        // second draft; never a correction of an earlier note, which is reached from that note.
        java.time.Instant recent = java.time.Instant.now().minus(java.time.Duration.ofHours(12));
        Optional<EncounterNote> draft = notes.drafts(user).stream()
                .filter(d -> d.patient().nhsNumber().equals(patient.get().nhsNumber().value()))
                .filter(d -> d.corrects().isEmpty() && d.createdAt().isAfter(recent)).findFirst();
        EncounterNote note = draft.orElseGet(() -> notes.start(user, patient.get()));
        event.forwardTo(EncounterNoteView.path(note.id()));
    }
}
