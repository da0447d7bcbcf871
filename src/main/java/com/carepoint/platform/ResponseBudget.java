package com.carepoint.platform;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes of outside answers (GP practices, national services) being read on this node at once, against one
 * budget shared by every call: each answer takes what it has read from the budget as it streams in and gives it back
 * when it is closed. The per-answer cap bounds one hostile answer; this bounds many at once, so that they cannot
 * together exhaust the heap. An answer that cannot get budget fails at once (and its connection is shut), as a failed
 * section that says so.
 */
final class ResponseBudget {

    private final long total;
    private final AtomicLong used = new AtomicLong();

    ResponseBudget(long total) {
        if (total <= 0) {
            throw new IllegalArgumentException("The in-flight answer budget must be positive");
        }
        this.total = total;
    }

    /** Takes {@code n} bytes from the budget, or nothing if that would exceed it. */
    boolean take(long n) {
        long now;
        do {
            now = used.get();
            if (now + n > total) {
                return false;
            }
        } while (!used.compareAndSet(now, now + n));
        return true;
    }

    void giveBack(long n) {
        used.addAndGet(-n);
    }

    long used() {
        return used.get();
    }

    long total() {
        return total;
    }
}
