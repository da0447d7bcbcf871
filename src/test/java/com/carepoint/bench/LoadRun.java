package com.carepoint.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * One step of the load test, shared by the test (which sets it up, waits for every session to hold its record open,
 * measures and then releases them) and {@link CarepointLoadSimulation} (which Gatling instantiates by class name, so
 * it reads this step from {@link #current}). Keeps the time of every interaction and every error, by interaction.
 */
public final class LoadRun {

    /** The load-test accounts' usernames: this prefix and 1..accounts (paramedics, password carepoint-demo). */
    static final String USERNAME_PREFIX = "load-paramedic-";

    /** The step Gatling's next simulation runs. */
    static volatile LoadRun current;

    final String baseUrl;
    final int sessions;
    final int rampSeconds;
    final String nhsNumber;
    final double thinkSeconds;
    final int waitSeconds;
    final int accounts;

    private final AtomicInteger holding = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private volatile boolean released;
    private final Map<String, List<Long>> times = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final Map<String, String> firstErrors = new ConcurrentHashMap<>();

    LoadRun(String baseUrl, int sessions, int rampSeconds, String nhsNumber, double thinkSeconds, int waitSeconds,
            int accounts) {
        this.baseUrl = baseUrl;
        this.sessions = sessions;
        this.rampSeconds = rampSeconds;
        this.nhsNumber = nhsNumber;
        this.thinkSeconds = thinkSeconds;
        this.waitSeconds = waitSeconds;
        this.accounts = accounts;
    }

    void time(String interaction, long millis) {
        times.computeIfAbsent(interaction, k -> Collections.synchronizedList(new ArrayList<>())).add(millis);
    }

    /** A session's interaction failed: counted, and the session ends (it does not hold a record open). */
    void error(String interaction, String reason) {
        String key = interaction + ": " + reason;
        errors.computeIfAbsent(key, k -> new LongAdder()).increment();
        firstErrors.putIfAbsent(interaction, reason);
        failed.incrementAndGet();
    }

    void holding() {
        holding.incrementAndGet();
    }

    int holdingCount() {
        return holding.get();
    }

    int failedCount() {
        return failed.get();
    }

    boolean released() {
        return released;
    }

    void release() {
        released = true;
    }

    /** Interaction → its times (ms), in the order the interactions happen. */
    Map<String, List<Double>> times() {
        Map<String, List<Double>> copy = new TreeMap<>();
        times.forEach((k, v) -> {
            synchronized (v) {
                copy.put(k, v.stream().map(Long::doubleValue).toList());
            }
        });
        return copy;
    }

    /** "interaction: reason" → how many times. */
    Map<String, Long> errors() {
        Map<String, Long> copy = new TreeMap<>();
        errors.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }

    long errorCount() {
        return errors.values().stream().mapToLong(LongAdder::sum).sum();
    }
}
