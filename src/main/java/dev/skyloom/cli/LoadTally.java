package dev.skyloom.cli;

import dev.skyloom.ProgressListener;
import dev.skyloom.QueryProgress;
import dev.skyloom.concurrent.LoadStats;

import java.time.Duration;

/**
 * Keeps the latest progress of one collection loaded on its own (the sequential baseline) and forwards every report to
 * the display's listener. Create it when the collection's load starts: its clock starts then.
 */
final class LoadTally implements ProgressListener {

    private final ProgressListener display;
    private final long startNanos = System.nanoTime();
    private QueryProgress latest = new QueryProgress(0, 0, 0, 0);

    LoadTally(ProgressListener display) {
        this.display = display;
    }

    @Override
    public void onProgress(QueryProgress progress) {
        synchronized (this) {
            latest = progress;
        }
        display.onProgress(progress);
    }

    /** @return the figures so far, with the time since this tally was created */
    synchronized LoadStats stats() {
        return new LoadStats(latest.pages(), latest.datapoints(), latest.bytes(), 1,
                Duration.ofNanos(System.nanoTime() - startNanos));
    }
}
