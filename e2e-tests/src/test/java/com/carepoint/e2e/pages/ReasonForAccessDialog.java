package com.carepoint.e2e.pages;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.List;

/** "Why do you need this patient's GP record?", asked before a record is first opened in a session. */
public class ReasonForAccessDialog {

    private final Page page;

    public ReasonForAccessDialog(Page page) {
        this.page = page;
    }

    public ReasonForAccessDialog assertShown() {
        assertThat(page.locator("#reason-continue")).isVisible();
        return this;
    }

    public List<String> reasons() {
        return page.locator("#reason-options vaadin-radio-button label").allInnerTexts();
    }

    public ReasonForAccessDialog choose(String reason) {
        page.locator("#reason-options vaadin-radio-button").filter(new Locator.FilterOptions().setHasText(reason))
                .locator("label").click();
        return this;
    }

    public ReasonForAccessDialog describe(String text) {
        page.locator("#reason-other textarea").fill(text);
        return this;
    }

    /** Chooses emergency access (offered only where the policy allows it) and types the justification. */
    public ReasonForAccessDialog chooseEmergencyAccess(String justification) {
        choose("Emergency access");
        page.locator("#emergency-justification textarea").fill(justification);
        return this;
    }

    public String justificationError() {
        Locator error = page.locator("#emergency-justification [slot='error-message']");
        assertThat(error).isVisible();
        return error.innerText().trim();
    }

    public String justification() {
        return page.locator("#emergency-justification textarea").inputValue();
    }

    public void openRecord() {
        page.locator("#reason-continue").click();
    }

    public void cancel() {
        page.locator("#reason-cancel").click();
    }

    /**
     * Gives the first reason offered to the user's role and opens the record; when the reason was already given in
     * this session (the dialog is not asked again), waits for the record instead.
     */
    public static void giveFirstReasonIfAsked(Page page) {
        Locator asked = page.locator("#reason-continue");
        Locator notAsked = page.locator("#record-summary").or(page.locator("#record-notice"));
        asked.or(notAsked).first().waitFor();
        if (asked.isVisible()) {
            page.locator("#reason-options vaadin-radio-button label").first().click();
            asked.click();
            // Wait until the dialog has gone (its overlay closes after the click), so nothing that follows acts on,
            // or measures, a page still covered by it.
            assertThat(page.locator("vaadin-dialog-overlay[opened]")).hasCount(0);
        }
    }
}
