package dev.skyloom.local.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Buffers serialized datapoints per collection and hands them to a {@link DemoSink} in batches of at most 8192, the
 * batch size the official clients ingest with.
 */
final class CollectionBatches {

    static final int BATCH_SIZE = 8192;

    private final DemoSink sink;
    private final Map<UUID, List<byte[]>> pending = new LinkedHashMap<>();

    CollectionBatches(DemoSink sink) {
        this.sink = sink;
    }

    void add(UUID collectionId, byte[] datapoint) {
        List<byte[]> batch = pending.computeIfAbsent(collectionId, id -> new ArrayList<>());
        batch.add(datapoint);
        if (batch.size() == BATCH_SIZE) {
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
