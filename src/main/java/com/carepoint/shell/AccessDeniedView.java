package com.carepoint.shell;

import com.carepoint.access.CurrentUserService;
import com.carepoint.audit.AccessAudit;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/** Shown when a signed-in user opens a page their role does not allow (by link, bookmark or typed URL). */
@PageTitle("Not available for your role · Carepoint")
@ParentLayout(MainLayout.class)
@PermitAll
public class AccessDeniedView extends VerticalLayout implements HasErrorParameter<AccessDeniedException> {

    private final CurrentUserService users;
    private final AccessAudit audit;

    public AccessDeniedView(CurrentUserService users, AccessAudit audit) {
        this.users = users;
        this.audit = audit;
        addClassName("cp-page");
        setId("access-denied-view");
        add(new H1("This page is not available for your role"),
                new Paragraph("Your role does not give access to this part of Carepoint. If you need it for a "
                        + "patient's direct care, ask your organisation's Carepoint administrator."),
                new RouterLink("Go to the home page", HomeView.class));
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        // A refusal is an access attempt: recorded. Record addresses carry an opaque token, never a patient id.
        users.find().ifPresent(u -> audit.pageRefused(u, event.getLocation().getPath()));
        return HttpServletResponse.SC_FORBIDDEN;
    }
}
