package com.carepoint.e2e.pages;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.List;

/** A patient's record: banner, first-screen cards, full sections. */
public class PatientRecordPage {

    private final Page page;

    public PatientRecordPage(Page page) {
        this.page = page;
    }

    public PatientRecordPage waitUntilShown() {
        assertThat(page.locator("#patient-record-view")).isVisible();
        assertThat(page.locator("#patient-banner")).isVisible();
        return this;
    }

    public String bannerName() {
        return page.locator("#banner-name").innerText().trim();
    }

    public String bannerNhsNumber() {
        return page.locator("#banner-nhs-number").innerText().trim();
    }

    public String bannerBorn() {
        return page.locator("#banner-born").innerText().trim();
    }

    public String bannerPractice() {
        return page.locator("#banner-practice").innerText().trim();
    }

    public List<String> bannerFlags() {
        return page.locator("#banner-flags .cp-flag").allInnerTexts();
    }

    /** The first-screen card for a section (allergies, medications, problems, consultations), once loaded. */
    public Locator card(String section) {
        Locator card = page.locator("#card-" + section);
        assertThat(card.locator(".cp-section-body")).isVisible();
        return card;
    }

    public String allergyState() {
        return card("allergies").locator("[data-allergy-state]").getAttribute("data-allergy-state");
    }

    public String cardText(String section) {
        return card(section).innerText();
    }

    public Locator recordProblem() {
        Locator problem = page.locator("#record-problem");
        assertThat(problem).isVisible();
        return problem;
    }

    public String notice() {
        assertThat(page.locator("#record-notice")).isVisible();
        return page.locator("#record-notice").innerText();
    }

    public String source() {
        assertThat(page.locator("#record-source")).containsText("retrieved");
        return page.locator("#record-source").innerText();
    }

    public void expandConsultation(String textInSummary) {
        page.locator("#card-consultations vaadin-details").filter(new Locator.FilterOptions().setHasText(textInSummary))
                .first().locator("vaadin-details-summary").click();
    }

    public Locator openFullSection(String tabId, String panelId) {
        Locator tab = page.locator("#" + tabId);
        if (tab.getAttribute("selected") != null) {
            // The tab already showing cannot be chosen again: its panel offers a button instead.
            page.locator("#" + panelId.replace("full-", "load-full-")).click();
        } else {
            tab.click();
        }
        return openFullSectionShown(panelId);
    }

    /** A full section already chosen, once (re)loaded. */
    public Locator openFullSectionShown(String panelId) {
        Locator panel = page.locator("#" + panelId);
        assertThat(panel.locator(".cp-section-body")).isVisible();
        return panel;
    }

    public boolean hasCards() {
        return page.locator("#record-summary").count() > 0;
    }

    /** The strip that marks a record opened under emergency access. */
    public Locator emergencyNotice() {
        return page.locator("#emergency-notice");
    }

    /**
     * Every element matching the selector whose text is cut off, measured by the browser: content wider than its box,
     * text reaching outside its own box, text shown with an ellipsis, or text reaching outside a box around it that
     * hides what overflows (a grid cell, a card). Each is named with its text and the widths measured.
     */
    @SuppressWarnings("unchecked")
    public List<String> cutOff(String selector) {
        return (List<String>) page.evaluate("""
                sel => {
                  const out = [];
                  for (const e of document.querySelectorAll(sel)) {
                    const box = e.getBoundingClientRect();
                    if (box.width === 0 && box.height === 0) continue;
                    const range = document.createRange();
                    range.selectNodeContents(e);
                    const text = range.getBoundingClientRect();
                    const name = '"' + e.textContent.slice(0, 60) + '"';
                    if (e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).display !== 'inline') {
                      out.push(name + ': content ' + e.scrollWidth + ' px wide in ' + e.clientWidth + ' px');
                    }
                    if (text.left < box.left - 1 || text.right > box.right + 1) {
                      out.push(name + ': text [' + Math.round(text.left) + '..' + Math.round(text.right)
                          + '] outside its box [' + Math.round(box.left) + '..' + Math.round(box.right) + ']');
                    }
                    for (let a = e; a; a = a.parentElement) {
                      const st = getComputedStyle(a);
                      if (st.textOverflow === 'ellipsis' && a.scrollWidth > a.clientWidth + 1) {
                        out.push(name + ': shown with an ellipsis in ' + a.tagName.toLowerCase());
                      }
                      if (a !== e && (st.overflowX !== 'visible')) {
                        const c = a.getBoundingClientRect();
                        if (text.left < c.left - 1 || text.right > c.right + 1) {
                          out.push(name + ': text [' + Math.round(text.left) + '..' + Math.round(text.right)
                              + '] cut by ' + a.tagName.toLowerCase() + ' [' + Math.round(c.left) + '..'
                              + Math.round(c.right) + ']');
                        }
                      }
                      if (a.tagName === 'VAADIN-GRID-CELL-CONTENT' && a.scrollHeight > a.clientHeight + 1) {
                        out.push(name + ': its grid cell is ' + a.clientHeight + ' px high for ' + a.scrollHeight + ' px');
                      }
                      if (a.classList.contains('cp-card') || a.tagName === 'VAADIN-GRID') break;
                    }
                  }
                  return out;
                }
                """, selector);
    }

    /** The first-screen cards' ids in reading order (document order). */
    @SuppressWarnings("unchecked")
    public List<String> cardOrder() {
        return (List<String>) page.locator("#record-summary > .cp-card").evaluateAll("cs => cs.map(c => c.id)");
    }

    /**
     * Where each first-screen card starts, in CSS px from the top left of the first screen's area: its id to [left,
     * top]. (Measured from the area, so a longer name in the banner above does not count as a move.)
     */
    @SuppressWarnings("unchecked")
    public java.util.Map<String, List<Integer>> cardPlaces() {
        java.util.Map<String, List<Number>> measured = (java.util.Map<String, List<Number>>) page.evaluate("""
                () => {
                  const area = document.querySelector('#record-summary').getBoundingClientRect();
                  const out = {};
                  for (const c of document.querySelectorAll('#record-summary > .cp-card')) {
                    const r = c.getBoundingClientRect();
                    out[c.id] = [Math.round(r.left - area.left), Math.round(r.top - area.top)];
                  }
                  return out;
                }
                """);
        java.util.Map<String, List<Integer>> places = new java.util.LinkedHashMap<>();
        measured.forEach((id, xy) -> places.put(id, xy.stream().map(Number::intValue).toList()));
        return places;
    }

    /** Waits (in the browser, up to the one timeout) until elements matching the selector show each of these texts. */
    public void waitForTexts(String selector, List<String> texts) {
        page.waitForFunction("""
                ([sel, wanted]) => {
                  const shown = [...document.querySelectorAll(sel)].map(e => e.textContent.trim());
                  return wanted.every(w => shown.includes(w));
                }
                """, List.of(selector, texts));
    }

    /** The texts of the elements matching the selector that are drawn on the page, in document order. */
    @SuppressWarnings("unchecked")
    public List<String> texts(String selector) {
        return (List<String>) page.evaluate("""
                sel => [...document.querySelectorAll(sel)].filter(e => e.getClientRects().length > 0)
                    .map(e => e.textContent.trim())
                """, selector);
    }

    /** How the region (a CSS selector) is laid out, measured by the browser: see {@link Layout}. */
    public Layout layoutOf(String regionSelector) {
        return Layout.of(page, regionSelector);
    }

    /**
     * Scrolls the section's card into view (its bottom at the bottom of the screen) and says what is drawn on the
     * middle of its heading: the section's name for the card itself, or the id of what covers it.
     */
    public String whatIsDrawnOnTheHeadingOf(String section) {
        return (String) page.evaluate("""
                id => {
                  const card = document.querySelector('#card-' + id);
                  card.scrollIntoView({block: 'end'});
                  const h = card.querySelector('h3').getBoundingClientRect();
                  const e = document.elementFromPoint(h.left + h.width / 2, h.top + h.height / 2);
                  return e === null ? 'nothing' : card.contains(e) ? id : (e.closest('[id]') || e).id;
                }
                """, section);
    }

    /**
     * What the page's own layout says about one region, measured by the browser: every element in it (the region
     * included) whose box reaches outside the box of the element holding it, or whose content is wider than its box
     * (even where it could scroll sideways), and every line of text reaching outside the region; every element whose
     * content is wider or taller than its box while its overflow is hidden (cut off); and every element or line of
     * text (where it can be painted) overlapping the medications card. Each is named by tag, id and class.
     */
    public record Layout(List<String> wider, List<String> clipped, List<String> overMedications) {

        @SuppressWarnings("unchecked")
        static Layout of(Page p, String selector) {
            List<List<String>> lists = (List<List<String>>) p.evaluate("""
                    sel => {
                      const root = document.querySelector(sel);
                      const meds = document.querySelector('#card-medications').getBoundingClientRect();
                      const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                          + (typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\\s+/).join('.') : '');
                      const wider = [], clipped = [], over = [];
                      for (const e of [root, ...root.querySelectorAll('*')]) {
                        const r = e.getBoundingClientRect();
                        if (r.width === 0 && r.height === 0) continue;
                        const parent = e.parentElement.getBoundingClientRect();
                        if (r.left < parent.left - 1 || r.right > parent.right + 1) {
                          wider.push(name(e) + ' [' + Math.round(r.left) + '..' + Math.round(r.right) + '] in ['
                              + Math.round(parent.left) + '..' + Math.round(parent.right) + ']');
                        }
                        const style = getComputedStyle(e);
                        const hides = v => v === 'hidden' || v === 'clip';
                        if ((hides(style.overflowX) && e.scrollWidth > e.clientWidth + 1)
                            || (hides(style.overflowY) && e.scrollHeight > e.clientHeight + 1)
                            || style.textOverflow === 'ellipsis' && e.scrollWidth > e.clientWidth + 1) {
                          clipped.push(name(e));
                        }
                        if (e.scrollWidth > e.clientWidth + 1) {
                          wider.push(name(e) + ': its content is ' + e.scrollWidth + ' px wide in ' + e.clientWidth + ' px');
                        }
                        if (r.left < meds.right - 1 && r.right > meds.left + 1 && r.top < meds.bottom - 1
                            && r.bottom > meds.top + 1) {
                          over.push(name(e));
                        }
                      }
                      // The text itself, line by line: each line box must lie inside the region and off the
                      // medications card (text that overflows its element is drawn outside the element's box).
                      const box = root.getBoundingClientRect();
                      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
                      for (let t = walker.nextNode(); t; t = walker.nextNode()) {
                        const range = document.createRange();
                        range.selectNodeContents(t);
                        // Where the text can be painted at all: inside every scrolling or clipping box around it.
                        let clip = {left: -Infinity, right: Infinity, top: -Infinity, bottom: Infinity};
                        for (let a = t.parentElement; a && root.contains(a); a = a.parentElement) {
                          const st = getComputedStyle(a);
                          if (st.overflowX !== 'visible' || st.overflowY !== 'visible') {
                            const c = a.getBoundingClientRect();
                            clip = {left: Math.max(clip.left, c.left), right: Math.min(clip.right, c.right),
                                    top: Math.max(clip.top, c.top), bottom: Math.min(clip.bottom, c.bottom)};
                          }
                        }
                        for (const raw of range.getClientRects()) {
                          const line = {left: Math.max(raw.left, clip.left), right: Math.min(raw.right, clip.right),
                                        top: Math.max(raw.top, clip.top), bottom: Math.min(raw.bottom, clip.bottom)};
                          if (line.right <= line.left || line.bottom <= line.top) continue;
                          if (line.left < box.left - 1 || line.right > box.right + 1) {
                            wider.push('text in ' + name(t.parentElement) + ' [' + Math.round(line.left) + '..'
                                + Math.round(line.right) + '] outside [' + Math.round(box.left) + '..' + Math.round(box.right) + ']');
                            break;
                          }
                          if (line.left < meds.right - 1 && line.right > meds.left + 1 && line.top < meds.bottom - 1
                              && line.bottom > meds.top + 1) {
                            over.push('text in ' + name(t.parentElement));
                            break;
                          }
                        }
                      }
                      return [wider, clipped, over];
                    }
                    """, selector);
            return new Layout(lists.get(0), lists.get(1), lists.get(2));
        }
    }
}
