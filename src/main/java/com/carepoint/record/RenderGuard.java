package com.carepoint.record;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes sure an answer that arrives late is only shown if the view still shows the same patient load it was asked
 * for: opening another patient or refreshing starts a new generation, and answers from an older one are dropped.
 * This is what stops one patient's data from ever appearing under another patient's banner.
 */
public final class RenderGuard {

    /** What an asynchronous answer carries back: the generation and patient it was requested for. */
    public record Ticket(long generation, String patientKey) {
    }

    private final AtomicLong generation = new AtomicLong();
    private volatile String patientKey = "";

    /** Starts loading a (new or the same) patient: every earlier ticket becomes stale. */
    public Ticket start(String patientKey) {
        this.patientKey = patientKey;
        return new Ticket(generation.incrementAndGet(), patientKey);
    }

    /** A ticket for another request in the current generation. */
    public Ticket current() {
        return new Ticket(generation.get(), patientKey);
    }

    public boolean isCurrent(Ticket ticket) {
        return ticket.generation() == generation.get() && ticket.patientKey().equals(patientKey);
    }
}
