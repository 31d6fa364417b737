package dev.skyloom.local;

import dev.skyloom.local.error.InputText;
import dev.skyloom.local.error.RpcException;
import dev.skyloom.local.store.CatalogRows.Collection;
import dev.skyloom.local.store.CatalogRows.Dataset;
import dev.skyloom.local.store.CatalogStore;
import dev.skyloom.local.store.DatapointIds;
import dev.skyloom.local.store.Names;
import dev.skyloom.wire.datasets.v1.CollectionInfo;
import dev.skyloom.wire.datasets.v1.CreateCollectionRequest;
import dev.skyloom.wire.datasets.v1.DeleteCollectionRequest;
import dev.skyloom.wire.datasets.v1.DeleteCollectionResponse;
import dev.skyloom.wire.datasets.v1.GetCollectionByNameRequest;
import dev.skyloom.wire.datasets.v1.ListCollectionsRequest;
import dev.skyloom.wire.datasets.v1.ListCollectionsResponse;
import dev.skyloom.wire.tilebox.v1.ID;
import dev.skyloom.wire.tilebox.v1.TimeInterval;

import java.util.UUID;

/**
 * CollectionService: CreateCollection, GetCollectionByName, DeleteCollection, ListCollections. Availability is the
 * [first, last] datapoint time with {@code end_inclusive = true}; availability and count are filled in only when the
 * request asks for them (availability only if the collection has datapoints).
 */
final class CollectionRpcs {

    private final CatalogStore catalog;
    private final Datapoints datapoints;

    CollectionRpcs(CatalogStore catalog, Datapoints datapoints) {
        this.catalog = catalog;
        this.datapoints = datapoints;
    }

    CollectionInfo create(CreateCollectionRequest request) {
        Dataset dataset = requireDataset(request.hasDatasetId(), request.getDatasetId());
        Collection collection = new Collection(UUID.randomUUID(), dataset.id(),
                Names.name("collection name", request.getName()));
        catalog.insertCollection(collection);
        return info(collection, false, false);
    }

    CollectionInfo getByName(GetCollectionByNameRequest request) {
        Dataset dataset = requireDataset(request.hasDatasetId(), request.getDatasetId());
        String name = Names.name("collection_name", request.getCollectionName());
        Collection collection = catalog.collection(dataset.id(), name).orElseThrow(
                () -> RpcException.notFound("no such collection " + InputText.quoted(name)));
        return info(collection, request.getWithAvailability(), request.getWithCount());
    }

    DeleteCollectionResponse delete(DeleteCollectionRequest request) {
        Dataset dataset = requireDataset(request.hasDatasetId(), request.getDatasetId());
        if (!request.hasCollectionId()) {
            throw RpcException.invalidArgument("collection_id is required");
        }
        Collection collection = Scope.collection(catalog,
                DatapointIds.uuid(request.getCollectionId(), "collection id"));
        if (!collection.datasetId().equals(dataset.id())) {
            throw RpcException.notFound("no such collection '" + collection.id() + "' in dataset '"
                    + dataset.codeName() + "'");
        }
        datapoints.requireWritable(collection.id());
        catalog.deleteCollection(collection.id());
        return DeleteCollectionResponse.getDefaultInstance();
    }

    ListCollectionsResponse list(ListCollectionsRequest request) {
        Dataset dataset = requireDataset(request.hasDatasetId(), request.getDatasetId());
        ListCollectionsResponse.Builder response = ListCollectionsResponse.newBuilder();
        for (Collection collection : catalog.collections(dataset.id())) {
            response.addData(info(collection, request.getWithAvailability(), request.getWithCount()));
        }
        return response.setOwnedCollections(response.getDataCount()).build();
    }

    private Dataset requireDataset(boolean present, ID datasetId) {
        if (!present) {
            throw RpcException.invalidArgument("dataset_id is required");
        }
        return Scope.dataset(catalog, datasetId);
    }

    private CollectionInfo info(Collection collection, boolean withAvailability, boolean withCount) {
        CollectionInfo.Builder info = CollectionInfo.newBuilder().setCollection(
                dev.skyloom.wire.datasets.v1.Collection.newBuilder().setName(collection.name())
                        .setId(DatapointIds.wire(collection.id())));
        if (withAvailability) {
            datapoints.timeRange(collection.id()).ifPresent(range -> info.setAvailability(TimeInterval.newBuilder()
                    .setStartTime(DatapointIds.timestampOfMs(range[0]))
                    .setEndTime(DatapointIds.timestampOfMs(range[1])).setEndInclusive(true)));
        }
        if (withCount) {
            info.setCount(datapoints.count(collection.id()));
        }
        return info.build();
    }
}
