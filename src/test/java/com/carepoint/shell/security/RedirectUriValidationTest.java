package com.carepoint.shell.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.crypto.password.NoOpPasswordEncoder;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * An authorization code from the embedded sign-in only ever goes to Carepoint's own callback on the origin that asked:
 * never to another port on this machine, which the authorization server would accept for a registered loopback URI
 * (RFC 8252's rule for native apps).
 */
class RedirectUriValidationTest {

    static RegisteredClient carepoint() {
        AuthProperties auth = new AuthProperties(null, "carepoint", null, List.of("openid"), null,
                new AuthProperties.Embedded("secret", List.of()));
        return new EmbeddedAuthorizationServerConfig().registeredClientRepository(auth, NoOpPasswordEncoder.getInstance())
                .findByClientId("carepoint");
    }

    static OAuth2AuthorizationCodeRequestAuthenticationContext request(String redirectUri) {
        RegisteredClient client = carepoint();
        var token = new OAuth2AuthorizationCodeRequestAuthenticationToken("http://localhost:8080/oauth2/authorize",
                client.getClientId(), new TestingAuthenticationToken("paramedic", null), redirectUri, "state",
                Set.of("openid"), Map.of());
        return OAuth2AuthorizationCodeRequestAuthenticationContext.with(token).registeredClient(client).build();
    }

    @Test
    void anotherPortOnThisMachineIsRefused() {
        for (String uri : new String[] {"http://127.0.0.1:9/login/oauth2/code/carepoint",
                "http://127.0.0.1:8081/login/oauth2/code/carepoint", "http://[::1]:9/login/oauth2/code/carepoint"}) {
            assertThatThrownBy(() -> EmbeddedAuthorizationServerConfig.redirectUriValidator().accept(request(uri)))
                    .as(uri).isInstanceOf(OAuth2AuthorizationCodeRequestAuthenticationException.class);
        }
    }

    @Test
    void onlyTheExactRegisteredUriIsOtherwiseAccepted() {
        assertThatCode(() -> EmbeddedAuthorizationServerConfig.redirectUriValidator()
                .accept(request("https://carepoint.invalid/login/oauth2/code/carepoint"))).doesNotThrowAnyException();
    }
}
