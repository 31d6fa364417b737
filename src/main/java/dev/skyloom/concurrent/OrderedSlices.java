package dev.skyloom.concurrent;

import dev.skyloom.Collection;
import dev.skyloom.Datapoint;
import dev.skyloom.Page;
import dev.skyloom.TimeInterval;
import dev.skyloom.concurrent.Scopes.Task;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Loads one collection's consecutive time slices concurrently, at most a window of them at once and starting them in
 * time order, and hands their pages to the collection's sink in time order through a {@link PageOrder}, in a nested
 * scope: slice {@code i} on a thread named {@code <collection thread>#slice-<i+1>of<n>}, the sink called from
 * {@code <collection thread>#delivery}. The first failure (a request's or the sink's) cancels the rest.
 *
 * @param load       what the whole load shares
 * @param collection the collection
 * @param tracker    the collection's progress over these slices
 * @param threadName the collection's thread name
 */
record OrderedSlices(LoadContext load, Collection collection, CollectionProgress tracker, String threadName) {

    /**
     * One slice: a fresh query of {@code interval}, or, with {@code continued}, the rest of a query of the whole
     * interval that has already delivered its first pages, cut off at {@code stopAt} where the next slice starts.
     *
     * @param interval  the slice's interval
     * @param continued the page iterator to go on with, or null to query {@code interval}
     * @param stopAt    with {@code continued}, where the slice ends; datapoints from there on are dropped
     */
    record Slice(TimeInterval interval, PageCursor continued, Instant stopAt) {
        static Slice fresh(TimeInterval interval) {
            return new Slice(interval, null, null);
        }
    }

    /**
     * Loads every slice and delivers every page; returns when the last page has gone to the sink.
     *
     * @param window the most slices loading at once
     * @throws Exception the first failure of a slice or of the sink, as thrown
     */
    void run(List<Slice> slices, int window, PageOrder.Delivery sink) throws Exception {
        PageOrder order = new PageOrder(slices.size(), load.maxBufferedPages());
        List<Task<Void>> tasks = new ArrayList<>(slices.size() + 1);
        // the first task started: delivery runs from the start to the end, beside at most `window` slices
        tasks.add(new Task<>(threadName + "#delivery", () -> order.deliverAll(sink)));
        for (int i = 0; i < slices.size(); i++) {
            int index = i;
            tasks.add(new Task<>(threadName + "#slice-" + (i + 1) + "of" + slices.size(),
                    () -> loadSlice(index, slices.get(index), order)));
        }
        Scopes.forkAll(threadName, tasks, Optional.empty(), true, window + 1).throwFirstFailure();
    }

    private Void loadSlice(int index, Slice slice, PageOrder order) throws InterruptedException {
        PageCursor pages = slice.continued() != null ? slice.continued() : new PageCursor(
                collection.pages(load.query().withTimeInterval(slice.interval())), load.limiter());
        while (pages.more()) {
            order.reserve(index);
            Page page = pages.next();
            Page kept = slice.stopAt() == null ? page : before(page, slice.stopAt());
            List<Datapoint> points = kept.datapoints();
            tracker.onPage(index, points.size(), page.bytes(), points.isEmpty() ? null : points.getLast().time());
            order.put(index, kept);
            if (kept != page) {
                break;
            }
        }
        order.finish(index);
        tracker.onSliceDone(index);
        return null;
    }

    /** {@code page} itself if all its datapoints lie before {@code stop}, else a page of those that do. */
    private static Page before(Page page, Instant stop) {
        List<Datapoint> points = page.datapoints();
        if (points.isEmpty() || points.getLast().time().isBefore(stop)) {
            return page;
        }
        int keep = 0;
        while (keep < points.size() && points.get(keep).time().isBefore(stop)) {
            keep++;
        }
        return new Page(points.subList(0, keep), page.bytes(), true);
    }
}
