package dev.skyloom.bench;

import dev.skyloom.Collection;
import dev.skyloom.Query;
import dev.skyloom.concurrent.CollectionLoad;
import dev.skyloom.concurrent.ConcurrentLoader;
import dev.skyloom.concurrent.LoadResult;

import java.util.List;

/**
 * The two ways the scenarios load collections: one after another with {@code Collection.query} (the baseline), and
 * with {@link ConcurrentLoader}. Both return the number of datapoints per collection, in input order, so that every
 * timed load is also checked.
 */
final class Loads {

    /** The split argument that asks for {@link ConcurrentLoader#withAutoSplit()}. */
    static final int AUTO_SPLIT = 0;

    private Loads() {
    }

    /** {@return the loader's default limit on requests in flight} */
    static int maxConcurrentRequests() {
        return ConcurrentLoader.DEFAULT_MAX_CONCURRENT_REQUESTS;
    }

    /** Loads each collection in turn. */
    static long[] sequential(List<Collection> collections, Query query) {
        long[] counts = new long[collections.size()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = collections.get(i).query(query).size();
        }
        return counts;
    }

    /**
     * Loads all collections with a default {@link ConcurrentLoader}.
     *
     * @param split 1 for no split, k for {@code withSplit(k)}, {@link #AUTO_SPLIT} for {@code withAutoSplit()}
     */
    static long[] concurrent(List<Collection> collections, Query query, int split) {
        ConcurrentLoader loader = ConcurrentLoader.create();
        loader = split == AUTO_SPLIT ? loader.withAutoSplit() : loader.withSplit(split);
        LoadResult result = loader.load(collections, query);
        List<CollectionLoad> loads = result.loads();
        long[] counts = new long[loads.size()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = loads.get(i).datapoints().size();
        }
        return counts;
    }
}
