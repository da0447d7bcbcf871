package com.carepoint.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.carepoint.e2e.pages.AccountPage;
import com.carepoint.e2e.pages.IdpLoginPage;
import com.carepoint.e2e.pages.PatientSearchPage;
import com.carepoint.e2e.pages.ShellPage;
import com.carepoint.e2e.support.Axe;
import com.carepoint.e2e.support.BrowserTest;
import com.carepoint.e2e.support.DemoUser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hazard H-040: on a tablet or phone the navigation drawer slides over the record, and the sticky patient banner must
 * never be drawn over it (a tap on "Your account" landed on the banner and did nothing). The tap is made where a
 * finger would make it, at the centre of the item, over the banner, and must reach the item and navigate. The reason
 * for access dialog, opened over the banner, takes its taps too.
 */
class DrawerOverRecordE2ETest extends BrowserTest {

    @ParameterizedTest(name = "{0} px wide")
    @CsvSource({"768,1024", "390,844"})
    void theDrawerIsAboveThePatientBannerAndReceivesItsTaps(int width, int height) {
        Page p = page;
        p.setViewportSize(width, height);
        p.navigate(url("/"));
        ShellPage shell = new IdpLoginPage(p).signInAs(DemoUser.PARAMEDIC);
        // 999 000 0719: a superseded NHS number, whose banner carries a flag row ("NHS number updated from").
        new PatientSearchPage(p).open(url("")).findByNhsNumberAndStopAtReason("999 000 0719");

        Locator go = p.locator("#reason-continue");
        assertThat(go).isVisible();
        assertThat(ShellPage.whatATapAtTheCentreOfReaches(go)).as("the dialog's button over the banner")
                .isEqualTo("itself");
        p.locator("#reason-options vaadin-radio-button label").first().click();
        BoundingBox goBox = go.boundingBox();
        p.mouse().click(goBox.x + goBox.width / 2, goBox.y + goBox.height / 2);
        assertThat(p.locator("vaadin-dialog-overlay[opened]")).hasCount(0);
        assertThat(p.locator("#patient-banner")).isVisible();

        shell.openMenu();
        Locator account = shell.navItem("Your account");
        assertThat(account).isVisible();
        assertThat(ShellPage.centreLiesInside(account, "#patient-banner"))
                .as("the centre of \"Your account\" lies over the patient banner at %d px (else this proves nothing)",
                        width)
                .isTrue();
        Axe.assertNoCriticalOrSeriousAsShown(p, "navigation drawer open over a record, " + width + " px");
        for (Locator item : p.locator("#main-nav vaadin-side-nav-item").all()) {
            assertThat(ShellPage.whatATapAtTheCentreOfReaches(item)).as("a tap on %s at %d px", item.innerText(),
                    width).isEqualTo("itself");
        }
        BoundingBox box = account.boundingBox();
        p.mouse().click(box.x + box.width / 2, box.y + box.height / 2);
        assertThat(p).hasURL(Pattern.compile(".*/account$"));
        new AccountPage(p).waitUntilShown();
    }
}
