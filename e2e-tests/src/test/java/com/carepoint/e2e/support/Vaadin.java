package com.carepoint.e2e.support;

import com.microsoft.playwright.Page;

/** Waits on Vaadin's own client state, for page objects that act on a view just drawn. */
public final class Vaadin {

    /**
     * True once the Flow client has no request in flight and the component is defined (its script loaded and the
     * element upgraded). Typing into a field before its component is upgraded can be lost: the upgrade sets the
     * field's value from the server's state. The client check is Vaadin TestBench's waitForVaadin.
     */
    private static final String READY = """
            selector => {
              const flow = window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients;
              if (!flow) return false;
              for (const id in flow) {
                if (flow[id].isActive && flow[id].isActive()) return false;
              }
              const field = document.querySelector(selector);
              return field !== null && field.matches(':defined');
            }
            """;

    private Vaadin() {
    }

    /**
     * Waits (up to the browser tests' one timeout) until the Flow client is idle and the component this CSS selector
     * finds is upgraded, so input given to it now is kept.
     */
    public static void waitUntilReady(Page page, String componentSelector) {
        page.waitForFunction(READY, componentSelector,
                new Page.WaitForFunctionOptions().setTimeout(BrowserTest.TIMEOUT_MS));
    }
}
