package dev.skyloom.local;

import dev.skyloom.local.demo.DemoCatalog;
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
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Writes the demo catalogue into the local store: datasets are compiled like CreateDataset does, datapoints go through
 * {@link Ingestor#ingestCanonical}, the same rows an Ingest request with {@code allow_existing = true} would write.
 *
 * <p>Each generating thread prepares its batches' rows itself (ids, bytes, bboxes); the store writes one batch at a
 * time. A thread whose batch is ready while another is writing does not wait: it queues the batch for the writing
 * thread and goes on generating, so both cores stay busy. Only when {@value #MAX_QUEUED} batches are queued does a
 * thread wait (that bounds the memory held). Each stored batch is reported to the progress listener.
 */
final class StoreDemoSink implements DemoSink {

    /** The batches that may wait to be written before a generating thread waits too. */
    static final int MAX_QUEUED = 2;

    private final CatalogStore catalog;
    private final Ingestor ingestor;
    private final DemoProgress progress;
    private final long expected;
    private final Map<UUID, DatasetSchema> schemas = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Ingestor.Prepared> queued = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queuedCount = new AtomicInteger();
    /** Held by the thread writing the queued batches; guards {@link #stored} and the progress calls. */
    private final ReentrantLock writing = new ReentrantLock();
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
        queued.add(ingestor.prepareCanonical(collectionId, schema, datapoints));
        writeQueued(queuedCount.incrementAndGet() > MAX_QUEUED);
    }

    /**
     * Writes the queued batches unless another thread is writing them ({@code wait}: then waits for it and writes
     * what is left). Whoever stops writing looks at the queue again after letting go, so that a batch queued while it
     * was letting go is not left behind.
     */
    private void writeQueued(boolean wait) {
        boolean waitForWriter = wait;
        do {
            if (waitForWriter) {
                writing.lock();
            } else if (!writing.tryLock()) {
                return;
            }
            try {
                for (Ingestor.Prepared next = queued.poll(); next != null; next = queued.poll()) {
                    queuedCount.decrementAndGet();
                    ingestor.insert(next);
                    stored += next.size();
                    progress.onProgress(stored, Math.max(stored, expected));
                }
            } finally {
                writing.unlock();
            }
            waitForWriter = false;
        } while (!queued.isEmpty());
    }

    /**
     * The datapoints stored so far; once {@link DemoCatalog#writeTo} has returned, all of them.
     *
     * @return the datapoints stored so far
     */
    long stored() {
        writing.lock();
        try {
            return stored;
        } finally {
            writing.unlock();
        }
    }
}
