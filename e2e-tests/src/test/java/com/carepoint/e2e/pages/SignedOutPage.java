package com.carepoint.e2e.pages;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;

/** Where sign-out lands. */
public class SignedOutPage {

    private final Page page;

    public SignedOutPage(Page page) {
        this.page = page;
    }

    public SignedOutPage waitUntilShown() {
        assertThat(page.locator("#signed-out-view")).isVisible();
        return this;
    }

    public String title() {
        return page.locator("#signed-out-title").innerText();
    }

    public IdpLoginPage signInAgain() {
        page.locator("#sign-in-again").click();
        return new IdpLoginPage(page).assertShown();
    }
}
