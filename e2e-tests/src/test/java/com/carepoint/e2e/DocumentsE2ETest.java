package com.carepoint.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.carepoint.OwnContext;
import com.carepoint.e2e.pages.IdpLoginPage;
import com.carepoint.e2e.pages.PatientRecordPage;
import com.carepoint.e2e.pages.PatientSearchPage;
import com.carepoint.e2e.support.BrowserTest;
import com.carepoint.e2e.support.DemoUser;
import com.carepoint.gpconnect.DocumentFixtureProvider;
import com.carepoint.gpconnect.SpecDocumentsProvider;
import com.carepoint.kernel.NhsNumber;
import com.carepoint.spine.Demographics;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The Documents tab in the browser, with the app's document source pointed at a loopback Access Document provider
 * answering with the specification's published examples ({@link SpecDocumentsProvider}; the demo practices are not
 * involved): the documents are listed with title, type, date, author and organisation; a Word document is listed but
 * not opened; a PDF is retrieved and served by Carepoint itself; list and retrieval are audited.
 */
@Tag(OwnContext.TAG)
@Import(SpecDocumentsProvider.class)
class DocumentsE2ETest extends BrowserTest {

    static final String PATIENT = "9990000018";

    @Autowired
    @Qualifier("specDocumentFixtureProvider")
    DocumentFixtureProvider provider;
    @Autowired
    Demographics demographics;
    @Autowired
    JdbcClient jdbc;

    @Test
    void documentsAreListedAndAPdfOpensFromCarepoint() {
        SpecDocumentsProvider.answerFor(provider, demographics.trace(NhsNumber.parse(PATIENT).orElseThrow())
                .orElseThrow());
        page.navigate(url("/patients"));
        new IdpLoginPage(page).signInAs(DemoUser.PARAMEDIC);
        PatientRecordPage record = new PatientSearchPage(page).findByNhsNumber(PATIENT);
        Locator documents = record.openFullSection("tab-documents", "full-documents");
        assertThat(documents.locator("#documents-count")).containsText("2 documents, newest first");
        Locator grid = documents.locator("#documents-grid");
        assertThat(grid).containsText(SpecDocumentsProvider.PDF_TITLE);
        assertThat(grid).containsText("Inpatient final discharge letter");
        assertThat(grid).containsText("23-Jun-2019");
        assertThat(grid).containsText("Miss Nichole Gilbert");
        assertThat(grid).containsText("The Trevelyan Practice");
        assertThat(grid).containsText("Not viewable in Carepoint (Word document)");

        documents.locator(".cp-view-document").first().click();
        Locator open = page.locator("#document-open");
        assertThat(open).isVisible();
        String href = open.getAttribute("href");
        // Served by Carepoint from the bytes it retrieved: its own address, never the practice's.
        assertThat(href).doesNotContain("exampleGPSystem").doesNotContain(provider.base());
        APIResponse pdf = page.request().get(href.startsWith("http") ? href : url("/" + href.replaceFirst("^/", "")));
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.headers().get("content-type")).startsWith("application/pdf");
        assertThat(pdf.headers().get("cache-control")).contains("no-store");
        assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(provider.received("GET", "/docs/Binary/")).hasSize(1);

        assertThat(jdbc.sql("select count(*) from audit_event where patient_nhs = ? and action = 'SECTION_VIEW' "
                + "and detail = 'Documents (full)' and outcome like 'retrieved:%'").param(PATIENT)
                .query(Long.class).single()).isEqualTo(1L);
        assertThat(jdbc.sql("select count(*) from audit_event where patient_nhs = ? and action = 'SECTION_VIEW' "
                + "and detail like 'Document: " + SpecDocumentsProvider.PDF_TITLE + "%' and outcome like 'retrieved:%'")
                .param(PATIENT).query(Long.class).single()).isEqualTo(1L);
    }
}
