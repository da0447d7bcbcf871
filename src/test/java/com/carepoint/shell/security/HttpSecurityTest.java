package com.carepoint.shell.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.carepoint.Application;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Over real HTTP: what is open, what needs sign-in, and the security headers on every response. */
@SpringBootTest(classes = Application.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HttpSecurityTest {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(strings = {"/", "/account", "/actuator/health", "/actuator/info", "/actuator/env",
            "/actuator/beans", "/actuator/auditchain", "/anything-else"})
    void everythingButTheProbesNeedsSignIn(String path) throws Exception {
        HttpResponse<String> r = get(path);
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location")).hasValueSatisfying(
                l -> assertThat(l).endsWith(SecurityConfig.LOGIN_PATH));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/actuator/health/liveness", "/actuator/health/readiness"})
    void healthProbesAreOpen(String path) throws Exception {
        HttpResponse<String> r = get(path);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"UP\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/idp/login", "/oauth2/authorize", "/actuator/health/liveness"})
    void everyResponseCarriesTheSecurityHeaders(String path) throws Exception {
        HttpResponse<String> r = get(path);
        assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(r.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(r.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("default-src 'self'").contains("object-src 'none'").contains("frame-ancestors 'none'")
                .contains("base-uri 'self'").doesNotContain("*").doesNotContain("http:").doesNotContain("https:"));
        assertThat(r.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(r.headers().firstValue("X-Trace-Id")).isPresent();
        // Plain HTTP: no HSTS (it would be meaningless and is ignored by browsers).
        assertThat(r.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    @Test
    void hstsIsSentWhenServedOverTls() throws Exception {
        // Behind a TLS-terminating proxy, which says so with X-Forwarded-Proto.
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
                .header("X-Forwarded-Proto", "https").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.headers().firstValue("Strict-Transport-Security"))
                .hasValue("max-age=31536000 ; includeSubDomains");
    }

    @Test
    void theSessionCookieIsSecureWhenServedOverTls() throws Exception {
        // A protected page starts a session (the saved request); behind the TLS proxy its cookie must be Secure.
        HttpResponse<String> tls = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/account"))
                .header("X-Forwarded-Proto", "https").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(tls.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("JSESSIONID=")
                .contains("Secure").contains("HttpOnly"));
    }

    @Test
    void theHostCarepointNamesItselfByIsNeverTakenFromAForwardedHeader() throws Exception {
        // Forwarded headers are believed only from the proxies in server.tomcat.remoteip.internal-proxies, and even
        // they do not set the host: the sign-in issuer stays this server.
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/.well-known/openid-configuration")).header("X-Forwarded-Host", "evil.example").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.body()).doesNotContain("evil.example").contains("\"issuer\":\"http://localhost:" + port + "\"");
    }

    @Test
    void theIdentityProviderPublishesOpenIdConnectDiscovery() throws Exception {
        HttpResponse<String> r = get("/.well-known/openid-configuration");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"issuer\":\"http://localhost:" + port + "\"")
                .contains("/oauth2/authorize").contains("/oauth2/jwks");
    }

    @Test
    void staticAssetsForTheBrowserAreServedWithoutSignIn() throws Exception {
        assertThat(get("/manifest.webmanifest").headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/manifest+json"));
        assertThat(get("/offline.html").statusCode()).isEqualTo(200);
        // Carepoint's own service worker, as JavaScript (not the app's HTML, not Vaadin's @PWA worker at /sw.js).
        HttpResponse<String> worker = get("/carepoint-sw.js");
        assertThat(worker.statusCode()).isEqualTo(200);
        assertThat(worker.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).contains("javascript"));
        assertThat(worker.body()).contains("Carepoint's service worker").contains("const STATIC = [OFFLINE_URL];");
        assertThat(get("/themes/carepoint/styles.css").statusCode()).isEqualTo(200);
        assertThat(get("/icons/icon-192.png").statusCode()).isEqualTo(200);
    }

    /** A request as a browser navigating sends it (asking for HTML). */
    private HttpResponse<String> browser(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
