package com.carepoint.e2e;

import com.carepoint.e2e.pages.IdpLoginPage;
import com.carepoint.e2e.pages.PatientRecordPage;
import com.carepoint.e2e.pages.PatientSearchPage;
import com.carepoint.e2e.support.BrowserTest;
import com.carepoint.e2e.support.DemoUser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The record's first screen at tablet portrait and desktop sizes, for the README (and for a person to look at):
 * written to {@code target/screenshots/}, and to {@code docs/screenshots/} with -Dcarepoint.screenshots.update=true.
 * Also checks the banner stays in view when the page scrolls.
 */
class RecordScreenshotsE2ETest extends BrowserTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({"tablet-portrait,768,1024", "desktop,1280,900"})
    void recordFirstScreen(String name, int width, int height) throws Exception {
        try (BrowserContext sized = newContext(width, height)) {
            Page p = sized.newPage();
            p.navigate(url("/patients"));
            new IdpLoginPage(p).signInAs(DemoUser.PARAMEDIC);
            PatientRecordPage record = new PatientSearchPage(p).findByNhsNumber("9990000158");
            for (String card : new String[] {"allergies", "medications", "problems", "consultations"}) {
                record.card(card);
            }
            screenshot(p, "record-" + name);
            p.mouse().wheel(0, 1500);
            p.waitForTimeout(200);
            double bannerTop = ((Number) p.evaluate(
                    "document.getElementById('patient-banner').getBoundingClientRect().top")).doubleValue();
            Assertions.assertThat(bannerTop).as("banner stays in view").isBetween(-1.0, 80.0);
        }
    }
}
