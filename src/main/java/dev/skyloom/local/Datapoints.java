package dev.skyloom.local;

import dev.skyloom.local.error.RpcException;
import dev.skyloom.local.store.DatapointStore;
import dev.skyloom.local.store.DatapointStore.BboxFilter;
import dev.skyloom.local.store.DatapointStore.Stored;
import dev.skyloom.local.store.IdRange;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The datapoints the RPCs read: those of stored collections from the {@link DatapointStore}, those of synthetic
 * collections from the {@link SyntheticSource}, merged in id order when a query addresses both kinds.
 */
final class Datapoints {

    private final DatapointStore store;
    private final SyntheticSource synthetic;

    Datapoints(DatapointStore store, SyntheticSource synthetic) {
        this.store = store;
        this.synthetic = synthetic;
    }

    /**
     * Refuses to change a synthetic collection.
     *
     * @throws RpcException permission_denied if the collection is synthetic
     */
    void requireWritable(UUID collectionId) {
        if (synthetic.contains(collectionId)) {
            throw RpcException.permissionDenied("collection " + collectionId + " is synthetic: its datapoints are"
                    + " computed, not stored, and cannot be changed");
        }
    }

    /**
     * Deletes datapoints of a stored collection, all or nothing.
     *
     * @throws RpcException permission_denied for a synthetic collection; as {@link DatapointStore#delete}
     */
    long delete(UUID collectionId, List<byte[]> ids) {
        requireWritable(collectionId);
        return store.delete(collectionId, ids);
    }

    long count(UUID collectionId) {
        return synthetic.contains(collectionId) ? synthetic.count(collectionId) : store.count(collectionId);
    }

    Optional<long[]> timeRange(UUID collectionId) {
        return synthetic.contains(collectionId) ? Optional.of(synthetic.timeRange(collectionId))
                : store.timeRange(collectionId);
    }

    Optional<Stored> find(List<UUID> collectionIds, byte[] id) {
        for (UUID collectionId : collectionIds) {
            Optional<Stored> found = synthetic.contains(collectionId) ? synthetic.find(List.of(collectionId), id)
                    : store.find(List.of(collectionId), id);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** As {@link DatapointStore#scan}, over stored and synthetic collections alike. */
    List<Stored> scan(List<UUID> collectionIds, IdRange range, BboxFilter bbox, Predicate<Stored> exact, int limit) {
        List<UUID> stored = collectionIds.stream().filter(id -> !synthetic.contains(id)).toList();
        if (stored.size() == collectionIds.size()) {
            return store.scan(collectionIds, range, bbox, exact, limit);
        }
        List<UUID> computed = collectionIds.stream().filter(synthetic::contains).toList();
        List<Stored> fromSynthetic = synthetic.scan(computed, range, bbox, exact, limit);
        if (stored.isEmpty()) {
            return fromSynthetic;
        }
        // Each side holds its first `limit` in id order, so the first `limit` of both merged are the overall ones.
        List<Stored> fromStore = store.scan(stored, range, bbox, exact, limit);
        List<Stored> merged = new ArrayList<>(limit);
        int a = 0;
        int b = 0;
        while (merged.size() < limit && (a < fromStore.size() || b < fromSynthetic.size())) {
            boolean takeStored = b == fromSynthetic.size() || a < fromStore.size()
                    && Arrays.compareUnsigned(fromStore.get(a).id(), fromSynthetic.get(b).id()) <= 0;
            merged.add(takeStored ? fromStore.get(a++) : fromSynthetic.get(b++));
        }
        return merged;
    }
}
