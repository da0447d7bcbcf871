package com.carepoint.audit;

import com.carepoint.access.OrganisationType;
import com.carepoint.access.Role;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Optional;

/** The privacy officer's list of first accesses by organisations new to a GP practice, per practice. */
@Route("practice-notifications")
@PageTitle("Practice notifications · Carepoint")
@RolesAllowed(Role.PRIVACY_OFFICER_NAME)
public class PracticeNotificationsView extends VerticalLayout {

    public PracticeNotificationsView(PracticeNotifications notifications) {
        addClassName("cp-page");
        setId("practice-notifications-view");
        add(new H1("New organisations seeing practice records"), new Paragraph("Each row is the first time an "
                + "organisation received any part of a GP record from that practice through Carepoint: the "
                + "notification the practice is owed. Later accesses are in the audit trail."));
        TextField practice = new TextField("Practice ODS code");
        practice.setId("notifications-practice");
        Grid<PracticeNotifications.Notification> grid = new Grid<>();
        grid.setId("practice-notifications");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(n -> n.practiceName() + " (" + n.practiceOds() + ")").setHeader("Practice").setFlexGrow(2);
        grid.addColumn(n -> n.orgName() + " (" + n.orgOds() + ")").setHeader("Organisation").setFlexGrow(2);
        grid.addColumn(n -> OrganisationType.fromClaim(n.orgType()).map(OrganisationType::displayName)
                .orElse(n.orgType())).setHeader("Organisation type").setAutoWidth(true);
        grid.addColumn(n -> AuditView.WHEN.format(n.firstAccessAt())).setHeader("First access").setAutoWidth(true);
        grid.addColumn(n -> Role.fromClaim(n.firstUserRole()).map(Role::displayName).orElse(n.firstUserRole()))
                .setHeader("By a").setAutoWidth(true);
        Paragraph summary = new Paragraph();
        summary.setId("notifications-summary");
        Runnable search = () -> {
            Optional<String> ods = Optional.ofNullable(practice.getValue()).map(String::trim).filter(s -> !s.isEmpty());
            var rows = notifications.list(ods);
            grid.setItems(rows);
            // Says which practice the list is for, so a list is never read as another practice's.
            summary.setText(rows.isEmpty() ? "No organisation has accessed "
                    + ods.map(o -> "practice " + o + "'s").orElse("any practice's") + " records yet."
                    : rows.size() + (rows.size() == 1 ? " notification" : " notifications")
                            + ods.map(o -> " for practice " + o).orElse(" for all practices") + ".");
            summary.getElement().setAttribute("data-practice", ods.orElse(""));
        };
        Button show = new Button("Show", e -> search.run());
        show.setId("notifications-search");
        show.addThemeVariants(ButtonVariant.PRIMARY);
        HorizontalLayout filters = new HorizontalLayout(practice, show);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(filters, summary, grid);
        search.run();
    }
}
