package com.carepoint.e2e.pages;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;

/** The privacy officer's audit trail search. */
public class AuditPage {

    private final Page page;

    public AuditPage(Page page) {
        this.page = page;
    }

    public AuditPage waitUntilShown() {
        assertThat(page.locator("#audit-view")).isVisible();
        return this;
    }

    public AuditPage searchPatient(String nhsNumber) {
        page.locator("#audit-patient input").fill(nhsNumber);
        page.locator("#audit-search").click();
        return this;
    }

    public Locator results() {
        return page.locator("#audit-results");
    }

    public String exportCsv() throws Exception {
        Download download = page.waitForDownload(() -> page.locator("#audit-export").click());
        Path file = download.path();
        return Files.readString(file);
    }
}
