package com.carepoint.e2e.pages;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.List;

/** The app shell around every signed-in view: header and navigation drawer. */
public class ShellPage {

    /** A navigation drawer entry as the user sees it. */
    public record NavEntry(String label, boolean available) {
    }

    private final Page page;

    public ShellPage(Page page) {
        this.page = page;
    }

    public ShellPage waitUntilShown() {
        assertThat(page.locator("vaadin-app-layout.cp-layout")).isVisible();
        return this;
    }

    public String userName() {
        return page.locator("#current-user-name").innerText().trim();
    }

    public String role() {
        return page.locator("#current-user-role").innerText().trim();
    }

    public String organisation() {
        return page.locator("#current-user-org").textContent().trim();
    }

    public List<NavEntry> navigation() {
        Locator items = page.locator("#main-nav vaadin-side-nav-item");
        assertThat(items.first()).isAttached();
        return items.all().stream().map(item -> new NavEntry(
                ((String) item.evaluate("el => Array.from(el.childNodes).filter(n => n.nodeType === 3)"
                        + ".map(n => n.textContent).join('').trim()")),
                item.getAttribute("disabled") == null)).toList();
    }

    public void openNavigation(String label) {
        page.locator("#main-nav vaadin-side-nav-item").filter(new Locator.FilterOptions().setHasText(label)).click();
    }

    public SignedOutPage signOut() {
        page.locator("#sign-out").click();
        return new SignedOutPage(page).waitUntilShown();
    }

    public void toggleColourScheme() {
        page.locator(".cp-theme-toggle").click();
    }

    public boolean isDark() {
        return "dark".equals(page.locator("html").getAttribute("theme"));
    }

    public Locator header() {
        return page.locator(".cp-header");
    }
}
