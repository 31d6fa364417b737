package dev.skyloom.cli;

import dev.skyloom.ProgressListener;
import dev.skyloom.QueryProgress;
import me.tongfei.progressbar.InteractiveConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Shows the progress of one or more collections loading at once, on stderr. In {@link Mode#BARS} each collection has
 * a live bar (redrawn in place with escape codes, for terminals); in {@link Mode#LINES} a plain line is printed when a
 * collection passes 25, 50, 75 and 100 % of its time interval (for logs and pipes); {@link Mode#OFF} shows nothing.
 * The listeners are safe to call from many threads at once.
 */
final class ProgressDisplay implements AutoCloseable {

    /** How progress is shown. */
    enum Mode { BARS, LINES, OFF }

    private static final int BAR_STEPS = 1000;

    private final Mode mode;
    private final PrintStream err;
    private final int nameWidth;
    private final List<ProgressBar> bars = new ArrayList<>();

    /**
     * @param names the collections that will report, used to align their bars
     */
    ProgressDisplay(Mode mode, PrintStream err, List<String> names) {
        this.mode = mode;
        this.err = err;
        this.nameWidth = names.stream().mapToInt(String::length).max().orElse(0);
    }

    /** @return a listener showing the progress of collection {@code name} */
    synchronized ProgressListener listenerFor(String name) {
        return switch (mode) {
            case OFF -> ProgressListener.NONE;
            case LINES -> new LineListener(name, err);
            case BARS -> {
                ProgressBar bar = new ProgressBarBuilder()
                        .setTaskName(String.format("%-" + Math.max(1, nameWidth) + "s", name))
                        .setInitialMax(BAR_STEPS)
                        .setUpdateIntervalMillis(100)
                        .setConsumer(new InteractiveConsoleProgressBarConsumer(err))
                        .setRenderer(new BarRenderer())
                        .build();
                bars.add(bar);
                Rate rate = new Rate();
                yield progress -> {
                    bar.setExtraMessage(String.format(Locale.ROOT, "%,d datapoints  %.1f MB/s",
                            progress.datapoints(), rate.megabytesPerSecond(progress.bytes())));
                    bar.stepTo(Math.round(progress.fraction() * BAR_STEPS));
                    if (progress.fraction() >= 1) {
                        bar.close();
                    }
                };
            }
        };
    }

    /** Draws the bars a last time and releases the terminal. */
    @Override
    public synchronized void close() {
        bars.forEach(ProgressBar::close);
        bars.clear();
    }

    /** Prints one line per quarter of the time interval passed. */
    private static final class LineListener implements ProgressListener {
        private final String name;
        private final PrintStream err;
        private final Rate rate = new Rate();
        private int quartersShown;

        LineListener(String name, PrintStream err) {
            this.name = name;
            this.err = err;
        }

        @Override
        public synchronized void onProgress(QueryProgress progress) {
            int quarters = (int) Math.floor(progress.fraction() * 4);
            if (quarters <= quartersShown) {
                return;
            }
            quartersShown = quarters;
            err.println(String.format(Locale.ROOT, "%s: %d%% (%,d datapoints, %.1f MB, %.1f MB/s)", name,
                    quarters * 25, progress.datapoints(), progress.bytes() / 1e6,
                    rate.megabytesPerSecond(progress.bytes())));
        }
    }

    /** Megabytes per second since the listener was created. */
    private static final class Rate {
        private final long start = System.nanoTime();

        double megabytesPerSecond(long bytes) {
            double seconds = (System.nanoTime() - start) / 1e9;
            return seconds <= 0 ? 0 : bytes / 1e6 / seconds;
        }
    }
}
