package com.carepoint.platform;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.Cleaner;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An outside system's answer, read within bounds: at most {@code maxBytes} bytes <em>as decompressed</em> (it wraps the
 * stream after gzip is undone, so a small compressed answer that expands hugely is stopped), at most
 * {@code maxResources} FHIR resources (counted as the answer streams in, in JSON and XML, before anything is parsed,
 * as the parser will see them: {@link ResourceCounter}), within the bytes the node may be reading from all answers at
 * once ({@link ResponseBudget}), and within the current call's deadline and cancellation ({@link CallLimits}). It fails
 * early, with a clear reason, instead of buffering and parsing what no GP record should be.
 */
final class BoundedInputStream extends FilterInputStream {

    /** Gives the budget back should a stream ever be dropped without being closed. */
    private static final Cleaner CLEANER = Cleaner.create();

    private final long maxBytes;
    private final long maxResources;
    private final Runnable abort;
    private final ResponseBudget budget;
    private final Held held;
    private final Cleaner.Cleanable cleanable;
    private final ResourceCounter counter = new ResourceCounter();
    private long read;
    private boolean ended;

    /** The bytes this answer holds of the shared budget; given back once, on close (or by the cleaner). */
    private static final class Held implements Runnable {
        private final ResponseBudget budget;
        private final AtomicLong bytes = new AtomicLong();

        Held(ResponseBudget budget) {
            this.budget = budget;
        }

        @Override
        public void run() {
            budget.giveBack(bytes.getAndSet(0));
        }
    }

    /**
     * @param abort closes the connection at once: after a bound is crossed the rest of the answer is not read (a
     *              graceful close would read a dripping or endless answer to its end)
     */
    BoundedInputStream(InputStream in, long maxBytes, long maxResources, ResponseBudget budget, Runnable abort) {
        super(in);
        this.maxBytes = maxBytes;
        this.maxResources = maxResources;
        this.abort = abort;
        this.budget = budget;
        this.held = new Held(budget);
        this.cleanable = CLEANER.register(this, held);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        checkLimits();
        int n = super.read(buf, off, len);
        if (n < 0 && !ended) {
            ended = true;
            counter.end();
        }
        if (n > 0) {
            count(n);
            try {
                if (counter.feed(buf, off, n) > maxResources) {
                    throw aborted(new FhirClients.TooManyResourcesException(maxResources));
                }
            } catch (FhirClients.MalformedAnswerException e) {
                throw aborted(e);
            }
        }
        return n;
    }

    private void count(int n) throws IOException {
        read += n;
        if (read > maxBytes) {
            throw aborted(new FhirClients.ResponseTooLargeException(maxBytes));
        }
        if (!budget.take(n)) {
            throw aborted(new FhirClients.TooManyAnswersInFlightException(budget.total()));
        }
        held.bytes.addAndGet(n);
    }

    /**
     * Closed before the answer ended (the parser had what it needed, or a bound was crossed): what little may follow is
     * read for at most a second and 64 KiB so the connection can be re-used; beyond that the connection is shut down
     * rather than read to its end, which is what a graceful close does — and a practice that trickles an endless tail
     * after a valid answer would hold the call for ever.
     */
    @Override
    public void close() throws IOException {
        try {
            drainBriefly();
            if (!ended) {
                abort.run();
            }
            try {
                super.close();
            } catch (IOException e) {
                // The connection is already shut down: nothing more to read or release.
            }
        } finally {
            cleanable.clean();
        }
    }

    /** What normally follows a parsed answer is nothing, or a little whitespace: read it so the connection is re-used. */
    private void drainBriefly() {
        long until = System.nanoTime() + DRAIN_NANOS;
        byte[] buf = new byte[8192];
        long drained = 0;
        try {
            while (!ended && drained < DRAIN_BYTES && System.nanoTime() < until) {
                int n = read(buf, 0, buf.length);
                drained += Math.max(n, 0);
            }
        } catch (IOException e) {
            // A bound was crossed, or the connection failed: it is shut down below.
        }
    }

    private static final long DRAIN_BYTES = 64 * 1024;
    private static final long DRAIN_NANOS = 1_000_000_000L;

    private void checkLimits() throws IOException {
        try {
            CallLimits.check();
        } catch (IOException e) {
            throw aborted(e);
        }
    }

    /** Past a bound the connection is shut at once, and what this answer held of the budget is given back. */
    private IOException aborted(IOException e) {
        abort.run();
        cleanable.clean();
        return e;
    }
}
