package dev.skyloom.concurrent;

import dev.skyloom.ProgressListener;
import dev.skyloom.QueryProgress;
import dev.skyloom.TimeInterval;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Adds up the progress of one collection's slices into the collection's progress and reports it.
 *
 * <p>Pages, datapoints and bytes are summed over the slices. The fraction is the covered share of the whole
 * interval: each slice contributes its own covered fraction weighted by its share of the interval's length. A slice
 * has covered the span from its start to its latest datapoint, measured against the part of the slice that is not
 * in the future; a finished slice counts as fully covered. The fraction reaches 1 only at {@link #complete}, once the
 * collection's sink has taken every page. Slices report from many threads; reports are serialised so the listener
 * sees the totals grow in order.
 */
final class CollectionProgress {

    private final List<TimeInterval> slices;
    private final Instant now;
    private final ProgressListener listener;
    private final double[] weights;
    private final double[] fractions;
    private final boolean[] finished;
    private long pages;
    private long datapoints;
    private long bytes;
    private double covered;
    private Instant latest;

    /**
     * @param slices   the collection's slices, in time order
     * @param now      the time the load started; slice time after it is not expected to hold data yet
     * @param listener receives the collection's totals
     */
    CollectionProgress(List<TimeInterval> slices, Instant now, ProgressListener listener) {
        this.slices = List.copyOf(slices);
        this.now = now;
        this.listener = listener;
        int n = slices.size();
        this.weights = new double[n];
        this.fractions = new double[n];
        this.finished = new boolean[n];
        long total = slices.stream().mapToLong(s -> millis(s.duration())).sum();
        for (int i = 0; i < n; i++) {
            weights[i] = total > 0 ? (double) millis(slices.get(i).duration()) / total : 1.0 / n;
        }
    }

    /**
     * A tracker over new slices that goes on from this one's totals: what was loaded so far belongs to the first new
     * slice. Used when a collection is split after its first pages.
     */
    synchronized CollectionProgress resliced(List<TimeInterval> newSlices) {
        CollectionProgress next = new CollectionProgress(newSlices, now, listener);
        next.pages = pages;
        next.datapoints = datapoints;
        next.bytes = bytes;
        if (latest != null) {
            next.advance(0, latest);
        }
        return next;
    }

    /**
     * Records one page of slice {@code slice}.
     *
     * @param count the page's datapoints that are kept
     * @param size  the page's size on the wire
     * @param last  the time of the page's last datapoint, or null if the page was empty
     */
    synchronized void onPage(int slice, int count, long size, Instant last) {
        pages++;
        datapoints += count;
        bytes += size;
        if (last != null) {
            advance(slice, last);
        }
        report(false);
    }

    /** Records that slice {@code slice} has received its last page. */
    synchronized void onSliceDone(int slice) {
        if (!finished[slice]) {
            finished[slice] = true;
            setFraction(slice, 1);
        }
        report(false);
    }

    /** Reports fraction 1: the collection is complete. */
    synchronized void complete() {
        report(true);
    }

    /** {@return the totals so far, with {@code wallTime} and the number of slices} */
    synchronized LoadStats stats(Duration wallTime) {
        return new LoadStats(pages, datapoints, bytes, slices.size(), wallTime);
    }

    private void advance(int slice, Instant last) {
        latest = latest == null || last.isAfter(latest) ? last : latest;
        setFraction(slice, Math.max(fractions[slice], covered(slices.get(slice), last)));
    }

    private void setFraction(int slice, double fraction) {
        covered += weights[slice] * (fraction - fractions[slice]);
        fractions[slice] = fraction;
    }

    private void report(boolean complete) {
        double fraction = complete ? 1 : Math.clamp(covered, 0, Math.nextDown(1.0));
        listener.onProgress(new QueryProgress(pages, datapoints, bytes, fraction));
    }

    private double covered(TimeInterval slice, Instant last) {
        Instant end = slice.end().isAfter(now) ? now : slice.end();
        long span = end.toEpochMilli() - slice.start().toEpochMilli();
        if (span <= 0) {
            return 1;
        }
        double f = (double) (last.toEpochMilli() - slice.start().toEpochMilli()) / span;
        return Math.clamp(f, 0, 1);
    }

    private static long millis(Duration d) {
        try {
            return d.toMillis();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE / 1024;
        }
    }
}
