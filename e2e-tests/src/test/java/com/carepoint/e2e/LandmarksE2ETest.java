package com.carepoint.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.carepoint.e2e.pages.HomePage;
import com.carepoint.e2e.pages.IdpLoginPage;
import com.carepoint.e2e.pages.PatientSearchPage;
import com.carepoint.e2e.support.BrowserTest;
import com.carepoint.e2e.support.DemoUser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

/**
 * The frame for keyboard and screen-reader users at tablet portrait, where the sign-out button shows only its icon:
 * the button still has the name "Sign out", each page has one main landmark and one h1, and the first Tab reaches a
 * "Skip to main content" link that moves the focus past the header and menu.
 */
class LandmarksE2ETest extends BrowserTest {

    @Test
    void signOutHasANameAndEachPageHasOneMainLandmarkAndASkipLink() {
        page.setViewportSize(TABLET_PORTRAIT_WIDTH, TABLET_PORTRAIT_HEIGHT);
        page.navigate(url("/"));
        new IdpLoginPage(page).signInAs(DemoUser.PARAMEDIC);
        new HomePage(page).waitUntilShown();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out").setExact(true)))
                .isVisible();

        for (String path : new String[] {"/", "/patients"}) {
            page.navigate(url(path));
            if (path.equals("/patients")) {
                new PatientSearchPage(page).waitUntilShown();
            } else {
                new HomePage(page).waitUntilShown();
            }
            assertThat(page.getByRole(AriaRole.MAIN)).hasCount(1);
            assertThat(page.locator("h1")).hasCount(1);

            page.keyboard().press("Tab");
            assertThat(page.locator("#skip-to-main")).isFocused();
            assertThat(page.locator("#skip-to-main")).isInViewport();
            page.keyboard().press("Enter");
            page.waitForFunction("() => document.activeElement && document.activeElement.getAttribute('role') === 'main'");
        }
        assertThat(page.locator("#skip-to-main")).hasText("Skip to main content");
    }
}
