package com.carepoint.shell.login;

import com.carepoint.access.OrganisationType;
import com.carepoint.access.Role;
import com.carepoint.shell.security.AuthMode;
import com.carepoint.shell.security.AuthProperties;
import com.carepoint.shell.security.EmbeddedAuthorizationServerConfig;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

/**
 * The embedded identity provider's sign-in page. It stands in for an organisation's identity provider (NHS CIS2 in
 * production), so it is a plain page of its own, not part of the Carepoint UI. It lists the demo users.
 */
@Controller
@Conditional(AuthMode.Embedded.class)
class IdpLoginController {

    private final AuthProperties auth;

    IdpLoginController(AuthProperties auth) {
        this.auth = auth;
    }

    @GetMapping(value = EmbeddedAuthorizationServerConfig.IDP_LOGIN_PATH, produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String loginPage(HttpServletRequest request) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        boolean error = request.getParameter("error") != null;
        boolean locked = request.getParameter("locked") != null;
        StringBuilder users = new StringBuilder();
        for (AuthProperties.DemoUser u : auth.embedded().users()) {
            String role = Role.fromClaim(u.role()).map(Role::displayName).orElse(u.role());
            String orgType = OrganisationType.fromClaim(u.orgType()).map(OrganisationType::displayName).orElse("");
            users.append("""
                    <li><button type="button" class="demo-user" data-username="%s" data-password="%s">
                      <span class="demo-user-name">%s</span>
                      <span class="demo-user-role">%s</span>
                      <span class="demo-user-org">%s (%s) · %s</span>
                    </button></li>
                    """.formatted(esc(u.username()), esc(u.password()), esc(u.name()), esc(role), esc(u.orgName()),
                    esc(u.orgOdsCode()), esc(orgType)));
        }
        String action = request.getContextPath() + EmbeddedAuthorizationServerConfig.IDP_LOGIN_PATH;
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <title>Sign in · Carepoint demo identity provider</title>
                  <link rel="stylesheet" href="%s/themes/carepoint/idp.css">
                </head>
                <body>
                  <main class="idp">
                    <h1>Sign in</h1>
                    <p class="idp-lead">Carepoint demo identity provider. In production your organisation's sign-in
                      (for example NHS CIS2 with your smartcard) appears here instead.</p>
                    %s
                    <form method="post" action="%s" class="idp-form">
                      <label for="username">Username</label>
                      <input id="username" name="username" autocomplete="username" required autofocus>
                      <label for="password">Password</label>
                      <input id="password" name="password" type="password" autocomplete="current-password" required>
                      <input type="hidden" name="%s" value="%s">
                      <button type="submit" id="sign-in">Sign in</button>
                    </form>
                    <h2>Demo users</h2>
                    <p>Synthetic accounts, one per role. Choose one to fill in its username and password.</p>
                    <ul class="demo-users">%s</ul>
                  </main>
                  <script>
                    document.querySelectorAll('.demo-user').forEach(function (b) {
                      b.addEventListener('click', function () {
                        document.getElementById('username').value = b.dataset.username;
                        document.getElementById('password').value = b.dataset.password;
                        document.getElementById('sign-in').focus();
                      });
                    });
                  </script>
                </body>
                </html>
                """.formatted(request.getContextPath(),
                locked ? "<p class=\"idp-error\" role=\"alert\" id=\"sign-in-locked\">Too many unsuccessful sign-in attempts. "
                        + "For your account's safety, signing in is paused for 15 minutes. If you have forgotten your "
                        + "password, contact your service desk.</p>"
                        : error ? "<p class=\"idp-error\" role=\"alert\">That username and password did not match. Check "
                        + "them and try again.</p>" : "",
                esc(action), esc(csrf.getParameterName()), esc(csrf.getToken()), users);
    }

    private static String esc(String s) {
        return s == null ? "" : HtmlUtils.htmlEscape(s);
    }
}
