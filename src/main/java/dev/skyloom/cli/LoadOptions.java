package dev.skyloom.cli;

import dev.skyloom.Collection;
import dev.skyloom.Page;
import dev.skyloom.Query;
import dev.skyloom.SkyloomException;
import dev.skyloom.concurrent.CollectionSink;
import dev.skyloom.concurrent.ConcurrentLoader;
import dev.skyloom.concurrent.LoadMode;
import dev.skyloom.concurrent.LoadStats;
import dev.skyloom.concurrent.Outcome;
import dev.skyloom.concurrent.StreamOutcome;
import dev.skyloom.concurrent.StreamResult;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/** How {@code load} runs: concurrently (bounded, split, with a deadline) or one collection at a time. */
final class LoadOptions {

    /**
     * The pages a load may hold in memory at once, shared out among the collections loading at once (at most
     * {@link ConcurrentLoader#DEFAULT_MAX_BUFFERED_PAGES} and at least 4 each): about 75 MB of Landsat-8 pages,
     * whatever the number of collections or datapoints.
     */
    private static final int PAGE_BUDGET = 256;

    @Option(names = "--concurrency", paramLabel = "N",
            description = "At most N requests in flight at once (default: "
                    + ConcurrentLoader.DEFAULT_MAX_CONCURRENT_REQUESTS + ").")
    private Integer concurrency;

    @Option(names = "--split", paramLabel = "K|auto|none",
            description = "Cut each collection's interval into K parts loaded concurrently; 'auto' (the default)"
                    + " splits only collections whose first page shows they are large; 'none' or 1 turns it off.")
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
        if (split != null && !split.equals("auto") && !split.equals("none") && !isSliceCount(split)) {
            throw new ParameterException(commandLine, "--split must be 'auto', 'none' or a whole number from 1 to "
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

    /** @return how the load ran, for the summary line, e.g. {@code concurrent, split auto, at most 32 requests} */
    String describe() {
        if (sequential) {
            return "sequential";
        }
        return "concurrent, split " + (split == null ? "auto" : split) + ", at most "
                + (concurrency != null ? concurrency : ConcurrentLoader.DEFAULT_MAX_CONCURRENT_REQUESTS) + " requests";
    }

    /**
     * Loads every collection into the sink {@code sinks} opens for it.
     *
     * @return each collection's figures or failure, in input order (failures only with --keep-going)
     * @throws SkyloomException the first failure (naming its collection), unless --keep-going; a
     *                          {@link SkyloomException.DeadlineExceeded} naming the unfinished collections if
     *                          --timeout passed
     */
    StreamResult run(List<Collection> sources, ProgressDisplay progress, Query query, CollectionSink.Factory sinks) {
        return sequential ? runSequentially(sources, progress, query, sinks)
                : loader(progress, sources.size()).stream(sources, query, sinks);
    }

    private ConcurrentLoader loader(ProgressDisplay progress, int collections) {
        int requests = concurrency != null ? concurrency : ConcurrentLoader.DEFAULT_MAX_CONCURRENT_REQUESTS;
        int loadingAtOnce = (int) Math.min(collections, 2L * requests);
        ConcurrentLoader loader = ConcurrentLoader.create()
                .withMode(keepGoing ? LoadMode.COLLECT : LoadMode.FAIL_FAST)
                .withProgress(collection -> progress.listenerFor(collection.name()))
                .withMaxBufferedPages(Math.clamp(PAGE_BUDGET / Math.max(1, loadingAtOnce), 4,
                        ConcurrentLoader.DEFAULT_MAX_BUFFERED_PAGES));
        if (timeout != null) {
            loader = loader.withDeadline(timeout);
        }
        loader = loader.withMaxConcurrentRequests(requests);
        if ("none".equals(split)) {
            loader = loader.withSplit(1);
        } else if (split != null && !split.equals("auto")) {
            loader = loader.withSplit(Integer.parseInt(split));
        }
        return loader;
    }

    private StreamResult runSequentially(List<Collection> sources, ProgressDisplay progress, Query query,
                                         CollectionSink.Factory sinks) {
        long start = System.nanoTime();
        List<StreamOutcome> outcomes = new ArrayList<>();
        for (Collection source : sources) {
            LoadTally tally = new LoadTally(progress.listenerFor(source.name()));
            try {
                outcomes.add(new StreamOutcome.Completed(source, loadOne(source, query, tally, sinks)));
            } catch (SkyloomException e) {
                if (!keepGoing) {
                    throw e;
                }
                outcomes.add(new Outcome.Failure(source, e));
            }
        }
        return new StreamResult(outcomes, Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * Streams one collection's pages into its sink, page after page.
     *
     * @throws SkyloomException what failed, a request or the sink, its message starting "loading NAME failed: "
     */
    private static LoadStats loadOne(Collection source, Query query, LoadTally tally, CollectionSink.Factory sinks) {
        CollectionSink sink;
        try {
            sink = sinks.open(source);
        } catch (Exception e) {
            throw named(source, e);
        }
        try (Stream<Page> pages = source.pages(query, tally)) {
            for (Iterator<Page> it = pages.iterator(); it.hasNext(); ) {
                sink.page(it.next());
            }
            LoadStats stats = tally.stats();
            sink.complete(stats);
            return stats;
        } catch (Exception e) {
            SkyloomException error = named(source, e);
            sink.abort(error);
            throw error;
        }
    }

    private static SkyloomException named(Collection source, Exception e) {
        String prefix = "loading " + source.name() + " failed: ";
        return e instanceof SkyloomException s ? s.withMessage(prefix + s.getMessage())
                : new SkyloomException.Internal("internal", prefix + (e.getMessage() != null ? e.getMessage()
                : e.getClass().getSimpleName()), e);
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
