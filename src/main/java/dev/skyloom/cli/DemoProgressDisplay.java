package dev.skyloom.cli;

import dev.skyloom.ProgressListener;
import dev.skyloom.QueryProgress;
import dev.skyloom.local.DemoProgress;

import java.io.PrintStream;
import java.util.List;

/**
 * Shows the first run's generation of the demo catalogue on stderr: a live bar on a terminal (the same bars as a
 * load's), a plain line at 25, 50, 75 and 100 % otherwise, nothing when progress is off. The bar appears with the
 * first report, so a run that finds the catalogue cached shows nothing.
 */
final class DemoProgressDisplay implements DemoProgress, AutoCloseable {

    private static final String NAME = "demo catalogue";

    private final ProgressDisplay.Mode mode;
    private final PrintStream err;
    private final DemoProgress lines;
    private ProgressDisplay bars;
    private ProgressListener bar;

    DemoProgressDisplay(ProgressDisplay.Mode mode, PrintStream err) {
        this.mode = mode;
        this.err = err;
        this.lines = DemoProgress.lines(err);
    }

    @Override
    public synchronized void onProgress(long stored, long expected) {
        switch (mode) {
            case OFF -> { }
            case LINES -> lines.onProgress(stored, expected);
            case BARS -> {
                if (bars == null) {
                    bars = new ProgressDisplay(ProgressDisplay.Mode.BARS, err, List.of(NAME), false);
                    bar = bars.listenerFor(NAME);
                }
                double fraction = expected <= 0 ? 1 : Math.min(1, (double) stored / expected);
                bar.onProgress(new QueryProgress(0, stored, 0, fraction));
            }
        }
    }

    /** Draws the bar a last time and releases the terminal. */
    @Override
    public synchronized void close() {
        if (bars != null) {
            bars.close();
            bars = null;
        }
    }
}
