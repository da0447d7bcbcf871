package com.carepoint.shell.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows password guessing at the embedded sign-in: after {@value #PER_ACCOUNT} failed attempts for one username, or
 * {@value #PER_ADDRESS} attempts from one address, each within {@link #WINDOW} of the last, further attempts are
 * refused without checking the password until the window has passed, with a message that says so. Attempts are
 * counted as they arrive, so attempts sent at once cannot all slip through. Anyone can pause a named account this
 * way for 15 minutes; that is the price of the protection (an external identity provider applies its own policy). (An external identity provider such as NHS CIS2
 * or Keycloak applies its own policy.)
 */
final class SignInThrottle {

    static final int PER_ACCOUNT = 5;
    static final int PER_ADDRESS = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

    /** Attempts per account and per address; successes give the account's back. */
    private final Cache<String, AtomicInteger> accounts = Caffeine.newBuilder().expireAfterWrite(WINDOW)
            .maximumSize(100_000).build();
    private final Cache<String, AtomicInteger> addresses = Caffeine.newBuilder().expireAfterWrite(WINDOW)
            .maximumSize(100_000).build();
    private final String loginPath;

    SignInThrottle(String loginPath) {
        this.loginPath = loginPath;
    }

    boolean throttled(String username, String address) {
        AtomicInteger byAccount = accounts.getIfPresent(key(username));
        AtomicInteger byAddress = addresses.getIfPresent(String.valueOf(address));
        return byAccount != null && byAccount.get() > PER_ACCOUNT || byAddress != null && byAddress.get() > PER_ADDRESS;
    }

    /**
     * Counts an attempt before its password is checked, so that attempts sent at once cannot all slip through; a
     * successful sign-in gives its account's count back. Each count restarts the window (put is a write).
     */
    void attempted(String username, String address) {
        count(accounts, key(username));
        count(addresses, String.valueOf(address));
    }

    private static void count(Cache<String, AtomicInteger> cache, String key) {
        AtomicInteger n = cache.get(key, k -> new AtomicInteger());
        n.incrementAndGet();
        cache.put(key, n);
    }

    /** A successful sign-in gives back what its attempt counted: the account starts afresh, the address by one. */
    void succeeded(String username, String address) {
        accounts.invalidate(key(username));
        AtomicInteger byAddress = addresses.getIfPresent(String.valueOf(address));
        if (byAddress != null) {
            byAddress.updateAndGet(n -> Math.max(0, n - 1));
        }
    }

    /** Forgets every count (tests that exercise the pause clean up after themselves). */
    void reset() {
        accounts.invalidateAll();
        addresses.invalidateAll();
    }

    private static String key(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    /** Refuses a sign-in attempt while its account or address is throttled, before the password is checked. */
    OncePerRequestFilter filter() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                    FilterChain chain) throws ServletException, IOException {
                if ("POST".equals(request.getMethod()) && loginPath.equals(request.getServletPath())) {
                    String username = request.getParameter("username");
                    attempted(username, request.getRemoteAddr());
                    if (throttled(username, request.getRemoteAddr())) {
                        log.warn("Sign-in attempt refused: too many failed attempts (no credentials checked)");
                        response.sendRedirect(request.getContextPath() + loginPath + "?locked");
                        return;
                    }
                }
                chain.doFilter(request, response);
            }
        };
    }

    private boolean wouldRefuseNext(String username, String address) {
        AtomicInteger byAccount = accounts.getIfPresent(key(username));
        AtomicInteger byAddress = addresses.getIfPresent(String.valueOf(address));
        return byAccount != null && byAccount.get() >= PER_ACCOUNT || byAddress != null && byAddress.get() >= PER_ADDRESS;
    }

    /** Shows the sign-in page again with its message (the attempt was counted when it arrived). */
    AuthenticationFailureHandler failureHandler() {
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException e) -> {
            // Already counted when it arrived; the next attempt may be the one that is refused.
            boolean nowLocked = wouldRefuseNext(request.getParameter("username"), request.getRemoteAddr());
            response.sendRedirect(request.getContextPath() + loginPath + (nowLocked ? "?locked" : "?error"));
        };
    }
}
