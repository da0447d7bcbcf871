package com.carepoint.shell.security;

import com.carepoint.access.CurrentUser;
import com.carepoint.access.CurrentUserService;
import com.carepoint.access.Organisation;
import com.carepoint.access.OrganisationType;
import com.carepoint.access.Role;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * Maps ID token claims into a {@link CurrentUser}. A user whose token lacks a known role or an organisation gets
 * no Carepoint user at all (and so no access), rather than a guessed one.
 */
@Component
public class UserClaimsMapper implements CurrentUserService.CurrentUserResolver {

    private final AuthProperties.Claims names;

    public UserClaimsMapper(AuthProperties properties) {
        this.names = properties.claims();
    }

    public Optional<CurrentUser> map(String subject, Map<String, Object> claims) {
        Optional<Role> role = Role.fromClaim(string(claims, names.role()));
        String ods = string(claims, names.orgOdsCode());
        if (role.isEmpty() || ods == null || ods.isBlank() || subject == null) {
            return Optional.empty();
        }
        String orgName = Optional.ofNullable(string(claims, names.orgName())).orElse(ods);
        OrganisationType type = OrganisationType.fromClaim(string(claims, names.orgType()))
                .orElse(OrganisationType.OTHER);
        String name = Optional.ofNullable(string(claims, "name"))
                .or(() -> Optional.ofNullable(string(claims, "preferred_username")))
                .orElse(subject);
        return Optional.of(new CurrentUser(subject, name, role.get(), new Organisation(ods.trim(), orgName, type),
                string(claims, names.sdsUserId()), string(claims, names.sdsRoleProfileId())));
    }

    @Override
    public Optional<CurrentUser> resolve(OidcUser user) {
        return map(user.getSubject(), user.getClaims());
    }

    /** The role claim's value mapped to a Carepoint role, if any. */
    public Optional<Role> role(Map<String, Object> claims) {
        return Role.fromClaim(string(claims, names.role()));
    }

    private static String string(Map<String, Object> claims, String name) {
        Object v = claims.get(name);
        if (v instanceof Collection<?> c) {
            v = c.isEmpty() ? null : c.iterator().next();
        }
        return v == null ? null : v.toString();
    }
}
