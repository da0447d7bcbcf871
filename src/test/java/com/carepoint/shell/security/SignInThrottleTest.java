package com.carepoint.shell.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.carepoint.Application;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Password guessing at the embedded sign-in is slowed: after five failures the account is paused, and says so. */
@SpringBootTest(classes = Application.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SignInThrottleTest {

    @LocalServerPort
    int port;

    @Autowired
    SignInThrottle throttle;

    /** The pause is shared by the whole test context: the other tests sign in as these users too. */
    @AfterEach
    void forget() {
        throttle.reset();
    }

    final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    HttpResponse<String> attempt(String username, String password) throws Exception {
        String page = http.send(HttpRequest.newBuilder(URI.create(base() + "/idp/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"(_csrf)\" value=\"([^\"]+)\"").matcher(page);
        assertThat(csrf.find()).as("the sign-in page has its CSRF token").isTrue();
        String form = "username=" + enc(username) + "&password=" + enc(password) + "&" + csrf.group(1) + "="
                + enc(csrf.group(2));
        return http.send(HttpRequest.newBuilder(URI.create(base() + "/idp/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void fiveWrongPasswordsPauseTheAccountWithAPlainMessage() throws Exception {
        // A real account: once paused, even its right password is refused without being checked.
        String user = "nhs111";
        for (int i = 1; i < SignInThrottle.PER_ACCOUNT; i++) {
            assertThat(attempt(user, "wrong-" + i).headers().firstValue("Location")).hasValueSatisfying(
                    l -> assertThat(l).endsWith("/idp/login?error"));
        }
        assertThat(attempt(user, "wrong-last").headers().firstValue("Location")).hasValueSatisfying(
                l -> assertThat(l).endsWith("/idp/login?locked"));
        // Paused: even the right password is refused (a successful sign-in would redirect elsewhere).
        assertThat(attempt(user, "carepoint-demo").headers().firstValue("Location")).hasValueSatisfying(
                l -> assertThat(l).endsWith("/idp/login?locked"));
        String page = http.send(HttpRequest.newBuilder(URI.create(base() + "/idp/login?locked")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(page).contains("Too many unsuccessful sign-in attempts").contains("paused for 15 minutes");
    }

    @Test
    void anotherAccountIsNotPausedBySomeoneElsesFailures() throws Exception {
        for (int i = 0; i < SignInThrottle.PER_ACCOUNT; i++) {
            attempt("throttle-other-user", "wrong-" + i);
        }
        assertThat(attempt("throttle-third-user", "wrong").headers().firstValue("Location")).hasValueSatisfying(
                l -> assertThat(l).endsWith("/idp/login?error"));
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
