package dev.skyloom.concurrent;

import dev.skyloom.TimeInterval;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a query's time interval into consecutive slices that can be loaded concurrently and concatenated.
 *
 * <p>The service compares datapoint times at millisecond resolution, so every cut is a whole millisecond strictly
 * inside the interval and every seam is half-open: slice {@code i} ends just before the cut where slice {@code i+1}
 * starts. The first slice keeps the interval's start flag and the last keeps its end flag, so the slices together
 * select exactly the datapoints of the whole interval, each once, in time order.
 */
final class TimeSlices {

    /** The most slices {@link #autoCount} chooses. */
    static final int MAX_AUTO_SLICES = 4096;

    private TimeSlices() {
    }

    /**
     * Cuts {@code interval} into at most {@code k} slices of about equal length. Fewer come back when the interval
     * is shorter than {@code k} milliseconds (there are not enough whole-millisecond cut points), and exactly one,
     * the interval itself, when it is empty or {@code k} is 1.
     *
     * @throws IllegalArgumentException if {@code k} is below 1
     */
    static List<TimeInterval> split(TimeInterval interval, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("the number of slices must be at least 1, got " + k);
        }
        List<Long> cuts = cutPoints(interval, k);
        List<TimeInterval> slices = new ArrayList<>(cuts.size() + 1);
        Instant start = interval.start();
        boolean startExclusive = interval.startExclusive();
        for (long cut : cuts) {
            Instant seam = Instant.ofEpochMilli(cut);
            slices.add(new TimeInterval(start, seam, startExclusive, false));
            start = seam;
            startExclusive = false;
        }
        slices.add(new TimeInterval(start, interval.end(), startExclusive, interval.endInclusive()));
        return List.copyOf(slices);
    }

    /**
     * How many datapoints to expect after {@code last} and before {@code end}, given that {@code seen} datapoints
     * were loaded from {@code first} to {@code last}: their density (over at least a millisecond) times the span left.
     */
    static double expectedAfter(long seen, Instant first, Instant last, Instant end) {
        long rest = end.toEpochMilli() - last.toEpochMilli();
        if (rest <= 0 || seen == 0) {
            return 0;
        }
        double span = Math.max(1, last.toEpochMilli() - first.toEpochMilli());
        return seen / span * rest;
    }

    /**
     * How many slices to cut the rest of a collection into so that each holds about {@code perSlice} datapoints of
     * the {@code expected} ones: between 1 and {@link #MAX_AUTO_SLICES}.
     */
    static int autoCount(double expected, long perSlice) {
        double k = Math.ceil(expected / Math.max(1, perSlice));
        return (int) Math.clamp(k, 1, MAX_AUTO_SLICES);
    }

    /** Whole-millisecond cut points strictly inside the interval, increasing; none if it cannot be cut. */
    private static List<Long> cutPoints(TimeInterval interval, int k) {
        if (k == 1 || interval.isEmpty()) {
            return List.of();
        }
        long lo;
        long span;
        try {
            lo = interval.start().toEpochMilli();
            span = Math.subtractExact(interval.end().toEpochMilli(), lo);
        } catch (ArithmeticException beyondMillisecondRange) {
            return List.of();
        }
        List<Long> cuts = new ArrayList<>(k - 1);
        long step = span / k;
        long rest = span % k;
        for (int i = 1; i < k; i++) {
            long cut = lo + step * i + rest * i / k;
            // a cut must lie after the start's millisecond and before the end's, and differ from the previous one
            boolean inside = cut > lo && cut < lo + span;
            if (inside && (cuts.isEmpty() || cuts.getLast() < cut)) {
                cuts.add(cut);
            }
        }
        return cuts;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
