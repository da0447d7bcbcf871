package com.carepoint.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.carepoint.e2e.pages.PatientRecordPage;
import com.carepoint.e2e.pages.PatientSearchPage;
import com.carepoint.e2e.support.BrowserTest;
import com.carepoint.e2e.support.DemoUser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 14, rows 2 and 3: nothing that matters is cut off on a tablet or a phone. For Mr Briggs (999 000 0158, 27
 * medications) at 768, 1024 and 390 px: no drug name, dose, problem or consultation title in the first screen or the
 * full sections is wider than its box, reaches outside it, or is shown with an ellipsis; nothing in the first-screen
 * cards reaches outside its card; and the page does not scroll sideways. The class signs in once: each
 * test (and width) opens a new page in that session.
 */
class RecordReadingE2ETest extends BrowserTest {

    static final String LONGEST_DRUG = "Salbutamol 100micrograms/dose inhaler CFC free";

    @ParameterizedTest(name = "{0} px")
    @CsvSource({"768,1024", "1024,768", "390,844"})
    void drugNamesDosesAndTitlesAreNeverCutOff(int width, int height, TestInfo info) {
        Page p = pageSignedInAs(DemoUser.PARAMEDIC, "/patients", width, height, info);
        PatientRecordPage record = new PatientSearchPage(p).waitUntilShown().findByNhsNumber("999 000 0158");
        assertThat(record.cardText("medications")).contains("Apixaban 2.5mg tablets");
        record.card("consultations");
        record.card("problems");
        record.card("allergies");

        // The first screen: every line of text inside its card, nothing cut off.
        for (String card : new String[] {"allergies", "medications", "problems", "consultations"}) {
            PatientRecordPage.Layout layout = record.layoutOf("#card-" + card);
            assertThat(layout.wider()).as("%s card: elements or text reaching outside it at %d px", card, width)
                    .isEmpty();
            assertThat(layout.clipped()).as("%s card: elements cut off at %d px", card, width).isEmpty();
        }
        assertThat(record.cutOff("#record-summary li, #record-summary strong, #record-summary span"))
                .as("first-screen texts cut off at %d px", width).isEmpty();
        // A consultation's summary line fits its card (issue 14 row 3: lines of 918 px in a 322 px card).
        assertThat(record.cutOff("#card-consultations vaadin-details-summary, .cp-consultation-title"))
                .as("consultation summaries cut off at %d px", width).isEmpty();
        screenshot(p, "record-first-screen-" + width);

        // The full sections: each drug name, dose, problem and consultation title in full, in rows that wrap.
        Locator meds = record.openFullSection("tab-medications", "full-medications");
        meds.locator(".cp-row-title").first().waitFor();
        screenshot(p, "record-full-medications-" + width);
        // A list this size is drawn whole: every row is measured (the page is scrolled past the list first).
        p.locator("#full-medications vaadin-grid").evaluate("g => g.scrollIntoView({block: 'end'})");
        try {
            record.waitForTexts("#full-medications .cp-row-title", List.of(LONGEST_DRUG,
                    "Omeprazole 20mg gastro-resistant capsules"));
        } catch (com.microsoft.playwright.TimeoutError e) {
            throw new AssertionError("medication rows drawn at " + width + " px: "
                    + record.texts("#full-medications .cp-row-title"), e);
        }
        assertThat(record.cutOff("#full-medications .cp-row-title, #full-medications .cp-row-details"))
                .as("full medications cut off at %d px", width).isEmpty();

        record.openFullSection("tab-problems", "full-problems").locator(".cp-row-title").first().waitFor();
        assertThat(record.texts("#full-problems .cp-row-title")).contains("Chronic kidney disease stage 3");
        assertThat(record.cutOff("#full-problems .cp-row-title, #full-problems .cp-row-details"))
                .as("full problems cut off at %d px", width).isEmpty();

        record.openFullSection("tab-consultations", "full-consultations").locator(".cp-row-title").first()
                .waitFor();
        assertThat(record.cutOff("#full-consultations .cp-row-title, #full-consultations .cp-row-details"))
                .as("full consultations cut off at %d px", width).isEmpty();
        // A consultation row says it expands (a chevron, aria-expanded) and does, by touch or keyboard.
        Locator first = p.locator("#full-consultations .cp-row-toggle").first();
        PlaywrightAssertions.assertThat(first).hasAttribute("aria-expanded", "false");
        PlaywrightAssertions.assertThat(first.locator(".cp-row-chevron")).isVisible();
        first.click();
        PlaywrightAssertions.assertThat(p.locator("#full-consultations .cp-row-toggle").first())
                .hasAttribute("aria-expanded", "true");
        PlaywrightAssertions.assertThat(p.locator("#full-consultations .cp-consultation-body").first())
                .isVisible();

        Number scrollWidth = (Number) p.evaluate("document.documentElement.scrollWidth");
        assertThat(scrollWidth.intValue()).as("page width at %d px", width).isLessThanOrEqualTo(width);
    }

    /**
     * Issue 14, row 10: the first screen is laid out the same whatever the patient. Mr Briggs (24 current medications)
     * and Mr Ashworth (999 000 1200, over a hundred): allergies first, medications in the same place beside them (below
     * them on a phone), each list capped at 10 with a plain "Show all …" that opens the full section.
     */
    @ParameterizedTest(name = "{0} px")
    @CsvSource({"768,1024", "1024,768", "390,844"})
    void theFirstScreenIsLaidOutTheSameWhateverThePatientAndLongListsAreCapped(int width, int height, TestInfo info) {
        Page p = pageSignedInAs(DemoUser.PARAMEDIC, "/patients", width, height, info);
        PatientRecordPage briggs = new PatientSearchPage(p).waitUntilShown().findByNhsNumber("999 000 0158");
        briggs.card("medications");
        briggs.card("allergies");
        List<String> order = briggs.cardOrder();
        Map<String, List<Integer>> briggsPlaces = briggs.cardPlaces();
        assertThat(briggs.card("medications").locator(".cp-medication-list li").count()).isEqualTo(10);
        assertThat(briggs.card("medications").locator("#show-all-medications").innerText())
                .isEqualTo("Show all 24 current medications");

        p.navigate(url("/patients"));
        PatientRecordPage ashworth = new PatientSearchPage(p).waitUntilShown().findByNhsNumber("999 000 1200");
        assertThat(ashworth.card("medications").locator(".cp-medication-list li").count()).isEqualTo(10);
        String showAll = ashworth.card("medications").locator("#show-all-medications").innerText();
        assertThat(showAll).matches("Show all \\d{3} current medications");
        ashworth.card("allergies");
        assertThat(ashworth.cardOrder()).as("the order of the cards for both patients").isEqualTo(order)
                .startsWith("card-allergies", "card-medications");
        Map<String, List<Integer>> ashworthPlaces = ashworth.cardPlaces();
        screenshot(p, "record-first-screen-107-" + width);
        // Allergies and medications start in the same place (left, top) for both patients on a tablet; on a phone
        // (one column) medications come straight after the allergies, which are never cut short.
        for (String card : width >= 768 ? new String[] {"card-allergies", "card-medications"}
                : new String[] {"card-allergies"}) {
            assertThat(ashworthPlaces.get(card)).as("%s's left and top at %d px", card, width)
                    .isEqualTo(briggsPlaces.get(card));
        }
        if (width >= 768) {
            assertThat(briggsPlaces.get("card-medications").get(1)).as("medications beside allergies")
                    .isEqualTo(briggsPlaces.get("card-allergies").get(1));
        }

        // "Show all" opens the full section, with every medication.
        p.navigate(url("/patients"));
        PatientRecordPage again = new PatientSearchPage(p).waitUntilShown().findByNhsNumber("999 000 0158");
        again.card("medications").locator("#show-all-medications").click();
        PlaywrightAssertions.assertThat(p.locator("#tab-medications")).hasAttribute("selected", Pattern.compile(".*"));
        Locator full = again.openFullSectionShown("full-medications");
        PlaywrightAssertions.assertThat(full.locator(".cp-row-title").first())
                .isInViewport();
        assertThat(again.texts("#full-medications .cp-row-title")).contains("Apixaban 2.5mg tablets");
    }

    /**
     * Issue 14, rows 11 and 7: a patient's dissent (999 000 0433) is said once, above the cards, which only point to
     * it (the allergy card still says not to assume there are none); and wherever the user is told to phone the
     * practice — dissent, a sensitive record, a practice not connected to GP Connect, a practice that has switched
     * the record off — the practice's name and telephone number from the organisation register are given, or it is
     * said plainly that the number is not known.
     */
    @org.junit.jupiter.api.Test
    void aWholeRecordRefusalIsSaidOnceAndThePracticesNumberIsGivenWhereverItIsToBePhoned(TestInfo info) {
        page = pageSignedInAs(DemoUser.PARAMEDIC, "/patients", 1280, 800, info);
        PatientRecordPage dissent = new PatientSearchPage(page).waitUntilShown().findByNhsNumber("999 000 0433");
        PlaywrightAssertions.assertThat(dissent.recordProblem())
                .containsText("asked their GP practice not to share their record");
        for (String card : new String[] {"allergies", "medications", "problems", "consultations"}) {
            PlaywrightAssertions.assertThat(
                    dissent.card(card).locator(".cp-said-above")).containsText("see the message above");
        }
        assertThat(dissent.cardText("allergies")).contains("Do not assume the patient has no allergies");
        assertThat(page.getByText("asked their GP practice not to share their record").count())
                .as("how often the dissent is said").isEqualTo(1);
        assertThat(page.locator("[role=alert]:visible").count()).as("alerts on the page").isLessThanOrEqualTo(1);
        PlaywrightAssertions.assertThat(
                page.locator("#record-problem [data-practice-contact]"))
                .hasText("Phone Riverside Medical Practice (A20047) on 01632 960101.");
        screenshot(page, "record-dissent-said-once");

        page.navigate(url("/patients"));
        PatientRecordPage sensitive = new PatientSearchPage(page).waitUntilShown().findByNhsNumber("999 000 0506");
        assertThat(sensitive.notice()).contains("contact the registered practice by phone");
        PlaywrightAssertions.assertThat(
                page.locator("#record-notice [data-practice-contact]"))
                .hasText("Phone Castle Street Health Centre (C81616) on 01632 960303.");

        page.navigate(url("/patients"));
        PatientRecordPage switchedOff = new PatientSearchPage(page).waitUntilShown().findByNhsNumber("999 000 0859");
        PlaywrightAssertions.assertThat(switchedOff.recordProblem())
                .containsText("Contact the practice by phone");
        PlaywrightAssertions.assertThat(
                page.locator("#record-problem [data-practice-contact]"))
                .hasText("Phone Harbour Lane Surgery (D82044) on 01632 960404.");

        page.navigate(url("/patients"));
        PatientRecordPage notConnected = new PatientSearchPage(page).waitUntilShown().findByNhsNumber("999 000 0786");
        PlaywrightAssertions.assertThat(notConnected.recordProblem())
                .containsText("is not connected to GP Connect");
        // The register knows the practice but holds no number for it: said plainly, never a made-up number.
        PlaywrightAssertions.assertThat(
                page.locator("#record-problem [data-practice-contact]"))
                .hasText("The telephone number of Lakeside Surgery (P99999) is not in the national organisation "
                        + "register: find it in your organisation's directory or on the NHS website before you phone.");
        assertThat(notConnected.bannerPractice()).isEqualTo("Lakeside Surgery (P99999)");
    }
}
