package dev.skyloom.bench;

import dev.skyloom.Collection;
import dev.skyloom.DatasetsClient;
import dev.skyloom.Query;
import dev.skyloom.TimeInterval;
import dev.skyloom.wire.datasets.v1.Dataset;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Equal benchmark collections on a local server, with client handles on them.
 *
 * @param handles    one handle per collection, in creation order
 * @param datapoints datapoints in each collection
 * @param query      the query that selects exactly all of a collection's datapoints
 */
record BenchCollections(List<Collection> handles, int datapoints, Query query) {

    /** Copies the handles. */
    BenchCollections {
        handles = List.copyOf(handles);
    }

    /**
     * Creates a dataset with {@code count} collections of {@code datapoints} datapoints each, evenly spaced from
     * {@link BenchData#EPOCH}, and opens a handle on each; {@code parallelism} setup requests at a time.
     */
    static BenchCollections create(URI server, DatasetsClient client, String codeName, int count, int datapoints,
                                   Duration spacing, int parallelism) throws InterruptedException {
        try (BenchData data = new BenchData(server)) {
            Dataset dataset = data.createDataset(codeName);
            Parallel.map(count, parallelism, i -> {
                UUID id = data.createCollection(dataset, name(i));
                try {
                    data.ingest(dataset, id, datapoints, spacing);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while ingesting benchmark data", e);
                }
                return id;
            });
            dev.skyloom.Dataset handle = client.dataset(dataset.getSlug());
            List<Collection> handles = Parallel.map(count, parallelism, i -> handle.collection(name(i)));
            Query query = Query.of(TimeInterval.of(BenchData.EPOCH,
                    BenchData.EPOCH.plus(spacing.multipliedBy(datapoints))));
            return new BenchCollections(handles, datapoints, query);
        }
    }

    /** The first {@code k} handles. */
    List<Collection> first(int k) {
        return handles.subList(0, k);
    }

    /**
     * Checks that a load returned every datapoint of each collection.
     *
     * @throws IllegalStateException naming the first collection with a wrong count
     */
    void check(long[] counts) {
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] != datapoints) {
                throw new IllegalStateException("loading " + handles.get(i).name() + " returned " + counts[i]
                        + " datapoints, expected " + datapoints);
            }
        }
    }

    private static String name(int index) {
        return String.format(Locale.ROOT, "c%05d", index);
    }
}
