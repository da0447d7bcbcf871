package com.carepoint.appointments;

import com.carepoint.access.Role;
import com.carepoint.patient.OpenPatients;
import com.carepoint.patient.PatientSearchView;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/**
 * Where the navigation's "Appointments" leads: appointments are always for one patient, so this page says how to
 * book and links to the appointments of the patients traced in this session.
 */
@Route("appointments")
@PageTitle("Appointments · Carepoint")
@RolesAllowed({Role.PARAMEDIC_NAME, Role.CLINICIAN_111_NAME})
public class AppointmentsHomeView extends VerticalLayout {

    public AppointmentsHomeView(OpenPatients openPatients) {
        addClassNames("cp-page");
        setId("appointments-home");
        add(new H1("Appointments"), new Paragraph("Appointments are booked for one patient at a time: find the "
                + "patient, open their GP record and choose \u201cAppointments\u201d. Carepoint then searches the "
                + "patient's practice and the hub and out-of-hours services your organisation may book into, all at "
                + "once."), new RouterLink("Find a patient", PatientSearchView.class));
        List<OpenPatients.Recent> recent = openPatients.recent();
        if (!recent.isEmpty()) {
            Div list = new Div();
            list.setId("appointments-recent");
            for (OpenPatients.Recent r : recent) {
                Anchor a = new Anchor(AppointmentsView.path(r.token()), r.patient().bannerName() + " \u2014 NHS number "
                        + r.patient().nhsNumber().formatted());
                a.addClassName("cp-action-link");
                list.add(new Div(a));
            }
            add(new H2("Patients you have traced in this session"), list);
        }
    }
}
