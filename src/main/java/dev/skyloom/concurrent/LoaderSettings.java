package dev.skyloom.concurrent;

import dev.skyloom.Collection;
import dev.skyloom.ProgressListener;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * The settings of a {@link ConcurrentLoader}, validated there.
 *
 * @param mode                  fail fast or collect
 * @param deadline              the whole load's deadline, if any
 * @param maxConcurrentRequests the most requests in flight across a load
 * @param slices                slices per collection; {@link LoadContext#AUTO} to choose from its first pages
 * @param progress              opens each collection's progress listener
 * @param maxBufferedPages      the most pages one streamed collection holds at once
 */
record LoaderSettings(LoadMode mode, Optional<Duration> deadline, int maxConcurrentRequests, int slices,
                      Function<? super Collection, ? extends ProgressListener> progress, int maxBufferedPages) {

    LoaderSettings withMode(LoadMode mode) {
        return new LoaderSettings(mode, deadline, maxConcurrentRequests, slices, progress, maxBufferedPages);
    }

    LoaderSettings withDeadline(Duration deadline) {
        return new LoaderSettings(mode, Optional.of(deadline), maxConcurrentRequests, slices, progress,
                maxBufferedPages);
    }

    LoaderSettings withMaxConcurrentRequests(int max) {
        return new LoaderSettings(mode, deadline, max, slices, progress, maxBufferedPages);
    }

    LoaderSettings withSlices(int slices) {
        return new LoaderSettings(mode, deadline, maxConcurrentRequests, slices, progress, maxBufferedPages);
    }

    LoaderSettings withProgress(Function<? super Collection, ? extends ProgressListener> progress) {
        return new LoaderSettings(mode, deadline, maxConcurrentRequests, slices, progress, maxBufferedPages);
    }

    LoaderSettings withMaxBufferedPages(int pages) {
        return new LoaderSettings(mode, deadline, maxConcurrentRequests, slices, progress, pages);
    }

    /**
     * Collections loading at once: twice the request limit, so that while one collection's thread decodes a page or
     * feeds its sink another already waits for the freed request permit, yet a load of ten thousand collections
     * keeps only a few dozen threads alive.
     */
    int maxRunningCollections() {
        return maxConcurrentRequests > Integer.MAX_VALUE / 2 ? Integer.MAX_VALUE : 2 * maxConcurrentRequests;
    }
}
