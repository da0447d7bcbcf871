package com.carepoint.e2e.pages;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** "Find a patient": by NHS number or by name and date of birth. */
public class PatientSearchPage {

    private final Page page;

    public PatientSearchPage(Page page) {
        this.page = page;
    }

    public PatientSearchPage open(String baseUrl) {
        page.navigate(baseUrl + "/patients");
        return waitUntilShown();
    }

    public PatientSearchPage waitUntilShown() {
        assertThat(page.locator("#patient-search-view")).isVisible();
        return this;
    }

    public PatientSearchPage typeNhsNumber(String number) {
        Locator field = page.locator("#nhs-number input");
        field.fill(number);
        field.dispatchEvent("change");
        return this;
    }

    /** Waits until the NHS number field shows this error (validation answers after a server round trip). */
    public PatientSearchPage assertNhsNumberError(String expectedPart) {
        assertThat(page.locator("#nhs-number [slot='error-message']")).containsText(expectedPart);
        return this;
    }

    /** Finds the patient and opens their record, giving the role's first reason for access when asked. */
    public PatientRecordPage findByNhsNumber(String number) {
        PatientRecordPage record = findByNhsNumberAndStopAtReason(number);
        ReasonForAccessDialog.giveFirstReasonIfAsked(page);
        return record;
    }

    /** Finds the patient; the record page shows the banner and, for a new patient, asks the reason for access. */
    public PatientRecordPage findByNhsNumberAndStopAtReason(String number) {
        typeNhsNumber(number);
        page.locator("#find-by-nhs-number").click();
        return new PatientRecordPage(page).waitUntilShown();
    }

    public void submitNhsNumber(String number) {
        typeNhsNumber(number);
        page.locator("#find-by-nhs-number").click();
    }

    public String nhsSearchMessage() {
        assertThat(page.locator("#nhs-search-message")).isVisible();
        return page.locator("#nhs-search-message").innerText().trim();
    }

    public PatientSearchPage searchByDemographics(String family, String given, String bornDdMmYyyy, String postcode) {
        page.getByText("Name and date of birth").click();
        page.locator("#family-name input").fill(family);
        if (given != null) {
            page.locator("#given-name input").fill(given);
        }
        Locator born = page.locator("#date-of-birth input");
        born.fill(bornDdMmYyyy);
        born.press("Enter");
        if (postcode != null) {
            page.locator("#postcode input").fill(postcode);
        }
        page.locator("#search-demographics").click();
        return this;
    }

    public String demographicMessage() {
        assertThat(page.locator("#demographic-search-message")).isVisible();
        return page.locator("#demographic-search-message").innerText().trim();
    }

    public PatientRecordPage openResult(String nameInBannerStyle) {
        Locator results = page.locator("#search-results");
        assertThat(results).isVisible();
        results.getByText(nameInBannerStyle).click();
        PatientRecordPage record = new PatientRecordPage(page).waitUntilShown();
        ReasonForAccessDialog.giveFirstReasonIfAsked(page);
        return record;
    }
}
