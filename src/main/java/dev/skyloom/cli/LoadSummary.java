package dev.skyloom.cli;

import dev.skyloom.concurrent.LoadStats;
import dev.skyloom.concurrent.Outcome;
import dev.skyloom.concurrent.StreamOutcome;
import dev.skyloom.concurrent.StreamResult;

import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The table printed after a load: one row per collection (datapoints, pages, the slices it was loaded in, MB,
 * seconds, or that it failed) and a total line with the wall time of the whole command.
 */
final class LoadSummary {

    private final TextTable table = new TextTable(List.of("collection", "datapoints", "pages", "slices", "MB",
            "seconds"));
    private final List<String> failures = new ArrayList<>();
    private long datapoints;
    private long bytes;

    /** @return the summary of {@code result}, one row per collection in input order */
    static LoadSummary of(StreamResult result) {
        LoadSummary summary = new LoadSummary();
        for (StreamOutcome outcome : result.outcomes()) {
            switch (outcome) {
                case StreamOutcome.Completed done -> summary.loaded(done.collection().name(), done.stats());
                case Outcome.Failure failure ->
                        summary.failed(failure.collection().name(), Failures.describe(failure.error()));
            }
        }
        return summary;
    }

    /** Adds a collection that loaded. */
    void loaded(String collection, LoadStats stats) {
        datapoints += stats.datapoints();
        bytes += stats.bytes();
        table.add(List.of(collection, String.format(Locale.ROOT, "%,d", stats.datapoints()),
                String.valueOf(stats.pages()), String.valueOf(stats.slices()),
                String.format(Locale.ROOT, "%.1f", stats.bytes() / 1e6), seconds(stats.wallTime())));
    }

    /** Adds a collection that failed, with the one-line reason. */
    void failed(String collection, String reason) {
        String prefix = "loading " + collection + " failed: ";
        failures.add(collection + ": " + (reason.startsWith(prefix) ? reason.substring(prefix.length()) : reason));
        table.add(List.of(collection, "failed", "-", "-", "-", "-"));
    }

    /** @return the failures added, each {@code <collection>: <reason>} on one line */
    List<String> failures() {
        return List.copyOf(failures);
    }

    /**
     * Prints the table and the total line.
     *
     * @param wall how long the whole command took, from its start to its last file written
     * @param how  how the load ran, e.g. {@code concurrent, split auto} or {@code sequential}
     * @throws IOException if the output cannot be written
     */
    void print(Writer out, Duration wall, String how) throws IOException {
        table.print(out);
        out.write(String.format(Locale.ROOT, "total: %,d datapoints, %.1f MB in %s s wall time (%s)%n",
                datapoints, bytes / 1e6, seconds(wall), how));
        out.flush();
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.2f", d.toNanos() / 1e9);
    }
}
