package com.carepoint.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.carepoint.e2e.pages.IdpLoginPage;
import com.carepoint.e2e.pages.PatientRecordPage;
import com.carepoint.e2e.pages.PatientSearchPage;
import com.carepoint.e2e.pages.ReasonForAccessDialog;
import com.carepoint.e2e.pages.ShellPage;
import com.carepoint.e2e.pages.TransparencyReportPage;
import com.carepoint.e2e.support.BrowserTest;
import com.carepoint.e2e.support.DemoUser;
import com.carepoint.e2e.support.TouchTargets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Hazard H-044: at tablet portrait (768 px) every visible interactive element of every page and state a clinician
 * and the privacy officer use is at least 44 × 44 CSS px, measured by {@link TouchTargets}: the search forms, the
 * reason-for-access dialog (asked before every record), the record with a consultation expanded and a full-record
 * tab open (its scroll arrows included), the navigation drawer, and the privacy pages. Everything too small on any
 * of them is reported together.
 */
class TouchTargetsE2ETest extends BrowserTest {

    @Test
    void everyTargetIsAtLeast44PxAtTabletPortrait() {
        page.setViewportSize(TABLET_PORTRAIT_WIDTH, TABLET_PORTRAIT_HEIGHT);
        Map<String, List<String>> tooSmall = new LinkedHashMap<>();
        page.navigate(url("/"));
        ShellPage shell = new IdpLoginPage(page).signInAs(DemoUser.PARAMEDIC);

        PatientSearchPage search = new PatientSearchPage(page).open(url(""));
        tooSmall.put("search by NHS number", TouchTargets.under(page));
        page.getByText("Name and date of birth").click();
        page.locator("#family-name").waitFor();
        tooSmall.put("search by name and date of birth", TouchTargets.under(page));
        page.getByText("NHS number", new com.microsoft.playwright.Page.GetByTextOptions().setExact(true)).first()
                .click();

        PatientRecordPage record = search.findByNhsNumberAndStopAtReason("999 000 0018");
        new ReasonForAccessDialog(page).assertShown();
        tooSmall.put("reason for access dialog", TouchTargets.under(page));
        ReasonForAccessDialog.giveFirstReasonIfAsked(page);

        record.card("consultations");
        page.locator("#card-consultations vaadin-details-summary").first().click();
        record.openFullSection("tab-medications", "full-medications");
        tooSmall.put("record, a consultation expanded and the medications tab open", TouchTargets.under(page));

        shell.openMenu();
        tooSmall.put("navigation drawer over the record", TouchTargets.under(page));

        // The privacy officer's pages, in a new session.
        context.clearCookies();
        page.navigate(url("/"));
        new IdpLoginPage(page).signInAs(DemoUser.PRIVACY_OFFICER);
        new TransparencyReportPage(page).open(url("")).show("999 000 0018");
        page.locator("#transparency-period").waitFor();
        tooSmall.put("transparency report", TouchTargets.under(page));
        for (String[] privacyPage : new String[][] {{"audit", "#audit-view"},
                {"emergency-access-reviews", "#emergency-review-view"}, {"policy", "#policy-view"},
                {"practice-notifications", "#practice-notifications-view"}}) {
            page.navigate(url("/" + privacyPage[0]));
            page.locator(privacyPage[1]).waitFor();
            tooSmall.put(privacyPage[0], TouchTargets.under(page));
        }

        tooSmall.values().removeIf(List::isEmpty);
        assertThat(tooSmall).as("targets under 44 x 44 px at 768 px, by page").isEmpty();
    }
}
