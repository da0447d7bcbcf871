package com.carepoint.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.carepoint.e2e.pages.IdpLoginPage;
import com.carepoint.e2e.pages.PatientRecordPage;
import com.carepoint.e2e.pages.PatientSearchPage;
import com.carepoint.e2e.support.BrowserTest;
import com.carepoint.e2e.support.DemoUser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Text from outside that has no break opportunity at all wraps inside its card (issue 11, row 13): the demo patient
 * 999 000 2401 has a 10,000-character family name and a 10,000-character allergy text. At tablet portrait and desktop
 * widths, no element of the banner or the allergy card is wider than what holds it, nothing of them is drawn over the
 * medications card, and the page does not scroll sideways.
 */
class PatientRecordLayoutE2ETest extends BrowserTest {

    static final int LENGTH = 10_000;

    @ParameterizedTest(name = "{0} px")
    @CsvSource({"768,1024", "1280,800"})
    void unbrokenTenThousandCharacterTextsWrapInsideTheBannerAndTheAllergyCard(int width, int height) {
        try (BrowserContext sized = newContext(width, height)) {
            Page p = sized.newPage();
            p.navigate(url("/patients"));
            new IdpLoginPage(p).signInAs(DemoUser.PARAMEDIC);
            PatientRecordPage record = new PatientSearchPage(p).waitUntilShown().findByNhsNumber("999 000 2401");
            String allergies = record.cardText("allergies");
            record.card("medications");

            // The texts are there in full (nothing cut off on the way), as one unbroken run each.
            assertThat(record.bannerName()).startsWith("FEATHERSTONEHAUGH").hasSizeGreaterThan(LENGTH);
            assertThat(allergies).contains("Allergytoamoxicillin".repeat(LENGTH / 20));
            assertThat(allergies).contains("Anaphylaxis");

            PatientRecordPage.Layout banner = record.layoutOf("#patient-banner");
            PatientRecordPage.Layout allergyCard = record.layoutOf("#card-allergies");
            screenshot(p, "long-unbroken-text-" + width);

            assertThat(banner.wider()).as("elements in the banner wider than what holds them, at %d px", width)
                    .isEmpty();
            assertThat(banner.clipped()).as("banner elements whose content is cut off, at %d px", width).isEmpty();
            assertThat(allergyCard.wider()).as("elements in the allergy card wider than what holds them, at %d px",
                    width).isEmpty();
            assertThat(allergyCard.clipped()).as("allergy card elements whose content is cut off, at %d px", width)
                    .isEmpty();
            assertThat(allergyCard.overMedications()).as("allergy card elements drawn over the medications card, at %d px",
                    width).isEmpty();
            assertThat(banner.overMedications()).as("banner elements drawn over the medications card, at %d px", width)
                    .isEmpty();

            Number scrollWidth = (Number) p.evaluate("document.documentElement.scrollWidth");
            assertThat(scrollWidth.intValue()).as("page width at %d px", width).isLessThanOrEqualTo(width);

            // The banner stays on screen as the record scrolls beneath it; however long the name, the medications
            // card can still be scrolled into view and read, not hidden under the banner.
            // Measured once the page has settled (a dialog's closing overlay, a scroll still under way): waits for the
            // state, up to the one browser timeout, and reports what was last drawn there.
            String[] drawn = new String[1];
            try {
                p.waitForCondition(() -> "medications".equals(drawn[0] = record.whatIsDrawnOnTheHeadingOf(
                        "medications")));
            } catch (com.microsoft.playwright.TimeoutError e) {
                // Reported by the assertion below with what was drawn.
            }
            String onTop = drawn[0];
            screenshot(p, "long-unbroken-text-" + width + "-medications");
            assertThat(onTop).as("what is drawn on the medications card's heading once scrolled into view, at %d px",
                    width).isEqualTo("medications");
        }
    }
}
