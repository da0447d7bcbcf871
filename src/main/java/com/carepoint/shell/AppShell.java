package com.carepoint.shell;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Inline;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.shared.ui.Transport;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;

/**
 * The page every Carepoint view lives in. Styles are plain CSS from {@code themes/} (no Node build): Lumo first,
 * then Carepoint's NHS-like theme. The web manifest, icons, offline page and service worker come from
 * {@code frontend/}. The service worker is Carepoint's own {@code carepoint-sw.js}, which caches only the offline page
 * (never clinical data); it is not at {@code /sw.js}, which Vaadin answers from its pre-compiled bundle with a
 * worker written for {@code @PWA} (not used here).
 */
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("themes/carepoint/styles.css")
@Meta(name = "theme-color", content = "#005eb8")
@Push(transport = Transport.WEBSOCKET_XHR)
public class AppShell implements AppShellConfigurator {

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle("Carepoint");
        settings.addLink("manifest", "manifest.webmanifest");
        settings.addFavIcon("icon", "icons/icon-192.png", "192x192");
        settings.addLink("apple-touch-icon", "icons/icon-192.png");
        // Apply the saved colour scheme before first paint, so a dark-mode user is not flashed with white.
        settings.addInlineWithContents(Inline.Position.PREPEND, """
                try { if (localStorage.getItem('carepoint-theme') === 'dark') {
                  document.documentElement.setAttribute('theme', 'dark'); } } catch (e) { }
                if ('serviceWorker' in navigator) {
                  window.addEventListener('load', function () {
                    navigator.serviceWorker.register('carepoint-sw.js').catch(function () { });
                  });
                }
                """, Inline.Wrapping.JAVASCRIPT);
    }
}
