package dev.skyloom.local;

import dev.skyloom.local.demo.SyntheticTiles;
import dev.skyloom.local.error.ConnectCode;
import dev.skyloom.local.error.RpcException;
import dev.skyloom.local.geo.SphericalGeometry;
import dev.skyloom.local.schema.DatasetTypeCompiler;
import dev.skyloom.local.store.CanonicalDatapoint;
import dev.skyloom.local.store.CatalogRows.Collection;
import dev.skyloom.local.store.CatalogRows.Dataset;
import dev.skyloom.local.store.CatalogRows.Group;
import dev.skyloom.local.store.CatalogStore;
import dev.skyloom.local.store.DatapointIds;
import dev.skyloom.local.store.DatapointStore.BboxFilter;
import dev.skyloom.local.store.DatapointStore.Stored;
import dev.skyloom.local.store.DatasetSchema;
import dev.skyloom.local.store.IdOrderedMerge;
import dev.skyloom.local.store.IdRange;
import dev.skyloom.local.store.Ingestor;
import org.locationtech.jts.geom.Envelope;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The synthetic collections of a server: registered in the catalogue like any collection, their datapoints computed
 * from the index when a query reaches them. A time interval becomes an index range directly (so a page costs the same
 * wherever it lies), then datapoints are generated in order, each in its stored form (id from its content, the
 * {@link #INGESTION_TIME}), and pass the same bbox prefilter and exact filter as stored ones.
 */
final class SyntheticSource {

    /** The {@code ingestion_time} of every synthetic datapoint. */
    static final Instant INGESTION_TIME = Instant.parse("2021-01-01T00:00:00Z");

    /** How often a long scan checks whether its request was cancelled. */
    private static final int CANCEL_CHECK = 4096;

    /** One synthetic collection: its generator and its dataset's schema. */
    private record Entry(SyntheticTiles tiles, DatasetSchema schema) {
    }

    private final Map<UUID, Entry> collections;

    private SyntheticSource(Map<UUID, Entry> collections) {
        this.collections = collections;
    }

    /** A source with no synthetic collections. */
    static SyntheticSource none() {
        return new SyntheticSource(Map.of());
    }

    /**
     * Registers the collections in the catalogue (groups, datasets and collections created where missing, with ids
     * derived from their names) and returns their source.
     *
     * @param seed the server's seed, mixed into every collection's
     * @throws IllegalArgumentException if a dataset or collection of that name exists and is not synthetic
     */
    static SyntheticSource register(CatalogStore catalog, List<SyntheticCollection> specs, long seed) {
        Map<UUID, Entry> entries = new LinkedHashMap<>();
        for (SyntheticCollection spec : specs) {
            Dataset dataset = dataset(catalog, spec.dataset());
            UUID id = nameUuid("collection:" + spec.dataset() + "/" + spec.collection());
            Optional<Collection> existing = catalog.collection(dataset.id(), spec.collection());
            if (existing.isPresent() && !existing.get().id().equals(id)) {
                throw new IllegalArgumentException("collection " + spec.dataset() + "/" + spec.collection()
                        + " exists and is not synthetic");
            }
            if (existing.isEmpty()) {
                catalog.insertCollection(new Collection(id, dataset.id(), spec.collection()));
            }
            long collectionSeed = seed ^ id.getMostSignificantBits() ^ Long.rotateLeft(id.getLeastSignificantBits(), 17);
            entries.put(id, new Entry(new SyntheticTiles(dataset.type(), collectionSeed, spec.size()),
                    catalog.schema(dataset)));
        }
        return new SyntheticSource(Map.copyOf(entries));
    }

    private static Dataset dataset(CatalogStore catalog, String slug) {
        String[] parts = slug.split("\\.");
        UUID parent = null;
        for (int level = 0; level < parts.length - 1; level++) {
            UUID parentId = parent;
            String codeName = parts[level];
            Optional<Group> group = catalog.groups().stream().filter(g -> g.codeName().equals(codeName)
                    && Objects.equals(g.parentId(), parentId)).findFirst();
            if (group.isEmpty()) {
                UUID id = nameUuid("group:" + String.join(".", Arrays.copyOf(parts, level + 1)));
                catalog.ensureGroup(new Group(id, parentId, codeName, codeName));
                parent = id;
            } else {
                parent = group.get().id();
            }
        }
        UUID groupId = parent;
        String codeName = parts[parts.length - 1];
        UUID id = nameUuid("dataset:" + slug);
        Optional<Dataset> existing = catalog.datasetsByCodeName(codeName).stream()
                .filter(d -> d.groupId().equals(groupId)).findFirst();
        if (existing.isPresent()) {
            if (!existing.get().id().equals(id)) {
                throw new IllegalArgumentException("dataset " + slug + " exists and is not synthetic");
            }
            return existing.get();
        }
        Dataset dataset = new Dataset(id, groupId, codeName, "Synthetic " + codeName,
                "Synthetic Sentinel-2 MSI tiles over 2020, computed on demand",
                "Collections of any size for tests and benchmarks: Sentinel-2 MSI tiles along sun-synchronous ground"
                        + " tracks, spread evenly over 2020, each computed from its index when a query asks for it.",
                DatasetTypeCompiler.compile(groupId, codeName, SyntheticTiles.type()));
        catalog.insertDataset(dataset);
        return dataset;
    }

    private static UUID nameUuid(String name) {
        return UUID.nameUUIDFromBytes(("skyloom-synthetic:" + name).getBytes(StandardCharsets.UTF_8));
    }

    boolean contains(UUID collectionId) {
        return collections.containsKey(collectionId);
    }

    long count(UUID collectionId) {
        return entry(collectionId).tiles().size();
    }

    /** The first and last datapoint time (Unix ms). */
    long[] timeRange(UUID collectionId) {
        SyntheticTiles tiles = entry(collectionId).tiles();
        return new long[] {tiles.timeMs(0), tiles.timeMs(tiles.size() - 1)};
    }

    /** The datapoint with this id in the first of the (synthetic) collections that has it. */
    Optional<Stored> find(List<UUID> collectionIds, byte[] id) {
        long timeMs = DatapointIds.timeMs(id);
        for (UUID collectionId : collectionIds) {
            Entry entry = entry(collectionId);
            long index = entry.tiles().firstIndexAtOrAfter(timeMs);
            if (index < entry.tiles().size() && entry.tiles().timeMs(index) == timeMs) {
                Stored stored = stored(entry, entry.tiles().datapoint(index));
                if (Arrays.equals(stored.id(), id)) {
                    return Optional.of(stored);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The first {@code limit} datapoints of the collections, merged in id order, within {@code range}, passing the
     * bbox prefilter (if any) and {@code exact}: what {@link dev.skyloom.local.store.DatapointStore#scan} returns
     * for stored collections.
     *
     * @throws RpcException canceled if the calling thread is interrupted during a long scan
     */
    List<Stored> scan(List<UUID> collectionIds, IdRange range, BboxFilter bbox, Predicate<Stored> exact, int limit) {
        List<Cursor> cursors = new ArrayList<>();
        for (UUID collectionId : collectionIds) {
            cursors.add(new Cursor(entry(collectionId), range, bbox));
        }
        return IdOrderedMerge.first(cursors, exact, limit);
    }

    private Entry entry(UUID collectionId) {
        Entry entry = collections.get(collectionId);
        if (entry == null) {
            throw new IllegalArgumentException("collection " + collectionId + " is not synthetic");
        }
        return entry;
    }

    private static Stored stored(Entry entry, CanonicalDatapoint datapoint) {
        return Ingestor.storedForm(entry.schema(), datapoint, INGESTION_TIME);
    }

    /** One collection's datapoints in the range, in index (and so id) order, that pass the bbox prefilter. */
    private static final class Cursor implements IdOrderedMerge.Source<RuntimeException> {
        private final Entry entry;
        private final IdRange range;
        private final BboxFilter bbox;
        private long next;
        private Stored current;

        Cursor(Entry entry, IdRange range, BboxFilter bbox) {
            this.entry = entry;
            this.range = range;
            this.bbox = bbox;
            this.next = entry.tiles().firstIndexAtOrAfter(DatapointIds.timeMs(range.low()));
        }

        @Override
        public Stored current() {
            return current;
        }

        /** Moves to the next datapoint in the range passing the bbox prefilter; false at the end of the range. */
        @Override
        public boolean advance() {
            while (next < entry.tiles().size()) {
                if (next % CANCEL_CHECK == 0 && Thread.currentThread().isInterrupted()) {
                    throw new RpcException(ConnectCode.CANCELED, "the query was cancelled");
                }
                CanonicalDatapoint datapoint = entry.tiles().datapoint(next++);
                Stored stored = stored(entry, datapoint);
                int fromLow = Arrays.compareUnsigned(stored.id(), range.low());
                if (fromLow < 0 || fromLow == 0 && !range.lowInclusive()) {
                    continue;
                }
                int toHigh = Arrays.compareUnsigned(stored.id(), range.high());
                if (toHigh > 0 || toHigh == 0 && !range.highInclusive()) {
                    next = entry.tiles().size();
                    return false;
                }
                if (bbox == null || overlaps(datapoint, bbox)) {
                    current = stored;
                    return true;
                }
            }
            return false;
        }

        private static boolean overlaps(CanonicalDatapoint datapoint, BboxFilter bbox) {
            if (datapoint.geometry() == null) {
                return false;
            }
            Envelope envelope = bbox.spherical() ? SphericalGeometry.envelope(datapoint.geometry())
                    : datapoint.geometry().getEnvelopeInternal();
            return envelope.intersects(bbox.bbox());
        }
    }
}
