package dev.skyloom.concurrent;

import dev.skyloom.CollectionInfo;
import dev.skyloom.TimeInterval;

import java.time.Duration;
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
    static final int MAX_AUTO_SLICES = 16;

    /** About how many datapoints {@link #autoCount} puts in one slice. */
    static final long DATAPOINTS_PER_SLICE = 5_000;

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
     * How many slices to cut a query into, from what the collection says about itself: about one slice per
     * {@link #DATAPOINTS_PER_SLICE} datapoints expected in the query interval (assuming the datapoints are spread
     * evenly over the collection's availability), between 1 and {@link #MAX_AUTO_SLICES}. 1 when the collection
     * reports no count or no availability.
     */
    static int autoCount(CollectionInfo info, TimeInterval query) {
        if (info.count().isEmpty() || info.availability().isEmpty()) {
            return 1;
        }
        TimeInterval available = info.availability().get();
        Instant from = max(available.start(), query.start());
        Instant to = min(available.end(), query.end());
        if (to.isBefore(from) || query.isEmpty()) {
            return 1;
        }
        double total = info.count().getAsLong();
        double availableMillis = available.duration().toMillis();
        double overlapMillis = Duration.between(from, to).toMillis();
        double expected = availableMillis <= 0 ? total : total * overlapMillis / availableMillis;
        long k = (long) Math.ceil(expected / DATAPOINTS_PER_SLICE);
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

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
