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

    public PracticeNotificationsPage forPractice(String odsCode) {
        page.locator("#notifications-practice input").fill(odsCode);
        page.locator("#notifications-search").click();
        return this;
    }

    public Locator list() {
        return page.locator("#practice-notifications");
    }
}
