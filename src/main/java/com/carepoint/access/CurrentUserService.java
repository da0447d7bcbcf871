package com.carepoint.access;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Service;

/** The signed-in user, for services and views. */
@Service
public class CurrentUserService {

    private final CurrentUserResolver resolver;

    public CurrentUserService(CurrentUserResolver resolver) {
        this.resolver = resolver;
    }

    public Optional<CurrentUser> find() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || !(auth.getPrincipal() instanceof OidcUser oidc)) {
            return Optional.empty();
        }
        return resolver.resolve(oidc);
    }

    /** The signed-in user; throws when there is none (a programming error behind a secured route). */
    public CurrentUser require() {
        return find().orElseThrow(() -> new IllegalStateException("No signed-in Carepoint user"));
    }

    /** Resolves an OIDC principal into a Carepoint user; implemented by the sign-in configuration. */
    public interface CurrentUserResolver {
        Optional<CurrentUser> resolve(OidcUser user);
    }
}
