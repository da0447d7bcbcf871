package com.carepoint.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.carepoint.e2e.pages.HomePage;
import com.carepoint.e2e.pages.IdpLoginPage;
import com.carepoint.e2e.pages.ShellPage;
import com.carepoint.e2e.support.BrowserTest;
import com.carepoint.e2e.support.DemoUser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The shell at tablet portrait, tablet landscape and desktop sizes: nothing scrolls sideways, the header stays on
 * one line, and every control is at least 44 x 44 CSS px. Also writes the README screenshots.
 */
class ResponsiveShellE2ETest extends BrowserTest {

    private static final double MIN_TARGET = 44;

    @ParameterizedTest(name = "{0} ({1}x{2})")
    @CsvSource({"tablet-portrait,768,1024", "tablet-landscape,1024,768", "desktop,1280,800"})
    void shellFitsAndTouchTargetsAreLargeEnough(String name, int width, int height) throws Exception {
        try (BrowserContext sized = newContext(width, height)) {
            Page p = sized.newPage();
            p.navigate(url("/"));
            ShellPage shell = new IdpLoginPage(p).signInAs(DemoUser.PARAMEDIC);
            new HomePage(p).waitUntilShown();

            Number scrollWidth = (Number) p.evaluate("document.documentElement.scrollWidth");
            assertThat(scrollWidth.intValue()).as("page width at %s", name).isLessThanOrEqualTo(width);

            Locator controls = shell.header().locator("vaadin-button:visible, vaadin-drawer-toggle:visible");
            assertThat(controls.count()).isGreaterThanOrEqualTo(2);
            for (Locator control : controls.all()) {
                assertLargeEnough(control, name);
            }
            BoundingBox header = shell.header().boundingBox();
            assertThat(header.height).as("header on one line at %s", name).isLessThan(80);

            if (p.locator("vaadin-app-layout[overlay]").count() > 0) {
                p.locator("vaadin-drawer-toggle").click();
            }
            Locator navItems = p.locator("#main-nav vaadin-side-nav-item");
            navItems.first().waitFor();
            for (Locator item : navItems.all()) {
                assertLargeEnough(item, name);
            }

            Path shot = target("screenshots", "home-" + name + ".png");
            Files.createDirectories(shot.getParent());
            p.screenshot(new Page.ScreenshotOptions().setPath(shot));
            if (Boolean.getBoolean("carepoint.screenshots.update")) {
                Path docs = Path.of("docs", "screenshots", shot.getFileName().toString());
                Files.copy(shot, docs, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static void assertLargeEnough(Locator control, String viewport) {
        BoundingBox box = control.boundingBox();
        assertThat(box).as("%s is rendered", control).isNotNull();
        assertThat(box.width).as("width of %s at %s", control, viewport).isGreaterThanOrEqualTo(MIN_TARGET);
        assertThat(box.height).as("height of %s at %s", control, viewport).isGreaterThanOrEqualTo(MIN_TARGET);
    }
}
