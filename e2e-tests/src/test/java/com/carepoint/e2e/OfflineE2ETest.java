package com.carepoint.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.carepoint.e2e.pages.EncounterNotePage;
import com.carepoint.e2e.pages.IdpLoginPage;
import com.carepoint.e2e.pages.OfflinePage;
import com.carepoint.e2e.pages.PatientSearchPage;
import com.carepoint.e2e.support.Axe;
import com.carepoint.e2e.support.BrowserTest;
import com.carepoint.e2e.support.DemoUser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.ServiceWorkerPolicy;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 row 4, with the browser set offline: a page that cannot be reached shows Carepoint's offline page (from
 * its own service worker, which stores nothing but that page), and a connection lost mid-form shows the connection
 * banner and loses nothing typed (hazard H-060).
 */
class OfflineE2ETest extends BrowserTest {

    static final String PATIENT = "9990000018";

    @Override
    protected ServiceWorkerPolicy serviceWorkers() {
        return ServiceWorkerPolicy.ALLOW;
    }

    @Test
    void offlineANavigationShowsTheOfflinePageWhichReconnectsByItselfWhenTheNetworkReturns() {
        page.navigate(url("/signed-out"));
        OfflinePage.waitForServiceWorker(page);
        // A user who chose dark mode gets the offline page in dark mode too.
        page.evaluate("() => localStorage.setItem('carepoint-theme', 'dark')");

        context.setOffline(true);
        page.navigate(url("/patients"));
        OfflinePage offline = new OfflinePage(page).waitUntilShown();
        assertThat(offline.text()).containsText("Carepoint needs a connection to show GP records");
        assertThat(offline.text()).containsText("Patient records are never stored on this device");
        assertThat(offline.text()).containsText("it reconnects by itself when the connection returns");
        assertThat(page.locator("html")).hasAttribute("theme", "dark");
        Axe.assertNoCriticalOrSeriousAtTablet(page, "offline page, dark mode");

        // Back online: the offline page notices and reopens the page it could not reach (here, sign-in first).
        context.setOffline(false);
        new IdpLoginPage(page).assertShown();
        // The only thing the service worker keeps on the device is the offline page.
        assertThat(OfflinePage.cachedEntries(page)).isEqualTo("carepoint-offline-v2 /offline.html");
    }

    @Test
    void aConnectionLostMidNoteShowsTheBannerAndWhatWasTypedReachesTheServerWhenItReturns() {
        page.navigate(url("/patients"));
        new IdpLoginPage(page).signInAs(DemoUser.PARAMEDIC);
        new PatientSearchPage(page).findByNhsNumber(PATIENT);
        EncounterNotePage note = EncounterNotePage.startFrom(page);
        OfflinePage.waitForServiceWorker(page);
        note.type("note-presenting-complaint", "Fall at home");
        String saved = note.revision();

        context.setOffline(true);
        OfflinePage.assertBannerShown(page);
        Locator history = page.locator("#note-history textarea");
        history.fill("");
        history.pressSequentially("Found on the floor by her carer at 07:00");
        assertThat(OfflinePage.banner(page)).containsText("Connection lost — reconnecting");
        assertThat(page.locator("#note-saved")).hasAttribute("data-revision", saved);
        // The banner is in the browser's top layer, over the header and anything a page stacks (the sticky patient
        // banner): what is at its centre is the banner itself.
        Object onTop = page.evaluate("""
                () => { const b = document.querySelector('vaadin-connection-indicator .v-status-message');
                        const r = b.getBoundingClientRect();
                        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
                        return b.contains(hit); }""");
        assertThat(onTop).isEqualTo(true);
        // Dark text on warm yellow whatever the colour scheme (about 10:1), so it reads in dark mode as well.
        assertThat(OfflinePage.banner(page)).hasCSS("background-color", "rgb(255, 184, 28)");
        assertThat(OfflinePage.banner(page)).hasCSS("color", "rgb(33, 43, 50)");

        context.setOffline(false);
        OfflinePage.assertBannerGone(page);
        assertThat(page.locator("#note-saved")).not().hasAttribute("data-revision", saved);
        page.reload();
        note.waitUntilShown();
        assertThat(note.value("note-history")).isEqualTo("Found on the floor by her carer at 07:00");
        assertThat(note.value("note-presenting-complaint")).isEqualTo("Fall at home");
        // Nothing clinical was stored on the device by the service worker.
        assertThat(OfflinePage.cachedEntries(page)).isEqualTo("carepoint-offline-v2 /offline.html");
    }
}
