package com.carepoint.e2e.pages;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.carepoint.e2e.support.DemoUser;
import com.microsoft.playwright.Page;
import java.util.regex.Pattern;

/** The embedded identity provider's sign-in page (stands in for CIS2). */
public class IdpLoginPage {

    private final Page page;

    public IdpLoginPage(Page page) {
        this.page = page;
    }

    public IdpLoginPage assertShown() {
        assertThat(page).hasURL(Pattern.compile(".*/idp/login.*"));
        assertThat(page.locator("h1")).hasText("Sign in");
        return this;
    }

    /** Picks the demo user from the list (which fills the form) and signs in. */
    public ShellPage signInAs(DemoUser user) {
        assertShown();
        page.locator(".demo-user[data-username='" + user.username + "']").click();
        page.locator("#sign-in").click();
        return new ShellPage(page).waitUntilShown();
    }

    /** Types a username and password and submits, as a user would. */
    public void signInWith(String username, String password) {
        page.locator("#username").fill(username);
        page.locator("#password").fill(password);
        page.locator("#sign-in").click();
    }

    public String errorText() {
        return page.locator(".idp-error").textContent().trim();
    }
}
