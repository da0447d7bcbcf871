package com.carepoint.e2e.pages;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Files;

/** The privacy officer's patient transparency report. */
public class TransparencyReportPage {

    private final Page page;

    public TransparencyReportPage(Page page) {
        this.page = page;
    }

    public TransparencyReportPage open(String baseUrl) {
        page.navigate(baseUrl + "/transparency-report");
        assertThat(page.locator("#transparency-view")).isVisible();
        return this;
    }

    public TransparencyReportPage show(String nhsNumber) {
        page.locator("#transparency-nhs input").fill(nhsNumber);
        page.locator("#transparency-show").click();
        return this;
    }

    public String nhsNumberError() {
        Locator error = page.locator("#transparency-nhs [slot='error-message']");
        assertThat(error).isVisible();
        return error.innerText().trim();
    }

    public Locator organisations() {
        return page.locator("#transparency-organisations");
    }

    public Locator accesses() {
        return page.locator("#transparency-accesses");
    }

    public byte[] downloadPdf() throws Exception {
        Download download = page.waitForDownload(() -> page.locator("#transparency-pdf").click());
        return Files.readAllBytes(download.path());
    }
}
