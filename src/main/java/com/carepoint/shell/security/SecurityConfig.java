package com.carepoint.shell.security;

import com.carepoint.access.Role;
import com.carepoint.platform.SecurityHeaders;
import com.carepoint.shell.SignOut;
import com.vaadin.flow.spring.security.UidlRedirectStrategy;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import java.util.HashSet;
import java.util.Set;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;

/**
 * The application's filter chain: every route needs sign-in through OpenID Connect, except the health probes and
 * Vaadin's own static resources. Role checks on views are Vaadin's navigation access control
 * ({@code @RolesAllowed}). The embedded authorization server, when on, has its own chains ordered before this one.
 */
@Configuration
@EnableWebSecurity
@EnableConfigurationProperties(AuthProperties.class)
public class SecurityConfig {

    /** The single client registration id, for both the embedded and an external provider. */
    public static final String REGISTRATION_ID = "carepoint";
    public static final String LOGIN_PATH = "/oauth2/authorization/" + REGISTRATION_ID;
    public static final String SIGNED_OUT_PATH = "/signed-out";

    @Bean
    @Order(10)
    SecurityFilterChain applicationChain(HttpSecurity http, AuthProperties auth,
            ClientRegistrationRepository registrations, UserClaimsMapper claims) throws Exception {
        SecurityHeaders.apply(http);
        // OAuth2 login (configured by Vaadin below) takes the authorities mapper from the chain's shared objects.
        http.setSharedObject(GrantedAuthoritiesMapper.class, authoritiesMapper(claims));
        http.authorizeHttpRequests(a -> a
                .requestMatchers("/actuator/health/liveness", "/actuator/health/readiness").permitAll()
                .requestMatchers(SIGNED_OUT_PATH).permitAll()
                // Carepoint's service worker (static; caches only the offline page): registered before sign-in.
                .requestMatchers("/carepoint-sw.js").permitAll()
                .requestMatchers("/actuator/auditchain").hasRole(Role.PRIVACY_OFFICER.name())
                .requestMatchers("/actuator/**").authenticated());
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin
                .oauth2LoginPage(LOGIN_PATH)
                .logoutSuccessHandler(logoutSuccessHandler(auth, registrations)));
        return http.build();
    }

    private static LogoutSuccessHandler logoutSuccessHandler(AuthProperties auth,
            ClientRegistrationRepository registrations) {
        if (auth.embeddedEnabled()) {
            // The embedded server's sign-in lives in the same HTTP session, which logout invalidates: signing out
            // of Carepoint signs out of the embedded server too.
            return (request, response, authentication) -> {
                boolean idle = SignOut.REASON_IDLE.equals(request.getAttribute(SignOut.REASON_ATTRIBUTE));
                SimpleUrlLogoutSuccessHandler handler = new SimpleUrlLogoutSuccessHandler();
                handler.setDefaultTargetUrl(SIGNED_OUT_PATH + (idle ? "?reason=" + SignOut.REASON_IDLE : ""));
                handler.setRedirectStrategy(new UidlRedirectStrategy());
                handler.onLogoutSuccess(request, response, authentication);
            };
        }
        // An external provider: end the provider's session too (RP-initiated logout).
        OidcClientInitiatedLogoutSuccessHandler handler = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        handler.setPostLogoutRedirectUri("{baseUrl}" + SIGNED_OUT_PATH);
        handler.setRedirectStrategy(new UidlRedirectStrategy());
        return handler;
    }

    /** Turns the role claim of the ID token into the {@code ROLE_*} authority that views check. */
    static GrantedAuthoritiesMapper authoritiesMapper(UserClaimsMapper claims) {
        return authorities -> {
            Set<GrantedAuthority> mapped = new HashSet<>(authorities);
            for (GrantedAuthority a : authorities) {
                if (a instanceof OidcUserAuthority oidc) {
                    claims.role(oidc.getIdToken().getClaims())
                            .map(Role::authority)
                            .map(SimpleGrantedAuthority::new)
                            .ifPresent(mapped::add);
                }
            }
            return mapped;
        };
    }
}
