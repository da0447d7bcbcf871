package com.carepoint.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.carepoint.access.DemoUsers;
import com.carepoint.audit.AccessAudit;
import com.carepoint.e2e.pages.AuditPage;
import com.carepoint.e2e.pages.EmergencyReviewPage;
import com.carepoint.e2e.pages.IdpLoginPage;
import com.carepoint.e2e.pages.TransparencyReportPage;
import com.carepoint.e2e.support.Axe;
import com.carepoint.e2e.support.BrowserTest;
import com.carepoint.e2e.support.DemoUser;
import com.microsoft.playwright.Locator;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The privacy officer's pages at tablet portrait (hazard H-043): an answer never stays on screen under a search it
 * does not answer (an invalid NHS number clears the previous patient's transparency report and the previous audit
 * search's rows and count), and "Mark reviewed" is whole, not cut off.
 */
class PrivacyPagesTabletE2ETest extends BrowserTest {

    /** A synthetic NHS number no demo patient or other test uses: its emergency access is this test's own. */
    private static final String PATIENT = "9990003017";

    @Autowired
    AccessAudit audit;

    @Test
    void anInvalidSearchClearsThePreviousAnswerAndMarkReviewedIsWhole() {
        audit.emergencyAccess(DemoUsers.PARAMEDIC, PATIENT, "Unconscious at the roadside, no one with them to ask",
                "A20047");
        page.setViewportSize(TABLET_PORTRAIT_WIDTH, TABLET_PORTRAIT_HEIGHT);
        page.navigate(url("/"));
        new IdpLoginPage(page).signInAs(DemoUser.PRIVACY_OFFICER);

        TransparencyReportPage report = new TransparencyReportPage(page).open(url(""));
        report.show("999 000 0018");
        assertThat(page.locator("#transparency-period")).containsText("NHS number 999 000 0018");
        report.show("999 000 0019");
        assertThat(report.nhsNumberError()).isNotBlank();
        assertThat(page.locator("#transparency-result")).isEmpty();
        assertThat(page.locator("#transparency-pdf")).hasCount(0);
        Axe.assertNoCriticalOrSeriousAsShown(page, "transparency report, an invalid NHS number");

        page.navigate(url("/audit"));
        AuditPage auditPage = new AuditPage(page).waitUntilShown();
        Locator summary = page.locator("#audit-summary");
        assertThat(summary).containsText("matching rows");
        assertThat(auditPage.results().locator("vaadin-grid-cell-content").filter(
                new Locator.FilterOptions().setHasText("AUDIT_REVIEW").setVisible(true)).first()).isVisible();
        auditPage.searchPatient("999 000 0019");
        assertThat(summary).hasText("No search made: correct the patient's NHS number, or clear it to search without "
                + "it.");
        assertThat(summary).not().containsText(Pattern.compile("\\d+ matching rows"));
        Axe.assertNoCriticalOrSeriousAsShown(page, "audit search, an invalid NHS number");
        // The rows of the search before (the officer's own reviews among them) are gone too.
        assertThat(auditPage.results().locator("vaadin-grid-cell-content").filter(
                new Locator.FilterOptions().setHasText("AUDIT_REVIEW").setVisible(true))).hasCount(0);

        EmergencyReviewPage reviews = new EmergencyReviewPage(page).open(url(""));
        Locator mark = reviews.awaitingReview("999 000 3017").first();
        assertThat(mark).isVisible();
        mark.scrollIntoViewIfNeeded();
        // Whole: the label fits the button, and the button lies inside its cell and inside the screen.
        Boolean whole = (Boolean) mark.evaluate("""
                b => {
                  const r = b.getBoundingClientRect();
                  const cell = b.closest('vaadin-grid-cell-content').getBoundingClientRect();
                  const label = b.shadowRoot.querySelector('[part=label]');
                  return label.scrollWidth <= label.clientWidth + 1 && b.scrollWidth <= b.clientWidth + 1
                      && r.left >= cell.left - 1 && r.right <= cell.right + 1 && r.right <= window.innerWidth
                      && r.height >= 44 && r.width >= 44;
                }
                """);
        assertThat(whole).as("\"Mark reviewed\" whole and at least 44 px at 768 px").isTrue();
        assertThat(mark).hasText("Mark reviewed");
        Axe.assertNoCriticalOrSeriousAsShown(page, "emergency access reviews");
    }
}
