package com.carepoint.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.carepoint.e2e.pages.AccountPage;
import com.carepoint.e2e.pages.HomePage;
import com.carepoint.e2e.pages.IdpLoginPage;
import com.carepoint.e2e.pages.ShellPage;
import com.carepoint.e2e.pages.ShellPage.NavEntry;
import com.carepoint.e2e.support.Axe;
import com.carepoint.e2e.support.BrowserTest;
import com.carepoint.e2e.support.DemoUser;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Sign-in through the embedded OpenID Connect provider, and the shell each role gets. */
class SignInE2ETest extends BrowserTest {

    @ParameterizedTest
    @EnumSource(DemoUser.class)
    void eachRoleSignsInAndSeesItsOwnShell(DemoUser user) {
        page.navigate(url("/"));
        ShellPage shell = new IdpLoginPage(page).signInAs(user);

        assertThat(shell.userName()).isEqualTo(user.displayName);
        assertThat(shell.role()).isEqualTo(user.role);
        assertThat(shell.organisation()).isEqualTo(user.organisation);
        assertThat(new HomePage(page).waitUntilShown().signedInAs()).contains(user.role);
        assertThat(shell.navigation()).containsExactlyElementsOf(expectedNavigation(user));
    }

    @Test
    void aWrongPasswordIsRefusedPlainlyAndNothingIsOpened() {
        page.navigate(url("/"));
        IdpLoginPage login = new IdpLoginPage(page).assertShown();
        login.signInWith("paramedic", "not-the-password");
        login.assertShown();
        assertThat(login.errorText()).contains("did not match");
    }

    @Test
    void anUnauthenticatedDeepLinkGoesToSignInAndBackToTheLink() {
        page.navigate(url("/account"));
        new IdpLoginPage(page).signInAs(DemoUser.SOCIAL_CARE);

        assertThat(page).hasURL(Pattern.compile(".*/account(\\?.*)?$"));
        var details = new AccountPage(page).waitUntilShown().details();
        assertThat(details).containsEntry("Role", "Social care worker")
                .containsEntry("ODS code", "LA714")
                .containsEntry("SDS user id", "None (sent to GP practices as UNK)");
    }

    @Test
    void theAccountPageShowsTheIdentitySentToPractices() {
        page.navigate(url("/account"));
        new IdpLoginPage(page).signInAs(DemoUser.PARAMEDIC);
        var details = new AccountPage(page).waitUntilShown().details();
        assertThat(details).containsEntry("SDS user id", "555021935107")
                .containsEntry("SDS role profile id", "555021936108")
                .containsEntry("Organisation type", "Ambulance trust")
                .containsEntry("Idle sign-out", "after 15 minutes without activity");
        Axe.assertNoCriticalOrSeriousAtTablet(page, "your account");
    }

    @Test
    void aRoleWithoutClinicalAccessIsRefusedPatientPagesEvenByDirectUrl() {
        page.navigate(url("/patients"));
        new IdpLoginPage(page).signInAs(DemoUser.PRIVACY_OFFICER);
        assertThat(page.locator("#access-denied-view")).isVisible();
        assertThat(page.locator("#access-denied-view h1")).hasText("This page is not available for your role");
        assertThat(page.locator("#patient-search-view")).hasCount(0);
        page.navigate(url("/record/anything"));
        assertThat(page.locator("#access-denied-view")).isVisible();
        assertThat(page.locator("#patient-banner")).hasCount(0);
        page.navigate(url("/policy"));
        assertThat(page.locator("#policy-rules")).containsText("Social care worker");
        assertThat(page.locator("#policy-rules")).containsText("None (no clinical data)");
        Axe.assertNoCriticalOrSeriousAtTablet(page, "data-sharing policy");
    }

    @Test
    void clinicalRolesCannotOpenThePolicyAdministration() {
        page.navigate(url("/policy"));
        new IdpLoginPage(page).signInAs(DemoUser.NHS_111);
        assertThat(page.locator("#access-denied-view")).isVisible();
        Axe.assertNoCriticalOrSeriousAtTablet(page, "access denied");
    }

    static List<NavEntry> expectedNavigation(DemoUser user) {
        NavEntry home = new NavEntry("Home", true);
        NavEntry account = new NavEntry("Your account", true);
        return switch (user) {
            case PARAMEDIC, NHS_111 -> List.of(home, new NavEntry("Find a patient", true),
                    new NavEntry("Appointments", true), new NavEntry("Encounter notes", true), account);
            case SOCIAL_CARE -> List.of(home, new NavEntry("Find a patient", true), account);
            case PRIVACY_OFFICER -> List.of(home, new NavEntry("Audit trail", true),
                    new NavEntry("Emergency access reviews", true), new NavEntry("Data-sharing policy", true),
                    new NavEntry("Transparency reports", true), new NavEntry("Practice notifications", true),
                    new NavEntry("Undelivered encounter notes", true), account);
        };
    }
}
