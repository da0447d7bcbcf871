package com.carepoint.e2e.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ViewportSize;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * axe-core (WCAG 2.0, 2.1 and 2.2, levels A and AA, plus axe's best practices: landmarks, headings) on a page as it
 * is, at tablet portrait (768 px), tablet landscape (1024 px), desktop (1280 px) and a phone (390 px): the
 * window is resized for each width (the page is not reloaded), so a browser test that has reached a state — a
 * dialog open, a tab shown — checks it where it stands.
 * Critical and serious violations are blocking; every violation is printed ({@code AXE VIOLATION …}) with one figure
 * line per state and width ({@code AXE <width> <state>: critical=… serious=… moderate=… minor=…}) for
 * docs/accessibility.md.
 */
public final class Axe {

    private static final List<String> WCAG_A_AA =
            List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice");
    private static final List<String> BLOCKING = List.of("critical", "serious");
    /**
     * The widths checked, with the height of each: tablet portrait, tablet landscape, desktop and a phone (where the
     * layout is one column and the navigation a drawer).
     */
    private static final int[][] SIZES = {{BrowserTest.TABLET_PORTRAIT_WIDTH, BrowserTest.TABLET_PORTRAIT_HEIGHT},
        {1024, 768}, {1280, 800}, {390, 844}};
    /** Tablet portrait and desktop only, the two widths the issue asks for. */
    private static final int[][] TABLET_AND_DESKTOP = {
        {BrowserTest.TABLET_PORTRAIT_WIDTH, BrowserTest.TABLET_PORTRAIT_HEIGHT}, {1280, 800}};

    private Axe() {
    }

    /**
     * Checks this state at tablet portrait (768 px) only, the narrower layout where the problems were found, and
     * fails on any critical or serious violation: for the states the feature tests reach on their way, where a
     * second width would cost the suite more time than it finds (AccessibilityE2ETest checks its states at two or
     * four widths).
     */
    public static void assertNoCriticalOrSeriousAtTablet(Page p, String state) {
        ViewportSize own = p.viewportSize();
        try {
            p.setViewportSize(SIZES[0][0], SIZES[0][1]);
            p.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
            assertThat(check(p, SIZES[0][0], state)).as("critical and serious axe violations (details printed "
                    + "above)").isEmpty();
        } finally {
            p.setViewportSize(own.width, own.height);
        }
    }

    /**
     * Checks this state at the window's own size, whatever it is (a phone's 390 px, a dialog that a resize would
     * move), and fails on any critical or serious violation.
     */
    public static void assertNoCriticalOrSeriousAsShown(Page p, String state) {
        assertThat(check(p, p.viewportSize().width, state)).as("critical and serious axe violations (details "
                + "printed above)").isEmpty();
    }

    /** Checks this state at every width; the window is back at its own size afterwards. Returns the blocking ones. */
    public static List<String> checkAtEveryWidth(Page p, String state) {
        return checkAt(p, state, SIZES);
    }

    /**
     * Checks this state at 768 and 1280 px only: for a state whose layout is already checked at every width in
     * another state (the same page in dark mode: only its colours differ), or that is not the clinician's tablet
     * view (the embedded sign-in form, a demo stand-in for the national sign-in; the privacy officer's report, a desk
     * task), where each axe run costs the suite 2–8 s.
     */
    public static List<String> checkAtTabletAndDesktop(Page p, String state) {
        return checkAt(p, state, TABLET_AND_DESKTOP);
    }

    private static List<String> checkAt(Page p, String state, int[][] sizes) {
        ViewportSize own = p.viewportSize();
        List<String> blocking = new ArrayList<>();
        try {
            for (int[] size : sizes) {
                p.setViewportSize(size[0], size[1]);
                // The layout for the new width is drawn before axe looks (two animation frames).
                p.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
                blocking.addAll(check(p, size[0], state));
            }
        } finally {
            p.setViewportSize(own.width, own.height);
        }
        return blocking;
    }

    private static List<String> check(Page p, int width, String state) {
        long start = System.nanoTime();
        AxeResults results = new AxeBuilder(p).withTags(WCAG_A_AA).analyze();
        long millis = (System.nanoTime() - start) / 1_000_000;
        Map<String, Integer> byImpact = new TreeMap<>(Map.of("critical", 0, "serious", 0, "moderate", 0, "minor", 0));
        List<String> blocking = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            String impact = rule.getImpact() == null ? "minor" : rule.getImpact();
            byImpact.merge(impact, rule.getNodes().size(), Integer::sum);
            for (CheckedNode node : rule.getNodes()) {
                String line = "%d px, %s: %s (%s) at %s: %s. %s".formatted(width, state, rule.getId(), impact,
                        node.getTarget(), rule.getHelp(), String.valueOf(node.getFailureSummary()).replace('\n', ' '));
                System.out.println("AXE VIOLATION " + line);
                if (BLOCKING.contains(impact)) {
                    blocking.add(line);
                }
            }
        }
        System.out.printf("AXE %d %s: critical=%d serious=%d moderate=%d minor=%d (%d ms)%n", width, state,
                byImpact.get("critical"), byImpact.get("serious"), byImpact.get("moderate"), byImpact.get("minor"),
                millis);
        return blocking;
    }
}
