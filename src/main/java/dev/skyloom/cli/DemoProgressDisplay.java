package dev.skyloom.cli;

import dev.skyloom.local.DemoProgress;
import me.tongfei.progressbar.InteractiveConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Shows the first run's generation of the demo catalogue on stderr: a live bar on a terminal, a plain line at 25, 50,
 * 75 and 100 % otherwise, nothing when progress is off. The bar appears with the first report, so a run that finds
 * the catalogue cached shows nothing.
 */
final class DemoProgressDisplay implements DemoProgress, AutoCloseable {

    private static final int BAR_STEPS = 1000;

    private final ProgressDisplay.Mode mode;
    private final PrintStream err;
    private final DemoProgress lines;
    private ProgressBar bar;

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
                double fraction = expected <= 0 ? 1 : Math.min(1, (double) stored / expected);
                if (bar == null) {
                    bar = new ProgressBarBuilder().setTaskName("demo catalogue").setInitialMax(BAR_STEPS)
                            .setUpdateIntervalMillis(100)
                            .setConsumer(new InteractiveConsoleProgressBarConsumer(err))
                            .setRenderer(new BarRenderer()).build();
                }
                bar.setExtraMessage(String.format(Locale.ROOT, "%,d datapoints", stored));
                bar.stepTo(Math.round(fraction * BAR_STEPS));
            }
        }
    }

    /** Draws the bar a last time and releases the terminal. */
    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
