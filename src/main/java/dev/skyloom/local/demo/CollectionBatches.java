package dev.skyloom.local.demo;

import dev.skyloom.local.store.CanonicalDatapoint;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Buffers serialized datapoints per collection and hands them to a {@link DemoSink} in batches of at most 8192, the
 * batch size the official clients ingest with: a collection's batch goes when it is full, or, when all the
 * collections together hold 8192, the largest one goes, so that a generating thread never holds more (a collection
 * that fills slowly would otherwise keep tens of megabytes waiting). One per generating thread.
 */
final class CollectionBatches {

    static final int BATCH_SIZE = 8192;

    private final DemoSink sink;
    private final Map<UUID, List<CanonicalDatapoint>> pending = new LinkedHashMap<>();
    private int held;

    CollectionBatches(DemoSink sink) {
        this.sink = sink;
    }

    void add(UUID collectionId, CanonicalDatapoint datapoint) {
        pending.computeIfAbsent(collectionId, id -> new ArrayList<>()).add(datapoint);
        held++;
        if (held == BATCH_SIZE) {
            if (Thread.currentThread().isInterrupted()) {
                throw new IllegalStateException("demo catalogue generation was cancelled");
            }
            Map.Entry<UUID, List<CanonicalDatapoint>> largest = pending.entrySet().stream()
                    .max(Comparator.comparingInt(e -> e.getValue().size())).orElseThrow();
            hand(largest.getKey(), largest.getValue());
        }
    }

    private void hand(UUID collectionId, List<CanonicalDatapoint> batch) {
        sink.ingest(collectionId, List.copyOf(batch));
        held -= batch.size();
        batch.clear();
    }

    /** Ingests every partial batch, in the order the collections first received a datapoint. */
    void flush() {
        pending.forEach((id, batch) -> {
            if (!batch.isEmpty()) {
                hand(id, batch);
            }
        });
    }
}
