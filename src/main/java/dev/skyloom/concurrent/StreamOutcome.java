package dev.skyloom.concurrent;

import dev.skyloom.Collection;

import java.util.Objects;

/**
 * What became of one collection in a {@link ConcurrentLoader#stream}: it was {@linkplain Completed completed} (its
 * sink received every page and its {@code complete}), or it {@linkplain Outcome.Failure failed}, the same failure a
 * {@link ConcurrentLoader#load} reports.
 */
public sealed interface StreamOutcome permits StreamOutcome.Completed, Outcome.Failure {

    /** {@return the collection this outcome is about} */
    Collection collection();

    /**
     * Every page of the collection went to its sink.
     *
     * @param collection the collection
     * @param stats      its figures
     */
    record Completed(Collection collection, LoadStats stats) implements StreamOutcome {
        /** Checks that nothing is null. */
        public Completed {
            Objects.requireNonNull(collection, "collection");
            Objects.requireNonNull(stats, "stats");
        }
    }
}
