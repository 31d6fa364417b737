package dev.skyloom.local.demo;

import com.google.protobuf.Descriptors;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import dev.skyloom.local.schema.DatapointTypes;
import dev.skyloom.local.schema.DatasetTypeCompiler;
import dev.skyloom.local.store.CanonicalDatapoint;
import dev.skyloom.wire.datasets.v1.AnnotatedType;
import dev.skyloom.wire.datasets.v1.DatasetType;
import dev.skyloom.wire.datasets.v1.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A {@link DemoSink} for tests that keeps what a store would index: it checks the call order, compiles each dataset
 * type like the server does, decodes every datapoint with it (checking that the time, footprint and canonical bytes
 * given with it are right), counts datapoints per collection (overall and in a time window) and digests every call.
 */
final class CatalogueSummary implements DemoSink {

    record Group(UUID id, UUID parentId, String codeName, String name) {
    }

    record Dataset(UUID id, UUID groupId, String codeName, String name, DatasetType type, AnnotatedType compiled) {
    }

    record Collection(UUID id, UUID datasetId, String name) {
    }

    private final long windowStart;
    private final long windowEnd;
    private final Mode mode;
    private final MessageDigest digest;
    private final MessageDigest datapointDigest;
    private final long[] datapointSums = new long[4];
    final List<Group> groups = new ArrayList<>();
    final Map<UUID, Dataset> datasets = new LinkedHashMap<>();
    final Map<UUID, Collection> collections = new LinkedHashMap<>();
    final Map<String, Long> counts = new LinkedHashMap<>();
    final Map<String, Long> countsInWindow = new LinkedHashMap<>();
    final List<String> problems = new ArrayList<>();
    private final Map<UUID, Descriptors.Descriptor> descriptors = new HashMap<>();
    private final Map<UUID, Set<Long>> times = new HashMap<>();
    long datapoints;
    int largestBatch;

    /** How much of each datapoint the summary looks at. */
    enum Mode {
        /** Digest and count only. */
        DIGEST,
        /** Also decode each datapoint's time and count those in the window. */
        TIMES,
        /**
         * Also check that each datapoint has a valid EWKB footprint within lon/lat, no server-set field, and a time
         * (at millisecond precision) no other datapoint of its collection has.
         */
        FULL
    }

    /** Summarises datapoints, counting those whose time is in {@code [windowStart, windowEnd)} (epoch ms). */
    CatalogueSummary(long windowStart, long windowEnd, Mode mode) {
        this.windowStart = windowStart;
        this.windowEnd = windowEnd;
        this.mode = mode;
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
            this.datapointDigest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A digest of every call: the catalogue's structure in call order, and the datapoints of each collection whatever
     * the order their batches arrived in (they come from several threads).
     */
    synchronized String digest() {
        for (long word : datapointSums) {
            digest.update(ByteBuffer.allocate(8).putLong(word).array());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    @Override
    public void group(UUID id, UUID parentId, String codeName, String name) {
        if (parentId != null && groups.stream().noneMatch(g -> g.id().equals(parentId))) {
            problems.add("group " + codeName + " before its parent");
        }
        groups.add(new Group(id, parentId, codeName, name));
        update(id + "|" + parentId + "|" + codeName + "|" + name);
    }

    @Override
    public void dataset(UUID id, UUID groupId, String codeName, String name, String summary, String description,
                        DatasetType type) {
        if (groups.stream().noneMatch(g -> g.id().equals(groupId))) {
            problems.add("dataset " + codeName + " before its group");
        }
        AnnotatedType compiled = DatasetTypeCompiler.compile(groupId, codeName, type);
        datasets.put(id, new Dataset(id, groupId, codeName, name, type, compiled));
        descriptors.put(id, DatapointTypes.resolve(compiled));
        update(id + "|" + groupId + "|" + codeName + "|" + name + "|" + summary + "|" + description);
        digest.update(type.toByteArray());
    }

    @Override
    public void collection(UUID id, UUID datasetId, String name) {
        if (!datasets.containsKey(datasetId)) {
            problems.add("collection " + name + " before its dataset");
        }
        collections.put(id, new Collection(id, datasetId, name));
        update(id + "|" + datasetId + "|" + name);
    }

    @Override
    public synchronized void ingest(UUID collectionId, List<CanonicalDatapoint> batch) {
        Collection collection = collections.get(collectionId);
        if (collection == null) {
            problems.add("ingest into unknown collection " + collectionId);
            return;
        }
        String key = datasets.get(collection.datasetId()).codeName() + "." + collection.name();
        largestBatch = Math.max(largestBatch, batch.size());
        Descriptors.Descriptor type = descriptors.get(collection.datasetId());
        for (CanonicalDatapoint canonical : batch) {
            byte[] datapoint = canonical.content();
            addToSums(collectionId, datapoint);
            datapoints++;
            counts.merge(key, 1L, Long::sum);
            if (mode != Mode.DIGEST) {
                long time = decode(key, type, canonical);
                if (mode == Mode.FULL && !times.computeIfAbsent(collectionId, id -> new HashSet<>()).add(time)) {
                    problems.add(key + ": two datapoints at " + time);
                }
                if (time >= windowStart && time < windowEnd) {
                    countsInWindow.merge(key, 1L, Long::sum);
                }
            }
        }
    }

    /** Adds a hash of the datapoint to word-wise sums, which do not depend on the order of addition. */
    private void addToSums(UUID collectionId, byte[] datapoint) {
        datapointDigest.update(collectionId.toString().getBytes(StandardCharsets.UTF_8));
        ByteBuffer hash = ByteBuffer.wrap(datapointDigest.digest(datapoint));
        for (int w = 0; w < datapointSums.length; w++) {
            datapointSums[w] += hash.getLong();
        }
    }

    private long decode(String key, Descriptors.Descriptor type, CanonicalDatapoint canonical) {
        byte[] bytes = canonical.content();
        DynamicMessage message;
        try {
            message = DynamicMessage.parseFrom(type, bytes);
        } catch (InvalidProtocolBufferException e) {
            problems.add(key + ": " + e.getMessage());
            return Long.MIN_VALUE;
        }
        if (mode == Mode.FULL) {
            check(key, type, message, canonical);
        }
        Descriptors.FieldDescriptor field = type.findFieldByName("time");
        if (!message.hasField(field)) {
            problems.add(key + ": datapoint without time");
            return Long.MIN_VALUE;
        }
        Message time = (Message) message.getField(field);
        Descriptors.Descriptor timestamp = time.getDescriptorForType();
        long seconds = (Long) time.getField(timestamp.findFieldByName("seconds"));
        int nanos = (Integer) time.getField(timestamp.findFieldByName("nanos"));
        long millis = seconds * 1000 + nanos / 1_000_000;
        if (millis != canonical.timeMs()) {
            problems.add(key + ": time " + millis + " but " + canonical.timeMs() + " given with it");
        }
        return millis;
    }

    private void check(String key, Descriptors.Descriptor type, DynamicMessage message,
                       CanonicalDatapoint canonical) {
        if (!message.getUnknownFields().asMap().isEmpty()) {
            problems.add(key + ": unknown fields");
        }
        if (!Arrays.equals(message.toByteArray(), canonical.content())) {
            problems.add(key + ": bytes that are not the canonical serialization");
        }
        if (message.hasField(type.findFieldByName("id")) || message.hasField(type.findFieldByName("ingestion_time"))) {
            problems.add(key + ": id or ingestion_time set by the catalogue");
        }
        Descriptors.FieldDescriptor geometryField = type.findFieldByName("geometry");
        if (!message.hasField(geometryField)) {
            problems.add(key + ": no geometry");
            return;
        }
        try {
            byte[] wkb = Geometry.parseFrom(((Message) message.getField(geometryField)).toByteString())
                    .getWkb().toByteArray();
            org.locationtech.jts.geom.Geometry footprint = new WKBReader().read(wkb);
            if (canonical.geometry() == null || !canonical.geometry().equalsExact(footprint)
                    || canonical.geometry().getSRID() != footprint.getSRID()) {
                problems.add(key + ": footprint " + footprint + " but " + canonical.geometry() + " given with it");
            }
            if (footprint.getSRID() != 4326 || !(footprint instanceof Polygon) || !footprint.isSimple()
                    || footprint.getNumPoints() != 5 || footprint.getArea() <= 0) {
                problems.add(key + ": footprint " + footprint + " srid " + footprint.getSRID());
            }
            for (var c : footprint.getCoordinates()) {
                if (c.x < -180 || c.x > 180 || c.y < -90 || c.y > 90) {
                    problems.add(key + ": coordinate out of range " + c);
                }
            }
            if (footprint.getEnvelopeInternal().getWidth() > 180) {
                problems.add(key + ": footprint wraps the antimeridian " + footprint);
            }
        } catch (InvalidProtocolBufferException | ParseException e) {
            problems.add(key + ": geometry " + e.getMessage());
        }
    }

    private void update(String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
    }
}
