package com.carepoint.platform;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * An outside system's answer, read within bounds: at most {@code maxBytes} bytes <em>as decompressed</em> (it wraps the
 * stream after gzip is undone, so a small compressed answer that expands hugely is stopped), at most
 * {@code maxResources} FHIR resources (counted as the answer streams in, in JSON and XML, before anything is parsed),
 * and within the current call's deadline and cancellation ({@link CallLimits}). It fails early, with a clear reason,
 * instead of buffering and parsing what no GP record should be.
 */
final class BoundedInputStream extends FilterInputStream {

    private static final byte[] JSON_RESOURCE = "\"resourceType\"".getBytes();
    private static final byte[] XML_ENTRY = "<entry>".getBytes();

    private final long maxBytes;
    private final long maxResources;
    private final Runnable abort;
    private long read;
    private long resources;
    private boolean ended;
    private int jsonMatched;
    private int xmlMatched;

    /**
     * @param abort closes the connection at once: after a bound is crossed the rest of the answer is not read (a
     *              graceful close would read a dripping or endless answer to its end)
     */
    BoundedInputStream(InputStream in, long maxBytes, long maxResources, Runnable abort) {
        super(in);
        this.maxBytes = maxBytes;
        this.maxResources = maxResources;
        this.abort = abort;
    }

    @Override
    public int read() throws IOException {
        checkLimits();
        int b = super.read();
        ended |= b < 0;
        if (b >= 0) {
            count(1);
            scan((byte) b);
        }
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        checkLimits();
        int n = super.read(buf, off, len);
        ended |= n < 0;
        if (n > 0) {
            count(n);
            for (int i = off; i < off + n; i++) {
                scan(buf[i]);
            }
        }
        return n;
    }

    private void count(int n) throws IOException {
        read += n;
        if (read > maxBytes) {
            throw aborted(new FhirClients.ResponseTooLargeException(maxBytes));
        }
    }

    private void scan(byte b) throws IOException {
        jsonMatched = advance(JSON_RESOURCE, jsonMatched, b);
        xmlMatched = advance(XML_ENTRY, xmlMatched, b);
        if (jsonMatched == JSON_RESOURCE.length || xmlMatched == XML_ENTRY.length) {
            jsonMatched = jsonMatched == JSON_RESOURCE.length ? 0 : jsonMatched;
            xmlMatched = xmlMatched == XML_ENTRY.length ? 0 : xmlMatched;
            if (++resources > maxResources) {
                throw aborted(new FhirClients.TooManyResourcesException(maxResources));
            }
        }
    }

    /**
     * Closed before the answer ended (the parser had what it needed, or a bound was crossed): what little may follow is
     * read for at most a second and 64 KiB so the connection can be re-used; beyond that the connection is shut down
     * rather than read to its end, which is what a graceful close does — and a practice that trickles an endless tail
     * after a valid answer would hold the call for ever.
     */
    @Override
    public void close() throws IOException {
        drainBriefly();
        if (!ended) {
            abort.run();
        }
        try {
            super.close();
        } catch (IOException e) {
            // The connection is already shut down: nothing more to read or release.
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

    private IOException aborted(IOException e) {
        abort.run();
        return e;
    }

    /** The patterns have no repeated prefix, so a mismatch restarts the match (at 1 if it is the first byte). */
    private static int advance(byte[] pattern, int matched, byte b) {
        if (pattern[matched] == b) {
            return matched + 1;
        }
        return pattern[0] == b ? 1 : 0;
    }
}
