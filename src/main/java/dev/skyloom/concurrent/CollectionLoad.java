package dev.skyloom.concurrent;

import dev.skyloom.Collection;
import dev.skyloom.Datapoint;

import java.util.List;
import java.util.Objects;

/**
 * Everything loaded from one collection.
 *
 * @param collection the collection
 * @param datapoints its datapoints in the query, in time order (unmodifiable)
 * @param stats      how many pages and bytes it took, and how long
 */
public record CollectionLoad(Collection collection, List<Datapoint> datapoints, LoadStats stats) {

    /** Checks that nothing is null and freezes the list. */
    public CollectionLoad {
        Objects.requireNonNull(collection, "collection");
        datapoints = List.copyOf(datapoints);
        Objects.requireNonNull(stats, "stats");
    }

    /** A summary that does not list the datapoints, e.g. {@code CollectionLoad[L1TP: 65313 datapoints, ...]}. */
    @Override
    public String toString() {
        return "CollectionLoad[" + collection.name() + ": " + datapoints.size() + " datapoints, " + stats.pages()
                + " pages, " + stats.bytes() + " bytes in " + stats.wallTime() + "]";
    }
}
