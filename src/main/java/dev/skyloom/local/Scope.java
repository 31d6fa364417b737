package dev.skyloom.local;

import dev.skyloom.local.error.RpcException;
import dev.skyloom.local.store.CatalogRows.Collection;
import dev.skyloom.local.store.CatalogRows.Dataset;
import dev.skyloom.local.store.CatalogStore;
import dev.skyloom.local.store.DatapointIds;
import dev.skyloom.wire.tilebox.v1.ID;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The dataset and collections a request addresses, resolved against the catalogue; the one place where "no such
 * dataset" and "no such collection" are decided.
 *
 * @param dataset     the dataset
 * @param collections the addressed collections (all of the dataset's when the request named none)
 */
record Scope(Dataset dataset, List<Collection> collections) {

    /** The most collection ids a request may name. */
    static final int MAX_COLLECTION_IDS = 100;

    /**
     * Resolves a dataset id (may be absent) and collection ids (may be empty) as Query and QueryByID send them.
     *
     * @throws RpcException invalid_argument if neither is given, there are too many or malformed ids, or the
     *                      collections belong to different datasets; not_found if an id is unknown or not in the
     *                      dataset
     */
    static Scope resolve(CatalogStore catalog, boolean hasDatasetId, ID datasetId, List<ID> collectionIds) {
        if (collectionIds.size() > MAX_COLLECTION_IDS) {
            throw RpcException.invalidArgument("too many collection ids: " + collectionIds.size() + ", at most "
                    + MAX_COLLECTION_IDS);
        }
        List<UUID> wanted = new ArrayList<>();
        for (ID id : collectionIds) {
            wanted.add(DatapointIds.uuid(id, "collection id"));
        }
        Dataset dataset;
        if (hasDatasetId) {
            dataset = dataset(catalog, datasetId);
        } else if (!wanted.isEmpty()) {
            Collection first = collection(catalog, wanted.getFirst());
            dataset = catalog.dataset(first.datasetId()).orElseThrow(
                    () -> RpcException.notFound("no such dataset '" + first.datasetId() + "'"));
        } else {
            throw RpcException.invalidArgument("either dataset_id or collection_ids is required");
        }
        if (wanted.isEmpty()) {
            return new Scope(dataset, catalog.collections(dataset.id()));
        }
        List<Collection> collections = new ArrayList<>();
        for (UUID id : wanted) {
            Collection collection = collection(catalog, id);
            if (!collection.datasetId().equals(dataset.id())) {
                throw RpcException.notFound("no such collection '" + id + "' in dataset '" + dataset.codeName()
                        + "'");
            }
            if (!collections.contains(collection)) {
                collections.add(collection);
            }
        }
        return new Scope(dataset, collections);
    }

    /**
     * The dataset with a wire id.
     *
     * @throws RpcException invalid_argument if the id is malformed, not_found if there is no such dataset
     */
    static Dataset dataset(CatalogStore catalog, ID id) {
        UUID uuid = DatapointIds.uuid(id, "dataset id");
        return catalog.dataset(uuid).orElseThrow(() -> RpcException.notFound("no such dataset '" + uuid + "'"));
    }

    /**
     * The collection with this id.
     *
     * @throws RpcException not_found if there is no such collection
     */
    static Collection collection(CatalogStore catalog, UUID id) {
        return catalog.collection(id).orElseThrow(() -> RpcException.notFound("no such collection '" + id + "'"));
    }

    /** The ids of the addressed collections. */
    List<UUID> collectionIds() {
        return collections.stream().map(Collection::id).toList();
    }
}
