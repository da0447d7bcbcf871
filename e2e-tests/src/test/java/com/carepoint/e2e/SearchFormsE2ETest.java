package com.carepoint.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.carepoint.e2e.pages.IdpLoginPage;
import com.carepoint.e2e.pages.PatientSearchPage;
import com.carepoint.e2e.support.BrowserTest;
import com.carepoint.e2e.support.DemoUser;
import com.microsoft.playwright.Locator;
import org.junit.jupiter.api.Test;

/**
 * "Find a patient" at tablet portrait as clinicians type into it (hazard H-041): a date of birth in the forms they use,
 * with the date taken shown in full, a two-digit year never read as a future date, the right message for each
 * mistake, and no calendar left open over Postcode and Search after Tab; a pasted NHS number too long is told how
 * many digits it has; gender in the results capitalised.
 */
class SearchFormsE2ETest extends BrowserTest {

    @Test
    void whatCliniciansTypeIsReadAndEachMistakeSaysWhatIsWrong() {
        page.setViewportSize(TABLET_PORTRAIT_WIDTH, TABLET_PORTRAIT_HEIGHT);
        page.navigate(url("/"));
        new IdpLoginPage(page).signInAs(DemoUser.PARAMEDIC);
        PatientSearchPage search = new PatientSearchPage(page).open(url(""));

        // A pasted value with 20 digits is not cut at 14 characters: it is told it has 20.
        search.typeNhsNumber("99900000189990000018");
        search.assertNhsNumberError("An NHS number has 10 digits; this has 20");

        page.getByText("Name and date of birth").click();
        Locator born = page.locator("#date-of-birth input");
        Locator helper = page.locator("#date-of-birth [slot='helper']");
        Locator error = page.locator("#date-of-birth [slot='error-message']");
        for (String typed : new String[] {"4/1/61", "04/01/61", "04-01-1961", "4 Jan 1961", "04/01/1961"}) {
            born.fill(typed);
            born.press("Tab");
            assertThat(helper).hasText("Read as 4 January 1961");
            assertThat(page.locator("#date-of-birth")).not().hasAttribute("invalid", "");
            // Tab moves on to the next field, and nothing is left open over the fields after it.
            assertThat(page.locator("#gender")).hasAttribute("focused", "");
            assertThat(page.locator("[opened]:is(vaadin-date-picker-overlay, vaadin-select-overlay, "
                    + "vaadin-date-picker)")).hasCount(0);
        }
        String[][] mistakes = {
                {"04/01/2061", "The date of birth cannot be in the future: 4 January 2061 is after today. Check the year."},
                {"31/02/1961", "There is no 31 February 1961: check the day and month."},
                {"yesterday", "\"yesterday\" is not a date Carepoint recognises. Type the day, month and year, for "
                        + "example 4/1/1961, 04-01-1961 or 4 Jan 1961."}};
        for (String[] mistake : mistakes) {
            born.fill(mistake[0]);
            born.press("Tab");
            assertThat(error).hasText(mistake[1]);
            assertThat(page.locator("#date-of-birth")).hasAttribute("invalid", "");
        }

        // The search itself, with a two-digit year: the results give gender capitalised.
        page.locator("#family-name input").fill("Robinson");
        page.locator("#given-name input").fill("Linda");
        born.fill("19/6/69");
        born.press("Tab");
        assertThat(helper).hasText("Read as 19 June 1969");
        page.locator("#search-demographics").click();
        Locator results = page.locator("#search-results");
        assertThat(results).isVisible();
        assertThat(results.getByText("Female", new Locator.GetByTextOptions().setExact(true)).first()).isVisible();
        assertThat(results.getByText("female", new Locator.GetByTextOptions().setExact(true))).hasCount(0);
    }
}
