package dev.skyloom.local;

import com.google.protobuf.ByteString;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import dev.skyloom.local.schema.DatapointTypes;
import dev.skyloom.local.schema.DatasetFields;
import dev.skyloom.wire.datasets.v1.CollectionInfo;
import dev.skyloom.wire.datasets.v1.CreateCollectionRequest;
import dev.skyloom.wire.datasets.v1.CreateDatasetRequest;
import dev.skyloom.wire.datasets.v1.Dataset;
import dev.skyloom.wire.datasets.v1.DatasetKind;
import dev.skyloom.wire.datasets.v1.DatasetType;
import dev.skyloom.wire.datasets.v1.DeleteCollectionRequest;
import dev.skyloom.wire.datasets.v1.DeleteRequest;
import dev.skyloom.wire.datasets.v1.GetCollectionByNameRequest;
import dev.skyloom.wire.datasets.v1.GetDatasetRequest;
import dev.skyloom.wire.datasets.v1.IngestRequest;
import dev.skyloom.wire.datasets.v1.ListCollectionsRequest;
import dev.skyloom.wire.datasets.v1.ListDatasetsRequest;
import dev.skyloom.wire.datasets.v1.QueryByIDRequest;
import dev.skyloom.wire.datasets.v1.QueryRequest;
import dev.skyloom.wire.datasets.v1.QueryResultPage;
import dev.skyloom.wire.datasets.v1.UpdateDatasetRequest;
import dev.skyloom.wire.tilebox.v1.ID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests built at random from each RPC's request type (ids that exist and ids that do not, timestamps at and beyond
 * their limits, odd strings, unknown enum numbers, geometries good and bad, datapoints of the dataset's type with
 * random values), either wholly random or a valid request spoiled in one field, never make the server answer 500, and
 * it keeps answering a normal query. The seed is fixed, so a failure reproduces.
 */
class RandomRequestsTest {

    private static final long SEED = 20261121L;
    private static final int REQUESTS_PER_RPC = 150;
    private static final Instant T = Instant.parse("2025-03-01T00:00:00Z");
    private static final Map<String, Descriptor> RPCS = Map.ofEntries(
            Map.entry("/datasets.v1.DatasetService/ListDatasets", ListDatasetsRequest.getDescriptor()),
            Map.entry("/datasets.v1.DatasetService/GetDataset", GetDatasetRequest.getDescriptor()),
            Map.entry("/datasets.v1.DatasetService/CreateDataset", CreateDatasetRequest.getDescriptor()),
            Map.entry("/datasets.v1.DatasetService/UpdateDataset", UpdateDatasetRequest.getDescriptor()),
            Map.entry("/datasets.v1.CollectionService/CreateCollection", CreateCollectionRequest.getDescriptor()),
            Map.entry("/datasets.v1.CollectionService/GetCollectionByName",
                    GetCollectionByNameRequest.getDescriptor()),
            Map.entry("/datasets.v1.CollectionService/DeleteCollection", DeleteCollectionRequest.getDescriptor()),
            Map.entry("/datasets.v1.CollectionService/ListCollections", ListCollectionsRequest.getDescriptor()),
            Map.entry("/datasets.v1.DataAccessService/Query", QueryRequest.getDescriptor()),
            Map.entry("/datasets.v1.DataAccessService/QueryByID", QueryByIDRequest.getDescriptor()),
            Map.entry("/datasets.v1.DataIngestionService/Ingest", IngestRequest.getDescriptor()),
            Map.entry("/datasets.v1.DataIngestionService/Delete", DeleteRequest.getDescriptor()));
    private static final String[] STRINGS = {"", "x", "label", "seen", "victim", "my_org.random", "random", "a..b",
        "a\u0000b", "\u202eevil", " padded ", "x".repeat(5000), "\uD83D\uDEF0", "ä", "label\n", "LABEL"};
    private static final long[] LONGS = {0, 1, -1, 7, 1000, Long.MAX_VALUE, Long.MIN_VALUE, 1L << 62,
        253_402_300_799L, -62_135_596_800L, T.getEpochSecond()};
    private static final int[] INTS = {0, 1, -1, 2, 3, 999_999_999, 1_000_000_000, Integer.MAX_VALUE,
        Integer.MIN_VALUE};

    private static LocalServer server;
    private static TestCatalog catalog;
    private static Dataset dataset;
    private static CollectionInfo collection;
    private static final List<ByteString> IDS = new ArrayList<>();

    @BeforeAll
    static void start() {
        server = LocalServer.start(LocalServerConfig.defaults().withPageSize(50));
        catalog = new TestCatalog(new ConnectTestClient(server.url()));
        DatasetType type = DatasetType.newBuilder().setKind(DatasetKind.DATASET_KIND_SPATIOTEMPORAL)
                .addFields(DatasetFields.queryable(DatasetFields.field("label", FieldDescriptorProto.Type.TYPE_STRING,
                        false, "a label", "x")))
                .addFields(DatasetFields.queryable(DatasetFields.field("size", FieldDescriptorProto.Type.TYPE_UINT64,
                        false, "a size", "1")))
                .addFields(DatasetFields.messageField("seen", DatasetFields.TIMESTAMP, true, "when seen", ""))
                .build();
        dataset = catalog.client.call(TestCatalog.CREATE_DATASET, CreateDatasetRequest.newBuilder().setName("random")
                .setCodeName("random").setType(type).build(), Dataset.parser());
        // random requests address the dataset and the 'victim' collection (which they may change or delete);
        // the normal query after them reads collection 'c', whose id they never learn
        collection = catalog.collection(dataset, "c");
        List<byte[]> datapoints = List.of(TestCatalog.datapoint(dataset, T, "a", "POINT (1 2)"),
                TestCatalog.datapoint(dataset, T.plusSeconds(1), "b", "POLYGON ((0 0, 3 0, 3 3, 0 0))"));
        catalog.ingest(collection, datapoints, true);
        CollectionInfo victim = catalog.collection(dataset, "victim");
        var ingested = catalog.ingest(victim, datapoints, true);
        IDS.add(dataset.getId().getUuid());
        IDS.add(victim.getCollection().getId().getUuid());
        ingested.getDatapointIdsList().forEach(id -> IDS.add(id.getUuid()));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void randomRequestsToEveryRpcAreNeverAnsweredWith500() {
        Random random = new Random(SEED);
        Map<String, List<Integer>> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (var rpc : new TreeMap<>(RPCS).entrySet()) {
            Message base = validRequest(rpc.getKey());
            for (int i = 0; i < REQUESTS_PER_RPC; i++) {
                Message request = base != null && random.nextBoolean() ? mutated(base, random)
                        : randomMessage(rpc.getValue(), random, 0);
                HttpResponse<byte[]> response = catalog.client.sendRaw(catalog.client.post(rpc.getKey())
                        .header("Content-Type", "application/proto")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(request.toByteArray())).build());
                statuses.computeIfAbsent(rpc.getKey(), k -> new ArrayList<>()).add(response.statusCode());
                if (response.statusCode() >= 500) {
                    failures.add(rpc.getKey() + " " + response.statusCode() + " for " + request);
                }
            }
        }
        assertThat(failures).as("answers with 5xx").isEmpty();
        QueryResultPage normal = catalog.client.call(TestCatalog.QUERY, QueryRequest.newBuilder()
                .setDatasetId(dataset.getId()).addCollectionIds(collection.getCollection().getId())
                .setFilters(TestCatalog.during(T, T.plusSeconds(2))).build(), QueryResultPage.parser());
        assertThat(TestCatalog.labels(TestCatalog.decode(dataset, normal.getData().getValueList())))
                .containsExactly("a", "b");
        // the generator reaches past validation: requests of every kind but the two deletions (which need a
        // matching pair of ids) succeed
        statuses.forEach((rpc, codes) -> {
            if (!rpc.endsWith("/DeleteCollection") && !rpc.endsWith("/Delete")) {
                assertThat(codes).as(rpc).contains(200);
            }
        });
    }

    /** A request the server answers, which a mutation then spoils in one field; null for the deletions. */
    private static Message validRequest(String rpc) {
        ID datasetId = dataset.getId();
        ID victimId = ID.newBuilder().setUuid(IDS.get(1)).build();
        return switch (rpc.substring(rpc.lastIndexOf('/') + 1)) {
            case "ListDatasets" -> ListDatasetsRequest.getDefaultInstance();
            case "GetDataset" -> GetDatasetRequest.newBuilder().setSlug("my_org.random").build();
            case "CreateDataset" -> CreateDatasetRequest.newBuilder().setName("another").setCodeName("another")
                    .setType(DatasetType.newBuilder().setKind(DatasetKind.DATASET_KIND_TEMPORAL)).build();
            case "UpdateDataset" -> UpdateDatasetRequest.newBuilder().setId(datasetId).setName("renamed").build();
            case "CreateCollection" -> CreateCollectionRequest.newBuilder().setDatasetId(datasetId).setName("new")
                    .build();
            case "GetCollectionByName" -> GetCollectionByNameRequest.newBuilder().setDatasetId(datasetId)
                    .setCollectionName("victim").setWithCount(true).setWithAvailability(true).build();
            case "ListCollections" -> ListCollectionsRequest.newBuilder().setDatasetId(datasetId).build();
            case "Query" -> QueryRequest.newBuilder().setDatasetId(datasetId).addCollectionIds(victimId)
                    .setFilters(TestCatalog.during(T, T.plusSeconds(2))).build();
            case "QueryByID" -> QueryByIDRequest.newBuilder().setDatasetId(datasetId)
                    .setId(ID.newBuilder().setUuid(IDS.get(2))).build();
            case "Ingest" -> IngestRequest.newBuilder().setCollectionId(victimId).setAllowExisting(true)
                    .addValues(ByteString.copyFrom(TestCatalog.datapoint(dataset, T.plusSeconds(5), "x", null)))
                    .build();
            default -> null;
        };
    }

    /** {@code base} with one field set to a random value (at the top level or one level down) or cleared. */
    private static Message mutated(Message base, Random random) {
        DynamicMessage.Builder request = DynamicMessage.newBuilder(base);
        List<FieldDescriptor> fields = base.getDescriptorForType().getFields();
        if (fields.isEmpty()) {
            return base;
        }
        FieldDescriptor field = fields.get(random.nextInt(fields.size()));
        if (random.nextInt(4) == 0) {
            return request.clearField(field).build();
        }
        if (!field.isRepeated() && field.getJavaType() == FieldDescriptor.JavaType.MESSAGE && base.hasField(field)
                && random.nextBoolean()) {
            return request.setField(field, mutated((Message) base.getField(field), random)).build();
        }
        Object value = randomValue(base.getDescriptorForType(), field, random, 1);
        return (field.isRepeated() ? request.addRepeatedField(field, value) : request.setField(field, value)).build();
    }

    private static Message randomMessage(Descriptor type, Random random, int depth) {
        DynamicMessage.Builder message = DynamicMessage.newBuilder(type);
        switch (type.getFullName()) {
            case "tilebox.v1.ID", "datasets.v1.UUID" -> {
                return message.setField(type.findFieldByNumber(1), randomId(random)).build();
            }
            case "datasets.v1.Geometry" -> {
                return message.setField(type.findFieldByNumber(1), randomWkb(random)).build();
            }
            default -> {
            }
        }
        for (FieldDescriptor field : type.getFields()) {
            if (random.nextInt(10) < 3 || depth > 4 && field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
                continue;
            }
            int count = field.isRepeated() ? random.nextInt(4) : 1;
            for (int i = 0; i < count; i++) {
                Object value = randomValue(type, field, random, depth);
                if (field.isRepeated()) {
                    message.addRepeatedField(field, value);
                } else {
                    message.setField(field, value);
                }
            }
        }
        return message.build();
    }

    private static Object randomValue(Descriptor owner, FieldDescriptor field, Random random, int depth) {
        if (owner.getFullName().equals("datasets.v1.IngestRequest") && field.getName().equals("values")) {
            return random.nextInt(5) == 0 ? randomBytes(random)
                    : randomMessage(DatapointTypes.resolve(dataset.getType()), random, depth + 1).toByteString();
        }
        return switch (field.getJavaType()) {
            case MESSAGE -> randomMessage(field.getMessageType(), random, depth + 1);
            case ENUM -> randomEnum(field.getEnumType(), random);
            case STRING -> STRINGS[random.nextInt(STRINGS.length)];
            case LONG -> LONGS[random.nextInt(LONGS.length)];
            case INT -> INTS[random.nextInt(INTS.length)];
            case BOOLEAN -> random.nextBoolean();
            case DOUBLE -> new double[] {0, -1, 1e308, Double.NaN, Double.POSITIVE_INFINITY, 2.5}[random.nextInt(6)];
            case FLOAT -> new float[] {0, Float.NaN, -3.5f}[random.nextInt(3)];
            case BYTE_STRING -> randomBytes(random);
        };
    }

    private static Object randomEnum(EnumDescriptor type, Random random) {
        int number = random.nextInt(type.getValues().size() + 2) - 1;
        return type.findValueByNumberCreatingIfUnknown(number);
    }

    private static ByteString randomId(Random random) {
        return switch (random.nextInt(4)) {
            case 0, 1 -> IDS.get(random.nextInt(IDS.size()));
            case 2 -> ByteString.copyFrom(new byte[16]);
            default -> randomBytes(random);
        };
    }

    private static ByteString randomWkb(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> TestCatalog.wkb("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))");
            case 1 -> TestCatalog.wkb("POLYGON ((170 -5, -170 -5, -170 5, 170 5, 170 -5))");
            case 2 -> TestCatalog.wkb("POINT (1 2)");
            case 3 -> TestCatalog.wkb("POLYGON ((0 0, 10 10, 10 0, 0 10, 0 0))");
            default -> randomBytes(random);
        };
    }

    private static ByteString randomBytes(Random random) {
        byte[] bytes = new byte[random.nextInt(40)];
        random.nextBytes(bytes);
        return ByteString.copyFrom(bytes);
    }
}
