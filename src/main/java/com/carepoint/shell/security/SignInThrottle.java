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
 * {@value #PER_ADDRESS} from one address, within {@link #WINDOW}, further attempts are refused without checking the
 * password until the window has passed, with a message that says so. (An external identity provider such as NHS CIS2
 * or Keycloak applies its own policy.)
 */
final class SignInThrottle {

    static final int PER_ACCOUNT = 5;
    static final int PER_ADDRESS = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

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
        return byAccount != null && byAccount.get() >= PER_ACCOUNT || byAddress != null && byAddress.get() >= PER_ADDRESS;
    }

    void failed(String username, String address) {
        accounts.get(key(username), k -> new AtomicInteger()).incrementAndGet();
        addresses.get(String.valueOf(address), k -> new AtomicInteger()).incrementAndGet();
    }

    void succeeded(String username) {
        accounts.invalidate(key(username));
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
                if ("POST".equals(request.getMethod()) && loginPath.equals(request.getServletPath())
                        && throttled(request.getParameter("username"), request.getRemoteAddr())) {
                    log.warn("Sign-in attempt refused: too many failed attempts (no credentials checked)");
                    response.sendRedirect(request.getContextPath() + loginPath + "?locked");
                    return;
                }
                chain.doFilter(request, response);
            }
        };
    }

    /** Counts a failed attempt, then shows the sign-in page with its message. */
    AuthenticationFailureHandler failureHandler() {
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException e) -> {
            failed(request.getParameter("username"), request.getRemoteAddr());
            boolean nowLocked = throttled(request.getParameter("username"), request.getRemoteAddr());
            response.sendRedirect(request.getContextPath() + loginPath + (nowLocked ? "?locked" : "?error"));
        };
    }
}
