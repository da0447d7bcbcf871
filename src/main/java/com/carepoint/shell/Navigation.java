package com.carepoint.shell;

import com.carepoint.access.PolicyView;
import com.carepoint.access.Role;
import com.carepoint.appointments.AppointmentsHomeView;
import com.carepoint.encounter.NoteDeliveriesView;
import com.carepoint.encounter.NotesView;
import com.carepoint.audit.AuditView;
import com.carepoint.audit.EmergencyAccessReviewView;
import com.carepoint.audit.PracticeNotificationsView;
import com.carepoint.audit.TransparencyReportView;
import com.carepoint.patient.PatientSearchView;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the navigation drawer offers each role. A destination whose feature is not built yet has no view: the drawer
 * shows it as "coming soon" and it cannot be opened (there are no placeholder pages).
 */
public final class Navigation {

    /**
     * A place in the app.
     *
     * @param view  the view, or empty while the feature is not built
     * @param roles the roles that may open it
     */
    public record Destination(String label, VaadinIcon icon, Optional<Class<? extends Component>> view,
            Set<Role> roles) {

        public boolean available() {
            return view.isPresent();
        }
    }

    private static final Set<Role> CLINICAL = EnumSet.of(Role.PARAMEDIC, Role.CLINICIAN_111, Role.SOCIAL_CARE);
    private static final Set<Role> CLINICIANS = EnumSet.of(Role.PARAMEDIC, Role.CLINICIAN_111);
    private static final Set<Role> PRIVACY = EnumSet.of(Role.PRIVACY_OFFICER);

    private static final List<Destination> ALL = List.of(
            new Destination("Home", VaadinIcon.HOME, Optional.of(HomeView.class), EnumSet.allOf(Role.class)),
            new Destination("Find a patient", VaadinIcon.SEARCH, Optional.of(PatientSearchView.class), CLINICAL),
            new Destination("Appointments", VaadinIcon.CALENDAR_CLOCK, Optional.of(AppointmentsHomeView.class), CLINICIANS),
            new Destination("Encounter notes", VaadinIcon.EDIT, Optional.of(NotesView.class), CLINICIANS),
            new Destination("Audit trail", VaadinIcon.RECORDS, Optional.of(AuditView.class), PRIVACY),
            new Destination("Emergency access reviews", VaadinIcon.EXCLAMATION_CIRCLE_O,
                    Optional.of(EmergencyAccessReviewView.class), PRIVACY),
            new Destination("Data-sharing policy", VaadinIcon.SHIELD, Optional.of(PolicyView.class), PRIVACY),
            new Destination("Transparency reports", VaadinIcon.FILE_TEXT_O, Optional.of(TransparencyReportView.class),
                    PRIVACY),
            new Destination("Practice notifications", VaadinIcon.BELL_O, Optional.of(PracticeNotificationsView.class),
                    PRIVACY),
            new Destination("Undelivered encounter notes", VaadinIcon.ENVELOPE_O,
                    Optional.of(NoteDeliveriesView.class), PRIVACY),
            new Destination("Your account", VaadinIcon.USER_CARD, Optional.of(AccountView.class),
                    EnumSet.allOf(Role.class)));

    private Navigation() {
    }

    public static List<Destination> forRole(Role role) {
        return ALL.stream().filter(d -> d.roles().contains(role)).toList();
    }
}
