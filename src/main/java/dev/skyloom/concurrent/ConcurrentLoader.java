package dev.skyloom.concurrent;

import dev.skyloom.Collection;
import dev.skyloom.Query;
import dev.skyloom.QueryProgress;
import dev.skyloom.SkyloomException;
import dev.skyloom.concurrent.Scopes.Result;
import dev.skyloom.concurrent.Scopes.Task;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Loads many collections at once with structured concurrency: one subtask per collection, each on its own virtual
 * thread, joined before {@link #load} returns.
 * {@snippet :
 * Dataset landsat = client.dataset("open_data.copernicus.landsat8_oli_tirs");
 * List<Collection> collections = Stream.of("L1GT", "L1T", "L1TP", "L2SP").map(landsat::collection).toList();
 * LoadResult result = ConcurrentLoader.create()
 *         .withDeadline(Duration.ofMinutes(2))
 *         .withAutoSplit()
 *         .load(collections, Query.between("2020-01-01", "2021-01-01"));
 * for (CollectionLoad load : result.loads()) {
 *     System.out.println(load.collection().name() + ": " + load.datapoints().size());
 * }
 * }
 *
 * <p>What a load promises:
 * <ul>
 *   <li><b>Fail fast</b> (default, {@link LoadMode#FAIL_FAST}): the first failure cancels every other collection,
 *       aborting their requests in flight, and is thrown as the same kind of {@link SkyloomException} with a message
 *       that starts {@code "loading <collection> failed: "}. In {@link LoadMode#COLLECT} mode every collection runs
 *       to its end and each one's success or failure is returned.</li>
 *   <li><b>Deadline</b> (default none): when it passes everything still running is cancelled and a
 *       {@link SkyloomException.DeadlineExceeded} names the unfinished collections, e.g.
 *       {@code "deadline of 2s passed; unfinished: L1GT, L1TP"} (in COLLECT mode, each unfinished collection
 *       fails with it and the finished ones are returned).</li>
 *   <li><b>Bounded requests</b>: at most {@link #DEFAULT_MAX_CONCURRENT_REQUESTS} (or the configured number of)
 *       requests are in flight across the whole load.</li>
 *   <li><b>Split</b> (default off): a collection's time interval can be cut into slices at whole milliseconds,
 *       loaded concurrently in a nested scope and stitched back in time order, without loss or duplicates.</li>
 *   <li><b>Nothing leaks</b>: when {@code load} returns or throws, no thread it started is alive and no request it
 *       sent is in flight. Interrupting the calling thread cancels the load promptly, so it nests inside subtasks
 *       of other scopes (or of another loader) with no special care.</li>
 * </ul>
 * Each collection is loaded on a virtual thread named {@code skyloom-load/<dataset slug>/<collection>} (slices:
 * {@code ...#slice-2of4}) in a scope named {@code skyloom-load}, as a JSON thread dump shows
 * ({@code jcmd <pid> Thread.dump_to_file -format=json <file>}).
 *
 * <p>A loader is immutable and thread-safe; the {@code with...} methods return modified copies.
 */
public final class ConcurrentLoader {

    /** The default limit on requests in flight across one load. */
    public static final int DEFAULT_MAX_CONCURRENT_REQUESTS = 32;

    /** The most slices {@link #withSplit} accepts. */
    public static final int MAX_SLICES = 256;

    private static final String SCOPE_NAME = "skyloom-load";

    private final LoadMode mode;
    private final Optional<Duration> deadline;
    private final int maxConcurrentRequests;
    private final int slices;
    private final BiConsumer<Collection, QueryProgress> progress;

    private ConcurrentLoader(LoadMode mode, Optional<Duration> deadline, int maxConcurrentRequests, int slices,
                             BiConsumer<Collection, QueryProgress> progress) {
        this.mode = mode;
        this.deadline = deadline;
        this.maxConcurrentRequests = maxConcurrentRequests;
        this.slices = slices;
        this.progress = progress;
    }

    /**
     * A loader with the defaults: fail fast, no deadline, {@value #DEFAULT_MAX_CONCURRENT_REQUESTS} requests in
     * flight at most, no splitting, no progress listener.
     *
     * @return the loader
     * @throws SkyloomException.InvalidArgument (code {@code failed_precondition}) if the JVM was not started with
     *                                          {@code --enable-preview} on Java 25; the message says where to add it
     */
    public static ConcurrentLoader create() {
        PreviewRequirement.check();
        return new ConcurrentLoader(LoadMode.FAIL_FAST, Optional.empty(), DEFAULT_MAX_CONCURRENT_REQUESTS, 1,
                (c, p) -> { });
    }

    /**
     * A copy that handles failures as {@code mode} says (default {@link LoadMode#FAIL_FAST}).
     *
     * @param mode fail fast or collect
     * @return the copy
     */
    public ConcurrentLoader withMode(LoadMode mode) {
        return new ConcurrentLoader(Objects.requireNonNull(mode, "mode"), deadline, maxConcurrentRequests, slices,
                progress);
    }

    /**
     * A copy whose loads are cancelled when {@code deadline} has passed since they started (default: no deadline).
     *
     * @param deadline a positive duration
     * @return the copy
     * @throws IllegalArgumentException if the deadline is zero or negative
     */
    public ConcurrentLoader withDeadline(Duration deadline) {
        if (!Objects.requireNonNull(deadline, "deadline").isPositive()) {
            throw new IllegalArgumentException("the deadline must be positive, got " + deadline);
        }
        return new ConcurrentLoader(mode, Optional.of(deadline), maxConcurrentRequests, slices, progress);
    }

    /**
     * A copy that keeps at most {@code max} requests in flight across a whole load (default
     * {@value #DEFAULT_MAX_CONCURRENT_REQUESTS}). It also bounds the collections loading at once to {@code 2 * max}:
     * the others start as earlier ones finish, so a load of many collections keeps few threads alive.
     *
     * @param max the limit, 1 or more
     * @return the copy
     * @throws IllegalArgumentException if {@code max} is below 1
     */
    public ConcurrentLoader withMaxConcurrentRequests(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("the request limit must be at least 1, got " + max);
        }
        return new ConcurrentLoader(mode, deadline, max, slices, progress);
    }

    /**
     * A copy that cuts each collection's time interval into {@code k} slices loaded concurrently (default 1: no
     * split). Intervals shorter than {@code k} milliseconds get fewer slices.
     *
     * @param k the number of slices, 1 to {@value #MAX_SLICES}
     * @return the copy
     * @throws IllegalArgumentException if {@code k} is not between 1 and {@value #MAX_SLICES}
     */
    public ConcurrentLoader withSplit(int k) {
        if (k < 1 || k > MAX_SLICES) {
            throw new IllegalArgumentException("the number of slices must be between 1 and " + MAX_SLICES + ", got "
                    + k);
        }
        return new ConcurrentLoader(mode, deadline, maxConcurrentRequests, k, progress);
    }

    /**
     * A copy that chooses each collection's number of slices from its datapoint count and availability (one more
     * request per collection): about one slice per 5,000 datapoints expected in the query interval, at most 16; one
     * when the collection does not report them.
     *
     * @return the copy
     */
    public ConcurrentLoader withAutoSplit() {
        return new ConcurrentLoader(mode, deadline, maxConcurrentRequests, 0, progress);
    }

    /**
     * A copy that reports each collection's progress to {@code listener} after every page, and once with fraction 1
     * when the collection is complete. With slices, a collection's figures are the sums over its slices and the
     * fraction is the covered share of its whole interval. The listener is called from many threads at once (one
     * collection's reports arrive in order) and must be thread-safe and quick. Default: none.
     *
     * @param listener called with the collection and its progress
     * @return the copy
     */
    public ConcurrentLoader withProgress(BiConsumer<Collection, QueryProgress> listener) {
        return new ConcurrentLoader(mode, deadline, maxConcurrentRequests, slices,
                Objects.requireNonNull(listener, "listener"));
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
        Objects.requireNonNull(collections, "collections");
        if (collections.stream().anyMatch(Objects::isNull)) {
            throw new NullPointerException("collections must not contain null");
        }
        List<Collection> all = List.copyOf(collections);
        Objects.requireNonNull(query, "query");
        long start = System.nanoTime();
        Instant startedAt = Instant.now();
        RequestLimiter limiter = new RequestLimiter(maxConcurrentRequests);
        List<Task<CollectionLoad>> tasks = new ArrayList<>(all.size());
        for (Collection collection : all) {
            String threadName = SCOPE_NAME + "/" + collection.datasetSlug() + "/" + collection.name();
            CollectionJob job = new CollectionJob(collection, query, slices, limiter,
                    p -> progress.accept(collection, p), startedAt, threadName);
            tasks.add(new Task<>(threadName, job::run));
        }
        Scopes.Joined<CollectionLoad> joined;
        try {
            joined = Scopes.forkAll(SCOPE_NAME, tasks, deadline, mode == LoadMode.FAIL_FAST, maxRunningCollections());
        } catch (InterruptedException e) {
            throw LoadErrors.interrupted(e);
        }
        Duration wallTime = Duration.ofNanos(System.nanoTime() - start);
        if (mode == LoadMode.FAIL_FAST) {
            throwFirstFailure(all, joined);
        }
        return new LoadResult(outcomes(all, joined), wallTime);
    }

    /**
     * Collections loading at once: twice the request limit, so that while one collection's subtask decodes a page
     * another already waits for the freed request permit, yet a load of ten thousand collections keeps only a few
     * dozen threads alive.
     */
    private int maxRunningCollections() {
        return maxConcurrentRequests > Integer.MAX_VALUE / 2 ? Integer.MAX_VALUE : 2 * maxConcurrentRequests;
    }

    private void throwFirstFailure(List<Collection> all, Scopes.Joined<CollectionLoad> joined) {
        if (!joined.failures().isEmpty()) {
            SkyloomException first = null;
            for (int index : joined.failures()) {
                Throwable error = ((Result.Failed<CollectionLoad>) joined.results().get(index)).error();
                SkyloomException named = LoadErrors.naming(all.get(index).name(), error);
                if (first == null) {
                    first = named;
                } else {
                    first.addSuppressed(named);
                }
            }
            throw first;
        }
        if (joined.timedOut()) {
            throw LoadErrors.deadlinePassed(deadline.orElseThrow(), unfinished(all, joined));
        }
    }

    private List<Outcome> outcomes(List<Collection> all, Scopes.Joined<CollectionLoad> joined) {
        List<Outcome> outcomes = new ArrayList<>(all.size());
        for (int i = 0; i < all.size(); i++) {
            Collection collection = all.get(i);
            outcomes.add(switch (joined.results().get(i)) {
                case Result.Done<CollectionLoad> done -> new Outcome.Success(done.value());
                case Result.Failed<CollectionLoad> failed ->
                        new Outcome.Failure(collection, LoadErrors.naming(collection.name(), failed.error()));
                case Result.Unfinished<CollectionLoad> unfinished -> new Outcome.Failure(collection,
                        LoadErrors.deadlinePassed(deadline.orElseThrow(), List.of(collection.name())));
            });
        }
        return outcomes;
    }

    private static List<String> unfinished(List<Collection> all, Scopes.Joined<CollectionLoad> joined) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (joined.results().get(i) instanceof Result.Unfinished<CollectionLoad>) {
                names.add(all.get(i).name());
            }
        }
        return names;
    }

    /** Describes the settings, e.g. {@code ConcurrentLoader[FAIL_FAST, deadline 2s, 32 requests, split 4]}. */
    @Override
    public String toString() {
        return "ConcurrentLoader[" + mode + deadline.map(d -> ", deadline " + LoadErrors.describe(d)).orElse("")
                + ", " + maxConcurrentRequests + " requests, split " + (slices == 0 ? "auto" : slices) + "]";
    }
}
