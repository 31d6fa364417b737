package dev.skyloom.concurrent;

import dev.skyloom.Collection;
import dev.skyloom.Datapoint;
import dev.skyloom.ProgressListener;
import dev.skyloom.Query;
import dev.skyloom.SkyloomException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Loads many collections at once with structured concurrency: each collection on its own virtual thread, joined
 * before {@link #load} or {@link #stream} returns. {@code load} returns the datapoints:
 * {@snippet :
 * Dataset landsat = client.dataset("open_data.copernicus.landsat8_oli_tirs");
 * List<Collection> collections = Stream.of("L1GT", "L1T", "L1TP", "L2SP").map(landsat::collection).toList();
 * LoadResult result = ConcurrentLoader.create()
 *         .withDeadline(Duration.ofMinutes(2))
 *         .load(collections, Query.between("2020-01-01", "2021-01-01"));
 * for (CollectionLoad load : result.loads()) {
 *     System.out.println(load.collection().name() + ": " + load.datapoints().size());
 * }
 * }
 * {@code stream} hands each collection's pages, in time order, to a {@link CollectionSink} as they arrive, holding
 * only a bounded number of pages per collection, so that a load larger than the heap can go straight to files:
 * {@snippet :
 * StreamResult result = ConcurrentLoader.create().stream(collections, year, collection -> {
 *     Path file = Path.of(collection.name() + ".txt");
 *     Path part = Path.of(collection.name() + ".txt.part");
 *     BufferedWriter out = Files.newBufferedWriter(part);
 *     return new CollectionSink() {
 *         public void page(Page page) throws IOException {
 *             for (Datapoint dp : page.datapoints()) {
 *                 out.write(dp.time() + " " + dp.id() + "\n");
 *             }
 *         }
 *         public void complete(LoadStats stats) throws IOException {
 *             out.close();
 *             Files.move(part, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
 *         }
 *         public void abort(SkyloomException error) {
 *             try (out) {
 *                 Files.deleteIfExists(part);
 *             } catch (IOException e) {
 *                 error.addSuppressed(e);
 *             }
 *         }
 *     };
 * });
 * }
 *
 * <p>What a load promises, in both forms:
 * <ul>
 *   <li><b>Fail fast</b> (default, {@link LoadMode#FAIL_FAST}): the first failure, a request's or a sink's, cancels
 *       every other collection, aborting their requests in flight, and is thrown as the same kind of
 *       {@link SkyloomException} with a message that starts {@code "loading <collection> failed: "}. In
 *       {@link LoadMode#COLLECT} mode every collection runs to its end and each one's success or failure is
 *       returned.</li>
 *   <li><b>Deadline</b> (default none): when it passes everything still running is cancelled and a
 *       {@link SkyloomException.DeadlineExceeded} names the unfinished collections, e.g.
 *       {@code "deadline of 2s passed; unfinished: L1GT, L1TP"} (in COLLECT mode, each unfinished collection
 *       fails with it and the finished ones are returned).</li>
 *   <li><b>One bound</b>: at most {@link #DEFAULT_MAX_CONCURRENT_REQUESTS} (or the configured number of) requests
 *       are in flight across the whole load; a permit is held only while its request is in flight.</li>
 *   <li><b>Split</b> (default automatic): a collection's time interval can be cut into slices at whole
 *       milliseconds, loaded concurrently and put back in time order, without loss or duplicates.</li>
 *   <li><b>Back-pressure</b> ({@code stream}): a collection holds at most {@link #withMaxBufferedPages} pages at
 *       once, requested, waiting for their turn or in its sink, so a slow sink slows its own collection only.</li>
 *   <li><b>Nothing leaks</b>: when {@code load} or {@code stream} returns or throws, no thread it started is alive,
 *       no request it sent is in flight and every opened sink has been completed or aborted. Interrupting the
 *       calling thread cancels the load promptly, so it nests inside subtasks of other scopes (or of another
 *       loader) with no special care.</li>
 * </ul>
 * Each collection is loaded on a virtual thread named {@code skyloom-load/<dataset slug>/<collection>} (slices:
 * {@code ...#slice-2of4}, the thread feeding a split collection's sink: {@code ...#delivery}) in a scope named
 * {@code skyloom-load}, as a JSON thread dump shows ({@code jcmd <pid> Thread.dump_to_file -format=json <file>}).
 * At most twice the request limit of collections load at once; the others start as earlier ones finish, so ten
 * thousand collections keep only a few dozen threads alive.
 *
 * <p>A loader is immutable and thread-safe; the {@code with...} methods return modified copies.
 */
public final class ConcurrentLoader {

    /** The default limit on requests in flight across one load. */
    public static final int DEFAULT_MAX_CONCURRENT_REQUESTS = 32;

    /** The default limit on the pages one collection holds at once in {@link #stream}. */
    public static final int DEFAULT_MAX_BUFFERED_PAGES = 64;

    /** The most slices {@link #withSplit} accepts. */
    public static final int MAX_SLICES = 256;

    private final LoaderSettings settings;

    private ConcurrentLoader(LoaderSettings settings) {
        this.settings = settings;
    }

    /**
     * A loader with the defaults: fail fast, no deadline, {@value #DEFAULT_MAX_CONCURRENT_REQUESTS} requests in
     * flight at most, automatic split, {@value #DEFAULT_MAX_BUFFERED_PAGES} pages held per streamed collection, no
     * progress listener.
     *
     * @return a loader with the defaults
     * @throws SkyloomException.InvalidArgument (code {@code failed_precondition}) if the JVM was not started with
     *                                          {@code --enable-preview} on Java 25; the message says where to add it
     */
    public static ConcurrentLoader create() {
        PreviewRequirement.check();
        return new ConcurrentLoader(new LoaderSettings(LoadMode.FAIL_FAST, Optional.empty(),
                DEFAULT_MAX_CONCURRENT_REQUESTS, LoadContext.AUTO, c -> ProgressListener.NONE,
                DEFAULT_MAX_BUFFERED_PAGES));
    }

    /**
     * A copy that handles failures as {@code mode} says (default {@link LoadMode#FAIL_FAST}).
     *
     * @param mode fail fast or collect
     * @return the modified copy
     */
    public ConcurrentLoader withMode(LoadMode mode) {
        return new ConcurrentLoader(settings.withMode(Objects.requireNonNull(mode, "mode")));
    }

    /**
     * A copy whose loads are cancelled when {@code deadline} has passed since they started (default: no deadline).
     *
     * @param deadline the time a whole load may take
     * @return the modified copy
     * @throws IllegalArgumentException if the deadline is zero or negative
     */
    public ConcurrentLoader withDeadline(Duration deadline) {
        if (!Objects.requireNonNull(deadline, "deadline").isPositive()) {
            throw new IllegalArgumentException("the deadline must be positive, got " + deadline);
        }
        return new ConcurrentLoader(settings.withDeadline(deadline));
    }

    /**
     * A copy that keeps at most {@code max} requests in flight across a whole load (default
     * {@value #DEFAULT_MAX_CONCURRENT_REQUESTS}). At most {@code 2 * max} collections load at once: the others start
     * as earlier ones finish, so a load of many collections keeps few threads alive.
     *
     * @param max the most requests in flight
     * @return the modified copy
     * @throws IllegalArgumentException if {@code max} is below 1
     */
    public ConcurrentLoader withMaxConcurrentRequests(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("the request limit must be at least 1, got " + max);
        }
        return new ConcurrentLoader(settings.withMaxConcurrentRequests(max));
    }

    /**
     * A copy that cuts each collection's time interval into {@code k} slices loaded concurrently; 1 turns splitting
     * off. Intervals shorter than {@code k} milliseconds get fewer slices. In {@link #stream}, slices beyond the
     * first can load ahead only as far as {@link #withMaxBufferedPages} allows, so for a large collection the
     * automatic split, which cuts small slices, keeps more of them busy.
     *
     * @param k the number of slices
     * @return the modified copy
     * @throws IllegalArgumentException if {@code k} is not between 1 and {@value #MAX_SLICES}
     */
    public ConcurrentLoader withSplit(int k) {
        if (k < 1 || k > MAX_SLICES) {
            throw new IllegalArgumentException("the number of slices must be between 1 and " + MAX_SLICES + ", got "
                    + k);
        }
        return new ConcurrentLoader(settings.withSlices(k));
    }

    /**
     * A copy that chooses each collection's slices from its first page (the default). A collection whose first page
     * is its last, or whose first page's density promises less than two slices' worth in the rest of the interval,
     * is loaded as one query at no extra cost. A larger one asks for its datapoint count alongside its second page,
     * which caps the estimate, and cuts the rest of the interval into slices of a few pages each, up to
     * {@value TimeSlices#MAX_AUTO_SLICES}, of which at most 16 load at once.
     *
     * @return the modified copy
     */
    public ConcurrentLoader withAutoSplit() {
        return new ConcurrentLoader(settings.withSlices(LoadContext.AUTO));
    }

    /**
     * A copy that reports each collection's progress. {@code listeners} is called once per collection, in input
     * order, when a load starts; the listener it returns receives that collection's progress after every page, and
     * once with fraction 1 when the collection is complete (in {@code stream}, after its sink's
     * {@link CollectionSink#complete}). With slices, the figures are sums over the slices and the fraction is the
     * covered share of the whole interval. Listeners of different collections are called from different threads at
     * once (one collection's reports arrive in order), so they must be thread-safe and quick. Default: none.
     *
     * @param listeners opens the listener of each collection
     * @return the modified copy
     */
    public ConcurrentLoader withProgress(Function<? super Collection, ? extends ProgressListener> listeners) {
        return new ConcurrentLoader(settings.withProgress(Objects.requireNonNull(listeners, "listeners")));
    }

    /**
     * A copy whose {@link #stream} holds at most {@code pages} pages of one collection at once: pages requested,
     * waiting for an earlier slice, or in the sink (default {@value #DEFAULT_MAX_BUFFERED_PAGES}). Past it, the
     * collection's slices wait for the sink before they request more. With 1 a collection loads one page at a time.
     * {@link #load}, which keeps every datapoint anyway, is not bounded by it.
     *
     * @param pages the most pages held per collection
     * @return the modified copy
     * @throws IllegalArgumentException if {@code pages} is below 1
     */
    public ConcurrentLoader withMaxBufferedPages(int pages) {
        if (pages < 1) {
            throw new IllegalArgumentException("the page bound must be at least 1, got " + pages);
        }
        return new ConcurrentLoader(settings.withMaxBufferedPages(pages));
    }

    /**
     * Loads the datapoints of {@code query} from every collection concurrently.
     *
     * @param collections the collections, loaded in any order and returned in this order; the same collection may
     *                    appear twice (it is then loaded twice)
     * @param query       what to load from each
     * @return one outcome per collection; all successes unless the mode is {@link LoadMode#COLLECT}
     * @throws SkyloomException                  in FAIL_FAST mode, the first collection's failure, named (the
     *                                           others' failures, if any, are suppressed in it)
     * @throws SkyloomException.DeadlineExceeded in FAIL_FAST mode, if the deadline passed first
     * @throws SkyloomException.Cancelled        if the calling thread is interrupted (its interrupt flag is set
     *                                           again)
     * @throws NullPointerException              if an argument or one of the collections is null
     */
    public LoadResult load(List<Collection> collections, Query query) {
        List<Collection> all = checked(collections, query);
        List<List<Datapoint>> kept = new ArrayList<>(all.size());
        for (int i = 0; i < all.size(); i++) {
            kept.add(new ArrayList<>());
        }
        StreamResult streamed = LoadRun.run(settings, all, query,
                i -> collection -> page -> kept.get(i).addAll(page.datapoints()), Integer.MAX_VALUE);
        List<Outcome> outcomes = new ArrayList<>(all.size());
        for (int i = 0; i < all.size(); i++) {
            outcomes.add(switch (streamed.outcomes().get(i)) {
                case StreamOutcome.Completed c -> new Outcome.Success(new CollectionLoad(c.collection(), kept.get(i),
                        c.stats()));
                case Outcome.Failure failure -> failure;
            });
        }
        return new LoadResult(outcomes, streamed.wallTime());
    }

    /**
     * Loads the datapoints of {@code query} from every collection concurrently and hands each collection's pages, in
     * time order, to its own sink as they arrive. {@code sinks} opens a collection's sink on the collection's thread
     * when it starts loading; the sink is then completed or, if the collection fails, aborted, always before this
     * method returns or throws.
     *
     * @param collections the collections, loaded in any order and reported in this order; the same collection may
     *                    appear twice (it is then loaded twice, into two sinks)
     * @param query       what to load from each
     * @param sinks       opens the sink of each collection
     * @return one outcome per collection; all completed unless the mode is {@link LoadMode#COLLECT}
     * @throws SkyloomException                  in FAIL_FAST mode, the first collection's failure (a request's or its
     *                                           sink's), named; the others' failures, if any, are suppressed in it
     * @throws SkyloomException.DeadlineExceeded in FAIL_FAST mode, if the deadline passed first
     * @throws SkyloomException.Cancelled        if the calling thread is interrupted (its interrupt flag is set
     *                                           again)
     * @throws NullPointerException              if an argument or one of the collections is null
     */
    public StreamResult stream(List<Collection> collections, Query query, CollectionSink.Factory sinks) {
        Objects.requireNonNull(sinks, "sinks");
        return LoadRun.run(settings, checked(collections, query), query, i -> sinks, settings.maxBufferedPages());
    }

    private static List<Collection> checked(List<Collection> collections, Query query) {
        Objects.requireNonNull(collections, "collections");
        if (collections.stream().anyMatch(Objects::isNull)) {
            throw new NullPointerException("collections must not contain null");
        }
        Objects.requireNonNull(query, "query");
        return List.copyOf(collections);
    }

    /**
     * Describes the settings, e.g. {@code ConcurrentLoader[FAIL_FAST, deadline 2s, 32 requests, split auto, 64
     * pages buffered]}.
     *
     * @return the description
     */
    @Override
    public String toString() {
        return "ConcurrentLoader[" + settings.mode() + settings.deadline().map(d -> ", deadline "
                + LoadErrors.describe(d)).orElse("") + ", " + settings.maxConcurrentRequests() + " requests, split "
                + (settings.slices() == LoadContext.AUTO ? "auto" : settings.slices()) + ", "
                + settings.maxBufferedPages() + " pages buffered]";
    }
}
