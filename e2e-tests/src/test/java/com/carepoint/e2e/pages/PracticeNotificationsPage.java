package com.carepoint.e2e.pages;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** The privacy officer's list of first accesses by organisations new to a practice. */
public class PracticeNotificationsPage {

    private final Page page;

    public PracticeNotificationsPage(Page page) {
        this.page = page;
    }

    public PracticeNotificationsPage open(String baseUrl) {
        page.navigate(baseUrl + "/practice-notifications");
        assertThat(page.locator("#practice-notifications-view")).isVisible();
        return this;
    }

    /** Shows the list for one practice and waits until the server has drawn it (the summary names the practice). */
    public PracticeNotificationsPage forPractice(String odsCode) {
        page.locator("#notifications-practice input").fill(odsCode);
        page.locator("#notifications-search").click();
        assertThat(page.locator("#notifications-summary")).hasAttribute("data-practice", odsCode);
        return this;
    }

    /**
     * The list's cells that are on screen and contain this text. Only those on screen: the grid keeps the cells of
     * rows it no longer shows (a longer list drawn before) in the page, hidden, with their old text.
     */
    public Locator cellsWith(String text) {
        return page.locator("#practice-notifications vaadin-grid-cell-content")
                .filter(new Locator.FilterOptions().setHasText(text).setVisible(true));
    }
}
