package dev.skyloom.concurrent;

import dev.skyloom.Query;

import java.time.Instant;

/**
 * What every collection of one load shares.
 *
 * @param query            the load's query
 * @param split            how many slices to cut each collection into; {@link #AUTO} to choose from its first pages
 * @param maxBufferedPages the most pages one collection holds at once while its slices load out of order
 * @param limiter          the load's request limit
 * @param startedAt        when the load started (progress expects no data after it)
 */
record LoadContext(Query query, int split, int maxBufferedPages, RequestLimiter limiter, Instant startedAt) {

    /** The {@link #split} that chooses each collection's slices from its first pages. */
    static final int AUTO = 0;

    /** The most slices of one collection loading at once when the split is chosen automatically. */
    static final int AUTO_WINDOW = 16;

    /** The most pages an automatic slice is cut to hold. */
    static final int MAX_PAGES_PER_AUTO_SLICE = 4;

    /**
     * How many pages an automatic slice is cut to hold: enough to keep requests per slice few, small enough that
     * {@link #AUTO_WINDOW} slices loading ahead fit within the page bound.
     */
    int pagesPerAutoSlice() {
        return Math.clamp(maxBufferedPages / AUTO_WINDOW, 1, MAX_PAGES_PER_AUTO_SLICE);
    }
}
