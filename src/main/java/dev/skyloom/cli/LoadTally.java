package dev.skyloom.cli;

import dev.skyloom.ProgressListener;
import dev.skyloom.QueryProgress;

import java.time.Duration;

/**
 * Keeps the latest progress of one collection's load and the time it took, for the summary table; it forwards every
 * report to the display's listener. Create it when the collection's load starts: its clock starts then. Safe to call
 * from several threads.
 */
final class LoadTally implements ProgressListener {

    private final String collection;
    private final ProgressListener display;
    private final long startNanos = System.nanoTime();
    private QueryProgress latest = new QueryProgress(0, 0, 0, 0);
    private long endNanos = -1;

    LoadTally(String collection, ProgressListener display) {
        this.collection = collection;
        this.display = display;
    }

    @Override
    public void onProgress(QueryProgress progress) {
        synchronized (this) {
            latest = progress;
            if (progress.fraction() >= 1 && endNanos < 0) {
                endNanos = System.nanoTime();
            }
        }
        display.onProgress(progress);
    }

    /** @return the collection's name */
    String collection() {
        return collection;
    }

    /** @return the latest totals reported */
    synchronized QueryProgress latest() {
        return latest;
    }

    /** @return the time from this tally's creation to completion, or to now if the load has not completed */
    synchronized Duration elapsed() {
        return Duration.ofNanos((endNanos < 0 ? System.nanoTime() : endNanos) - startNanos);
    }
}
