package com.carepoint.e2e.support;

import com.carepoint.Application;
import com.carepoint.e2e.pages.IdpLoginPage;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
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

    /** Per test class and user, a browser context signed in once ({@link #pageSignedInAs}); closed after the class. */
    private static final Map<String, BrowserContext> SIGNED_IN = new ConcurrentHashMap<>();
    private final List<Page> sharedPages = new ArrayList<>();

    @BeforeEach
    void openBrowser(TestInfo info) {
        context = newContext(1280, 800, serviceWorkers());
        page = context.newPage();
        ScreenshotOnFailure.register(info, page);
    }

    @AfterEach
    void closeBrowser() {
        sharedPages.forEach(Page::close);
        sharedPages.clear();
        if (context != null) {
            context.close();
        }
    }

    @AfterAll
    static void closeSignedInContexts(TestInfo info) {
        String prefix = info.getTestClass().map(Class::getName).orElse("?") + "/";
        SIGNED_IN.entrySet().removeIf(e -> {
            if (e.getKey().startsWith(prefix)) {
                e.getValue().close();
                return true;
            }
            return false;
        });
    }

    /**
     * A new page (a fresh Vaadin UI) at this size, in a browser context this test class signed in as the user once:
     * the class's tests share the user's session (its reasons for access given, its recent patients) and each starts
     * on {@code path}. For tests that need no session of their own: a test about what a session remembers, or about
     * signing in, uses {@link #page} (a fresh context, signed out) instead. The page is closed after the test.
     */
    protected Page pageSignedInAs(DemoUser user, String path, int width, int height, TestInfo info) {
        BrowserContext shared = SIGNED_IN.computeIfAbsent(getClass().getName() + "/" + user, key -> {
            BrowserContext c = newContext(width, height);
            Page first = c.newPage();
            first.navigate(url("/"));
            new IdpLoginPage(first).signInAs(user);
            first.close();
            return c;
        });
        Page p = shared.newPage();
        sharedPages.add(p);
        p.setViewportSize(width, height);
        ScreenshotOnFailure.register(info, p);
        p.navigate(url(path));
        return p;
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
