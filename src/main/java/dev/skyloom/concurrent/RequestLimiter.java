package dev.skyloom.concurrent;

import dev.skyloom.SkyloomException;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The one bound of a load: the requests in flight across all its collections, like a capacity limiter. A permit is
 * held only while one request is in flight (taken just before it is sent, given back when its response has been
 * read), never while a collection waits for its consumer. Waiting for a permit is interruptible, so a cancelled load
 * never stays blocked here.
 */
final class RequestLimiter {

    private final Semaphore permits;
    private final AtomicLong taken = new AtomicLong();

    /**
     * @param maxInFlight the most requests in flight at once; at least 1
     */
    RequestLimiter(int maxInFlight) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("the request limit must be at least 1, got " + maxInFlight);
        }
        this.permits = new Semaphore(maxInFlight, true);
    }

    /**
     * Sends one request, {@code call}, while holding a permit.
     *
     * @throws SkyloomException.Cancelled if the thread is interrupted while waiting for a permit (its interrupt
     *                                    flag is set again)
     */
    <T> T call(Supplier<T> call) {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SkyloomException.Cancelled("canceled", "cancelled while waiting to send a request", e);
        }
        taken.incrementAndGet();
        try {
            return call.get();
        } finally {
            permits.release();
        }
    }

    /** {@return how many permits have been taken so far: one per request sent} */
    long taken() {
        return taken.get();
    }
}
