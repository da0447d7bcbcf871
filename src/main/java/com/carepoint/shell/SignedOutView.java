package com.carepoint.shell;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** Where sign-out lands: says the user is signed out (and why, after an idle timeout) and offers to sign in again. */
@Route(value = "signed-out", autoLayout = false)
@PageTitle("Signed out · Carepoint")
@AnonymousAllowed
public class SignedOutView extends VerticalLayout implements BeforeEnterObserver {

    private final H1 title = new H1();
    private final Paragraph detail = new Paragraph();

    public SignedOutView() {
        addClassNames("cp-page", "cp-signed-out");
        setId("signed-out-view");
        // Outside the app layout (nobody is signed in), so the page's one main landmark is the view itself.
        getElement().setAttribute("role", "main");
        title.setId("signed-out-title");
        Anchor again = new Anchor("", "Sign in again");
        again.addClassName("cp-button-link");
        again.setId("sign-in-again");
        again.setRouterIgnore(true);
        add(title, detail, again);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        boolean idle = event.getLocation().getQueryParameters().getSingleParameter("reason")
                .filter(SignOut.REASON_IDLE::equals).isPresent();
        title.setText(idle ? "You were signed out because Carepoint was not being used" : "You have signed out");
        detail.setText(idle
                ? "To protect patients' information, Carepoint signs you out after a period without activity. "
                        + "Sign in again to carry on."
                : "You are signed out of Carepoint. Close the browser if you are on a shared device.");
    }
}
