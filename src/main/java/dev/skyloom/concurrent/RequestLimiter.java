package dev.skyloom.concurrent;

import dev.skyloom.SkyloomException;

import java.util.Iterator;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Bounds the number of requests in flight across a whole load, like a capacity limiter: each call that may send a
 * request holds a permit for its duration. Waiting for a permit is interruptible, so a cancelled load never stays
 * blocked here.
 */
final class RequestLimiter {

    private final Semaphore permits;

    /**
     * @param maxInFlight the most calls that may run at once; at least 1
     */
    RequestLimiter(int maxInFlight) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("the request limit must be at least 1, got " + maxInFlight);
        }
        this.permits = new Semaphore(maxInFlight, true);
    }

    /**
     * Runs {@code call} while holding a permit.
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
        try {
            return call.get();
        } finally {
            permits.release();
        }
    }

    /**
     * A view of {@code pages} whose {@code hasNext} and {@code next} (where a lazy page stream sends its requests)
     * each run while holding a permit.
     */
    <T> Iterator<T> guard(Iterator<T> pages) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return call(pages::hasNext);
            }

            @Override
            public T next() {
                return call(pages::next);
            }
        };
    }
}
