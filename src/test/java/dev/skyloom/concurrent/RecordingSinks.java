package dev.skyloom.concurrent;

import dev.skyloom.Collection;
import dev.skyloom.Datapoint;
import dev.skyloom.Page;
import dev.skyloom.SkyloomException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sinks for tests: each records the ids it received, and a trail of what happened to it ({@code open C1},
 * {@code complete C1}, {@code abort C1: <error class>}); a hook runs inside every {@code page} call. Also counts
 * calls that overlapped within one sink, which the loader promises never happen.
 */
final class RecordingSinks implements CollectionSink.Factory {

    /** Runs inside {@code page}, given the collection's name and how many pages it had taken before. */
    @FunctionalInterface
    interface PageHook {
        void onPage(String collection, int pagesBefore) throws Exception;
    }

    private final Queue<String> trail = new ConcurrentLinkedQueue<>();
    private final Map<String, List<UUID>> ids = new ConcurrentHashMap<>();
    private final Map<String, SkyloomException> aborts = new ConcurrentHashMap<>();
    private final AtomicInteger overlaps = new AtomicInteger();
    private volatile PageHook hook = (c, n) -> { };

    /** Makes every {@code page} call run {@code hook} first. */
    RecordingSinks onPage(PageHook hook) {
        this.hook = hook;
        return this;
    }

    @Override
    public CollectionSink open(Collection collection) {
        String name = collection.name();
        trail.add("open " + name);
        List<UUID> received = new ArrayList<>();
        ids.put(name, received);
        AtomicInteger inside = new AtomicInteger();
        return new CollectionSink() {
            private int pagesTaken;

            @Override
            public void page(Page page) throws Exception {
                if (inside.incrementAndGet() > 1) {
                    overlaps.incrementAndGet();
                }
                try {
                    hook.onPage(name, pagesTaken);
                    page.datapoints().stream().map(Datapoint::id).forEach(received::add);
                    pagesTaken++;
                } finally {
                    inside.decrementAndGet();
                }
            }

            @Override
            public void complete(LoadStats stats) {
                trail.add("complete " + name);
            }

            @Override
            public void abort(SkyloomException error) {
                aborts.put(name, error);
                trail.add("abort " + name + ": " + error.getClass().getSimpleName());
            }
        };
    }

    /** {@return what happened, in order} */
    Queue<String> trail() {
        return trail;
    }

    /** {@return the ids collection {@code name} received, in order} */
    List<UUID> ids(String name) {
        return ids.get(name);
    }

    /** {@return the error collection {@code name} was aborted with, or null} */
    SkyloomException abortedWith(String name) {
        return aborts.get(name);
    }

    /** {@return how often a sink was called while already in a call} */
    int overlaps() {
        return overlaps.get();
    }
}
