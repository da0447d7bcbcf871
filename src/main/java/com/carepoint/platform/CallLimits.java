package com.carepoint.platform;

import java.io.IOException;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Limits on one call to an outside system, beyond the per-read socket timeout: an overall deadline (a provider that
 * drips one byte a second never times out a read, but does pass the deadline), a cancellation check (the user left
 * the page, so the answer is no longer wanted) and, for calls whose answer has a known bound smaller than the FHIR
 * clients' own (a document of at most 5 MB), a byte cap of the call's own. The HTTP client's answer stream checks
 * them on every read, on the calling thread, so a call made inside {@link #within} ends soon after any is crossed.
 */
public final class CallLimits {

    private static final ThreadLocal<CallLimits> CURRENT = new ThreadLocal<>();

    private final long deadlineNanos;
    private final long maxBytes;
    private final BooleanSupplier cancelled;

    private CallLimits(long deadlineNanos, long maxBytes, BooleanSupplier cancelled) {
        this.deadlineNanos = deadlineNanos;
        this.maxBytes = maxBytes;
        this.cancelled = cancelled;
    }

    /** Runs a call with an overall deadline and a cancellation check. */
    public static <T> T within(Duration deadline, BooleanSupplier cancelled, Supplier<T> call) {
        return within(deadline, Long.MAX_VALUE, cancelled, call);
    }

    /**
     * Runs a call with an overall deadline, a cancellation check and a cap on the bytes of its answer (decompressed):
     * the smaller of this cap and the FHIR clients' own applies.
     */
    public static <T> T within(Duration deadline, long maxBytes, BooleanSupplier cancelled, Supplier<T> call) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("A call's byte cap must be positive");
        }
        CallLimits previous = CURRENT.get();
        CURRENT.set(new CallLimits(System.nanoTime() + deadline.toNanos(), maxBytes, cancelled));
        try {
            return call.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    /** The current call's own byte cap; none ({@link Long#MAX_VALUE}) outside {@link #within} or when it set none. */
    static long maxBytes() {
        CallLimits limits = CURRENT.get();
        return limits == null ? Long.MAX_VALUE : limits.maxBytes;
    }

    /** Throws when the current call has passed its deadline or was cancelled; nothing outside {@link #within}. */
    static void check() throws IOException {
        CallLimits limits = CURRENT.get();
        if (limits == null) {
            return;
        }
        if (limits.cancelled.getAsBoolean()) {
            throw new CallCancelledException();
        }
        if (System.nanoTime() - limits.deadlineNanos > 0) {
            throw new DeadlineExceededException();
        }
    }

    /** The call's overall deadline passed while the answer was still arriving. */
    public static final class DeadlineExceededException extends IOException {
        public DeadlineExceededException() {
            super("The answer did not arrive within the call's deadline");
        }
    }

    /** The call was cancelled because its answer is no longer wanted. */
    public static final class CallCancelledException extends IOException {
        public CallCancelledException() {
            super("The call was cancelled");
        }
    }
}
