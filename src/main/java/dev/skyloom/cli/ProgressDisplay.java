package dev.skyloom.cli;

import dev.skyloom.ProgressListener;
import dev.skyloom.QueryProgress;
import org.jline.utils.AttributedString;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Shows the progress of one or more collections loading at once, on stderr. In {@link Mode#BARS} each collection has
 * a live bar in the order the names were given, and with more than one collection a last line for the whole job
 * (redrawn in place ten times a second, fitted to the terminal's width as it changes); in {@link Mode#LINES} a plain
 * line is printed when a collection passes 25, 50, 75 and 100 % of its time interval (for logs and pipes);
 * {@link Mode#OFF} shows nothing. Listeners and {@link #written} are safe to call from many threads at once.
 */
final class ProgressDisplay implements AutoCloseable {

    /** How progress is shown. */
    enum Mode { BARS, LINES, OFF }

    private static final long FRAME_MILLIS = 100;

    private final Mode mode;
    private final PrintStream err;
    private final int nameWidth;
    private final boolean colour;
    private final Map<String, Bar> bars = new LinkedHashMap<>();
    private final Bar job;
    private final AtomicLong writtenDatapoints = new AtomicLong();
    private final AtomicLong writtenBytes = new AtomicLong();
    private final LiveArea area;
    private final Thread ticker;
    private volatile boolean closed;

    /**
     * A display on the process's terminal (for {@link Mode#BARS}) or on {@code err}.
     *
     * @param names  the collections that will report, in the order their bars are shown
     * @param colour whether bars may be coloured
     */
    ProgressDisplay(Mode mode, PrintStream err, List<String> names, boolean colour) {
        this(mode, err, names, colour, mode == Mode.BARS ? TerminalScreen::openStderr : () -> null);
    }

    /** A display drawing bars into the area {@code areas} opens (for tests). */
    ProgressDisplay(Mode mode, PrintStream err, List<String> names, boolean colour, Supplier<LiveArea> areas) {
        this.mode = mode;
        this.err = err;
        this.colour = colour;
        this.nameWidth = Math.max(names.size() > 1 ? "total".length() : 1,
                names.stream().mapToInt(String::length).max().orElse(1));
        long start = System.nanoTime();
        for (String name : names) {
            bars.put(name, new Bar(start));
        }
        this.job = names.size() > 1 ? new Bar(start) : null;
        this.area = mode == Mode.BARS ? areas.get() : null;
        this.ticker = area == null ? null : Thread.ofPlatform().daemon().name("skyloom-progress").start(this::tick);
    }

    /**
     * @return a listener showing the progress of collection {@code name}
     * @throws IllegalArgumentException if {@code name} was not among the names given
     */
    ProgressListener listenerFor(String name) {
        Bar bar = bars.get(name);
        if (bar == null) {
            throw new IllegalArgumentException("no progress bar for '" + name + "'; the display has " + bars.keySet());
        }
        return switch (mode) {
            case OFF -> ProgressListener.NONE;
            case LINES -> new LineListener(name, err, bar);
            case BARS -> bar::update;
        };
    }

    /**
     * Adds datapoints and bytes written to the output, for the whole-job line; safe from any thread.
     *
     * @param datapoints datapoints written since the last call
     * @param bytes      bytes written since the last call
     */
    void written(long datapoints, long bytes) {
        writtenDatapoints.addAndGet(datapoints);
        writtenBytes.addAndGet(bytes);
    }

    /** {@return the lines of the current frame, fitted to {@code width}, their fields and bars aligned} */
    List<AttributedString> frame(int width, int rows) {
        long now = System.nanoTime();
        List<BarRenderer.Line> lines = new ArrayList<>();
        long datapoints = 0;
        long bytes = 0;
        double fractions = 0;
        for (Map.Entry<String, Bar> entry : bars.entrySet()) {
            BarRenderer.Line line = entry.getValue().line(pad(entry.getKey()), now);
            lines.add(line);
            datapoints += line.datapoints();
            bytes += line.bytes();
            fractions += Math.clamp(line.fraction(), 0, 1);
        }
        if (job != null) {
            job.update(new QueryProgress(0, datapoints, bytes, fractions / bars.size()));
            BarRenderer.Line total = job.line(pad("total"), now);
            long written = writtenBytes.get();
            String note = written > 0 ? String.format(Locale.ROOT, "%s written (%.1f MB)",
                    Numbers.grouped(writtenDatapoints.get()), written / 1e6) : "";
            lines.add(new BarRenderer.Line(total.name(), total.fraction(), total.datapoints(), total.bytes(),
                    total.elapsed(), total.done(), note));
        }
        int room = Math.max(1, rows - 1);
        if (lines.size() > room) {
            List<BarRenderer.Line> shown = new ArrayList<>(lines.subList(0, room - 1));
            shown.add(lines.getLast());
            lines = shown;
        }
        int countWidth = lines.stream().mapToInt(l -> BarRenderer.countText(l).length()).max().orElse(0);
        int timeWidth = lines.stream().mapToInt(l -> BarRenderer.timeText(l).length()).max().orElse(0);
        int noteWidth = lines.stream().mapToInt(l -> l.note().length()).max().orElse(0);
        return lines.stream().map(l -> BarRenderer.render(l, width, colour, countWidth, timeWidth, noteWidth))
                .toList();
    }

    private String pad(String name) {
        return String.format("%-" + nameWidth + "s", name);
    }

    private void tick() {
        while (!closed) {
            area.draw(frame(area.columns(), area.rows()));
            try {
                Thread.sleep(FRAME_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Draws the bars a last time and releases the terminal. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (ticker != null) {
            ticker.interrupt();
            try {
                ticker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            area.draw(frame(area.columns(), area.rows()));
            area.close();
        }
    }

    /** The latest progress of one collection (or of the whole job), and when it started and ended. */
    private static final class Bar {
        private final long start;
        private final AtomicReference<QueryProgress> latest = new AtomicReference<>(new QueryProgress(0, 0, 0, 0));
        private final AtomicLong finishedAt = new AtomicLong();

        Bar(long start) {
            this.start = start;
        }

        void update(QueryProgress progress) {
            latest.set(progress);
            if (progress.fraction() >= 1) {
                finishedAt.compareAndSet(0, System.nanoTime());
            }
        }

        BarRenderer.Line line(String name, long now) {
            QueryProgress p = latest.get();
            long end = finishedAt.get();
            return new BarRenderer.Line(name, p.fraction(), p.datapoints(), p.bytes(),
                    Duration.ofNanos((end != 0 ? end : now) - start), end != 0);
        }

        double megabytesPerSecond(long bytes) {
            double seconds = (System.nanoTime() - start) / 1e9;
            return seconds <= 0 ? 0 : bytes / 1e6 / seconds;
        }
    }

    /** Prints one line per quarter of the time interval passed. */
    private static final class LineListener implements ProgressListener {
        private final String name;
        private final PrintStream err;
        private final Bar bar;
        private int quartersShown;

        LineListener(String name, PrintStream err, Bar bar) {
            this.name = name;
            this.err = err;
            this.bar = bar;
        }

        @Override
        public synchronized void onProgress(QueryProgress progress) {
            bar.update(progress);
            int quarters = (int) Math.floor(progress.fraction() * 4);
            if (quarters <= quartersShown) {
                return;
            }
            quartersShown = quarters;
            err.println(String.format(Locale.ROOT, "%s: %d%% (%s datapoints, %.1f MB, %.1f MB/s)", name,
                    quarters * 25, Numbers.grouped(progress.datapoints()), progress.bytes() / 1e6,
                    bar.megabytesPerSecond(progress.bytes())));
        }
    }
}
