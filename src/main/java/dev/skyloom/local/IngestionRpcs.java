package dev.skyloom.local;

import dev.skyloom.local.error.RpcException;
import dev.skyloom.local.store.CatalogRows.Collection;
import dev.skyloom.local.store.CatalogStore;
import dev.skyloom.local.store.DatapointIds;
import dev.skyloom.local.store.DatasetSchema;
import dev.skyloom.local.store.Ingestor;
import dev.skyloom.wire.datasets.v1.DeleteRequest;
import dev.skyloom.wire.datasets.v1.DeleteResponse;
import dev.skyloom.wire.datasets.v1.IngestRequest;
import dev.skyloom.wire.datasets.v1.IngestResponse;
import dev.skyloom.wire.tilebox.v1.ID;

import java.util.ArrayList;
import java.util.List;

/** DataIngestionService: Ingest (through {@link Ingestor}) and Delete (all or nothing). */
final class IngestionRpcs {

    private final CatalogStore catalog;
    private final Datapoints datapoints;
    private final Ingestor ingestor;

    IngestionRpcs(CatalogStore catalog, Datapoints datapoints, Ingestor ingestor) {
        this.catalog = catalog;
        this.datapoints = datapoints;
        this.ingestor = ingestor;
    }

    IngestResponse ingest(IngestRequest request) {
        Collection collection = collection(request.hasCollectionId(), request.getCollectionId());
        datapoints.requireWritable(collection.id());
        DatasetSchema schema = catalog.schema(catalog.dataset(collection.datasetId()).orElseThrow(
                () -> RpcException.notFound("no such dataset '" + collection.datasetId() + "'")));
        Ingestor.Result result = ingestor.ingest(collection.id(), schema, request.getValuesList(),
                request.getAllowExisting());
        IngestResponse.Builder response = IngestResponse.newBuilder()
                .setNumCreated(result.counts().created()).setNumExisting(result.counts().existing());
        for (byte[] id : result.ids()) {
            response.addDatapointIds(DatapointIds.wire(id));
        }
        return response.build();
    }

    DeleteResponse delete(DeleteRequest request) {
        Collection collection = collection(request.hasCollectionId(), request.getCollectionId());
        if (request.getDatapointIdsCount() > Ingestor.MAX_ITEMS) {
            throw RpcException.invalidArgument("too many datapoint ids: " + request.getDatapointIdsCount()
                    + ", at most " + Ingestor.MAX_ITEMS + " per request");
        }
        List<byte[]> ids = new ArrayList<>(request.getDatapointIdsCount());
        for (ID id : request.getDatapointIdsList()) {
            ids.add(DatapointIds.bytes(id, "datapoint id"));
        }
        return DeleteResponse.newBuilder().setNumDeleted(datapoints.delete(collection.id(), ids)).build();
    }

    private Collection collection(boolean present, ID id) {
        if (!present) {
            throw RpcException.invalidArgument("collection_id is required");
        }
        return Scope.collection(catalog, DatapointIds.uuid(id, "collection id"));
    }
}
