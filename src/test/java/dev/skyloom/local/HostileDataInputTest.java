package dev.skyloom.local;

import com.google.protobuf.ByteString;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Timestamp;
import dev.skyloom.local.schema.DatapointTypes;
import dev.skyloom.local.schema.DatasetFields;
import dev.skyloom.wire.datasets.v1.CollectionInfo;
import dev.skyloom.wire.datasets.v1.CreateCollectionRequest;
import dev.skyloom.wire.datasets.v1.CreateDatasetRequest;
import dev.skyloom.wire.datasets.v1.Dataset;
import dev.skyloom.wire.datasets.v1.DatasetKind;
import dev.skyloom.wire.datasets.v1.DatasetType;
import dev.skyloom.wire.datasets.v1.FieldComparison;
import dev.skyloom.wire.datasets.v1.FieldComparisonOperator;
import dev.skyloom.wire.datasets.v1.FieldQueryValue;
import dev.skyloom.wire.datasets.v1.FilterExpression;
import dev.skyloom.wire.datasets.v1.GetCollectionByNameRequest;
import dev.skyloom.wire.datasets.v1.GetDatasetRequest;
import dev.skyloom.wire.datasets.v1.IngestRequest;
import dev.skyloom.wire.datasets.v1.IngestResponse;
import dev.skyloom.wire.datasets.v1.QueryFilters;
import dev.skyloom.wire.datasets.v1.QueryRequest;
import dev.skyloom.wire.datasets.v1.QueryResultPage;
import dev.skyloom.wire.tilebox.v1.TimeInterval;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Bad input against the local server: every case is refused with a 4xx status and its Connect code (never 500), the
 * refusal leaves exactly one log line without a stack trace, and the server then still answers a normal query. The
 * server's database is capped at a few MiB, so that "disk full" is a case too.
 */
class HostileDataInputTest {

    private static final Instant T = Instant.parse("2025-03-01T00:00:00Z");
    private static final long MAX_DATA_BYTES = 2L << 20;

    private static LocalServer server;
    private static TestCatalog catalog;
    private static Dataset dataset;
    private static CollectionInfo collection;
    private static final Logger SERVER_LOG = Logger.getLogger("dev.skyloom.local");
    private static final List<LogRecord> LOGGED = new CopyOnWriteArrayList<>();
    private static final Handler CAPTURE = new Handler() {
        @Override
        public void publish(LogRecord record) {
            LOGGED.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level previousLevel;

    @BeforeAll
    static void start() {
        server = LocalServer.start(LocalServerConfig.defaults().withMaxDataBytes(MAX_DATA_BYTES));
        catalog = new TestCatalog(new ConnectTestClient(server.url()));
        DatasetType type = DatasetType.newBuilder().setKind(DatasetKind.DATASET_KIND_SPATIOTEMPORAL)
                .addFields(DatasetFields.field("label", FieldDescriptorProto.Type.TYPE_STRING, false, "a label", "x"))
                .addFields(DatasetFields.messageField("seen", DatasetFields.TIMESTAMP, false, "when seen", ""))
                .build();
        dataset = catalog.client.call(TestCatalog.CREATE_DATASET, CreateDatasetRequest.newBuilder().setName("hostile")
                .setCodeName("hostile").setType(type).build(), Dataset.parser());
        collection = catalog.collection(dataset, "normal");
        catalog.ingest(collection, List.of(TestCatalog.datapoint(dataset, T, "a", "POINT (1 2)"),
                TestCatalog.datapoint(dataset, T.plusSeconds(1), "b", null)), true);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void captureTheServerLog() {
        previousLevel = SERVER_LOG.getLevel();
        SERVER_LOG.setLevel(Level.ALL);
        SERVER_LOG.addHandler(CAPTURE);
    }

    @AfterEach
    void restoreTheServerLog() {
        SERVER_LOG.removeHandler(CAPTURE);
        SERVER_LOG.setLevel(previousLevel);
    }

    /**
     * Runs a call that must be refused and checks the refusal: status, Connect code, a short one-line message, one
     * log line without a stack trace, and a server that answers a normal query afterwards.
     *
     * @return the refusal's message
     */
    private static String refused(int status, String code, Supplier<?> call) {
        LOGGED.clear();
        ConnectTestClient.Failure failure = catchThrowableOfType(ConnectTestClient.Failure.class, call::get);
        assertThat(failure).as("the call was refused").isNotNull();
        assertThat(failure.status).as(failure.getMessage()).isEqualTo(status);
        assertThat(failure.code).isEqualTo(code);
        assertThat(failure.message()).hasSizeLessThan(400).doesNotContain("\n");
        assertThat(LOGGED).as("log lines of one refused request").hasSize(1);
        LogRecord line = LOGGED.getFirst();
        assertThat(line.getThrown()).isNull();
        assertThat(line.getMessage()).contains(code).doesNotContain("\n").hasSizeLessThan(600);
        assertThat(TestCatalog.labels(TestCatalog.decode(dataset, normalQuery().getData().getValueList())))
                .as("a normal query after the refusal").containsExactly("a", "b");
        return failure.message();
    }

    private static QueryResultPage normalQuery() {
        return catalog.query(dataset, TestCatalog.during(T, T.plusSeconds(2)), null, false);
    }

    private static CollectionInfo createCollection(String name) {
        return catalog.client.call(TestCatalog.CREATE_COLLECTION, CreateCollectionRequest.newBuilder()
                .setDatasetId(dataset.getId()).setName(name).build(), CollectionInfo.parser());
    }

    private static QueryResultPage queryBetween(Timestamp start, Timestamp end) {
        return catalog.client.call(TestCatalog.QUERY, QueryRequest.newBuilder().setDatasetId(dataset.getId())
                .setFilters(QueryFilters.newBuilder().setTimeInterval(TimeInterval.newBuilder().setStartTime(start)
                        .setEndTime(end))).build(), QueryResultPage.parser());
    }

    private static IngestResponse ingest(List<ByteString> values) {
        return catalog.client.call(TestCatalog.INGEST, IngestRequest.newBuilder()
                .setCollectionId(collection.getCollection().getId()).addAllValues(values).setAllowExisting(true)
                .build(), IngestResponse.parser());
    }

    private static ByteString datapoint(Timestamp time, Timestamp seen, String label) {
        Descriptor type = DatapointTypes.resolve(dataset.getType());
        DynamicMessage.Builder datapoint = DynamicMessage.newBuilder(type)
                .setField(type.findFieldByName("time"), time).setField(type.findFieldByName("label"), label);
        if (seen != null) {
            datapoint.setField(type.findFieldByName("seen"), seen);
        }
        return datapoint.build().toByteString();
    }

    private static Timestamp at(long seconds, int nanos) {
        return Timestamp.newBuilder().setSeconds(seconds).setNanos(nanos).build();
    }

    @Test
    void collectionNamesWithControlOrBidiCharactersAreRefused() {
        assertThat(refused(400, "invalid_argument", () -> createCollection("a\u0000b")))
                .contains("U+0000").contains("control characters");
        assertThat(refused(400, "invalid_argument", () -> createCollection("two\nlines"))).contains("U+000A");
        assertThat(refused(400, "invalid_argument", () -> createCollection("txt.\u202egnp"))).contains("U+202E")
                .contains("bidi");
        assertThat(refused(400, "invalid_argument", () -> catalog.client.call(
                "/datasets.v1.CollectionService/GetCollectionByName", GetCollectionByNameRequest.newBuilder()
                        .setDatasetId(dataset.getId()).setCollectionName("x\u0007").build(), CollectionInfo.parser())))
                .contains("collection_name");
    }

    @Test
    void collectionNamesWithSpaceAtAnEndOrTooLongAreRefused() {
        assertThat(refused(400, "invalid_argument", () -> createCollection("trailing "))).contains("space");
        assertThat(refused(400, "invalid_argument", () -> createCollection(" leading"))).contains("space");
        assertThat(refused(400, "invalid_argument", () -> createCollection("x".repeat(2_000_000))))
                .contains("too long").contains("(2000000 characters)");
        assertThat(createCollection("ok name, with spaces inside").getCollection().getName())
                .isEqualTo("ok name, with spaces inside");
    }

    @Test
    void datasetNamesAndCodeNamesAreChecked() {
        DatasetType type = DatasetType.newBuilder().setKind(DatasetKind.DATASET_KIND_TEMPORAL).build();
        assertThat(refused(400, "invalid_argument", () -> catalog.client.call(TestCatalog.CREATE_DATASET,
                CreateDatasetRequest.newBuilder().setName("evil\u2066name").setCodeName("evil").setType(type).build(),
                Dataset.parser()))).contains("U+2066");
        assertThat(refused(400, "invalid_argument", () -> catalog.client.call(TestCatalog.CREATE_DATASET,
                CreateDatasetRequest.newBuilder().setName("Long").setCodeName("a".repeat(600_000)).setType(type)
                        .build(), Dataset.parser()))).contains("invalid code name").contains("(600000 characters)");
    }

    @Test
    void aHugeSlugIsRefusedWithoutRecursion() {
        String slug = "a.".repeat(300_000) + "a";
        assertThat(refused(400, "invalid_argument", () -> catalog.client.call(
                "/datasets.v1.DatasetService/GetDataset", GetDatasetRequest.newBuilder().setSlug(slug).build(),
                Dataset.parser()))).contains("invalid dataset slug").contains("(600001 characters)");
        assertThat(refused(400, "invalid_argument", () -> catalog.client.call(
                "/datasets.v1.DatasetService/GetDataset", GetDatasetRequest.newBuilder().setSlug("a..b").build(),
                Dataset.parser()))).contains("'a..b'");
    }

    @Test
    void queryTimesOutsideTheTimestampRangeAreRefused() {
        assertThat(refused(400, "invalid_argument", () -> queryBetween(at(0, 0), at(1L << 62, 0))))
                .contains("time interval end_time").contains("0001-01-01 to 9999-12-31");
        assertThat(refused(400, "invalid_argument", () -> queryBetween(at(-(1L << 62), 0), at(0, 0))))
                .contains("start_time");
        assertThat(refused(400, "invalid_argument", () -> queryBetween(at(0, -1), at(10, 0))))
                .contains("nanos -1");
        assertThat(refused(400, "invalid_argument", () -> queryBetween(at(0, 0), at(10, 2_000_000_000))))
                .contains("nanos 2000000000");
    }

    @Test
    void ingestedTimestampsOutsideTheRangeAreRefusedAndNothingIsWritten() {
        Timestamp ok = at(T.getEpochSecond() + 5, 0);
        assertThat(refused(400, "invalid_argument", () -> ingest(List.of(datapoint(ok, null, "fine"),
                datapoint(at(1L << 62, 0), null, "far"))))).contains("datapoint 1: field 'time'");
        assertThat(refused(400, "invalid_argument", () -> ingest(List.of(datapoint(at(0, -1), null, "neg")))))
                .contains("nanos -1");
        assertThat(refused(400, "invalid_argument", () -> ingest(List.of(datapoint(ok, at(0, 2_000_000_000),
                "nested"))))).contains("datapoint 0: field 'seen' has nanos 2000000000");
        assertThat(catalog.query(dataset, TestCatalog.during(T.plusSeconds(5), T.plusSeconds(6)), null, false)
                .getData().getValueCount()).as("nothing of a refused batch is written").isZero();
        assertThat(ingest(List.of(datapoint(ok, at(-62_135_596_800L, 0), "year one"))).getNumCreated())
                .isEqualTo(1);
    }

    @Test
    void aHugeFilterFieldNameIsRefusedWithAShortMessage() {
        FilterExpression filter = FilterExpression.newBuilder().setComparison(FieldComparison.newBuilder()
                .setFieldName("f".repeat(500_000)).setOperator(FieldComparisonOperator.FIELD_COMPARISON_OPERATOR_EQUAL)
                .setValue(FieldQueryValue.newBuilder().setInt64Value(1))).build();
        assertThat(refused(400, "invalid_argument", () -> catalog.client.call(TestCatalog.QUERY,
                QueryRequest.newBuilder().setDatasetId(dataset.getId()).setFilters(TestCatalog.during(T,
                        T.plusSeconds(60)).toBuilder().addExpressions(filter)).build(), QueryResultPage.parser())))
                .contains("invalid field name").contains("(500000 characters)");
    }

    @Test
    void aFullDiskIsResourceExhaustedAndLosesNothing() {
        CollectionInfo bulk = createCollection("bulk");
        List<ByteString> batch = new java.util.ArrayList<>();
        String padding = "p".repeat(2_000);
        for (int i = 0; i < 2_000; i++) {
            batch.add(datapoint(at(T.getEpochSecond() + 100 + i, 0), null, padding + i));
        }
        String message = refused(429, "resource_exhausted", () -> catalog.client.call(TestCatalog.INGEST,
                IngestRequest.newBuilder().setCollectionId(bulk.getCollection().getId()).addAllValues(batch).build(),
                IngestResponse.parser()));
        assertThat(message).contains("storage is full").contains("nothing of this request was written");
        // the batch left nothing behind, and a small write still fits
        assertThat(catalog.query(dataset, TestCatalog.during(T.plusSeconds(100), T.plusSeconds(5000)), null, false)
                .getData().getValueCount()).isZero();
        assertThat(ingest(List.of(datapoint(at(T.getEpochSecond() + 7, 0), null, "small"))).getNumCreated())
                .isEqualTo(1);
    }
}
