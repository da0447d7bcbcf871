package com.carepoint.shell;

import com.carepoint.access.CurrentUser;
import com.carepoint.access.CurrentUserService;
import com.carepoint.access.Role;
import com.carepoint.audit.EmergencyAccessReviews;
import com.vaadin.flow.component.html.Div;
import com.carepoint.encounter.EncounterNoteService;
import com.carepoint.encounter.NotesView;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

/** The signed-in landing page: who you are signed in as, and what your role lets you do. */
@Route("")
@PageTitle("Home · Carepoint")
@PermitAll
public class HomeView extends VerticalLayout {

    static final ZoneId UK = ZoneId.of("Europe/London");

    public HomeView(CurrentUserService users, EmergencyAccessReviews reviews, EncounterNoteService notes) {
        addClassName("cp-page");
        setId("home-view");
        Optional<CurrentUser> user = users.find();
        if (user.isEmpty()) {
            add(new H1("Your account is not set up for Carepoint"));
            add(new Paragraph("You signed in, but your account does not say which role and organisation you work "
                    + "for, so Carepoint cannot show you any patient information. Ask your organisation's "
                    + "registration authority or IT service desk to give your account a Carepoint role."));
            return;
        }
        CurrentUser u = user.get();
        H1 greeting = new H1(greeting() + ", " + u.name());
        greeting.setId("home-greeting");
        add(greeting);
        Paragraph who = new Paragraph("Signed in as " + u.role().displayName() + " for " + u.organisation().name()
                + " (" + u.organisation().odsCode() + ", " + u.organisation().type().displayName() + ").");
        who.setId("home-signed-in-as");
        add(who);
        add(new Paragraph(purpose(u.role())));
        if (u.role() == Role.PRIVACY_OFFICER) {
            long awaiting = reviews.awaitingReview();
            Paragraph queue = new Paragraph(awaiting == 0 ? "No emergency access is awaiting your review."
                    : awaiting + (awaiting == 1 ? " emergency access is" : " emergency accesses are")
                            + " awaiting your review.");
            queue.setId("home-awaiting-review");
            queue.addClassName(awaiting == 0 ? "cp-notice" : "cp-problem");
            add(queue);
        }

        if (u.role() == Role.PRIVACY_OFFICER) {
            int undelivered = notes.undeliveredCount(u);
            Paragraph late = new Paragraph(undelivered == 0 ? "Every signed encounter note has reached its practice "
                    + "or is on its way in the time expected." : undelivered + (undelivered == 1
                            ? " encounter note has" : " encounter notes have") + " not reached the patient's "
                            + "practice: see Undelivered encounter notes.");
            late.setId("home-undelivered-notes");
            late.addClassName(undelivered == 0 ? "cp-notice" : "cp-problem");
            add(late);
        }

        if (notes.kindFor(u).isPresent()) {
            var alerts = notes.needingAttention(u);
            if (!alerts.isEmpty()) {
                H2 alertsTitle = new H2("Your notes that have not reached the practice");
                alertsTitle.setId("home-note-alerts-title");
                add(alertsTitle, NotesView.needingAttention(alerts));
            }
            var drafts = notes.drafts(u);
            if (!drafts.isEmpty()) {
                H2 draftsTitle = new H2("Your unsent encounter notes");
                draftsTitle.setId("home-drafts-title");
                add(draftsTitle, NotesView.drafts(drafts));
            }
        }
        H2 tasksTitle = new H2("What you can do");
        Div tiles = new Div();
        tiles.addClassName("cp-tiles");
        tiles.setId("home-tasks");
        for (Navigation.Destination d : Navigation.forRole(u.role())) {
            // Only features that exist are offered here; the navigation drawer lists the planned ones.
            d.view().filter(v -> v != HomeView.class).ifPresent(view -> {
                RouterLink link = new RouterLink(d.label(), view);
                link.addClassName("cp-tile");
                tiles.add(link);
            });
        }
        add(tasksTitle, tiles);
    }

    static String purpose(Role role) {
        return switch (role) {
            case PARAMEDIC, CLINICIAN_111 -> "Find a patient to see their GP record for direct care. Every record "
                    + "you open is recorded with your reason and is visible to the patient and their GP.";
            case SOCIAL_CARE -> "Find a person to see the summary of their GP record that social care may see for "
                    + "their direct care. Every record you open is recorded with your reason.";
            case PRIVACY_OFFICER -> "Review who accessed which records and why. Your role does not give access to "
                    + "clinical information.";
        };
    }

    private static String greeting() {
        int hour = LocalTime.now(UK).getHour();
        return hour < 12 ? "Good morning" : hour < 18 ? "Good afternoon" : "Good evening";
    }
}
