package com.carepoint.shell;

import com.vaadin.flow.component.ReconnectDialogConfiguration;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

/**
 * The banner shown above everything (the header, the patient banner, the drawer) while the browser has lost its
 * connection to Carepoint: Vaadin's connection indicator ({@code vaadin-connection-indicator}, in the browser's top
 * layer), with Carepoint's words and style ({@code themes/carepoint/styles.css}). While it shows, Vaadin keeps what
 * the user does in the page and sends it once the connection is back, so nothing typed is lost as long as the page is
 * not closed or reloaded, which is what the banner tells the user. It goes when the connection is back.
 */
@Component
class ConnectionBanner implements VaadinServiceInitListener {

    /** While reconnecting (a request failed and Vaadin is retrying). */
    static final String RECONNECTING = "Connection lost — reconnecting. What you type is kept: do not reload or "
            + "close this page.";
    /** While the device says it is offline. */
    static final String OFFLINE = "No connection — Carepoint will reconnect when the network returns. What you "
            + "type is kept: do not reload or close this page.";
    /** Shown briefly once the connection is back. */
    static final String ONLINE = "Connected again";

    private final ConnectionProperties properties;

    ConnectionBanner(ConnectionProperties properties) {
        this.properties = properties;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(e -> configure(e.getUI()));
    }

    void configure(UI ui) {
        ReconnectDialogConfiguration reconnect = ui.getReconnectDialogConfiguration();
        reconnect.setDialogText(RECONNECTING);
        reconnect.setDialogTextGaveUp(OFFLINE);
        reconnect.setReconnectInterval(Math.toIntExact(properties.reconnectInterval().toMillis()));
        // The indicator's own "online" text, a live region so a screen reader hears the change, and a nudge once the
        // network is back: Vaadin can resend the queued changes and still show "reconnecting" until the next request
        // (its state store counts only requests it started itself), so while the banner shows and the browser is
        // online, a poll (an empty round trip) is sent every reconnect interval; the first that succeeds clears it.
        ui.getPage().executeJs("""
                const i = window.Vaadin && window.Vaadin.connectionIndicator;
                const state = window.Vaadin && window.Vaadin.connectionState;
                if (!i || !state || window.__carepointConnection) { return; }
                window.__carepointConnection = true;
                i.onlineText = $0;
                i.setAttribute('data-testid', 'connection-banner');
                Promise.resolve(i.updateComplete).then(() => {
                  const m = i.querySelector('.v-status-message');
                  if (m) { m.setAttribute('role', 'status'); }
                });
                let timer = null;
                const lost = () => state.state === 'reconnecting' || state.state === 'connection-lost';
                const nudge = () => {
                  if (!navigator.onLine || !lost()) { return; }
                  const clients = (window.Vaadin.Flow && window.Vaadin.Flow.clients) || {};
                  Object.values(clients).forEach(c => { try { if (c.poll) { c.poll(); } } catch (e) { } });
                };
                state.addStateChangeListener(() => {
                  if (lost() && !timer) { timer = setInterval(nudge, $1); }
                  else if (!lost() && timer) { clearInterval(timer); timer = null; }
                });
                window.addEventListener('online', () => setTimeout(nudge, $1));
                """, ONLINE, properties.reconnectInterval().toMillis());
    }
}
