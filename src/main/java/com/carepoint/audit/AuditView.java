package com.carepoint.audit;

import com.carepoint.access.CurrentUserService;
import com.carepoint.access.Role;
import com.carepoint.kernel.NhsNumber;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The privacy officer's view of the audit trail: search by user, patient, organisation and date, and export the
 * search as CSV. Every search and export is itself audited.
 */
@Route("audit")
@PageTitle("Audit trail · Carepoint")
@RolesAllowed(Role.PRIVACY_OFFICER_NAME)
public class AuditView extends VerticalLayout {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd-MMM-yyyy HH:mm:ss", Locale.ENGLISH)
            .withZone(ZoneId.of("Europe/London"));

    private final AuditTrail trail;
    private final CurrentUserService users;
    private final TextField user = new TextField("User id");
    private final TextField patient = new TextField("Patient NHS number");
    private final TextField organisation = new TextField("Organisation ODS code");
    private final DatePicker from = new DatePicker("From");
    private final DatePicker to = new DatePicker("To");
    private final Grid<AuditTrail.Entry> grid = new Grid<>();
    private final Paragraph summary = new Paragraph();
    private List<AuditTrail.Entry> results = List.of();
    private AuditTrail.Criteria criteria;

    public AuditView(AuditTrail trail, CurrentUserService users) {
        this.trail = trail;
        this.users = users;
        addClassName("cp-page");
        setId("audit-view");
        add(new H1("Audit trail"), new Paragraph("Who looked at which patient's record, when, why and with what "
                + "outcome. Searches and exports here are recorded in the audit trail too."));
        user.setId("audit-user");
        patient.setId("audit-patient");
        organisation.setId("audit-organisation");
        from.setId("audit-from");
        to.setId("audit-to");
        from.setLocale(Locale.UK);
        to.setLocale(Locale.UK);
        Button search = new Button("Search", e -> search());
        search.setId("audit-search");
        search.addThemeVariants(ButtonVariant.PRIMARY);
        Anchor export = new Anchor(event -> {
            event.setFileName("carepoint-audit.csv");
            event.setContentType("text/csv;charset=utf-8");
            audit("Audit search exported as CSV (" + results.size() + " rows)");
            try (PrintWriter w = event.getWriter()) {
                w.println("id,time,user_id,user_name,role,org_ods,org_name,patient_nhs,action,detail,reason,outcome,trace_id");
                for (AuditTrail.Entry r : results) {
                    w.println(String.join(",", String.valueOf(r.id()), csv(WHEN.format(r.occurredAt())),
                            csv(r.userId()), csv(r.userName()), csv(r.role()), csv(r.orgOds()), csv(r.orgName()),
                            csv(r.patientNhs()), csv(r.action()), csv(r.detail()), csv(r.reason()), csv(r.outcome()),
                            csv(r.traceId())));
                }
            }
        }, AttachmentType.DOWNLOAD, "Export as CSV");
        export.setId("audit-export");
        export.addClassName("cp-download-link");
        HorizontalLayout filters = new HorizontalLayout(user, patient, organisation, from, to, search, export);
        filters.setWrap(true);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        grid.setId("audit-results");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(r -> WHEN.format(r.occurredAt())).setHeader("When").setAutoWidth(true);
        grid.addColumn(r -> r.userName() + " (" + r.userId() + ")").setHeader("User").setAutoWidth(true);
        grid.addColumn(r -> r.orgName() + " (" + r.orgOds() + ")").setHeader("Organisation").setFlexGrow(2);
        grid.addColumn(r -> r.patientNhs() == null ? "" : NhsNumber.parse(r.patientNhs()).map(NhsNumber::formatted)
                .orElse(r.patientNhs())).setHeader("Patient").setAutoWidth(true);
        grid.addColumn(AuditTrail.Entry::action).setHeader("Action").setAutoWidth(true);
        grid.addColumn(AuditTrail.Entry::detail).setHeader("What").setFlexGrow(2);
        grid.addColumn(r -> r.reason() == null ? "" : r.reason()).setHeader("Why").setFlexGrow(2);
        grid.addColumn(AuditTrail.Entry::outcome).setHeader("Outcome").setFlexGrow(2);
        summary.setId("audit-summary");
        add(filters, summary, grid);
        search();
    }

    private void search() {
        Optional<String> nhs = text(patient).map(s -> s.replaceAll("[\\s-]", ""));
        if (nhs.isPresent() && !NhsNumber.isValid(nhs.get())) {
            // The previous search's rows and count go: they are not the answer to this search, and an export now
            // exports nothing.
            results = List.of();
            grid.setItems(results);
            summary.setText("No search made: correct the patient's NHS number, or clear it to search without it.");
            patient.setInvalid(true);
            patient.setErrorMessage(NhsNumber.problemWith(nhs.get()).orElse("Not a valid NHS number"));
            return;
        }
        patient.setInvalid(false);
        criteria = new AuditTrail.Criteria(text(user), nhs, text(organisation), Optional.ofNullable(from.getValue()),
                Optional.ofNullable(to.getValue()));
        results = trail.search(criteria);
        grid.setItems(results);
        summary.setText(results.size() >= AuditTrail.SEARCH_LIMIT
                ? "The newest " + AuditTrail.SEARCH_LIMIT + " matching rows are shown: narrow the search to see others."
                : results.size() + " matching rows.");
        audit("Audit search" + nhs.map(n -> " for a patient").orElse("") + text(user).map(u -> ", user " + u).orElse("")
                + text(organisation).map(o -> ", organisation " + o).orElse(""));
    }

    private void audit(String detail) {
        trail.record(new AuditEvent(Instant.now(), users.require(), criteria == null ? Optional.empty()
                : criteria.nhsNumber(), AuditAction.AUDIT_REVIEW, detail, Optional.empty(), "shown",
                UUID.randomUUID().toString()));
    }

    /** A search criterion, at most {@value #MAX_CRITERION} characters whatever the browser sent. */
    private static Optional<String> text(TextField f) {
        if (f.getValue() == null || f.getValue().isBlank()) {
            return Optional.empty();
        }
        String v = f.getValue().trim();
        return Optional.of(v.length() > MAX_CRITERION ? v.substring(0, MAX_CRITERION) : v);
    }

    static final int MAX_CRITERION = 200;

    static String csv(String value) {
        if (value == null) {
            return "";
        }
        String v = value.replace("\"", "\"\"");
        // Cells starting with = + - @ are quoted with a leading apostrophe so spreadsheets do not run them.
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return "\"" + v + "\"";
    }
}
