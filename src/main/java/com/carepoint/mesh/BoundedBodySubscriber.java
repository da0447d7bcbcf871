package com.carepoint.mesh;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects an answer's body up to a bound and gives up as soon as it is crossed (cancelling the stream), so that a
 * broken or hostile server cannot make Carepoint buffer without end.
 */
final class BoundedBodySubscriber implements HttpResponse.BodySubscriber<byte[]> {

    private final long max;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private Flow.Subscription subscription;
    private boolean done;

    BoundedBodySubscriber(long max) {
        this.max = max;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public synchronized void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(Long.MAX_VALUE);
    }

    @Override
    public synchronized void onNext(List<ByteBuffer> items) {
        if (done) {
            return;
        }
        for (ByteBuffer b : items) {
            if ((long) out.size() + b.remaining() > max) {
                done = true;
                subscription.cancel();
                result.completeExceptionally(new TooLargeException(max));
                return;
            }
            byte[] bytes = new byte[b.remaining()];
            b.get(bytes);
            out.writeBytes(bytes);
        }
    }

    @Override
    public synchronized void onError(Throwable t) {
        if (!done) {
            done = true;
            result.completeExceptionally(t);
        }
    }

    @Override
    public synchronized void onComplete() {
        if (!done) {
            done = true;
            result.complete(out.toByteArray());
        }
    }

    /** The answer was larger than Carepoint accepts. */
    static final class TooLargeException extends IOException {
        TooLargeException(long max) {
            super("Answer larger than " + max + " bytes");
        }
    }
}
