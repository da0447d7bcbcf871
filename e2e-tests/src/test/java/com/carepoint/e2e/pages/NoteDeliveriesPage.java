package com.carepoint.e2e.pages;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** The privacy officer's page of encounter notes that have not reached the patient's practice. */
public class NoteDeliveriesPage {

    private final Page page;

    public NoteDeliveriesPage(Page page) {
        this.page = page;
    }

    public NoteDeliveriesPage open(String baseUrl) {
        page.navigate(baseUrl + "/note-deliveries");
        assertThat(page.locator("#note-deliveries-view")).isVisible();
        return this;
    }

    public Locator summary() {
        return page.locator("#note-deliveries-summary");
    }

    /** The grid of notes; its text is every row's. */
    public Locator grid() {
        return page.locator("#note-deliveries");
    }
}
