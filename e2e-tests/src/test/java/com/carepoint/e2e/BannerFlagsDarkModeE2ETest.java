package com.carepoint.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.carepoint.e2e.pages.IdpLoginPage;
import com.carepoint.e2e.pages.PatientSearchPage;
import com.carepoint.e2e.support.BrowserTest;
import com.carepoint.e2e.support.DemoUser;
import com.microsoft.playwright.Locator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hazard H-042: in dark mode the banner's flags (deceased, no consent to share) stay visible as flags, not only as
 * text: each chip stands out from the banner by at least 3:1 (WCAG 1.4.11, non-text contrast) and its text from the
 * chip by at least 4.5:1. Dark mode is switched on in the page only, so the demo user's saved choice is untouched.
 */
class BannerFlagsDarkModeE2ETest extends BrowserTest {

    @Test
    void deceasedAndDissentFlagsStandOutFromTheBannerInDarkMode() {
        page.setViewportSize(TABLET_PORTRAIT_WIDTH, TABLET_PORTRAIT_HEIGHT);
        page.navigate(url("/"));
        new IdpLoginPage(page).signInAs(DemoUser.PARAMEDIC);
        for (String[] patient : new String[][] {{"999 000 0433", "dissent"}, {"999 000 0573", "deceased"}}) {
            new PatientSearchPage(page).open(url("")).findByNhsNumber(patient[0]);
            Locator flag = page.locator("#banner-flags .cp-flag-" + patient[1]);
            assertThat(flag).isVisible();
            page.evaluate("document.documentElement.setAttribute('theme', 'dark')");
            for (Locator chip : page.locator("#banner-flags .cp-flag").all()) {
                List<?> ratios = (List<?>) chip.evaluate("""
                        el => {
                          const rgb = c => c.match(/[\\d.]+/g).slice(0, 3).map(Number);
                          const lum = c => {
                            const [r, g, b] = rgb(c).map(v => { v /= 255;
                              return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
                            return 0.2126 * r + 0.7152 * g + 0.0722 * b;
                          };
                          const ratio = (a, b) => { const x = lum(a), y = lum(b);
                            return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); };
                          const chip = getComputedStyle(el);
                          const banner = getComputedStyle(document.querySelector('#patient-banner')).backgroundColor;
                          return [ratio(chip.backgroundColor, banner), ratio(chip.color, chip.backgroundColor)];
                        }
                        """);
                String which = chip.innerText();
                assertThat(((Number) ratios.get(0)).doubleValue()).as("the \"%s\" chip against the dark banner", which)
                        .isGreaterThanOrEqualTo(3.0);
                assertThat(((Number) ratios.get(1)).doubleValue()).as("the \"%s\" chip's text", which)
                        .isGreaterThanOrEqualTo(4.5);
            }
            page.evaluate("document.documentElement.removeAttribute('theme')");
        }
    }
}
