package com.carepoint.shell.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.core.AbstractOAuth2Token;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * The embedded sign-in server's authorizations, kept in memory as Spring Authorization Server's default does, but
 * safe for concurrent sign-ins and bounded.
 *
 * <p><b>Locked.</b> {@link InMemoryOAuth2AuthorizationService#findByToken} iterates its map of authorizations still
 * in progress (a {@code Collections.synchronizedMap}) without holding that map's lock, so a sign-in saving or
 * removing one meanwhile made another's token request fail with a {@code ConcurrentModificationException} (HTTP 500,
 * the user not signed in). Found by the load test ({@code LoadTestBenchmarkTest}) at 200 concurrent sign-ins; here
 * every call holds one lock (each is a few map operations, far cheaper than the password check around it).
 *
 * <p><b>Forgetting.</b> The in-memory store keeps every completed sign-in (its code, access token, ID token and
 * request) for ever, so the heap grew with every sign-in since the start (docs/performance.md, P4). An authorization
 * is needed only while one of its tokens can still be used: the code for the token request, the access token for
 * the user-info request Carepoint makes once when it signs the user in. So a completed authorization (one with an
 * access token) is forgotten once the last of its tokens has expired — the access token after 15 minutes, the ID
 * token after Spring's default 30 — which bounds the store to the sign-ins of the last half hour. Nothing else asks
 * for it: with the embedded server Carepoint's sign-out ends the one HTTP session both share and never calls the
 * end-session endpoint (whose {@code id_token_hint} lookup would accept an expired ID token; an unknown one is
 * refused as {@code invalid_token}, which is what a forgotten sign-in gets). Sign-ins still in progress are bounded
 * by the in-memory store itself (its 100 most recent).
 */
final class LockedAuthorizationService implements OAuth2AuthorizationService {

    private final OAuth2AuthorizationService delegate;
    private final Clock clock;
    /** Completed authorizations by when the last of their tokens expires, soonest first (a re-save adds another). */
    private final PriorityQueue<Expiry> expiries = new PriorityQueue<>(Comparator.comparing(Expiry::at));

    private record Expiry(String id, Instant at) {
    }

    LockedAuthorizationService() {
        this(new InMemoryOAuth2AuthorizationService(), Clock.systemUTC());
    }

    LockedAuthorizationService(OAuth2AuthorizationService delegate, Clock clock) {
        this.delegate = delegate;
        this.clock = clock;
    }

    @Override
    public synchronized void save(OAuth2Authorization authorization) {
        forgetExpired();
        delegate.save(authorization);
        Instant last = lastExpiry(authorization);
        if (last != null) {
            expiries.add(new Expiry(authorization.getId(), last));
        }
    }

    @Override
    public synchronized void remove(OAuth2Authorization authorization) {
        delegate.remove(authorization);
    }

    @Override
    public synchronized @Nullable OAuth2Authorization findById(String id) {
        forgetExpired();
        return delegate.findById(id);
    }

    @Override
    public synchronized @Nullable OAuth2Authorization findByToken(String token, @Nullable OAuth2TokenType tokenType) {
        forgetExpired();
        return delegate.findByToken(token, tokenType);
    }

    /** How many completed authorizations the store is waiting to forget (at most one entry per save). */
    synchronized int remembered() {
        return expiries.size();
    }

    private void forgetExpired() {
        Instant now = clock.instant();
        while (!expiries.isEmpty() && !expiries.peek().at().isAfter(now)) {
            Expiry due = expiries.poll();
            OAuth2Authorization current = delegate.findById(due.id());
            if (current == null) {
                continue;
            }
            Instant last = lastExpiry(current);
            // Saved again since with a token that lasts longer: its own entry forgets it then.
            if (last == null || !last.isAfter(now)) {
                delegate.remove(current);
            }
        }
    }

    /** When the last token of a completed authorization expires; {@code null} while the sign-in is in progress. */
    private static @Nullable Instant lastExpiry(OAuth2Authorization authorization) {
        if (authorization.getAccessToken() == null) {
            return null;
        }
        return Stream.of(authorization.getAccessToken(), authorization.getRefreshToken(),
                        authorization.getToken(OidcIdToken.class), authorization.getToken(OAuth2AuthorizationCode.class))
                .filter(t -> t != null)
                .map(OAuth2Authorization.Token::getToken)
                .map(AbstractOAuth2Token::getExpiresAt)
                .filter(t -> t != null)
                .max(Comparator.naturalOrder())
                .orElse(Instant.EPOCH);
    }
}
