package com.carepoint.e2e.pages;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;

/** The signed-in home page. */
public class HomePage {

    private final Page page;

    public HomePage(Page page) {
        this.page = page;
    }

    public HomePage waitUntilShown() {
        assertThat(page.locator("#home-view")).isVisible();
        return this;
    }

    public String greeting() {
        return page.locator("#home-greeting").innerText();
    }

    public String signedInAs() {
        return page.locator("#home-signed-in-as").innerText();
    }
}
