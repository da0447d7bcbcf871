package com.carepoint.shell.security;

import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * The embedded sign-in server's authorizations, kept in memory as Spring Authorization Server's default does, but
 * safe for concurrent sign-ins: {@link InMemoryOAuth2AuthorizationService#findByToken} iterates its map of
 * authorizations still in progress (a {@code Collections.synchronizedMap}) without holding that map's lock, so a
 * sign-in saving or removing one meanwhile made another's token request fail with a
 * {@code ConcurrentModificationException} (HTTP 500, the user not signed in). Found by the load test
 * ({@code LoadTestBenchmarkTest}) at 200 concurrent sign-ins; here every call holds one lock (each is a few map
 * operations, far cheaper than the password check around it).
 */
final class LockedAuthorizationService implements OAuth2AuthorizationService {

    private final OAuth2AuthorizationService delegate;

    LockedAuthorizationService() {
        this(new InMemoryOAuth2AuthorizationService());
    }

    LockedAuthorizationService(OAuth2AuthorizationService delegate) {
        this.delegate = delegate;
    }

    @Override
    public synchronized void save(OAuth2Authorization authorization) {
        delegate.save(authorization);
    }

    @Override
    public synchronized void remove(OAuth2Authorization authorization) {
        delegate.remove(authorization);
    }

    @Override
    public synchronized @Nullable OAuth2Authorization findById(String id) {
        return delegate.findById(id);
    }

    @Override
    public synchronized @Nullable OAuth2Authorization findByToken(String token, @Nullable OAuth2TokenType tokenType) {
        return delegate.findByToken(token, tokenType);
    }
}
