package com.carepoint.kernel;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;

/**
 * How long each step of opening a record takes (the demographics trace, the directory lookup, the capability
 * statement, each section's call, mapping, audit, waiting for the UI and rendering), as Micrometer timers named
 * {@value #METER} with the tags {@code step} and {@code section} ({@code -} when the step is not a section's). For
 * operators' metrics and for the benchmark's step breakdown. Tags are step and section names only: never anything
 * about a patient.
 */
public final class StepTimings {

    public static final String METER = "carepoint.record.open";
    public static final String NO_SECTION = "-";
    /**
     * A request attribute: when ({@link System#nanoTime()}) the server began handling the user's request to open a
     * record, so a step can be timed from there across the navigation to the record view.
     */
    public static final String OPEN_REQUESTED = "carepoint.open-requested-nanos";

    private final MeterRegistry registry;

    public StepTimings(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Timings kept nowhere but in a registry of their own (for classes built by hand, in unit tests). */
    public static StepTimings standalone() {
        return new StepTimings(new SimpleMeterRegistry());
    }

    /** Records a step that started at {@code startNanos} ({@link System#nanoTime()}) and ended now. */
    public void since(String step, long startNanos) {
        record(step, NO_SECTION, System.nanoTime() - startNanos);
    }

    /** Records a section's step that started at {@code startNanos} and ended now. */
    public void since(String step, SectionKind section, long startNanos) {
        record(step, section.name().toLowerCase(java.util.Locale.ROOT), System.nanoTime() - startNanos);
    }

    public void record(String step, String section, long nanos) {
        Timer.builder(METER).tag("step", step).tag("section", section).register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    public MeterRegistry registry() {
        return registry;
    }
}
