package com.carepoint.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.carepoint.Application;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code /favicon.ico}, which browsers and bookmarks ask for on their own, is served (it was a 404), signed in or not. */
@SpringBootTest(classes = Application.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FaviconTest {

    @LocalServerPort
    int port;

    @Test
    void theFaviconIsServedWithoutSignIn() throws Exception {
        HttpResponse<byte[]> r = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/favicon.ico")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(Files.readAllBytes(Path.of("frontend", "favicon.ico")));
        // An icon file: reserved 0, type 1 (icon), at least one image.
        assertThat(r.body()).startsWith(new byte[] {0, 0, 1, 0});
    }
}
