package dev.skyloom.local;

import com.google.protobuf.ByteString;
import dev.skyloom.local.store.DatapointIds;
import dev.skyloom.wire.datasets.v1.CollectionInfo;
import dev.skyloom.wire.datasets.v1.Dataset;
import dev.skyloom.wire.datasets.v1.DatasetKind;
import dev.skyloom.wire.datasets.v1.DeleteRequest;
import dev.skyloom.wire.datasets.v1.DeleteResponse;
import dev.skyloom.wire.datasets.v1.IngestRequest;
import dev.skyloom.wire.datasets.v1.IngestResponse;
import dev.skyloom.wire.tilebox.v1.ID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.skyloom.local.TestCatalog.during;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IngestAndDeleteTest {

    private static final Instant T = Instant.parse("2025-01-01T00:00:19.024Z");
    private static final String DELETE = "/datasets.v1.DataIngestionService/Delete";

    private static LocalServer server;
    private static TestCatalog catalog;

    @BeforeAll
    static void start() {
        server = LocalServer.start(LocalServerConfig.defaults());
        catalog = new TestCatalog(new ConnectTestClient(server.url()));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static List<byte[]> threeDatapoints(Dataset dataset) {
        return List.of(TestCatalog.datapoint(dataset, T, "a", null),
                TestCatalog.datapoint(dataset, T.plusSeconds(1), "b", null),
                TestCatalog.datapoint(dataset, T.plusSeconds(2), "c", null));
    }

    private static int count(Dataset dataset) {
        return catalog.query(dataset, during(T.minusSeconds(60), T.plusSeconds(60)), null, false).getData()
                .getValueCount();
    }

    @Test
    void idsStartWithTheTimeInMillisecondsAndComeInRequestOrder() {
        Dataset dataset = catalog.dataset("ingest_ids", DatasetKind.DATASET_KIND_TEMPORAL);
        CollectionInfo collection = catalog.collection(dataset, "c");
        List<byte[]> values = new ArrayList<>(threeDatapoints(dataset));
        java.util.Collections.reverse(values);

        IngestResponse response = catalog.ingest(collection, values, true);

        assertThat(response.getNumCreated()).isEqualTo(3);
        assertThat(response.getDatapointIdsList()).extracting(id -> DatapointIds.timeMs(id.getUuid().toByteArray()))
                .containsExactly(T.plusSeconds(2).toEpochMilli(), T.plusSeconds(1).toEpochMilli(), T.toEpochMilli());
        assertThat(DatapointIds.toUuid(response.getDatapointIds(2).getUuid().toByteArray()).toString())
                .startsWith("01941f29-c650-");
    }

    @Test
    void ingestingTheSameDatapointsTwiceCreatesNothingTheSecondTime() {
        Dataset dataset = catalog.dataset("idempotent", DatasetKind.DATASET_KIND_TEMPORAL);
        CollectionInfo collection = catalog.collection(dataset, "c");

        IngestResponse first = catalog.ingest(collection, threeDatapoints(dataset), true);
        IngestResponse second = catalog.ingest(collection, threeDatapoints(dataset), true);

        assertThat(second.getNumCreated()).isZero();
        assertThat(second.getNumExisting()).isEqualTo(3);
        assertThat(second.getDatapointIdsList()).isEqualTo(first.getDatapointIdsList());
        assertThat(count(dataset)).isEqualTo(3);
    }

    @Test
    void allowExistingFalseRefusesTheWholeRequestIfOneExists() {
        Dataset dataset = catalog.dataset("no_existing", DatasetKind.DATASET_KIND_TEMPORAL);
        CollectionInfo collection = catalog.collection(dataset, "c");
        catalog.ingest(collection, List.of(TestCatalog.datapoint(dataset, T, "a", null)), true);

        assertThatThrownBy(() -> catalog.ingest(collection, threeDatapoints(dataset), false))
                .isInstanceOfSatisfying(ConnectTestClient.Failure.class, f -> {
                    assertThat(f.status).isEqualTo(400);
                    assertThat(f.code).isEqualTo("invalid_argument");
                    assertThat(f.message()).isEqualTo("found existing datapoints with same id, refusing to ingest "
                            + "with \"allow_existing=false\"");
                });
        assertThat(count(dataset)).isEqualTo(1);
    }

    @Test
    void badValuesAreRejectedNamingTheirIndexAndNothingIsWritten() {
        Dataset dataset = catalog.dataset("bad_values", DatasetKind.DATASET_KIND_TEMPORAL);
        CollectionInfo collection = catalog.collection(dataset, "c");
        byte[] noTime = TestCatalog.datapoint(dataset, null, "timeless", null);
        byte[] garbage = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF};

        assertThatThrownBy(() -> catalog.ingest(collection,
                List.of(TestCatalog.datapoint(dataset, T, "a", null), noTime), true))
                .hasMessageContaining("400 invalid_argument").hasMessageContaining("datapoint 1 has no time");
        assertThatThrownBy(() -> catalog.ingest(collection, List.of(garbage), true))
                .hasMessageContaining("400 invalid_argument").hasMessageContaining("value 0 is not a valid");
        assertThatThrownBy(() -> catalog.ingest(collection, List.of(new byte[0]), true))
                .hasMessageContaining("400 invalid_argument").hasMessageContaining("value 0 is empty");
        assertThat(count(dataset)).isZero();
    }

    @Test
    void moreThan8192ValuesAreRejected() {
        Dataset dataset = catalog.dataset("too_many", DatasetKind.DATASET_KIND_TEMPORAL);
        CollectionInfo collection = catalog.collection(dataset, "c");
        List<byte[]> values = new ArrayList<>();
        for (int i = 0; i < 8193; i++) {
            values.add(TestCatalog.datapoint(dataset, T.plusMillis(i), "v", null));
        }

        assertThatThrownBy(() -> catalog.ingest(collection, values, true))
                .hasMessageContaining("400 invalid_argument").hasMessageContaining("8193");
        assertThat(catalog.ingest(collection, values.subList(0, 8192), true).getNumCreated()).isEqualTo(8192);
    }

    @Test
    void ingestIntoAnUnknownCollectionIsNotFound() {
        ID unknown = DatapointIds.wire(java.util.UUID.randomUUID());
        assertThatThrownBy(() -> catalog.client.call(TestCatalog.INGEST, IngestRequest.newBuilder()
                .setCollectionId(unknown).addValues(ByteString.copyFromUtf8("x")).build(), IngestResponse.parser()))
                .hasMessageContaining("404 not_found").hasMessageContaining("no such collection");
    }

    @Test
    void deleteIsAllOrNothing() {
        Dataset dataset = catalog.dataset("delete_all", DatasetKind.DATASET_KIND_TEMPORAL);
        CollectionInfo collection = catalog.collection(dataset, "c");
        List<ID> ids = catalog.ingest(collection, threeDatapoints(dataset), true).getDatapointIdsList();
        ID unknown = DatapointIds.wire(DatapointIds.prefix(T.toEpochMilli()));

        assertThatThrownBy(() -> delete(collection, List.of(ids.get(0), unknown)))
                .hasMessageContaining("404 not_found")
                .hasMessageContaining(DatapointIds.toUuid(unknown.getUuid().toByteArray()).toString());
        assertThat(count(dataset)).isEqualTo(3);

        assertThat(delete(collection, ids.subList(0, 2)).getNumDeleted()).isEqualTo(2);
        assertThat(count(dataset)).isEqualTo(1);
    }

    private static DeleteResponse delete(CollectionInfo collection, List<ID> ids) {
        return catalog.client.call(DELETE, DeleteRequest.newBuilder()
                .setCollectionId(collection.getCollection().getId()).addAllDatapointIds(ids).build(),
                DeleteResponse.parser());
    }
}
