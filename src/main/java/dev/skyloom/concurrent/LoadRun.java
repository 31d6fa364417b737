package dev.skyloom.concurrent;

import dev.skyloom.Collection;
import dev.skyloom.Query;
import dev.skyloom.SkyloomException;
import dev.skyloom.concurrent.Scopes.Result;
import dev.skyloom.concurrent.Scopes.Task;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Runs one load, the core of both {@link ConcurrentLoader#load} and {@link ConcurrentLoader#stream}: one
 * {@link CollectionJob} per collection in a scope named {@value #SCOPE_NAME}, then the failures named and the
 * outcomes in input order.
 */
final class LoadRun {

    /** The name of a load's scope and the prefix of its threads' names. */
    static final String SCOPE_NAME = "skyloom-load";

    private LoadRun() {
    }

    /**
     * Streams every collection into the sink that {@code sinks} gives for its index.
     *
     * @param bufferedPages the most pages one collection holds at once
     * @return one outcome per collection: all completed unless the mode is COLLECT
     * @throws SkyloomException in FAIL_FAST mode, the first failure or the deadline error; Cancelled if interrupted
     */
    static StreamResult run(LoaderSettings settings, List<Collection> all, Query query,
                            IntFunction<CollectionSink.Factory> sinks, int bufferedPages) {
        long start = System.nanoTime();
        LoadContext load = new LoadContext(query, settings.slices(), bufferedPages,
                new RequestLimiter(settings.maxConcurrentRequests()), Instant.now());
        List<Task<LoadStats>> tasks = new ArrayList<>(all.size());
        for (int i = 0; i < all.size(); i++) {
            Collection collection = all.get(i);
            String threadName = SCOPE_NAME + "/" + collection.datasetSlug() + "/" + collection.name();
            CollectionJob job = new CollectionJob(load, collection, settings.progress().apply(collection),
                    sinks.apply(i), threadName);
            tasks.add(new Task<>(threadName, job::run));
        }
        Scopes.Joined<LoadStats> joined;
        try {
            joined = Scopes.forkAll(SCOPE_NAME, tasks, settings.deadline(), settings.mode() == LoadMode.FAIL_FAST,
                    settings.maxRunningCollections());
        } catch (InterruptedException e) {
            throw LoadErrors.interrupted(e);
        }
        Duration wallTime = Duration.ofNanos(System.nanoTime() - start);
        if (settings.mode() == LoadMode.FAIL_FAST) {
            throwFirstFailure(settings, all, joined);
        }
        return new StreamResult(outcomes(settings, all, joined), wallTime);
    }

    private static void throwFirstFailure(LoaderSettings settings, List<Collection> all,
                                          Scopes.Joined<LoadStats> joined) {
        if (!joined.failures().isEmpty()) {
            SkyloomException first = null;
            for (int index : joined.failures()) {
                Throwable error = ((Result.Failed<LoadStats>) joined.results().get(index)).error();
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
            throw LoadErrors.deadlinePassed(settings.deadline().orElseThrow(), unfinished(all, joined));
        }
    }

    private static List<StreamOutcome> outcomes(LoaderSettings settings, List<Collection> all,
                                                Scopes.Joined<LoadStats> joined) {
        List<StreamOutcome> outcomes = new ArrayList<>(all.size());
        for (int i = 0; i < all.size(); i++) {
            Collection collection = all.get(i);
            outcomes.add(switch (joined.results().get(i)) {
                case Result.Done<LoadStats> done -> new StreamOutcome.Completed(collection, done.value());
                case Result.Failed<LoadStats> failed ->
                        new Outcome.Failure(collection, LoadErrors.naming(collection.name(), failed.error()));
                case Result.Unfinished<LoadStats> unfinished -> new Outcome.Failure(collection,
                        LoadErrors.deadlinePassed(settings.deadline().orElseThrow(), List.of(collection.name())));
            });
        }
        return outcomes;
    }

    private static List<String> unfinished(List<Collection> all, Scopes.Joined<LoadStats> joined) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (joined.results().get(i) instanceof Result.Unfinished<LoadStats>) {
                names.add(all.get(i).name());
            }
        }
        return names;
    }
}
