package dev.example.consumer;

import dev.skyloom.Collection;
import dev.skyloom.Dataset;
import dev.skyloom.DatasetKind;
import dev.skyloom.DatasetsClient;
import dev.skyloom.FieldSpec;
import dev.skyloom.FieldType;
import dev.skyloom.Query;
import dev.skyloom.SkyloomException;
import dev.skyloom.concurrent.ConcurrentLoader;
import dev.skyloom.concurrent.LoadResult;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * What a user's code does with Skyloom: writes a dataset of four collections, reads one back with a plain blocking
 * call, then loads all four with {@link ConcurrentLoader}. Prints one line per step; exits with 3 if the loader
 * refuses to run (no {@code --enable-preview}), printing its message.
 */
public final class Readings {

    /** One datapoint: Skyloom maps the record's components to the dataset's fields. */
    record Reading(Instant time, String site, double depthM) {
    }

    static final List<String> COLLECTIONS = List.of("north", "east", "south", "west");
    static final int PER_COLLECTION = 250;

    private Readings() {
    }

    public static void main(String[] args) {
        System.exit(run(URI.create(args[0])));
    }

    static int run(URI url) {
        try (DatasetsClient client = DatasetsClient.builder().url(url).apiKey(null).build()) {
            Dataset dataset = client.createOrUpdateDataset(DatasetKind.TEMPORAL, "consumer_readings",
                    List.of(FieldSpec.of("site", FieldType.STRING), FieldSpec.of("depth_m", FieldType.DOUBLE)),
                    "Consumer readings");
            List<Collection> collections = new ArrayList<>();
            for (String name : COLLECTIONS) {
                Collection collection = dataset.getOrCreateCollection(name);
                collection.ingest(readings(name));
                collections.add(collection);
            }
            Query day = Query.between("2025-01-01", "2025-01-02");
            System.out.println("plain: " + collections.getFirst().query(day).size() + " datapoints in "
                    + collections.getFirst().name());
            try {
                LoadResult result = ConcurrentLoader.create().withSplit(2).load(collections, day);
                System.out.println("loaded: " + result.loads().stream()
                        .map(load -> load.collection().name() + "=" + load.datapoints().size())
                        .collect(Collectors.joining(" ")));
                return 0;
            } catch (SkyloomException.InvalidArgument e) {
                System.out.println("loader: " + e.getMessage());
                return 3;
            }
        }
    }

    static List<Reading> readings(String site) {
        Instant start = Instant.parse("2025-01-01T00:00:00Z");
        return IntStream.range(0, PER_COLLECTION)
                .mapToObj(i -> new Reading(start.plusSeconds(300L * i), site, i / 10.0))
                .toList();
    }
}
