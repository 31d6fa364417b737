package dev.skyloom.concurrent;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Figures about one collection's load (or, from {@code totals()}, about a whole load).
 *
 * @param pages      the number of page requests answered
 * @param datapoints the number of datapoints loaded
 * @param bytes      the response bytes received, as sent on the wire
 * @param slices     the number of time slices the collection was loaded in (1: not split); for a whole load, the
 *                   sum over its collections
 * @param wallTime   the time from the start to the end of the load
 */
public record LoadStats(long pages, long datapoints, long bytes, int slices, Duration wallTime) {

    /**
     * Validates the figures.
     *
     * @throws IllegalArgumentException if a count or the wall time is negative
     */
    public LoadStats {
        Objects.requireNonNull(wallTime, "wallTime");
        if (pages < 0 || datapoints < 0 || bytes < 0 || slices < 0 || wallTime.isNegative()) {
            throw new IllegalArgumentException("load figures must not be negative");
        }
    }

    /** The figures of {@code parts} added up, with {@code wallTime} as the time. */
    static LoadStats sum(List<LoadStats> parts, Duration wallTime) {
        return new LoadStats(parts.stream().mapToLong(LoadStats::pages).sum(),
                parts.stream().mapToLong(LoadStats::datapoints).sum(),
                parts.stream().mapToLong(LoadStats::bytes).sum(),
                parts.stream().mapToInt(LoadStats::slices).sum(), wallTime);
    }
}
