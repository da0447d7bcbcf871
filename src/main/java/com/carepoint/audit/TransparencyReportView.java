package com.carepoint.audit;

import com.carepoint.access.CurrentUserService;
import com.carepoint.access.Role;
import com.carepoint.kernel.NhsNumber;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The patient transparency report, for the privacy officer answering a patient's or practice's question (e.g. a
 * subject access request): which organisations opened the record, when and why, over the last 12 months; as a page
 * and as a PDF. Producing it is audited.
 */
@Route("transparency-report")
@PageTitle("Transparency report · Carepoint")
@RolesAllowed(Role.PRIVACY_OFFICER_NAME)
public class TransparencyReportView extends VerticalLayout {

    private final TransparencyReport reports;
    private final AuditTrail trail;
    private final CurrentUserService users;
    private final TextField nhsNumber = new TextField("Patient NHS number");
    private final Div result = new Div();

    public TransparencyReportView(TransparencyReport reports, AuditTrail trail, CurrentUserService users) {
        this.reports = reports;
        this.trail = trail;
        this.users = users;
        addClassName("cp-page");
        setId("transparency-view");
        add(new H1("Patient transparency report"), new Paragraph("For an NHS number: which organisations opened the "
                + "patient's GP record through Carepoint in the last " + TransparencyReport.MONTHS + " months, when, "
                + "why and what they saw. Use it to answer a patient or their GP practice, for example for a subject "
                + "access request. Producing the report is recorded in the audit trail."));
        nhsNumber.setId("transparency-nhs");
        nhsNumber.setHelperText("10 digits, for example 999 000 0018");
        Button show = new Button("Show report", e -> show());
        show.setId("transparency-show");
        show.addThemeVariants(ButtonVariant.PRIMARY);
        nhsNumber.addKeyPressListener(Key.ENTER, e -> show());
        HorizontalLayout form = new HorizontalLayout(nhsNumber, show);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        result.setId("transparency-result");
        result.setWidthFull();
        add(form, result);
    }

    private void show() {
        String typed = nhsNumber.getValue() == null ? "" : nhsNumber.getValue().replaceAll("[\\s-]", "");
        Optional<String> problem = NhsNumber.problemWith(typed);
        if (problem.isPresent()) {
            // The previous patient's report goes: a report left under a number that was not searched for would be
            // read as this patient's.
            result.removeAll();
            nhsNumber.setInvalid(true);
            nhsNumber.setErrorMessage(problem.get());
            return;
        }
        nhsNumber.setInvalid(false);
        TransparencyReport.Report report = reports.forPatient(typed);
        audit(typed, "Transparency report shown (" + report.accesses().size() + " accesses)");
        result.removeAll();
        Paragraph period = new Paragraph("NHS number " + TransparencyReportPdf.formatted(typed) + ", "
                + TransparencyReportPdf.DAY.format(report.from()) + " to " + TransparencyReportPdf.DAY.format(report.to())
                + ". Staff are identified by role; names are in the audit trail.");
        period.setId("transparency-period");
        Anchor pdf = new Anchor(event -> {
            // The file name is part of the download address: no NHS number in it (as for record addresses).
            event.setFileName("carepoint-access-report.pdf");
            event.setContentType("application/pdf");
            byte[] bytes = TransparencyReportPdf.render(report);
            audit(typed, "Transparency report downloaded as PDF");
            event.getOutputStream().write(bytes);
        }, AttachmentType.DOWNLOAD, "Download as PDF");
        pdf.setId("transparency-pdf");
        pdf.addClassName("cp-download-link");
        result.add(period, pdf);
        if (report.organisations().isEmpty() && report.appointments().isEmpty()) {
            Paragraph none = new Paragraph("No organisation opened this patient's GP record through Carepoint in this "
                    + "period.");
            none.setId("transparency-none");
            result.add(none);
            return;
        }
        Grid<TransparencyReport.Organisation> orgs = new Grid<>();
        orgs.setId("transparency-organisations");
        orgs.setAllRowsVisible(true);
        orgs.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        orgs.addColumn(o -> o.orgName() + " (" + o.orgOds() + ")").setHeader("Organisation").setFlexGrow(2);
        orgs.addColumn(o -> TransparencyReportPdf.orgType(o.orgType())).setHeader("Type").setAutoWidth(true);
        orgs.addColumn(o -> o.accesses() + (o.anyEmergency() ? " (incl. emergency access)" : "")).setHeader("Accesses")
                .setAutoWidth(true);
        orgs.addColumn(o -> AuditView.WHEN.format(o.first())).setHeader("First").setAutoWidth(true);
        orgs.addColumn(o -> AuditView.WHEN.format(o.last())).setHeader("Last").setAutoWidth(true);
        orgs.setItems(report.organisations());

        Grid<TransparencyReport.Access> accesses = new Grid<>();
        accesses.setId("transparency-accesses");
        accesses.setAllRowsVisible(true);
        accesses.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        accesses.addColumn(a -> AuditView.WHEN.format(a.at())).setHeader("When").setAutoWidth(true);
        accesses.addColumn(a -> a.orgName() + " (" + a.orgOds() + ")").setHeader("Organisation").setFlexGrow(2);
        accesses.addColumn(a -> TransparencyReportPdf.role(a.role())).setHeader("Role").setAutoWidth(true);
        accesses.addColumn(a -> (a.emergency() ? "EMERGENCY ACCESS. " : "") + a.reason()).setHeader("Reason given")
                .setFlexGrow(2);
        accesses.addColumn(a -> a.outcome() + (a.sectionsShown().isEmpty() ? "" : ": "
                + String.join(", ", a.sectionsShown()))).setHeader("What was seen").setFlexGrow(3);
        accesses.setItems(report.accesses());
        result.add(new H2("Organisations"), orgs, new H2("Each access"), accesses);
        if (!report.appointments().isEmpty()) {
            Grid<TransparencyReport.Action> appts = new Grid<>();
            appts.setId("transparency-appointments");
            appts.setAllRowsVisible(true);
            appts.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
            appts.addColumn(a -> AuditView.WHEN.format(a.at())).setHeader("When").setAutoWidth(true);
            appts.addColumn(a -> a.orgName() + " (" + a.orgOds() + ")").setHeader("Organisation").setFlexGrow(2);
            appts.addColumn(a -> TransparencyReportPdf.role(a.role())).setHeader("Role").setAutoWidth(true);
            appts.addColumn(TransparencyReport.Action::what).setHeader("What was done").setFlexGrow(3);
            appts.addColumn(TransparencyReport.Action::outcome).setHeader("Outcome").setFlexGrow(2);
            appts.setItems(report.appointments());
            result.add(new H2("Appointments"), appts);
        }
        if (!report.notes().isEmpty()) {
            Grid<TransparencyReport.Action> notes = new Grid<>();
            notes.setId("transparency-notes");
            notes.setAllRowsVisible(true);
            notes.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
            notes.addColumn(a -> AuditView.WHEN.format(a.at())).setHeader("When").setAutoWidth(true);
            notes.addColumn(a -> a.orgName() + " (" + a.orgOds() + ")").setHeader("Organisation").setFlexGrow(2);
            notes.addColumn(a -> TransparencyReportPdf.role(a.role())).setHeader("Role").setAutoWidth(true);
            notes.addColumn(TransparencyReport.Action::what).setHeader("Encounter note").setFlexGrow(3);
            notes.addColumn(TransparencyReport.Action::outcome).setHeader("Outcome").setFlexGrow(2);
            notes.setItems(report.notes());
            result.add(new H2("Encounter notes sent to the GP"), notes);
        }
    }

    private void audit(String nhs, String detail) {
        trail.record(new AuditEvent(Instant.now(), users.require(), Optional.of(nhs), AuditAction.AUDIT_REVIEW, detail,
                Optional.empty(), "shown", UUID.randomUUID().toString()));
    }
}
