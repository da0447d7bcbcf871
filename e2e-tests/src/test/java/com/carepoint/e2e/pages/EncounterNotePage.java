package com.carepoint.e2e.pages;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** An encounter note: the draft form, saved as typed, and the signed note with its delivery status. */
public class EncounterNotePage {

    private final Page page;

    public EncounterNotePage(Page page) {
        this.page = page;
    }

    /** From the record: the record's "Write the encounter note" link. */
    public static EncounterNotePage startFrom(Page page) {
        page.locator("#write-note").click();
        return new EncounterNotePage(page).waitUntilShown();
    }

    public EncounterNotePage waitUntilShown() {
        assertThat(page.locator("#note-view")).isVisible();
        assertThat(page.locator("#patient-banner")).isVisible();
        return this;
    }

    /** Types into a text field or area (by its id) and waits until the draft says it has saved that change. */
    public EncounterNotePage type(String fieldId, String text) {
        String before = revision();
        Locator field = page.locator("#" + fieldId + " input, #" + fieldId + " textarea").first();
        field.fill(text);
        assertThat(page.locator("#note-saved")).not().hasAttribute("data-revision", before == null ? "" : before);
        return this;
    }

    public String revision() {
        return page.locator("#note-saved").getAttribute("data-revision");
    }

    public String value(String fieldId) {
        return page.locator("#" + fieldId + " input, #" + fieldId + " textarea").first().inputValue();
    }

    public EncounterNotePage choose(String groupId, String label) {
        String before = revision();
        page.locator("#" + groupId + " vaadin-radio-button").filter(new Locator.FilterOptions().setHasText(label))
                .locator("label").click();
        assertThat(page.locator("#note-saved")).not().hasAttribute("data-revision", before == null ? "" : before);
        return this;
    }

    public EncounterNotePage consciousness(String label) {
        String before = revision();
        page.locator("#note-acvpu").click();
        page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText(label)).click();
        assertThat(page.locator("#note-saved")).not().hasAttribute("data-revision", before == null ? "" : before);
        return this;
    }

    public Locator news2() {
        return page.locator("#note-news2");
    }

    public Locator problems() {
        return page.locator("#note-problems");
    }

    public void sign() {
        page.locator("#note-sign").click();
        page.locator("#sign-confirm").click();
        assertThat(page.locator("#note-signed")).isVisible();
    }

    public void trySign() {
        page.locator("#note-sign").click();
    }

    /** The delivery status of a signed note (its {@code data-status}: QUEUED, ACCEPTED, DELIVERED, FILED, ...). */
    public Locator status() {
        return page.locator("#note-status");
    }
}
