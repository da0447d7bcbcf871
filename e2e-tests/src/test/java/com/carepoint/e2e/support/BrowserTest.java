package com.carepoint.e2e.support;

import com.carepoint.Application;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.ServiceWorkerPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the browser tests: the whole app (embedded sign-in, database, demo practices) on a random port, and a fresh
 * browser context (no cookies) per test. A failing test leaves a screenshot under
 * {@code target/e2e-failures/}.
 */
@SpringBootTest(classes = Application.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(ScreenshotOnFailure.class)
public abstract class BrowserTest {

    /**
     * The one timeout for every browser action and expectation, in milliseconds: what a loaded 2-core machine needs
     * for a page that is still loading. Tests wait for the application's state (an element, a text), never for a
     * fixed time; this is only how long they wait before giving up.
     */
    public static final int TIMEOUT_MS = 30_000;

    static {
        PlaywrightAssertions.setDefaultAssertionTimeout(TIMEOUT_MS);
    }

    public static final int TABLET_PORTRAIT_WIDTH = 768;
    public static final int TABLET_PORTRAIT_HEIGHT = 1024;

    @LocalServerPort
    protected int port;

    protected BrowserContext context;
    protected Page page;

    @BeforeEach
    void openBrowser(TestInfo info) {
        context = newContext(1280, 800, serviceWorkers());
        page = context.newPage();
        ScreenshotOnFailure.register(info, page);
    }

    @AfterEach
    void closeBrowser() {
        if (context != null) {
            context.close();
        }
    }

    /** Whether the test's browser lets Carepoint's service worker run: blocked unless a test is about it. */
    protected ServiceWorkerPolicy serviceWorkers() {
        return ServiceWorkerPolicy.BLOCK;
    }

    /** A context with Carepoint's service worker blocked, as most tests need (the offline tests allow it). */
    protected BrowserContext newContext(int width, int height) {
        return newContext(width, height, ServiceWorkerPolicy.BLOCK);
    }

    protected BrowserContext newContext(int width, int height, ServiceWorkerPolicy serviceWorkers) {
        BrowserContext c = Browsers.chromium().newContext(new Browser.NewContextOptions()
                .setViewportSize(width, height)
                .setLocale("en-GB")
                .setTimezoneId("Europe/London")
                .setServiceWorkers(serviceWorkers));
        c.setDefaultTimeout(TIMEOUT_MS);
        return c;
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    protected static Path target(String... parts) {
        return Path.of("target", parts);
    }

    /**
     * Saves a screenshot for a person to look at: to {@code target/screenshots/}, and to {@code docs/screenshots/}
     * with -Dcarepoint.screenshots.update=true.
     */
    protected static Path screenshot(Page p, String name) {
        try {
            Path shot = target("screenshots", name + ".png");
            Files.createDirectories(shot.getParent());
            p.screenshot(new Page.ScreenshotOptions().setPath(shot).setFullPage(false));
            if (Boolean.getBoolean("carepoint.screenshots.update")) {
                Files.copy(shot, Path.of("docs", "screenshots", shot.getFileName().toString()),
                        StandardCopyOption.REPLACE_EXISTING);
            }
            return shot;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
