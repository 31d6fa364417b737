package dev.skyloom.local.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the independent parts of the catalogue's generation on one platform thread per core (the work is pure
 * computation). A part may fork further parts; {@link #join()} waits for all of them and rethrows the first failure,
 * after which the remaining parts are cancelled by {@link #close()}.
 */
final class Parts implements AutoCloseable {

    private final ExecutorService pool;
    private final List<Future<?>> forked = new ArrayList<>();

    Parts() {
        AtomicInteger count = new AtomicInteger();
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        this.pool = Executors.newFixedThreadPool(threads, work -> Thread.ofPlatform().daemon()
                .name("skyloom-demo-" + count.incrementAndGet()).unstarted(work));
    }

    /** Starts {@code part} on a free thread (or when one becomes free). */
    void fork(Runnable part) {
        Future<?> future = pool.submit(part);
        synchronized (forked) {
            forked.add(future);
        }
    }

    /**
     * Waits until every part, including those forked by other parts, has finished.
     *
     * @throws RuntimeException the first failure of a part, as thrown by it (an error is rethrown as is)
     * @throws IllegalStateException if the calling thread is interrupted while waiting
     */
    void join() {
        for (int i = 0; ; i++) {
            Future<?> next;
            synchronized (forked) {
                if (i == forked.size()) {
                    return;
                }
                next = forked.get(i);
            }
            try {
                next.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while generating the demo catalogue", e);
            } catch (CancellationException e) {
                throw new IllegalStateException("demo catalogue generation was cancelled", e);
            } catch (ExecutionException e) {
                switch (e.getCause()) {
                    case RuntimeException runtime -> throw runtime;
                    case Error error -> throw error;
                    default -> throw new IllegalStateException(e.getCause());
                }
            }
        }
    }

    /**
     * Cancels the parts still running (after a failure: they stop at their next batch) and waits for them, so that
     * none writes to the sink after {@link DemoCatalog#writeTo} has returned.
     */
    @Override
    public void close() {
        pool.shutdownNow();
        boolean interrupted = false;
        while (true) {
            try {
                if (pool.awaitTermination(1, TimeUnit.MINUTES)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
