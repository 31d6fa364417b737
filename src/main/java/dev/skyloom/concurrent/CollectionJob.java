package dev.skyloom.concurrent;

import dev.skyloom.Collection;
import dev.skyloom.Datapoint;
import dev.skyloom.Page;
import dev.skyloom.ProgressListener;
import dev.skyloom.Query;
import dev.skyloom.TimeInterval;
import dev.skyloom.concurrent.Scopes.Result;
import dev.skyloom.concurrent.Scopes.Task;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Loads one collection inside a load: chooses its slices, loads them (concurrently, in a nested scope, when there
 * is more than one) with every page request under the load's request limit, and stitches them together in time
 * order.
 *
 * @param collection the collection
 * @param query      the load's query
 * @param slices     how many slices to cut the query into; 0 to choose from the collection's count
 * @param limiter    the load's request limit
 * @param listener   receives the collection's progress
 * @param startedAt  when the load started (progress does not expect data after it)
 * @param threadName the name of the thread loading the collection; slices are named after it
 */
record CollectionJob(Collection collection, Query query, int slices, RequestLimiter limiter,
                     ProgressListener listener, Instant startedAt, String threadName) {

    /** What one slice brought back. */
    private record SliceLoad(List<Datapoint> datapoints, long pages, long bytes) {
    }

    /**
     * Loads the collection.
     *
     * @throws Exception the first failure of any of its slices, as thrown
     * @throws InterruptedException if the thread is interrupted while its slices load
     */
    CollectionLoad run() throws Exception {
        long start = System.nanoTime();
        int k = slices > 0 ? slices : TimeSlices.autoCount(limiter.call(collection::info), query.timeInterval());
        List<TimeInterval> parts = TimeSlices.split(query.timeInterval(), k);
        CollectionProgress tracker = new CollectionProgress(parts, startedAt, listener);
        List<SliceLoad> loaded = parts.size() == 1
                ? List.of(loadSlice(0, parts.getFirst(), tracker))
                : loadConcurrently(parts, tracker);
        List<Datapoint> datapoints = new ArrayList<>();
        long pages = 0;
        long bytes = 0;
        for (SliceLoad slice : loaded) {
            datapoints.addAll(slice.datapoints());
            pages += slice.pages();
            bytes += slice.bytes();
        }
        Duration wallTime = Duration.ofNanos(System.nanoTime() - start);
        return new CollectionLoad(collection, datapoints, new LoadStats(pages, datapoints.size(), bytes, wallTime));
    }

    private List<SliceLoad> loadConcurrently(List<TimeInterval> parts, CollectionProgress tracker) throws Exception {
        List<Task<SliceLoad>> tasks = new ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            int slice = i;
            tasks.add(new Task<>(threadName + "#slice-" + (i + 1) + "of" + parts.size(),
                    () -> loadSlice(slice, parts.get(slice), tracker)));
        }
        Scopes.Joined<SliceLoad> joined = Scopes.forkAll(threadName, tasks, Optional.empty(), true,
                tasks.size());
        if (!joined.failures().isEmpty()) {
            Throwable first = ((Result.Failed<SliceLoad>) joined.results().get(joined.failures().getFirst())).error();
            if (first instanceof Exception e) {
                throw e;
            }
            throw (Error) first;
        }
        return joined.results().stream().map(r -> ((Result.Done<SliceLoad>) r).value()).toList();
    }

    private SliceLoad loadSlice(int slice, TimeInterval part, CollectionProgress tracker) {
        List<Datapoint> datapoints = new ArrayList<>();
        long pages = 0;
        long bytes = 0;
        try (Stream<Page> stream = collection.pages(query.withTimeInterval(part))) {
            Iterator<Page> it = limiter.guard(stream.iterator());
            while (it.hasNext()) {
                Page page = it.next();
                List<Datapoint> points = page.datapoints();
                datapoints.addAll(points);
                pages++;
                bytes += page.bytes();
                tracker.onPage(slice, points.size(), page.bytes(), points.isEmpty() ? null : points.getLast().time());
            }
        }
        tracker.onSliceDone(slice);
        return new SliceLoad(datapoints, pages, bytes);
    }
}
