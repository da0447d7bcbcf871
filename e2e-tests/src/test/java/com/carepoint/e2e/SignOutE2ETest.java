package com.carepoint.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.carepoint.e2e.pages.IdpLoginPage;
import com.carepoint.e2e.pages.ShellPage;
import com.carepoint.e2e.pages.SignedOutPage;
import com.carepoint.e2e.support.Axe;
import com.carepoint.e2e.support.BrowserTest;
import com.carepoint.e2e.support.DemoUser;
import org.junit.jupiter.api.Test;

/** Sign-out ends the session at Carepoint and at the embedded identity provider. */
class SignOutE2ETest extends BrowserTest {

    @Test
    void signingOutEndsTheAppAndTheIdentityProviderSessions() {
        page.navigate(url("/"));
        ShellPage shell = new IdpLoginPage(page).signInAs(DemoUser.NHS_111);

        SignedOutPage signedOut = shell.signOut();
        assertThat(signedOut.title()).isEqualTo("You have signed out");
        Axe.assertNoCriticalOrSeriousAtTablet(page, "signed out");

        // Back to the app: the identity provider asks for credentials again instead of signing straight back in.
        page.navigate(url("/"));
        new IdpLoginPage(page).assertShown();
    }

    @Test
    void signInAgainFromTheSignedOutPage() {
        page.navigate(url("/"));
        new IdpLoginPage(page).signInAs(DemoUser.PARAMEDIC).signOut()
                .signInAgain()
                .signInAs(DemoUser.PARAMEDIC);
        assertThat(new ShellPage(page).userName()).isEqualTo(DemoUser.PARAMEDIC.displayName);
    }
}
