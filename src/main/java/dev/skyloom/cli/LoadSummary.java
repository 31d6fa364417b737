package dev.skyloom.cli;

import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The table printed after a load: one row per collection (datapoints, pages, MB, seconds, or why it failed) and a
 * total line with the wall time of the whole load.
 */
final class LoadSummary {

    private final TextTable table = new TextTable(List.of("collection", "datapoints", "pages", "MB", "seconds"));
    private final List<String> failures = new ArrayList<>();
    private long datapoints;
    private long bytes;

    /** Adds a collection that loaded. */
    void loaded(LoadTally tally, long datapointCount) {
        datapoints += datapointCount;
        bytes += tally.latest().bytes();
        table.add(List.of(tally.collection(), String.format(Locale.ROOT, "%,d", datapointCount),
                String.valueOf(tally.latest().pages()), String.format(Locale.ROOT, "%.1f", tally.latest().bytes() / 1e6),
                String.format(Locale.ROOT, "%.2f", tally.elapsed().toNanos() / 1e9)));
    }

    /** Adds a collection that failed, with the one-line reason. */
    void failed(LoadTally tally, String reason) {
        failures.add(tally.collection() + ": " + reason);
        table.add(List.of(tally.collection(), "failed", String.valueOf(tally.latest().pages()),
                String.format(Locale.ROOT, "%.1f", tally.latest().bytes() / 1e6),
                String.format(Locale.ROOT, "%.2f", tally.elapsed().toNanos() / 1e9)));
    }

    /** @return the failures added, one line each */
    List<String> failures() {
        return List.copyOf(failures);
    }

    /**
     * Prints the table and the total line.
     *
     * @throws IOException if the output cannot be written
     */
    void print(Writer out, Duration wall, String how) throws IOException {
        table.print(out);
        out.write(String.format(Locale.ROOT, "total: %,d datapoints, %.1f MB in %.2f s wall time (%s)%n",
                datapoints, bytes / 1e6, wall.toNanos() / 1e9, how));
        out.flush();
    }
}
