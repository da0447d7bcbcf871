package com.carepoint.access;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/** The effective data-sharing policy, for the privacy officer: who may request and see which record sections. */
@Route("policy")
@PageTitle("Data-sharing policy · Carepoint")
@RolesAllowed(Role.PRIVACY_OFFICER_NAME)
public class PolicyView extends VerticalLayout {

    public PolicyView(DataSharingPolicy policy) {
        addClassName("cp-page");
        setId("policy-view");
        add(new H1("Data-sharing policy"), new Paragraph("Which GP record sections each role may request from GP "
                + "practices and see. The first rule matching a user's role and organisation type applies; sections "
                + "not listed are never requested. \"Current only\" means active allergies, current medications and "
                + "active problems, without history. Emergency access (when the patient cannot give permission) needs a "
                + "typed justification and is reviewed; it never overrides a patient's dissent."));
        Grid<DataSharingPolicy.Rule> grid = new Grid<>();
        grid.setId("policy-rules");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(r -> Role.fromClaim(r.role()).map(Role::displayName).orElse(r.role())).setHeader("Role")
                .setAutoWidth(true);
        grid.addColumn(r -> r.organisationTypes().isEmpty() ? "Any" : String.join(", ", r.organisationTypes()))
                .setHeader("Organisation types").setAutoWidth(true);
        grid.addColumn(r -> r.sections().isEmpty() ? "None (no clinical data)" : String.join(", ", r.sections()))
                .setHeader("Sections").setFlexGrow(3);
        grid.addColumn(r -> r.currentOnly() ? "Yes" : "No").setHeader("Current only").setAutoWidth(true);
        grid.addColumn(r -> r.emergencyAccess() && !r.sections().isEmpty() ? "Yes, justified and reviewed" : "No")
                .setHeader("Emergency access").setAutoWidth(true);
        grid.setItems(policy.rules());
        grid.setAllRowsVisible(true);
        add(grid);
    }
}
