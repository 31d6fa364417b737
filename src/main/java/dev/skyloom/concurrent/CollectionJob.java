package dev.skyloom.concurrent;

import dev.skyloom.Collection;
import dev.skyloom.CollectionInfo;
import dev.skyloom.Datapoint;
import dev.skyloom.Page;
import dev.skyloom.ProgressListener;
import dev.skyloom.SkyloomException;
import dev.skyloom.TimeInterval;
import dev.skyloom.concurrent.OrderedSlices.Slice;
import dev.skyloom.concurrent.Scopes.Result;
import dev.skyloom.concurrent.Scopes.Task;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Loads one collection inside a load and streams it to its sink: opens the sink, loads the pages (one after another,
 * or in slices loaded concurrently and put back in order), hands them over in time order, and completes the sink,
 * or aborts it if anything fails.
 *
 * <p>With an automatic split the collection starts as one query. Its first page decides: if it is the last, or if
 * the density of its datapoints promises less than two slices' worth in the rest of the interval, the query simply
 * goes on, at no extra cost. Otherwise the collection's count is asked for alongside the second page (the count caps
 * the estimate), and the rest of the interval is cut into slices of a few pages each; the running query goes on as
 * the first slice up to where the second starts.
 *
 * @param load       what the whole load shares
 * @param collection the collection
 * @param listener   receives the collection's progress
 * @param sinks      opens the collection's sink
 * @param threadName the name of the collection's thread; its slices are named after it
 */
record CollectionJob(LoadContext load, Collection collection, ProgressListener listener,
                     CollectionSink.Factory sinks, String threadName) {

    /**
     * Loads the collection into its sink.
     *
     * @return the collection's figures
     * @throws Exception the first failure of its requests or its sink, as thrown
     */
    LoadStats run() throws Exception {
        long start = System.nanoTime();
        CollectionSink sink = Objects.requireNonNull(sinks.open(collection), "the sink factory returned null");
        try {
            CollectionProgress tracker = loadInto(sink);
            LoadStats stats = tracker.stats(Duration.ofNanos(System.nanoTime() - start));
            sink.complete(stats);
            tracker.complete();
            return stats;
        } catch (Throwable e) {
            abort(sink, e);
            throw e;
        }
    }

    private CollectionProgress loadInto(CollectionSink sink) throws Exception {
        TimeInterval interval = load.query().timeInterval();
        if (load.split() != LoadContext.AUTO) {
            List<TimeInterval> parts = TimeSlices.split(interval, load.split());
            CollectionProgress tracker = new CollectionProgress(parts, load.startedAt(), listener);
            if (parts.size() == 1) {
                goOn(pages(interval), tracker, sink);
            } else {
                new OrderedSlices(load, collection, tracker, threadName)
                        .run(parts.stream().map(Slice::fresh).toList(), parts.size(), sink::page);
            }
            return tracker;
        }
        return loadAutoSplit(interval, sink);
    }

    private CollectionProgress loadAutoSplit(TimeInterval interval, CollectionSink sink) throws Exception {
        PageCursor pages = pages(interval);
        CollectionProgress tracker = new CollectionProgress(List.of(interval), load.startedAt(), listener);
        Page first = fetch(pages, tracker);
        sink.page(first);
        long perSlice = (long) load.pagesPerAutoSlice() * Math.max(1, first.datapoints().size());
        List<Datapoint> seen = new ArrayList<>(first.datapoints());
        Instant dataEnd = min(interval.end(), load.startedAt());
        if (!pages.more() || TimeSlices.autoCount(expectedAfter(seen, dataEnd), perSlice) < 2) {
            return goOn(pages, tracker, sink);
        }
        var joined = Scopes.<Object>forkAll(threadName, List.of(
                new Task<>(threadName + "#count", () -> load.limiter().call(collection::info)),
                new Task<>(threadName + "#page-2", () -> fetch(pages, tracker))), Optional.empty(), true, 2);
        joined.throwFirstFailure();
        CollectionInfo info = (CollectionInfo) ((Result.Done<Object>) joined.results().get(0)).value();
        Page second = (Page) ((Result.Done<Object>) joined.results().get(1)).value();
        sink.page(second);
        seen.addAll(second.datapoints());
        if (info.availability().isPresent()) {
            dataEnd = min(dataEnd, info.availability().get().end().plusMillis(1));
        }
        double expected = expectedAfter(seen, dataEnd);
        if (info.count().isPresent()) {
            expected = Math.min(expected, info.count().getAsLong() - seen.size());
        }
        int count = TimeSlices.autoCount(expected, perSlice);
        Instant last = seen.isEmpty() ? interval.start() : seen.getLast().time();
        if (!pages.more() || count < 2 || !dataEnd.isAfter(last)) {
            return goOn(pages, tracker, sink);
        }
        // cut where the data is; the last slice reaches to the interval's end, the first goes on with the query
        List<TimeInterval> parts = new ArrayList<>(TimeSlices.split(TimeInterval.of(last, dataEnd), count));
        if (parts.size() < 2) {
            return goOn(pages, tracker, sink);
        }
        Instant cut = parts.get(1).start();
        parts.set(0, new TimeInterval(interval.start(), cut, interval.startExclusive(), false));
        parts.set(parts.size() - 1, new TimeInterval(parts.getLast().start(), interval.end(), false,
                interval.endInclusive()));
        List<Slice> slices = new ArrayList<>(parts.size());
        slices.add(new Slice(parts.getFirst(), pages, cut));
        parts.subList(1, parts.size()).forEach(part -> slices.add(Slice.fresh(part)));
        CollectionProgress resliced = tracker.resliced(parts);
        new OrderedSlices(load, collection, resliced, threadName)
                .run(slices, Math.min(slices.size(), LoadContext.AUTO_WINDOW), sink::page);
        return resliced;
    }

    /** Loads the remaining pages of a query one after another, handing each to the sink before the next request. */
    private CollectionProgress goOn(PageCursor pages, CollectionProgress tracker, CollectionSink sink)
            throws Exception {
        while (pages.more()) {
            sink.page(fetch(pages, tracker));
        }
        tracker.onSliceDone(0);
        return tracker;
    }

    private Page fetch(PageCursor pages, CollectionProgress tracker) {
        Page page = pages.next();
        List<Datapoint> points = page.datapoints();
        tracker.onPage(0, points.size(), page.bytes(), points.isEmpty() ? null : points.getLast().time());
        return page;
    }

    private PageCursor pages(TimeInterval interval) {
        return new PageCursor(collection.pages(load.query().withTimeInterval(interval)), load.limiter());
    }

    private static double expectedAfter(List<Datapoint> seen, Instant end) {
        return seen.isEmpty() ? 0
                : TimeSlices.expectedAfter(seen.size(), seen.getFirst().time(), seen.getLast().time(), end);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** Tells the sink why the collection failed, with the interrupt flag cleared so that its clean-up can do I/O. */
    private void abort(CollectionSink sink, Throwable failure) {
        boolean interrupted = Thread.interrupted();
        try {
            sink.abort(failure instanceof Exception e ? LoadErrors.naming(collection.name(), e)
                    : new SkyloomException.Internal("internal", "loading " + collection.name() + " failed: "
                    + failure, failure));
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
