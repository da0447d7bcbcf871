package com.carepoint.shell.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Map;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * Concurrent sign-ins on the embedded provider: authorizations in progress saved, looked up by token (as the token
 * endpoint does) and removed from several threads at once. Spring's {@code InMemoryOAuth2AuthorizationService}
 * alone fails this with a {@code ConcurrentModificationException} (seen by the load test as HTTP 500 on sign-in).
 * And the store forgets a completed sign-in once its last token has expired, where the in-memory store alone keeps
 * every one for ever.
 */
class LockedAuthorizationServiceTest {

    private static final OAuth2TokenType STATE = new OAuth2TokenType(OAuth2ParameterNames.STATE);
    private static final RegisteredClient CLIENT = RegisteredClient.withId("carepoint").clientId("carepoint")
            .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
            .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
            .redirectUri("https://carepoint.invalid/login/oauth2/code/carepoint").build();

    private static final OAuth2TokenType ACCESS_TOKEN = OAuth2TokenType.ACCESS_TOKEN;
    private static final OAuth2TokenType ID_TOKEN = new OAuth2TokenType(OidcParameterNames.ID_TOKEN);
    private static final Instant SIGNED_IN = Instant.parse("2026-12-05T09:00:00Z");

    /** A clock the test moves on. */
    private static final class TestClock extends Clock {
        private Instant now = SIGNED_IN;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** A completed sign-in as the embedded server stores it: code used, access token for 15 min, ID token for 30. */
    private static OAuth2Authorization signedIn(String user) {
        return OAuth2Authorization.withRegisteredClient(CLIENT).id("authorization-" + user).principalName(user)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .token(new OAuth2AuthorizationCode("code-" + user, SIGNED_IN, SIGNED_IN.plus(Duration.ofMinutes(5))),
                        metadata -> metadata.put(OAuth2Authorization.Token.INVALIDATED_METADATA_NAME, true))
                .accessToken(new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "access-" + user, SIGNED_IN,
                        SIGNED_IN.plus(Duration.ofMinutes(15))))
                .token(new OidcIdToken("id-" + user, SIGNED_IN, SIGNED_IN.plus(Duration.ofMinutes(30)),
                        Map.of("sub", user)))
                .build();
    }

    @Test
    void aCompletedSignInIsKeptWhileAnyOfItsTokensLastsAndForgottenAfter() {
        TestClock clock = new TestClock();
        LockedAuthorizationService service = new LockedAuthorizationService(new InMemoryOAuth2AuthorizationService(),
                clock);
        service.save(signedIn("paramedic"));

        clock.now = SIGNED_IN.plus(Duration.ofMinutes(14));
        assertThat(service.findByToken("access-paramedic", ACCESS_TOKEN)).as("user info asked with the access token")
                .isNotNull();
        clock.now = SIGNED_IN.plus(Duration.ofMinutes(29));
        assertThat(service.findByToken("id-paramedic", ID_TOKEN)).as("the ID token still valid").isNotNull();

        clock.now = SIGNED_IN.plus(Duration.ofMinutes(30));
        assertThat(service.findById("authorization-paramedic")).as("every token expired").isNull();
        assertThat(service.findByToken("id-paramedic", ID_TOKEN)).isNull();
        assertThat(service.remembered()).isZero();
    }

    @Test
    void theStoreHoldsOnlyTheLastHalfHoursSignInsHoweverManyThereHaveBeen() {
        TestClock clock = new TestClock();
        InMemoryOAuth2AuthorizationService memory = new InMemoryOAuth2AuthorizationService();
        LockedAuthorizationService service = new LockedAuthorizationService(memory, clock);
        // A sign-in a minute for three hours, each with tokens issued at its own time.
        for (int minute = 0; minute < 180; minute++) {
            clock.now = SIGNED_IN.plus(Duration.ofMinutes(minute));
            Instant at = clock.now;
            OAuth2Authorization one = signedIn("user-" + minute);
            service.save(OAuth2Authorization.from(one)
                    .accessToken(new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "access-" + minute, at,
                            at.plus(Duration.ofMinutes(15))))
                    .token(new OidcIdToken("id-" + minute, at, at.plus(Duration.ofMinutes(30)), Map.of("sub", "u")))
                    .token(new OAuth2AuthorizationCode("code-" + minute, at, at.plus(Duration.ofMinutes(5))))
                    .build());
        }
        // At 179 minutes: the sign-ins of minutes 150-179 are kept (their ID tokens last to 180-209), none older.
        assertThat(service.remembered()).isEqualTo(30);
        assertThat(memory.findById("authorization-user-149")).isNull();
        assertThat(memory.findById("authorization-user-150")).isNotNull();
        assertThat(service.findByToken("access-179", ACCESS_TOKEN)).isNotNull();
    }

    @Test
    void aSignInStillInProgressIsNotForgottenByTheExpiryRule() {
        TestClock clock = new TestClock();
        LockedAuthorizationService service = new LockedAuthorizationService(new InMemoryOAuth2AuthorizationService(),
                clock);
        OAuth2Authorization inProgress = OAuth2Authorization.withRegisteredClient(CLIENT).id("in-progress")
                .principalName("paramedic").authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .attribute(OAuth2ParameterNames.STATE, "state-1").build();
        service.save(inProgress);
        clock.now = SIGNED_IN.plus(Duration.ofHours(2));
        assertThat(service.findByToken("state-1", STATE)).isNotNull();
    }

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
