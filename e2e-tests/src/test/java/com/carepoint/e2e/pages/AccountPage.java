package com.carepoint.e2e.pages;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** "Your account": the identity Carepoint records and sends to GP practices. */
public class AccountPage {

    private final Page page;

    public AccountPage(Page page) {
        this.page = page;
    }

    public AccountPage waitUntilShown() {
        assertThat(page.locator("#account-details")).isVisible();
        return this;
    }

    public Map<String, String> details() {
        List<String> terms = page.locator("#account-details dt").allInnerTexts();
        List<String> values = page.locator("#account-details dd").allInnerTexts();
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < terms.size(); i++) {
            map.put(terms.get(i).trim(), values.get(i).trim());
        }
        return map;
    }
}
