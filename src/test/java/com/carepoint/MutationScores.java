package com.carepoint;

import java.io.File;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Prints PIT's mutation score per class from {@code mutations.xml}: killed (detected: killed, timed out, memory
 * error) out of all mutants, with survivors and mutants no test reached. Inner classes and lambdas count towards their
 * outer class. Run with the JDK's single-file launch, so it needs nothing but a JDK:
 * {@code java src/test/java/com/carepoint/MutationScores.java target/pit-reports/mutations.xml}.
 */
public final class MutationScores {

    private MutationScores() {
    }

    public static void main(String[] args) throws Exception {
        File file = new File(args.length > 0 ? args[0] : "target/pit-reports/mutations.xml");
        if (!file.isFile()) {
            System.err.println("No PIT report at " + file + " (run ./carepoint mutation)");
            System.exit(1);
        }
        NodeList mutations = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file)
                .getElementsByTagName("mutation");
        Map<String, int[]> byClass = new TreeMap<>(); // killed, total, survived, no coverage
        for (int i = 0; i < mutations.getLength(); i++) {
            Element m = (Element) mutations.item(i);
            String cls = m.getElementsByTagName("mutatedClass").item(0).getTextContent().trim();
            int[] c = byClass.computeIfAbsent(cls.replaceFirst("\\$.*", ""), k -> new int[4]);
            c[1]++;
            if (Boolean.parseBoolean(m.getAttribute("detected"))) {
                c[0]++;
            }
            switch (m.getAttribute("status")) {
                case "SURVIVED" -> c[2]++;
                case "NO_COVERAGE" -> c[3]++;
                default -> { }
            }
        }
        int width = byClass.keySet().stream().mapToInt(String::length).max().orElse(5);
        String row = "%-" + width + "s  %13s  %7s  %8s  %11s%n";
        System.out.printf(row, "class", "killed/total", "score", "survived", "no coverage");
        int killed = 0;
        int total = 0;
        for (Map.Entry<String, int[]> e : byClass.entrySet()) {
            int[] c = e.getValue();
            System.out.printf(row, e.getKey(), c[0] + "/" + c[1], percent(c[0], c[1]), c[2], c[3]);
            killed += c[0];
            total += c[1];
        }
        System.out.printf(row, "all", killed + "/" + total, percent(killed, total), "", "");
    }

    /** One decimal, rounded down: 100% only when every mutant was killed. */
    private static String percent(int killed, int total) {
        return total == 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", Math.floor(1000.0 * killed / total) / 10);
    }
}
