package com.carepoint.shell;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import java.time.Duration;

/**
 * Ends an idle session: after {@code idle-timeout} without the user touching the screen or keyboard, Carepoint signs
 * them out, and {@code idle-warning} before that it warns them with a chance to stay signed in. Activity is watched
 * in the browser (so a clinician typing a long note counts as active) and the server session is kept alive while
 * the user is active; the server's own session timeout, set to the same value, is the backstop.
 */
@Tag("carepoint-idle-guard")
public class IdleSessionGuard extends Component {

    private final Duration timeout;
    private final Duration warning;
    private final SignOut signOut;
    private final Dialog dialog = new Dialog();

    public IdleSessionGuard(Duration timeout, Duration warning, SignOut signOut) {
        this.timeout = timeout;
        this.warning = warning.compareTo(timeout) < 0 ? warning : timeout.dividedBy(2);
        this.signOut = signOut;
        getElement().setAttribute("hidden", true);
        dialog.setHeaderTitle("Are you still there?");
        dialog.setCloseOnOutsideClick(false);
        dialog.getElement().setAttribute("data-testid", "idle-warning");
        dialog.add(new Paragraph("To protect patients' information, Carepoint signs you out after "
                + minutes(timeout) + " without activity. You will be signed out in " + minutes(this.warning)
                + " unless you choose to stay signed in."));
        Button stay = new Button("Stay signed in", e -> stay());
        stay.addThemeVariants(ButtonVariant.PRIMARY);
        Button leave = new Button("Sign out now", e -> signOut.byUser());
        dialog.getFooter().add(leave, stay);
        dialog.addDialogCloseActionListener(e -> stay());
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        getElement().executeJs("""
                const el = this, timeoutMs = $0, warnMs = $1;
                if (el.__idleStarted) { return; }
                el.__idleStarted = true;
                let last = Date.now(), lastServer = Date.now(), warned = false, ended = false;
                const activity = () => {
                  if (warned || ended) { return; }
                  last = Date.now();
                  if (last - lastServer > 60000) { lastServer = last; el.$server.keepAlive(); }
                };
                ['pointerdown', 'keydown', 'touchstart', 'wheel'].forEach(t =>
                    document.addEventListener(t, activity, { passive: true, capture: true }));
                el.__resetIdle = () => { last = Date.now(); lastServer = last; warned = false; };
                el.__timer = setInterval(() => {
                  const idle = Date.now() - last;
                  if (!ended && idle >= timeoutMs) { ended = true; clearInterval(el.__timer); el.$server.timedOut(); }
                  else if (!warned && idle >= timeoutMs - warnMs) { warned = true; el.$server.warn(); }
                }, 1000);
                """, timeout.toMillis(), warning.toMillis());
    }

    @ClientCallable
    void keepAlive() {
        // The round trip itself refreshes the server session.
    }

    @ClientCallable
    void warn() {
        dialog.open();
    }

    @ClientCallable
    void timedOut() {
        dialog.close();
        signOut.afterIdleTimeout();
    }

    private void stay() {
        dialog.close();
        getElement().executeJs("if (this.__resetIdle) { this.__resetIdle(); }");
    }

    static String minutes(Duration d) {
        long seconds = d.toSeconds();
        if (seconds % 60 != 0 || seconds < 60) {
            return seconds + (seconds == 1 ? " second" : " seconds");
        }
        long m = seconds / 60;
        return m + (m == 1 ? " minute" : " minutes");
    }
}
