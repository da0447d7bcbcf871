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

    /**
     * Opens the navigation drawer where it is an overlay (800 px wide and narrower) and waits until it has finished
     * sliding in; where the drawer is always beside the page, only waits for it.
     */
    public ShellPage openMenu() {
        Locator layout = page.locator("vaadin-app-layout.cp-layout");
        if (layout.getAttribute("overlay") != null && layout.getAttribute("drawer-opened") == null) {
            page.locator("vaadin-drawer-toggle").click();
        }
        page.waitForFunction("""
                () => {
                  const l = document.querySelector('vaadin-app-layout.cp-layout');
                  const d = l.shadowRoot.querySelector('[part=drawer]');
                  return l.hasAttribute('drawer-opened') && d.getAnimations().length === 0;
                }
                """);
        return this;
    }

    public Locator navItem(String label) {
        return page.locator("#main-nav vaadin-side-nav-item").filter(new Locator.FilterOptions().setHasText(label));
    }

    /**
     * What a tap at the centre of this element would land on, as the browser hit-tests it: {@code "itself"} when it
     * is the element or something inside it, otherwise the id (or tag) of what is drawn over it.
     */
    public static String whatATapAtTheCentreOfReaches(Locator element) {
        return (String) element.evaluate("""
                el => {
                  const r = el.getBoundingClientRect();
                  const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
                  if (hit === null) return 'nothing';
                  if (hit === el || el.contains(hit)) return 'itself';
                  const named = hit.closest('[id]');
                  return named ? '#' + named.id : hit.tagName.toLowerCase();
                }
                """);
    }

    /** Whether the centre of the element lies inside the box of the element the selector matches. */
    public static boolean centreLiesInside(Locator element, String selector) {
        return (Boolean) element.evaluate("""
                (el, sel) => {
                  const r = el.getBoundingClientRect();
                  const o = document.querySelector(sel);
                  if (o === null) return false;
                  const b = o.getBoundingClientRect();
                  const x = r.left + r.width / 2, y = r.top + r.height / 2;
                  return x >= b.left && x <= b.right && y >= b.top && y <= b.bottom;
                }
                """, selector);
    }
}
