package com.carepoint.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.carepoint.OwnContext;
import com.carepoint.e2e.pages.HomePage;
import com.carepoint.e2e.pages.IdpLoginPage;
import com.carepoint.e2e.pages.SignedOutPage;
import com.carepoint.e2e.support.BrowserTest;
import com.carepoint.e2e.support.DemoUser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** An idle session is warned, can be kept, and otherwise ends with a plain explanation. */
@Tag(OwnContext.TAG)
@TestPropertySource(properties = {"carepoint.session.idle-timeout=8s", "carepoint.session.idle-warning=4s"})
class IdleTimeoutE2ETest extends BrowserTest {

    @Test
    void idleUserIsWarnedCanStayAndIsOtherwiseSignedOut() {
        page.navigate(url("/"));
        new IdpLoginPage(page).signInAs(DemoUser.PARAMEDIC);
        new HomePage(page).waitUntilShown();

        Locator warning = page.getByText("Are you still there?");
        assertThat(warning).isVisible(new LocatorAssertions.IsVisibleOptions()
                .setTimeout(10_000));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Stay signed in"))
                .click();
        assertThat(warning).isHidden();
        new HomePage(page).waitUntilShown();

        // No further activity: warned again, then signed out with the reason.
        SignedOutPage signedOut = new SignedOutPage(page);
        page.locator("#signed-out-view").waitFor(new Locator.WaitForOptions().setTimeout(20_000));
        assertThat(signedOut.title()).contains("not being used");

        page.navigate(url("/"));
        new IdpLoginPage(page).assertShown();
    }
}
