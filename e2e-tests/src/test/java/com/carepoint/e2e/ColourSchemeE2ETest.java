package com.carepoint.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.carepoint.e2e.pages.IdpLoginPage;
import com.carepoint.e2e.pages.ShellPage;
import com.carepoint.e2e.support.BrowserTest;
import com.carepoint.e2e.support.DemoUser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

/** The dark mode switch, kept per user on the server so it follows them to another device. */
class ColourSchemeE2ETest extends BrowserTest {

    @Test
    void darkModeIsSwitchedAndRemembered() {
        page.navigate(url("/"));
        ShellPage shell = new IdpLoginPage(page).signInAs(DemoUser.PRIVACY_OFFICER);
        assertThat(shell.isDark()).isFalse();

        shell.toggleColourScheme();
        page.waitForCondition(shell::isDark);

        // Another device (a new browser with no local storage) gets the same choice after sign-in.
        try (BrowserContext other = newContext(1024, 768)) {
            Page otherPage = other.newPage();
            otherPage.navigate(url("/"));
            ShellPage otherShell = new IdpLoginPage(otherPage).signInAs(DemoUser.PRIVACY_OFFICER);
            otherPage.waitForCondition(otherShell::isDark);
            otherShell.toggleColourScheme();
            otherPage.waitForCondition(() -> !otherShell.isDark());
        }
    }
}
