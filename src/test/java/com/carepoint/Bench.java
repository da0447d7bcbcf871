package com.carepoint;

import java.util.List;
import java.util.Locale;

/**
 * Benchmarks: tagged {@code bench}. {@code ./carepoint bench} (Maven profile {@code bench}) runs them in full and
 * prints their figures; the test command runs them once each in <em>smoke mode</em>
 * ({@code -Dcarepoint.bench.smoke=true}: no warm-up, one iteration, the small inputs), only to prove that every
 * benchmark still runs to the end, so a broken benchmark fails CI. They assert nothing about speed.
 */
public final class Bench {

    public static final String TAG = "bench";
    /** The latency the Riverside demo practice adds to every answer while benchmarking. */
    public static final int LATENCY_MS = 300;
    public static final String LATENCY_PROPERTY = "carepoint.demo.faults.A20047.latency=" + LATENCY_MS + "ms";

    /** One iteration of each benchmark, no figures judged (the test command's run). */
    public static final boolean SMOKE = Boolean.getBoolean("carepoint.bench.smoke");

    private Bench() {
    }

    /** How many measured runs: {@code full}, or 1 in smoke mode. */
    public static int runs(int full) {
        return SMOKE ? 1 : full;
    }

    /** How many warm-up runs: {@code full}, or none in smoke mode. */
    public static int warmUp(int full) {
        return SMOKE ? 0 : full;
    }

    public static double percentile(List<Double> values, double p) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
    }

    public static void print(String line) {
        String prefix = SMOKE ? "BENCH-SMOKE " : "BENCH ";
        System.out.println(prefix + line);
        System.err.println(prefix + line);
    }

    public static String fmt(double ms) {
        return String.format(Locale.UK, "%.0f ms", ms);
    }

}
