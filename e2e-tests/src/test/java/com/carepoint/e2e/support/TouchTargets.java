package com.carepoint.e2e.support;

import com.microsoft.playwright.Page;
import java.util.List;

/**
 * Measures, in the browser, every visible interactive element of the page as a finger meets it and reports those
 * smaller than a touch target (WCAG 2.5.5 and Carepoint's own rule: 44 × 44 CSS px). Shadow roots are searched too,
 * so the parts a component draws itself (a tab strip's scroll arrows, a side-navigation item's link) count.
 *
 * <p>A Vaadin control is measured as its whole host element, which takes the tap everywhere in its box (a radio
 * button's row with its label, not only its circle; a field's input box); what is inside it is not measured again.
 * Native elements and ARIA roles are measured where they stand. Elements that are not painted (no box, hidden, or
 * {@code visibility: hidden}) are left out, as are links inside running text (WCAG's inline exception).
 */
public final class TouchTargets {

    /** Carepoint's smallest touch target, in CSS px. */
    public static final double MIN_PX = 44;

    private TouchTargets() {
    }

    /** Every target under {@value #MIN_PX} px, each as "what (label): width × height". */
    public static List<String> under(Page page) {
        return under(page, MIN_PX);
    }

    /**
     * As {@link #under(Page)}, with another minimum. Waits first until no finite animation is running (a dialog opens
     * scaled down and grows to its size), so what is measured is what stays on screen.
     */
    @SuppressWarnings("unchecked")
    public static List<String> under(Page page, double min) {
        page.waitForFunction("""
                () => document.getAnimations().filter(a => a.effect
                    && a.effect.getComputedTiming().endTime !== Infinity).every(a => a.playState !== 'running')
                """);
        return (List<String>) page.evaluate("""
                min => {
                  const HOSTS = ['vaadin-button', 'vaadin-drawer-toggle', 'vaadin-side-nav-item', 'vaadin-tab',
                    'vaadin-radio-button', 'vaadin-checkbox', 'vaadin-details-summary', 'vaadin-select',
                    'vaadin-combo-box', 'vaadin-text-field', 'vaadin-text-area', 'vaadin-date-picker',
                    'vaadin-integer-field', 'vaadin-number-field', 'vaadin-password-field', 'vaadin-email-field',
                    'vaadin-time-picker', 'vaadin-menu-bar-button', 'vaadin-item', 'vaadin-select-item'];
                  const NATIVE = 'a[href], button, input:not([type=hidden]), select, textarea, summary, '
                    + '[role=button], [role=link], [role=tab], [role=radio], [role=checkbox], [role=menuitem], '
                    + '[role=option], [part~=back-button], [part~=forward-button]';
                  const hostSelector = HOSTS.join(',');
                  const found = [];
                  const seen = new Set();
                  const insideHost = el => {
                    for (let n = el.parentNode; n; n = n.parentNode || n.host) {
                      if (n.nodeType === 1 && n.matches(hostSelector)) return true;
                      if (n instanceof ShadowRoot) { if (n.host.matches(hostSelector)) return true; n = n.host; }
                    }
                    return false;
                  };
                  const painted = el => {
                    const r = el.getBoundingClientRect();
                    if (r.width === 0 || r.height === 0) return false;
                    if (el.checkVisibility && !el.checkVisibility({visibilityProperty: true, opacityProperty: false}))
                      return false;
                    return true;
                  };
                  const inRunningText = el => el.matches('a') && el.closest('p, li, dd') !== null
                      && el.closest('p, li, dd').textContent.trim().length > el.textContent.trim().length;
                  const name = el => {
                    const label = (el.getAttribute('aria-label') || el.innerText || el.getAttribute('title')
                        || el.getAttribute('part') || '').trim().replace(/\\s+/g, ' ').slice(0, 40);
                    return el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (label ? ' "' + label + '"' : '');
                  };
                  const visit = root => {
                    for (const el of root.querySelectorAll('*')) {
                      const isHost = el.matches(hostSelector);
                      if ((isHost || (el.matches(NATIVE) && !insideHost(el))) && !seen.has(el) && painted(el)
                          && !inRunningText(el) && !el.matches('[disabled], [aria-hidden=true] *')) {
                        seen.add(el);
                        // The laid-out size (offsetWidth/Height), which an opening dialog's scale animation
                        // does not change; the painted box for what has none (SVG, display: contents).
                        const box = el.getBoundingClientRect();
                        const r = el instanceof HTMLElement && el.offsetWidth > 0 && el.offsetHeight > 0
                            ? {width: el.offsetWidth, height: el.offsetHeight} : box;
                        if (r.width < min - 0.5 || r.height < min - 0.5) {
                          found.push(name(el) + ': ' + Math.round(r.width) + ' x ' + Math.round(r.height));
                        }
                      }
                      if (el.shadowRoot) visit(el.shadowRoot);
                    }
                  };
                  visit(document);
                  return found;
                }
                """, min);
    }
}
