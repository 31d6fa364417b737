package dev.skyloom.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.IntFunction;

/** Setup work done many at a time on virtual threads (creating collections, ingesting, opening handles). */
final class Parallel {

    private Parallel() {
    }

    /**
     * Computes {@code work.apply(i)} for every i in [0, count), at most {@code limit} at a time.
     *
     * @return the results, in index order
     * @throws IllegalStateException with the first failure as its cause, after every task has ended
     */
    static <T> List<T> map(int count, int limit, IntFunction<T> work) throws InterruptedException {
        Semaphore permits = new Semaphore(limit);
        List<Future<T>> futures = new ArrayList<>(count);
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(executor.submit(() -> {
                    permits.acquire();
                    try {
                        return work.apply(index);
                    } finally {
                        permits.release();
                    }
                }));
            }
        }
        List<T> results = new ArrayList<>(count);
        for (Future<T> future : futures) {
            try {
                results.add(future.get());
            } catch (ExecutionException e) {
                throw new IllegalStateException("benchmark setup failed: " + e.getCause().getMessage(), e.getCause());
            }
        }
        return results;
    }
}
