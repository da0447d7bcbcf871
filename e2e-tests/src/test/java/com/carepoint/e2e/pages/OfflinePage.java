package com.carepoint.e2e.pages;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/**
 * Carepoint's offline page (served by its service worker when a page cannot be reached), and the connection banner
 * shown over a Carepoint page while its connection is lost.
 */
public class OfflinePage {

    private final Page page;

    public OfflinePage(Page page) {
        this.page = page;
    }

    /** Waits until Carepoint's service worker is active and controls this page. */
    public static void waitForServiceWorker(Page page) {
        page.evaluate("() => navigator.serviceWorker.ready.then(() => true)");
        page.waitForFunction("() => navigator.serviceWorker.controller !== null");
    }

    public OfflinePage waitUntilShown() {
        assertThat(page.locator("#offline h1")).hasText("You are offline");
        return this;
    }

    public Locator text() {
        return page.locator("#offline");
    }

    /** The names of what the service worker has stored on the device (every cache, every entry). */
    public static String cachedEntries(Page page) {
        return (String) page.evaluate("""
                async () => {
                  const names = [];
                  for (const key of await caches.keys()) {
                    const cache = await caches.open(key);
                    for (const r of await cache.keys()) { names.push(key + ' ' + new URL(r.url).pathname); }
                  }
                  return names.sort().join('\\n');
                }""");
    }

    /** The connection banner over a Carepoint page. */
    public static Locator banner(Page page) {
        return page.locator("vaadin-connection-indicator .v-status-message");
    }

    /** The banner is shown: the connection is lost (offline or reconnecting). */
    public static void assertBannerShown(Page page) {
        assertThat(page.locator("vaadin-connection-indicator[offline], vaadin-connection-indicator[reconnecting]"))
                .hasCount(1);
        assertThat(banner(page)).isVisible();
        assertThat(banner(page)).containsText("What you type is kept");
    }

    /** The banner has gone: the connection is back. */
    public static void assertBannerGone(Page page) {
        assertThat(page.locator("vaadin-connection-indicator[offline], vaadin-connection-indicator[reconnecting]"))
                .hasCount(0);
        assertThat(banner(page)).not().containsText("What you type is kept");
    }
}
