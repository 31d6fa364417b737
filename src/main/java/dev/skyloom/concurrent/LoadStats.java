package dev.skyloom.concurrent;

import java.time.Duration;
import java.util.Objects;

/**
 * Figures about one collection's load (or, from {@link LoadResult#totals()}, about a whole load).
 *
 * @param pages      the number of page requests answered
 * @param datapoints the number of datapoints received
 * @param bytes      the response bytes received, as sent on the wire
 * @param wallTime   the time from the start to the end of the load
 */
public record LoadStats(long pages, long datapoints, long bytes, Duration wallTime) {

    /**
     * Validates the figures.
     *
     * @throws IllegalArgumentException if a count or the wall time is negative
     */
    public LoadStats {
        Objects.requireNonNull(wallTime, "wallTime");
        if (pages < 0 || datapoints < 0 || bytes < 0 || wallTime.isNegative()) {
            throw new IllegalArgumentException("load figures must not be negative");
        }
    }
}
