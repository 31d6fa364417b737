package dev.skyloom.cli;

import dev.skyloom.Collection;
import dev.skyloom.Dataset;
import dev.skyloom.DatasetsClient;
import picocli.CommandLine.Parameters;

import java.util.List;

/**
 * The {@code DATASET COLLECTION} positional pair of the commands that work on one collection, and its lookup (which
 * names the closest existing names when one is unknown).
 */
final class CollectionArguments {

    @Parameters(index = "0", paramLabel = "DATASET", description = "Dataset slug.")
    private String dataset;

    @Parameters(index = "1", paramLabel = "COLLECTION", description = "Collection name.")
    private String collection;

    /** The collection name as given. */
    String collection() {
        return collection;
    }

    /** {@code dataset/collection}, for messages. */
    String path() {
        return dataset + "/" + collection;
    }

    /** The collection, looked up with one request for the dataset and one for its collections. */
    Collection resolve(DatasetsClient client) {
        return resolve(dataset(client));
    }

    /** The dataset, looked up with one request. */
    Dataset dataset(DatasetsClient client) {
        return Lookup.dataset(client, dataset);
    }

    /** The collection of {@code found} (the dataset of {@link #dataset}), looked up with one request. */
    Collection resolve(Dataset found) {
        return Lookup.collections(found, dataset, List.of(collection)).getFirst();
    }
}
