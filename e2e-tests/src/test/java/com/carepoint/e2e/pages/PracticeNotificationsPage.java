package com.carepoint.e2e.pages;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.carepoint.e2e.support.Vaadin;
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
        Vaadin.waitUntilReady(page, "#notifications-practice");
        page.locator("#notifications-practice input").fill(odsCode);
        page.locator("#notifications-search").click();
        assertThat(page.locator("#notifications-summary")).hasAttribute("data-practice", odsCode);
        return this;
    }

    public Locator list() {
        return page.locator("#practice-notifications");
    }
}
