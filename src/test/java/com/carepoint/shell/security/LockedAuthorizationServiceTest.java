package com.carepoint.shell.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * Concurrent sign-ins on the embedded provider: authorizations in progress saved, looked up by token (as the token
 * endpoint does) and removed from several threads at once. Spring's {@code InMemoryOAuth2AuthorizationService}
 * alone fails this with a {@code ConcurrentModificationException} (seen by the load test as HTTP 500 on sign-in).
 */
class LockedAuthorizationServiceTest {

    private static final OAuth2TokenType STATE = new OAuth2TokenType(OAuth2ParameterNames.STATE);
    private static final RegisteredClient CLIENT = RegisteredClient.withId("carepoint").clientId("carepoint")
            .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
            .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
            .redirectUri("https://carepoint.invalid/login/oauth2/code/carepoint").build();

    @Test
    void concurrentSignInsNeverFailTheirLookups() throws Exception {
        OAuth2AuthorizationService service = new LockedAuthorizationService();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                results.add(threads.submit((Callable<Integer>) () -> {
                    int found = 0;
                    for (int i = 0; i < 3_000; i++) {
                        String state = "state-" + thread + "-" + i;
                        OAuth2Authorization authorization = OAuth2Authorization.withRegisteredClient(CLIENT)
                                .id(state).principalName("paramedic")
                                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                                .attribute(OAuth2ParameterNames.STATE, state).build();
                        service.save(authorization);
                        if (service.findByToken(state, STATE) != null) {
                            found++;
                        }
                        service.findByToken("no-such-state", STATE);
                        service.remove(authorization);
                    }
                    return found;
                }));
            }
            for (Future<Integer> result : results) {
                // Each thread finds each of its own authorizations right after saving it.
                assertThat(result.get()).isEqualTo(3_000);
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
