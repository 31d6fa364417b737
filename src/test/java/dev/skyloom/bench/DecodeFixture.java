package dev.skyloom.bench;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import dev.skyloom.local.demo.DemoCatalog;
import dev.skyloom.local.demo.DemoSink;
import dev.skyloom.local.schema.DatapointTypes;
import dev.skyloom.local.store.CanonicalDatapoint;
import dev.skyloom.local.schema.DatasetTypeCompiler;
import dev.skyloom.wire.datasets.v1.AnnotatedType;
import dev.skyloom.wire.datasets.v1.DatasetType;
import dev.skyloom.wire.datasets.v1.RepeatedAny;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Datapoints of one demo collection as the service sends them (all fixed fields set), with the dataset's type: what
 * the decode benchmark turns into Datapoints (a page of Sentinel-2 MSI) and the writer benchmark writes (Landsat-8
 * L1TP). It is taken from the demo catalogue, so it has the real type's fields and realistic values, and can be
 * stored in a file for a JMH fork to read.
 *
 * @param type   the dataset's type, as GetDataset delivers it
 * @param values the serialized datapoints
 */
record DecodeFixture(AnnotatedType type, List<ByteString> values) {

    private static final String SENTINEL2 = "sentinel2_msi";
    private static final String LANDSAT8 = "landsat8_oli_tirs";

    /** Copies the values. */
    DecodeFixture {
        values = List.copyOf(values);
    }

    /**
     * The first {@code count} datapoints of the demo catalogue's first Sentinel-2 collection, each given an id and an
     * ingestion time as the service stores them.
     *
     * @throws IllegalStateException if the demo catalogue has fewer Sentinel-2 datapoints
     */
    static DecodeFixture sentinel2(int count) {
        return capture(SENTINEL2, null, count);
    }

    /**
     * The first {@code count} datapoints of the demo catalogue's Landsat-8 collection {@code collection} (in the
     * order the catalogue writes them, which is time order), each given an id and an ingestion time.
     *
     * @throws IllegalStateException if the collection has fewer datapoints
     */
    static DecodeFixture landsat8(String collection, int count) {
        return capture(LANDSAT8, collection, count);
    }

    private static DecodeFixture capture(String dataset, String collection, int count) {
        Capture capture = new Capture(dataset, collection, count);
        try {
            DemoCatalog.writeTo(capture, DemoCatalog.DEFAULT_SEED);
        } catch (Enough e) {
            // The page is full: the rest of the catalogue would take seconds for nothing.
        }
        if (capture.values.size() < count) {
            throw new IllegalStateException("the demo catalogue has only " + capture.values.size() + " "
                    + dataset + (collection == null ? "" : " " + collection) + " datapoints, " + count
                    + " asked for");
        }
        return new DecodeFixture(capture.type, capture.values);
    }

    /** Writes the fixture to a file ({@link #read(Path)} reads it back). */
    void write(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            type.writeDelimitedTo(out);
            RepeatedAny.newBuilder().setTypeUrl(type.getTypeUrl()).addAllValue(values).build().writeDelimitedTo(out);
        }
    }

    /** Reads a fixture written by {@link #write(Path)}. */
    static DecodeFixture read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            AnnotatedType type = AnnotatedType.parseDelimitedFrom(in);
            RepeatedAny page = RepeatedAny.parseDelimitedFrom(in);
            if (type == null || page == null) {
                throw new IOException(file + " is not a decode fixture (it ends early)");
            }
            return new DecodeFixture(type, page.getValueList());
        }
    }

    /** Thrown by the capture to stop the demo catalogue once the page is full. */
    private static final class Enough extends RuntimeException {
        Enough() {
            super("the page is full", null, false, false);
        }
    }

    /**
     * Keeps one dataset's type and the first datapoints of its first collection, or of the one named (each generated
     * in order by one thread); ignores the rest of the catalogue.
     */
    private static final class Capture implements DemoSink {
        private final String datasetCodeName;
        private final String collectionName;
        private final int count;
        private UUID collection;
        private final List<ByteString> values = new ArrayList<>();
        private UUID dataset;
        private AnnotatedType type;
        private Descriptor descriptor;

        Capture(String datasetCodeName, String collectionName, int count) {
            this.datasetCodeName = datasetCodeName;
            this.collectionName = collectionName;
            this.count = count;
        }

        @Override
        public void group(UUID id, UUID parentId, String codeName, String name) {
        }

        @Override
        public void dataset(UUID id, UUID groupId, String codeName, String name, String summary,
                            String description, DatasetType datasetType) {
            if (codeName.equals(datasetCodeName)) {
                dataset = id;
                type = DatasetTypeCompiler.compile(groupId, codeName, datasetType);
                descriptor = DatapointTypes.resolve(type);
            }
        }

        @Override
        public void collection(UUID id, UUID datasetId, String name) {
            if (datasetId.equals(dataset) && collection == null
                    && (collectionName == null || collectionName.equals(name))) {
                collection = id;
            }
        }

        @Override
        public synchronized void ingest(UUID collectionId, List<CanonicalDatapoint> datapoints) {
            if (!collectionId.equals(collection) || values.size() == count) {
                return;
            }
            for (CanonicalDatapoint datapoint : datapoints) {
                values.add(stored(datapoint.content(), values.size()));
                if (values.size() == count) {
                    throw new Enough();
                }
            }
        }

        /** The datapoint with the id and ingestion time the service adds when it stores one. */
        private ByteString stored(byte[] datapoint, int index) {
            try {
                DynamicMessage.Builder message = DynamicMessage.parseFrom(descriptor, datapoint).toBuilder();
                FieldDescriptor time = descriptor.findFieldByName("time");
                FieldDescriptor id = descriptor.findFieldByName("id");
                Message when = (Message) message.getField(time);
                long seconds = (Long) when.getField(when.getDescriptorForType().findFieldByNumber(1));
                int nanos = (Integer) when.getField(when.getDescriptorForType().findFieldByNumber(2));
                long millis = seconds * 1000 + nanos / 1_000_000;
                ByteBuffer uuid = ByteBuffer.allocate(16).putLong(millis << 16 | 0x7000).putLong(0x8000_0000_0000_0000L
                        | index);
                message.setField(id, DynamicMessage.newBuilder(id.getMessageType())
                        .setField(id.getMessageType().findFieldByNumber(1), ByteString.copyFrom(uuid.array())).build());
                message.setField(descriptor.findFieldByName("ingestion_time"),
                        Timestamp.newBuilder().setSeconds(seconds + 86_400).build());
                return message.build().toByteString();
            } catch (InvalidProtocolBufferException e) {
                throw new IllegalStateException("the demo catalogue wrote an undecodable " + datasetCodeName
                        + " datapoint", e);
            }
        }
    }
}
