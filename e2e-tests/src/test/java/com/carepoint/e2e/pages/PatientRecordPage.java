package com.carepoint.e2e.pages;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.List;

/** A patient's record: banner, first-screen cards, full sections. */
public class PatientRecordPage {

    private final Page page;

    public PatientRecordPage(Page page) {
        this.page = page;
    }

    public PatientRecordPage waitUntilShown() {
        assertThat(page.locator("#patient-record-view")).isVisible();
        assertThat(page.locator("#patient-banner")).isVisible();
        return this;
    }

    public String bannerName() {
        return page.locator("#banner-name").innerText().trim();
    }

    public String bannerNhsNumber() {
        return page.locator("#banner-nhs-number").innerText().trim();
    }

    public String bannerBorn() {
        return page.locator("#banner-born").innerText().trim();
    }

    public String bannerPractice() {
        return page.locator("#banner-practice").innerText().trim();
    }

    public List<String> bannerFlags() {
        return page.locator("#banner-flags .cp-flag").allInnerTexts();
    }

    /** The first-screen card for a section (allergies, medications, problems, consultations), once loaded. */
    public Locator card(String section) {
        Locator card = page.locator("#card-" + section);
        assertThat(card.locator(".cp-section-body")).isVisible();
        return card;
    }

    public String allergyState() {
        return card("allergies").locator("[data-allergy-state]").getAttribute("data-allergy-state");
    }

    public String cardText(String section) {
        return card(section).innerText();
    }

    public Locator recordProblem() {
        Locator problem = page.locator("#record-problem");
        assertThat(problem).isVisible();
        return problem;
    }

    public String notice() {
        assertThat(page.locator("#record-notice")).isVisible();
        return page.locator("#record-notice").innerText();
    }

    public String source() {
        assertThat(page.locator("#record-source")).containsText("retrieved");
        return page.locator("#record-source").innerText();
    }

    public void expandConsultation(String textInSummary) {
        page.locator("#card-consultations vaadin-details").filter(new Locator.FilterOptions().setHasText(textInSummary))
                .first().locator("vaadin-details-summary").click();
    }

    public Locator openFullSection(String tabId, String panelId) {
        Locator tab = page.locator("#" + tabId);
        if (tab.getAttribute("selected") != null) {
            // The tab already showing cannot be chosen again: its panel offers a button instead.
            page.locator("#" + panelId.replace("full-", "load-full-")).click();
        } else {
            tab.click();
        }
        return openFullSectionShown(panelId);
    }

    /** A full section already chosen, once (re)loaded. */
    public Locator openFullSectionShown(String panelId) {
        Locator panel = page.locator("#" + panelId);
        assertThat(panel.locator(".cp-section-body")).isVisible();
        return panel;
    }

    public boolean hasCards() {
        return page.locator("#record-summary").count() > 0;
    }

    /** The strip that marks a record opened under emergency access. */
    public Locator emergencyNotice() {
        return page.locator("#emergency-notice");
    }
}
