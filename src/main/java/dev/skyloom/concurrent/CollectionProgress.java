package dev.skyloom.concurrent;

import dev.skyloom.ProgressListener;
import dev.skyloom.QueryProgress;
import dev.skyloom.TimeInterval;

import java.time.Instant;
import java.util.List;

/**
 * Adds up the progress of one collection's slices into the collection's progress and reports it.
 *
 * <p>Pages, datapoints and bytes are summed over the slices. The fraction is the covered share of the whole
 * interval: each slice contributes its own covered fraction weighted by its share of the interval's length. A slice
 * has covered the span from its start to its latest datapoint, measured against the part of the slice that is not
 * in the future; a finished slice counts as fully covered. Slices report from many threads; reports are serialised
 * so the listener sees the totals grow in order.
 */
final class CollectionProgress {

    private final List<TimeInterval> slices;
    private final Instant now;
    private final ProgressListener listener;
    private final double[] weights;
    private final long[] pages;
    private final long[] datapoints;
    private final long[] bytes;
    private final double[] fractions;
    private final boolean[] finished;
    private int done;

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
        this.pages = new long[n];
        this.datapoints = new long[n];
        this.bytes = new long[n];
        this.fractions = new double[n];
        this.finished = new boolean[n];
        long total = slices.stream().mapToLong(s -> s.duration().toMillis()).sum();
        for (int i = 0; i < n; i++) {
            weights[i] = total > 0 ? (double) slices.get(i).duration().toMillis() / total : 1.0 / n;
        }
    }

    /**
     * Records one page of slice {@code slice}.
     *
     * @param count the page's datapoints
     * @param size  the page's size on the wire
     * @param last  the time of the page's last datapoint, or null if the page was empty
     */
    synchronized void onPage(int slice, int count, long size, Instant last) {
        pages[slice]++;
        datapoints[slice] += count;
        bytes[slice] += size;
        if (last != null) {
            fractions[slice] = Math.max(fractions[slice], covered(slices.get(slice), last));
        }
        report();
    }

    /** Records that slice {@code slice} has received its last page. */
    synchronized void onSliceDone(int slice) {
        if (!finished[slice]) {
            finished[slice] = true;
            fractions[slice] = 1;
            done++;
        }
        report();
    }

    private void report() {
        long p = 0;
        long d = 0;
        long b = 0;
        double f = 0;
        for (int i = 0; i < slices.size(); i++) {
            p += pages[i];
            d += datapoints[i];
            b += bytes[i];
            f += weights[i] * fractions[i];
        }
        listener.onProgress(new QueryProgress(p, d, b, done == slices.size() ? 1 : Math.min(f, 1)));
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
}
