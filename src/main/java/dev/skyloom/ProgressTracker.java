package dev.skyloom;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Turns pages into {@link QueryProgress}, the way the Python client measures it: the fraction of the effective
 * interval {@code [max(query start, first datapoint), min(query end, now)]} covered by the last datapoint so far.
 */
final class ProgressTracker {

    private final TimeInterval interval;
    private final Clock clock;
    private final ProgressListener listener;
    private long pages;
    private long datapoints;
    private long bytes;
    private Instant effectiveStart;
    private Instant effectiveEnd;
    private double fraction;

    ProgressTracker(TimeInterval interval, Clock clock, ProgressListener listener) {
        this.interval = interval;
        this.clock = clock;
        this.listener = listener;
    }

    void onPage(Page page) {
        pages++;
        bytes += page.bytes();
        List<Datapoint> points = page.datapoints();
        datapoints += points.size();
        if (!points.isEmpty()) {
            if (effectiveStart == null) {
                Instant first = points.getFirst().time();
                effectiveStart = first.isAfter(interval.start()) ? first : interval.start();
                Instant now = clock.instant();
                effectiveEnd = interval.end().isBefore(now) ? interval.end() : now;
            }
            fraction = Math.max(fraction, covered(points.getLast().time()));
        }
        listener.onProgress(new QueryProgress(pages, datapoints, bytes, fraction));
    }

    void onDone() {
        fraction = 1;
        listener.onProgress(new QueryProgress(pages, datapoints, bytes, 1));
    }

    private double covered(Instant last) {
        long span = effectiveEnd.toEpochMilli() - effectiveStart.toEpochMilli();
        if (span <= 0) {
            return 1;
        }
        double f = (double) (last.toEpochMilli() - effectiveStart.toEpochMilli()) / span;
        return Math.min(1, Math.max(0, f));
    }
}
