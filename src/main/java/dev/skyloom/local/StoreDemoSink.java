package dev.skyloom.local;

import dev.skyloom.local.demo.DemoSink;
import dev.skyloom.local.schema.DatasetTypeCompiler;
import dev.skyloom.local.store.CanonicalDatapoint;
import dev.skyloom.local.store.CatalogRows.Collection;
import dev.skyloom.local.store.CatalogRows.Dataset;
import dev.skyloom.local.store.CatalogRows.Group;
import dev.skyloom.local.store.CatalogStore;
import dev.skyloom.local.store.DatasetSchema;
import dev.skyloom.local.store.Ingestor;
import dev.skyloom.wire.datasets.v1.DatasetType;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes the demo catalogue into the local store: datasets are compiled like CreateDataset does, datapoints go through
 * {@link Ingestor#ingestCanonical}, the same rows an Ingest request with {@code allow_existing = true} would write.
 * Batches from several generating threads are stored one at a time (the store serializes writes), each reported to
 * the progress listener.
 */
final class StoreDemoSink implements DemoSink {

    private final CatalogStore catalog;
    private final Ingestor ingestor;
    private final DemoProgress progress;
    private final long expected;
    private final Map<UUID, DatasetSchema> schemas = new ConcurrentHashMap<>();
    private long stored;

    /**
     * @param expected the datapoints the catalogue is expected to hold, for the progress fraction
     */
    StoreDemoSink(CatalogStore catalog, Ingestor ingestor, DemoProgress progress, long expected) {
        this.catalog = catalog;
        this.ingestor = ingestor;
        this.progress = progress;
        this.expected = expected;
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
        Dataset dataset = catalog.dataset(datasetId).orElseThrow(
                () -> new IllegalArgumentException("demo catalogue creates a collection in unknown dataset "
                        + datasetId));
        schemas.put(id, catalog.schema(dataset));
    }

    @Override
    public void ingest(UUID collectionId, List<CanonicalDatapoint> datapoints) {
        DatasetSchema schema = schemas.get(collectionId);
        if (schema == null) {
            throw new IllegalArgumentException("demo catalogue ingests into unknown collection " + collectionId);
        }
        ingestor.ingestCanonical(collectionId, schema, datapoints);
        synchronized (this) {
            stored += datapoints.size();
            progress.onProgress(stored, Math.max(stored, expected));
        }
    }

    /** @return the datapoints stored so far */
    synchronized long stored() {
        return stored;
    }
}
