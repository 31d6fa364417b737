package dev.skyloom.cli;

import dev.skyloom.Collection;
import dev.skyloom.Datapoint;
import dev.skyloom.ProgressListener;
import dev.skyloom.Query;
import dev.skyloom.SkyloomException;
import dev.skyloom.concurrent.ConcurrentLoader;
import dev.skyloom.concurrent.LoadMode;
import dev.skyloom.concurrent.LoadResult;
import dev.skyloom.concurrent.Outcome;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** How {@code load} runs: concurrently (bounded, optionally split, with a deadline) or one collection at a time. */
final class LoadOptions {

    @Option(names = "--concurrency", paramLabel = "N",
            description = "At most N requests in flight at once (default: "
                    + ConcurrentLoader.DEFAULT_MAX_CONCURRENT_REQUESTS + ").")
    private Integer concurrency;

    @Option(names = "--split", paramLabel = "K|auto",
            description = "Cut each collection's interval into K parts loaded concurrently, or 'auto' to choose K"
                    + " from the collection's size (default: 1, no split).")
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
        if (split != null && !split.equals("auto") && !isSliceCount(split)) {
            throw new ParameterException(commandLine, "--split must be 'auto' or a whole number from 1 to "
                    + ConcurrentLoader.MAX_SLICES + ", got '" + split + "'");
        }
        if (timeout != null && timeout.isZero()) {
            throw new ParameterException(commandLine, "--timeout must be longer than zero");
        }
        if (sequential && (concurrency != null || split != null || timeout != null)) {
            throw new ParameterException(commandLine, "--sequential loads one page at a time; drop --concurrency,"
                    + " --split and --timeout, or drop --sequential");
        }
    }

    /** @return how the load ran, for the summary line, e.g. {@code concurrent, split 4, at most 32 requests} */
    String describe() {
        if (sequential) {
            return "sequential";
        }
        return "concurrent" + (split == null ? "" : ", split " + split) + ", at most "
                + (concurrency != null ? concurrency : ConcurrentLoader.DEFAULT_MAX_CONCURRENT_REQUESTS) + " requests";
    }

    /**
     * Loads every collection, filling {@code loaded} (successes, in input order) and {@code summary}.
     *
     * @return the wall time of the load
     * @throws SkyloomException the first failure (naming its collection), unless --keep-going; a
     *                          {@link SkyloomException.DeadlineExceeded} naming the unfinished collections if
     *                          --timeout passed
     */
    Duration run(List<Collection> sources, ProgressDisplay progress, Query query,
                 Map<String, List<Datapoint>> loaded, LoadSummary summary) {
        return sequential ? runSequentially(sources, progress, query, loaded, summary)
                : runConcurrently(sources, progress, query, loaded, summary);
    }

    private Duration runConcurrently(List<Collection> sources, ProgressDisplay progress, Query query,
                                     Map<String, List<Datapoint>> loaded, LoadSummary summary) {
        Map<String, ProgressListener> listeners = new HashMap<>();
        for (Collection source : sources) {
            listeners.put(source.name(), progress.listenerFor(source.name()));
        }
        ConcurrentLoader loader = ConcurrentLoader.create()
                .withMode(keepGoing ? LoadMode.COLLECT : LoadMode.FAIL_FAST)
                .withProgress(collection -> listeners.get(collection.name()));
        if (timeout != null) {
            loader = loader.withDeadline(timeout);
        }
        if (concurrency != null) {
            loader = loader.withMaxConcurrentRequests(concurrency);
        }
        if ("auto".equals(split)) {
            loader = loader.withAutoSplit();
        } else if (split != null) {
            loader = loader.withSplit(Integer.parseInt(split));
        }
        LoadResult result = loader.load(sources, query);
        for (Outcome outcome : result.outcomes()) {
            switch (outcome) {
                case Outcome.Success success -> {
                    loaded.put(success.collection().name(), success.load().datapoints());
                    summary.loaded(success.collection().name(), success.load().stats());
                }
                case Outcome.Failure failure ->
                        summary.failed(failure.collection().name(), Failures.describe(failure.error()));
            }
        }
        return result.wallTime();
    }

    private Duration runSequentially(List<Collection> sources, ProgressDisplay progress, Query query,
                                     Map<String, List<Datapoint>> loaded, LoadSummary summary) {
        long start = System.nanoTime();
        for (Collection source : sources) {
            LoadTally tally = new LoadTally(progress.listenerFor(source.name()));
            try {
                List<Datapoint> datapoints = source.query(query, tally);
                loaded.put(source.name(), datapoints);
                summary.loaded(source.name(), tally.stats());
            } catch (SkyloomException e) {
                if (!keepGoing) {
                    throw e;
                }
                summary.failed(source.name(), Failures.describe(e));
            }
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static boolean isSliceCount(String text) {
        try {
            int k = Integer.parseInt(text);
            return k >= 1 && k <= ConcurrentLoader.MAX_SLICES;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
