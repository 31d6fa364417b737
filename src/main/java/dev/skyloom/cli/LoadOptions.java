package dev.skyloom.cli;

import dev.skyloom.Collection;
import dev.skyloom.Datapoint;
import dev.skyloom.Query;
import dev.skyloom.SkyloomException;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** How {@code load} runs: concurrently (bounded, optionally split, with a deadline) or one collection at a time. */
final class LoadOptions {

    @Option(names = "--concurrency", paramLabel = "N",
            description = "At most N requests in flight at once (default: the loader's default).")
    private Integer concurrency;

    @Option(names = "--split", paramLabel = "K|auto",
            description = "Cut each collection's interval into K parts loaded concurrently, or 'auto' to choose K"
                    + " (default: 1, no split).")
    private String split;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = OptionConverters.DurationConverter.class,
            description = "Give up the whole load after this long, e.g. 30s or 2m (default: no limit).")
    private Duration timeout;

    @Option(names = "--keep-going", description = "Keep loading the other collections when one fails, and report"
            + " every failure at the end (default: the first failure cancels the rest).")
    private boolean keepGoing;

    @Option(names = "--sequential", description = "Load the collections one after another, page by page (the"
            + " baseline to compare with).")
    private boolean sequential;

    /**
     * Checks the combination of options.
     *
     * @throws ParameterException naming the conflicting or malformed option
     */
    void validate(CommandLine commandLine) {
        if (concurrency != null && concurrency < 1) {
            throw new ParameterException(commandLine, "--concurrency must be at least 1, got " + concurrency);
        }
        if (split != null && !split.equals("auto") && !isPositiveNumber(split)) {
            throw new ParameterException(commandLine, "--split must be a whole number from 1 or 'auto', got '"
                    + split + "'");
        }
        if (timeout != null && timeout.isZero()) {
            throw new ParameterException(commandLine, "--timeout must be longer than zero");
        }
        if (sequential && (concurrency != null || split != null || timeout != null)) {
            throw new ParameterException(commandLine, "--sequential loads one page at a time; drop --concurrency,"
                    + " --split and --timeout, or drop --sequential");
        }
    }

    /** @return how the load ran, for the summary line */
    String describe() {
        return sequential ? "sequential" : "concurrent";
    }

    /**
     * Loads every collection, filling {@code loaded} (in input order) and {@code summary}.
     *
     * @param start starts the tally (clock and progress display) of a collection when its load begins
     * @throws SkyloomException the first failure, unless --keep-going
     */
    void run(List<Collection> sources, Function<String, LoadTally> start, Query query,
             Map<String, List<Datapoint>> loaded, LoadSummary summary) {
        for (Collection source : sources) {
            LoadTally tally = start.apply(source.name());
            try {
                List<Datapoint> datapoints = source.query(query, tally);
                loaded.put(tally.collection(), datapoints);
                summary.loaded(tally, datapoints.size());
            } catch (SkyloomException e) {
                if (!keepGoing) {
                    throw e;
                }
                summary.failed(tally, Failures.describe(e));
            }
        }
    }

    private static boolean isPositiveNumber(String text) {
        try {
            return Integer.parseInt(text) >= 1;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
