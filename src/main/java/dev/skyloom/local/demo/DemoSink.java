package dev.skyloom.local.demo;

import dev.skyloom.local.store.CanonicalDatapoint;
import dev.skyloom.wire.datasets.v1.DatasetType;

import java.util.List;
import java.util.UUID;

/**
 * Where the demo catalogue is written: the local server's store implements it, the catalogue generator calls it.
 * Groups, datasets and collections are created first, from the calling thread, in that order; then datapoints are
 * ingested from several generating threads at once, so {@link #ingest} must be thread-safe. Which batches arrive in
 * which order varies from run to run; the datapoints of each collection do not.
 */
public interface DemoSink {

    /**
     * Creates a dataset group.
     *
     * @param id       the group's id (the catalogue uses fixed ids, those of the real service where known)
     * @param parentId the parent group's id, or null for a root group
     * @param codeName the snake_case slug component
     * @param name     the display name
     */
    void group(UUID id, UUID parentId, String codeName, String name);

    /**
     * Creates a dataset; the sink compiles {@code type} into the dataset's descriptor set.
     *
     * @param id          the dataset's id
     * @param groupId     the owning group
     * @param codeName    the snake_case slug component
     * @param name        the display name
     * @param summary     a one-line summary
     * @param description a longer description
     * @param type        the kind and the custom fields, as a CreateDataset request would carry them
     */
    void dataset(UUID id, UUID groupId, String codeName, String name, String summary, String description,
                 DatasetType type);

    /**
     * Creates a collection of a dataset.
     *
     * @param id        the collection's id
     * @param datasetId the dataset it belongs to
     * @param name      its name, unique within the dataset
     */
    void collection(UUID id, UUID datasetId, String name);

    /**
     * Ingests datapoints, exactly as an Ingest request with {@code allow_existing = true} would; called from several
     * threads at once.
     *
     * @param collectionId the collection
     * @param datapoints   at most 8192 datapoints of the dataset's type, without {@code id} and {@code ingestion_time}
     */
    void ingest(UUID collectionId, List<CanonicalDatapoint> datapoints);
}
