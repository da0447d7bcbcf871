package com.carepoint.shell;

import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.springframework.stereotype.Component;

/** Signs the user out of Carepoint (and so of the embedded identity provider, which shares the session). */
@Component
public class SignOut {

    /** Request attribute read by the logout success handler to tell the user why they were signed out. */
    public static final String REASON_ATTRIBUTE = "carepoint.signOutReason";
    public static final String REASON_IDLE = "idle";

    private final AuthenticationContext authentication;

    public SignOut(AuthenticationContext authentication) {
        this.authentication = authentication;
    }

    public void byUser() {
        authentication.logout();
    }

    public void afterIdleTimeout() {
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        if (request != null) {
            request.setAttribute(REASON_ATTRIBUTE, REASON_IDLE);
        }
        authentication.logout();
    }
}
