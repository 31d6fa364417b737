package dev.skyloom.bench;

import com.google.protobuf.ByteString;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Timestamp;
import dev.skyloom.DatasetsClient;
import dev.skyloom.RetryPolicy;
import dev.skyloom.connect.ConnectConfig;
import dev.skyloom.connect.ConnectTransport;
import dev.skyloom.local.schema.DatapointTypes;
import dev.skyloom.local.schema.DatasetFields;
import dev.skyloom.wire.datasets.v1.CollectionInfo;
import dev.skyloom.wire.datasets.v1.CreateCollectionRequest;
import dev.skyloom.wire.datasets.v1.CreateDatasetRequest;
import dev.skyloom.wire.datasets.v1.Dataset;
import dev.skyloom.wire.datasets.v1.DatasetKind;
import dev.skyloom.wire.datasets.v1.DatasetType;
import dev.skyloom.wire.datasets.v1.Geometry;
import dev.skyloom.wire.datasets.v1.IngestRequest;
import dev.skyloom.wire.datasets.v1.IngestResponse;
import dev.skyloom.wire.tilebox.v1.ID;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.WKBWriter;

import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Fills a local server with benchmark data through its public RPCs (CreateDataset, CreateCollection, Ingest), as
 * any client of the service would: a small spatio-temporal dataset type whose datapoints are evenly spaced in time.
 */
final class BenchData implements AutoCloseable {

    /** The most datapoints one Ingest request may carry. */
    static final int MAX_INGEST = 8192;
    /** Where the benchmark datapoints start: the first datapoint of every collection is at this instant. */
    static final Instant EPOCH = Instant.parse("2024-01-01T00:00:00Z");

    private static final String DATASETS = "datasets.v1.DatasetService";
    private static final String COLLECTIONS = "datasets.v1.CollectionService";
    private static final String INGESTION = "datasets.v1.DataIngestionService";

    private final ConnectTransport transport;
    private final GeometryFactory geometries = new GeometryFactory();

    /** Opens a transport to the server at {@code url}. */
    BenchData(URI url) {
        this.transport = ConnectTransport.create(new ConnectConfig(url, null, null, Duration.ofSeconds(10), null,
                null, RetryPolicy.defaults(), "skyloom-bench/" + DatasetsClient.VERSION));
    }

    /**
     * Creates a dataset of scenes: the fixed spatio-temporal fields and four custom ones (a granule name, a
     * platform, an orbit number and a cloud cover), about 130 bytes per datapoint.
     *
     * @return the dataset as the server describes it (its slug, id and compiled type)
     */
    Dataset createDataset(String codeName) {
        DatasetType type = DatasetType.newBuilder().setKind(DatasetKind.DATASET_KIND_SPATIOTEMPORAL)
                .addFields(DatasetFields.field("granule_name", Type.TYPE_STRING, false, "Scene name", "S_0001"))
                .addFields(DatasetFields.field("platform", Type.TYPE_STRING, false, "Satellite", "BENCH-1"))
                .addFields(DatasetFields.field("orbit_number", Type.TYPE_INT64, false, "Absolute orbit", "1"))
                .addFields(DatasetFields.field("cloud_cover", Type.TYPE_DOUBLE, false, "Cloud cover in %", "12.5"))
                .build();
        return transport.unary(DATASETS, "CreateDataset", CreateDatasetRequest.newBuilder().setCodeName(codeName)
                .setName("Benchmark " + codeName).setSummary("Benchmark scenes").setType(type).build(),
                Dataset.parser()).message();
    }

    /** Creates a collection and returns its id. */
    UUID createCollection(Dataset dataset, String name) {
        CollectionInfo info = transport.unary(COLLECTIONS, "CreateCollection", CreateCollectionRequest.newBuilder()
                .setDatasetId(dataset.getId()).setName(name).build(), CollectionInfo.parser()).message();
        return uuid(info.getCollection().getId());
    }

    /**
     * Ingests {@code count} datapoints into a collection, the i-th at {@code EPOCH + i * spacing}, in requests of
     * at most {@value #MAX_INGEST}, a few at a time (so that encoding here overlaps storing there).
     *
     * @throws IllegalStateException if the server did not create them all (e.g. they existed already)
     */
    void ingest(Dataset dataset, UUID collectionId, int count, Duration spacing) throws InterruptedException {
        Descriptor descriptor = DatapointTypes.resolve(dataset.getType());
        ID collection = ID.newBuilder().setUuid(bytes(collectionId)).build();
        int requests = (count + MAX_INGEST - 1) / MAX_INGEST;
        Parallel.map(requests, 3, r -> {
            IngestRequest.Builder request = IngestRequest.newBuilder().setCollectionId(collection);
            for (int i = r * MAX_INGEST; i < Math.min(count, (r + 1) * MAX_INGEST); i++) {
                request.addValues(datapoint(descriptor, i, EPOCH.plus(spacing.multipliedBy(i))));
            }
            IngestResponse response = transport.unary(INGESTION, "Ingest", request.build(), IngestResponse.parser())
                    .message();
            if (response.getNumCreated() != request.getValuesCount()) {
                throw new IllegalStateException("the server created " + response.getNumCreated() + " of "
                        + request.getValuesCount() + " benchmark datapoints in collection " + collectionId);
            }
            return response.getNumCreated();
        });
    }

    private ByteString datapoint(Descriptor type, int index, Instant time) {
        double lon = -180 + (index * 7.31) % 360;
        double lat = -60 + (index * 3.17) % 120;
        byte[] point = new WKBWriter().write(geometries.createPoint(new Coordinate(lon, lat)));
        return DynamicMessage.newBuilder(type)
                .setField(field(type, "time"), Timestamp.newBuilder().setSeconds(time.getEpochSecond())
                        .setNanos(time.getNano()).build())
                .setField(field(type, "geometry"), Geometry.newBuilder().setWkb(ByteString.copyFrom(point)).build())
                .setField(field(type, "granule_name"), "BENCH_SCENE_" + time.toEpochMilli() + "_" + index)
                .setField(field(type, "platform"), "BENCH-" + (index % 3 + 1))
                .setField(field(type, "orbit_number"), 10_000L + index / 14)
                .setField(field(type, "cloud_cover"), (index * 37 % 1000) / 10.0)
                .build().toByteString();
    }

    private static FieldDescriptor field(Descriptor type, String name) {
        FieldDescriptor field = type.findFieldByName(name);
        if (field == null) {
            throw new IllegalStateException("the benchmark dataset type has no field '" + name + "': " + type);
        }
        return field;
    }

    private static ByteString bytes(UUID id) {
        return ByteString.copyFrom(ByteBuffer.allocate(16).putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits()).array());
    }

    private static UUID uuid(ID id) {
        ByteBuffer bytes = id.getUuid().asReadOnlyByteBuffer();
        return new UUID(bytes.getLong(), bytes.getLong());
    }

    @Override
    public void close() {
        transport.close();
    }
}
