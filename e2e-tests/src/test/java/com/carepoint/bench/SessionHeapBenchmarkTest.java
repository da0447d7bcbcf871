package com.carepoint.bench;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.carepoint.Bench;
import com.carepoint.e2e.pages.IdpLoginPage;
import com.carepoint.e2e.pages.PatientSearchPage;
import com.carepoint.e2e.pages.ReasonForAccessDialog;
import com.carepoint.e2e.support.BrowserTest;
import com.carepoint.e2e.support.DemoUser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;
import javax.management.ObjectName;
import org.apache.catalina.Container;
import org.apache.catalina.Context;
import org.apache.catalina.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * P4: heap retained per signed-in session. Opens N sessions (default 20, {@code -Dcarepoint.bench.sessions=N}; 1 in
 * smoke mode, with no warm-up), each a browser context of its own in one headless Chromium, signed in as the paramedic with the
 * typical record (999 000 0018) open and its first screen drawn, then forces a full GC and prints the heap in use
 * with the sessions minus before, divided by N; then expires the sessions on the server (as the idle time-out does)
 * and prints it again, to show the heap returns. The demo services run in a JVM of their own
 * ({@link DemoServicesProcess}), so the heap measured is Carepoint's (and this test's: the Playwright client's few
 * objects per context, which stay until the contexts close and are counted in "with − before" but not in
 * "with − expired"). With the figure, the classes whose live bytes grew most (a class histogram before and after, by
 * the DiagnosticCommand MBean's {@code gcClassHistogram}, which itself runs a full GC) say what a session holds.
 */
@Tag(Bench.TAG)
@DirtiesContext
class SessionHeapBenchmarkTest extends BrowserTest {

    static final String NHS_NUMBER = "9990000018";
    static final int SESSIONS = Bench.SMOKE ? 1 : Integer.getInteger("carepoint.bench.sessions", 20);
    static final int TOP_CLASSES = 25;

    static DemoServicesProcess demo;

    @DynamicPropertySource
    static void demoServices(DynamicPropertyRegistry registry) {
        if (demo == null) {
            demo = DemoServicesProcess.start();
        }
        demo.registerWith(registry);
    }

    @AfterAll
    static void stopDemoServices() {
        if (demo != null) {
            demo.stop();
            demo = null;
        }
    }

    @Autowired
    ServletWebServerApplicationContext application;

    @Test
    void heapRetainedPerSessionWithARecordOpen() throws Exception {
        // A warm-up session, then expired: what is made once for the whole application (caches of the practice's
        // capability, Vaadin's and HAPI's per-class state, compiled code) is in the baseline, not in the figure.
        // The base class's own page stays unused (its context holds no server session).
        List<BrowserContext> warmUp = openSessions(Bench.warmUp(1));
        expireSessions();
        closeAll(warmUp);

        Heap before = Heap.measure("before");
        List<BrowserContext> sessions = openSessions(SESSIONS);
        Heap with = Heap.measure("with-sessions");
        printComponents();
        int expired = expireSessions();
        Heap after = Heap.settled("sessions-expired");
        closeAll(sessions);
        Heap closed = Heap.settled("browsers-closed");

        String label = SESSIONS + " sessions (paramedic, record 999 000 0018 open, first screen drawn)";
        Bench.print("p4 " + label + ": heap used after a full GC before " + mb(before.used) + ", with the sessions "
                + mb(with.used) + ", after the " + expired + " sessions expired " + mb(after.used)
                + ", after the browser contexts closed " + mb(closed.used));
        Bench.print("p4 heap retained per session (with − before) / N: " + kb((with.used - before.used) / SESSIONS)
                + " (live objects by the class histogram: " + kb((with.live - before.live) / SESSIONS) + ")");
        Bench.print("p4 heap retained per session (with − expired) / N, the server sessions alone: "
                + kb((with.used - after.used) / SESSIONS) + " (live objects: " + kb((with.live - after.live) / SESSIONS)
                + ")");
        Bench.print("p4 heap left after expiry (expired − before) / N: " + kb((after.used - before.used) / SESSIONS)
                + " (live objects: " + kb((after.live - before.live) / SESSIONS) + "); after the contexts closed: "
                + kb((closed.live - before.live) / SESSIONS));
        top("(with − expired)", "what the sessions hold", with, after);
        top("(with − before)", "what the sessions hold and what stays after them", with, before);
        top("(closed − before)", "what stays once the sessions expired and the browsers closed", closed, before);
    }

    /**
     * The classes whose live bytes grew most between two measurements, per session. Each line carries the table's
     * name and its rank, so that the lines stay in order in {@code target/bench.txt} (which {@code ./carepoint bench}
     * sorts).
     */
    private static void top(String difference, String what, Heap now, Heap earlier) throws IOException {
        List<Map.Entry<String, long[]>> grown = now.grownSince(earlier);
        Bench.print("p4 classes " + difference + " 00: " + what + ", the " + TOP_CLASSES
                + " classes whose live bytes grew most, per session");
        int rank = 0;
        for (Map.Entry<String, long[]> e : grown.subList(0, Math.min(TOP_CLASSES, grown.size()))) {
            Bench.print(String.format(Locale.UK, "p4 classes %s %02d: %7s %8.1f instances  %s", difference, ++rank,
                    kb(e.getValue()[1] / SESSIONS), e.getValue()[0] / (double) SESSIONS, e.getKey()));
        }
    }

    /** Opens n signed-in sessions, each with the typical record's first screen drawn. */
    private List<BrowserContext> openSessions(int n) {
        List<BrowserContext> contexts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            BrowserContext c = newContext(1280, 800);
            contexts.add(c);
            Page p = c.newPage();
            p.navigate(url("/patients"));
            new IdpLoginPage(p).signInAs(DemoUser.PARAMEDIC);
            PatientSearchPage search = new PatientSearchPage(p).waitUntilShown();
            search.typeNhsNumber(NHS_NUMBER);
            p.locator("#find-by-nhs-number").click();
            ReasonForAccessDialog.giveFirstReasonIfAsked(p);
            for (String card : List.of("allergies", "medications", "problems", "consultations")) {
                assertThat(p.locator("#card-" + card + " .cp-section-body")).isVisible();
            }
        }
        return contexts;
    }

    private static void closeAll(List<BrowserContext> contexts) {
        contexts.forEach(BrowserContext::close);
    }

    /**
     * What the sessions' UIs hold: their components by class, and the length of the last response each UI keeps;
     * per session. Read under each session's lock, as Vaadin requires.
     */
    private void printComponents() {
        Map<String, Integer> byClass = new TreeMap<>();
        long[] lastResponse = {0};
        int uis = 0;
        TomcatWebServer server = (TomcatWebServer) application.getWebServer();
        for (Container child : server.getTomcat().getHost().findChildren()) {
            if (child instanceof Context web) {
                for (Session s : web.getManager().findSessions()) {
                    var http = s.getSession();
                    var names = http.getAttributeNames();
                    boolean first = uis == 0;
                    while (names.hasMoreElements()) {
                        String name = names.nextElement();
                        Object value = http.getAttribute(name);
                        if (first) {
                            Bench.print("p4 a session's attribute " + name + ": "
                                    + (value == null ? "null" : value.getClass().getName()));
                        }
                        if (value instanceof VaadinSession vaadin) {
                            vaadin.lock();
                            try {
                                for (UI ui : vaadin.getUIs()) {
                                    uis++;
                                    count(ui, byClass);
                                    String last = ui.getInternals().getLastRequestResponse();
                                    lastResponse[0] += last == null ? 0 : last.length();
                                }
                            } finally {
                                vaadin.unlock();
                            }
                        }
                    }
                }
            }
        }
        int n = Math.max(1, SESSIONS);
        int components = byClass.values().stream().mapToInt(Integer::intValue).sum();
        Bench.print(String.format(Locale.UK, "p4 components 00: per session %.1f UIs, %.0f components; the UI's copy "
                + "of its last response (Vaadin keeps it to answer a resent request) %.0f characters; by class:",
                uis / (double) n, components / (double) n, lastResponse[0] / (double) n));
        int[] rank = {0};
        byClass.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(20)
                .forEach(e -> Bench.print(String.format(Locale.UK, "p4 components %02d: %6.1f  %s", ++rank[0],
                        e.getValue() / (double) n, e.getKey())));
    }

    private static void count(com.vaadin.flow.component.Component c, Map<String, Integer> byClass) {
        byClass.merge(c.getClass().getName(), 1, Integer::sum);
        c.getChildren().forEach(child -> count(child, byClass));
    }

    /** Expires every HTTP session on the server, as the idle time-out would; returns how many. */
    private int expireSessions() {
        int n = 0;
        TomcatWebServer server = (TomcatWebServer) application.getWebServer();
        for (Container child : server.getTomcat().getHost().findChildren()) {
            if (child instanceof Context web) {
                for (Session s : web.getManager().findSessions()) {
                    s.expire();
                    n++;
                }
            }
        }
        return n;
    }

    private static String mb(long bytes) {
        return String.format(Locale.UK, "%.1f MB", bytes / 1e6);
    }

    private static String kb(long bytes) {
        return String.format(Locale.UK, "%.0f KB", bytes / 1e3);
    }

    /**
     * The heap after a full GC: bytes in use (MemoryMXBean) and live (the class histogram's total). The histogram is
     * written to {@code target/bench-p4/} and read back only for the comparison at the end, so that no measurement's
     * own data is in the heap of the next.
     */
    record Heap(long used, long live, Path histogram) {

        static final Path DIR = Path.of("target", "bench-p4");
        static int taken;

        static Heap measure(String name) throws Exception {
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            memory.gc();
            long used = memory.getHeapMemoryUsage().getUsed();
            // The histogram runs a full GC of its own and counts what is live.
            String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
            long live = 0;
            for (String line : text.split("\n")) {
                String[] f = line.trim().split("\\s+");
                if (f.length >= 3 && f[0].equals("Total")) {
                    live = Long.parseLong(f[2]);
                }
            }
            Files.createDirectories(DIR);
            Path file = DIR.resolve(String.format(Locale.UK, "%02d-%s.txt", ++taken, name));
            Files.writeString(file, text);
            return new Heap(used, live, file);
        }

        /**
         * The heap once what was let go has been cleaned up: the server notices closed connections and expired
         * sessions on its own threads, so this measures until the live bytes stop falling (at most 10 times).
         */
        static Heap settled(String name) throws Exception {
            Heap last = measure(name);
            for (int i = 0; i < 10; i++) {
                Heap next = measure(name);
                boolean falling = next.live < last.live - last.live / 200;
                last = next;
                if (!falling) {
                    break;
                }
            }
            return last;
        }

        /** Class name → {instances, bytes} of live objects. */
        Map<String, long[]> classes() throws IOException {
            Map<String, long[]> classes = new HashMap<>();
            for (String line : Files.readAllLines(histogram)) {
                String[] f = line.trim().split("\\s+");
                // "  1:   12345   678901  java.lang.String (java.base@25)"
                if (f.length >= 4 && f[0].endsWith(":")) {
                    classes.merge(f[3], new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])},
                            (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
                }
            }
            return classes;
        }

        List<Map.Entry<String, long[]>> grownSince(Heap earlier) throws IOException {
            Map<String, long[]> was = earlier.classes();
            Map<String, long[]> grown = new HashMap<>();
            classes().forEach((name, now) -> {
                long[] before = was.getOrDefault(name, new long[] {0, 0});
                grown.put(name, new long[] {now[0] - before[0], now[1] - before[1]});
            });
            List<Map.Entry<String, long[]>> sorted = new ArrayList<>(grown.entrySet());
            sorted.sort(Comparator.comparingLong((Map.Entry<String, long[]> e) -> e.getValue()[1]).reversed());
            return sorted;
        }
    }
}
