package com.carepoint.shell.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;

/**
 * Sign-in against an external OpenID Connect provider (Keycloak, NHS CIS2, ...), on when
 * {@code carepoint.auth.issuer-uri} is set. The provider's endpoints come from its discovery document.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(AuthMode.External.class)
class ExternalOidcConfig {

    @Bean
    ClientRegistrationRepository clientRegistrationRepository(AuthProperties auth) {
        return new LazyClientRegistrationRepository(() -> ClientRegistrations
                .fromIssuerLocation(auth.issuerUri())
                .registrationId(SecurityConfig.REGISTRATION_ID)
                .clientId(auth.clientId())
                .clientSecret(auth.clientSecret())
                .scope(auth.scopes())
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .build());
    }
}
