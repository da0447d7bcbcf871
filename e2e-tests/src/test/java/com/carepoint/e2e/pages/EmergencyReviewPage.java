package com.carepoint.e2e.pages;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** The privacy officer's emergency-access review queue. */
public class EmergencyReviewPage {

    private final Page page;

    public EmergencyReviewPage(Page page) {
        this.page = page;
    }

    public EmergencyReviewPage open(String baseUrl) {
        page.navigate(baseUrl + "/emergency-access-reviews");
        assertThat(page.locator("#emergency-review-view")).isVisible();
        return this;
    }

    public Locator queue() {
        return page.locator("#emergency-queue");
    }

    /** The "Mark reviewed" buttons of emergency accesses to this patient still awaiting review. */
    public Locator awaitingReview(String formattedNhsNumber) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Mark reviewed: emergency access "
                + "to patient " + formattedNhsNumber));
    }

    /** Opens the review of the emergency access to this patient (formatted NHS number, e.g. "999 000 1766"). */
    public EmergencyReviewPage startReview(String formattedNhsNumber) {
        awaitingReview(formattedNhsNumber).first().click();
        assertThat(page.locator("#review-comment")).isVisible();
        return this;
    }

    public EmergencyReviewPage comment(String text) {
        page.locator("#review-comment textarea").fill(text);
        return this;
    }

    public EmergencyReviewPage save() {
        page.locator("#review-save").click();
        return this;
    }

    public String commentError() {
        Locator error = page.locator("#review-comment [slot='error-message']");
        assertThat(error).isVisible();
        return error.innerText().trim();
    }

    public EmergencyReviewPage showReviewed() {
        page.locator("#emergency-show-reviewed input").check();
        return this;
    }
}
