package dev.skyloom.local;

import com.google.protobuf.ByteString;
import dev.skyloom.local.demo.DemoSink;
import dev.skyloom.local.schema.DatasetTypeCompiler;
import dev.skyloom.local.store.CatalogRows.Collection;
import dev.skyloom.local.store.CatalogRows.Dataset;
import dev.skyloom.local.store.CatalogRows.Group;
import dev.skyloom.local.store.CatalogStore;
import dev.skyloom.local.store.DatasetSchema;
import dev.skyloom.local.store.Ingestor;
import dev.skyloom.wire.datasets.v1.DatasetType;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Writes the demo catalogue into the local store: datasets are compiled like CreateDataset does, datapoints go through
 * {@link Ingestor} exactly as an Ingest request with {@code allow_existing = true}.
 */
final class StoreDemoSink implements DemoSink {

    private final CatalogStore catalog;
    private final Ingestor ingestor;

    StoreDemoSink(CatalogStore catalog, Ingestor ingestor) {
        this.catalog = catalog;
        this.ingestor = ingestor;
    }

    @Override
    public void group(UUID id, UUID parentId, String codeName, String name) {
        catalog.ensureGroup(new Group(id, parentId, codeName, name));
    }

    @Override
    public void dataset(UUID id, UUID groupId, String codeName, String name, String summary, String description,
                        DatasetType type) {
        catalog.insertDataset(new Dataset(id, groupId, codeName, name, summary, description,
                DatasetTypeCompiler.compile(groupId, codeName, type)));
    }

    @Override
    public void collection(UUID id, UUID datasetId, String name) {
        catalog.insertCollection(new Collection(id, datasetId, name));
    }

    @Override
    public void ingest(UUID collectionId, List<byte[]> datapoints) {
        Collection collection = catalog.collection(collectionId).orElseThrow(
                () -> new IllegalArgumentException("demo catalogue ingests into unknown collection " + collectionId));
        DatasetSchema schema = catalog.schema(catalog.dataset(collection.datasetId()).orElseThrow());
        for (int from = 0; from < datapoints.size(); from += Ingestor.MAX_ITEMS) {
            List<ByteString> chunk = new ArrayList<>();
            for (byte[] datapoint : datapoints.subList(from, Math.min(datapoints.size(), from + Ingestor.MAX_ITEMS))) {
                chunk.add(ByteString.copyFrom(datapoint));
            }
            ingestor.ingest(collectionId, schema, chunk, true);
        }
    }
}
