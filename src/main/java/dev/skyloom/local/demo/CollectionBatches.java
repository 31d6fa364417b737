package dev.skyloom.local.demo;

import dev.skyloom.local.store.CanonicalDatapoint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Buffers serialized datapoints per collection and hands them to a {@link DemoSink} in batches of at most 8192, the
 * batch size the official clients ingest with. One per generating thread.
 */
final class CollectionBatches {

    static final int BATCH_SIZE = 8192;

    private final DemoSink sink;
    private final Map<UUID, List<CanonicalDatapoint>> pending = new LinkedHashMap<>();

    CollectionBatches(DemoSink sink) {
        this.sink = sink;
    }

    void add(UUID collectionId, CanonicalDatapoint datapoint) {
        List<CanonicalDatapoint> batch = pending.computeIfAbsent(collectionId, id -> new ArrayList<>());
        batch.add(datapoint);
        if (batch.size() == BATCH_SIZE) {
            if (Thread.currentThread().isInterrupted()) {
                throw new IllegalStateException("demo catalogue generation was cancelled");
            }
            sink.ingest(collectionId, List.copyOf(batch));
            batch.clear();
        }
    }

    /** Ingests every partial batch, in the order the collections first received a datapoint. */
    void flush() {
        pending.forEach((id, batch) -> {
            if (!batch.isEmpty()) {
                sink.ingest(id, List.copyOf(batch));
                batch.clear();
            }
        });
    }
}
