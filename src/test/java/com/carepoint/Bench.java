package com.carepoint;

import java.util.List;

/**
 * Benchmarks: tagged {@code bench}, run only by {@code ./carepoint bench} (Maven profile {@code bench}), never by the
 * test command. They print figures; they assert nothing about speed.
 */
public final class Bench {

    public static final String TAG = "bench";
    /** The latency the Riverside demo practice adds to every answer while benchmarking. */
    public static final int LATENCY_MS = 300;
    public static final String LATENCY_PROPERTY = "carepoint.demo.faults.A20047.latency=" + LATENCY_MS + "ms";

    private Bench() {
    }

    public static double percentile(List<Double> values, double p) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
    }

    public static void print(String line) {
        System.out.println("BENCH " + line);
        System.err.println("BENCH " + line);
    }

    public static String fmt(double ms) {
        return String.format(java.util.Locale.UK, "%.0f ms", ms);
    }

}
