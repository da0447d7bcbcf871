package com.carepoint.shell;

import com.carepoint.access.CurrentUser;
import com.carepoint.access.CurrentUserService;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/**
 * Who Carepoint thinks you are: the identity it records in the audit trail and sends to GP practices with every
 * request (name, role, organisation, SDS user and role profile ids). Useful when a practice or the service desk asks.
 */
@Route("account")
@PageTitle("Your account · Carepoint")
@PermitAll
public class AccountView extends VerticalLayout {

    public AccountView(CurrentUserService users, SessionProperties session) {
        addClassName("cp-page");
        setId("account-view");
        add(new H1("Your account"));
        users.find().ifPresentOrElse(u -> add(details(u, session)), () -> add(new Paragraph(
                "Your account has no Carepoint role or organisation. Ask your organisation's registration "
                        + "authority or IT service desk to set it up.")));
    }

    private static DescriptionList details(CurrentUser u, SessionProperties session) {
        DescriptionList list = new DescriptionList();
        list.addClassName("cp-details");
        list.setId("account-details");
        add(list, "Name", u.name());
        add(list, "Role", u.role().displayName());
        add(list, "Organisation", u.organisation().name());
        add(list, "ODS code", u.organisation().odsCode());
        add(list, "Organisation type", u.organisation().type().displayName());
        add(list, "SDS user id", describe(u.sdsUserId()));
        add(list, "SDS role profile id", describe(u.sdsRoleProfileId()));
        add(list, "User id", u.userId());
        add(list, "Idle sign-out", "after " + IdleSessionGuard.minutes(session.idleTimeout()) + " without activity");
        return list;
    }

    private static String describe(String sdsId) {
        return CurrentUser.UNKNOWN_SDS_ID.equals(sdsId) ? "None (sent to GP practices as UNK)" : sdsId;
    }

    private static void add(DescriptionList list, String term, String value) {
        list.add(new DescriptionList.Term(term), new DescriptionList.Description(value));
    }
}
