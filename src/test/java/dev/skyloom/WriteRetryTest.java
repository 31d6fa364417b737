package dev.skyloom;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import dev.skyloom.wire.datasets.v1.DeleteResponse;
import dev.skyloom.wire.datasets.v1.GetCollectionByNameRequest;
import dev.skyloom.wire.datasets.v1.IngestResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Writes whose first response is lost (the server applied the attempt, but the client saw a 503) and which are
 * retried: the reported counts must be those of a call that saw no failure.
 */
@WireMockTest
class WriteRetryTest {

    private static final String INGEST = "/datasets.v1.DataIngestionService/Ingest";
    private static final String DELETE = "/datasets.v1.DataIngestionService/Delete";
    private static final String QUERY = "/datasets.v1.DataAccessService/Query";
    private static final Instant T = Instant.parse("2025-03-01T10:00:00Z");
    private static final List<UUID> IDS = List.of(WireFixtures.idAt(T, 1), WireFixtures.idAt(T.plusSeconds(1), 2),
            WireFixtures.idAt(T.plusSeconds(2), 3));

    private DatasetsClient client;
    private Collection collection;

    @BeforeEach
    void connect(WireMockRuntimeInfo wm) {
        WireFixtures.stubRpc("/datasets.v1.DatasetService/GetDataset", WireFixtures.dataset());
        WireFixtures.stubRpc("/datasets.v1.CollectionService/GetCollectionByName",
                GetCollectionByNameRequest.newBuilder().setCollectionName("A")
                        .setDatasetId(Ids.toWire(WireFixtures.DATASET)).build(),
                WireFixtures.collection("A", WireFixtures.COLLECTION_A));
        client = DatasetsClient.builder().url(wm.getHttpBaseUrl()).apiKey(null)
                .retryPolicy(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5))).build();
        collection = client.dataset(WireFixtures.SLUG).collection("A");
    }

    @AfterEach
    void close() {
        client.close();
    }

    private static List<Map<String, Object>> items() {
        return List.of(Map.of("time", T, "granule_name", "G1"), Map.of("time", T.plusSeconds(1), "granule_name", "G2"),
                Map.of("time", T.plusSeconds(2), "granule_name", "G3"));
    }

    /** First attempt answered 503 (but applied), the retry answered {@code second}. */
    private static void lostThenAnswered(String path, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder
            second) {
        stubFor(post(urlEqualTo(path)).inScenario(path).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(WireFixtures.error(503, "unavailable", "connection reset")).willSetStateTo("retry"));
        stubFor(post(urlEqualTo(path)).inScenario(path).whenScenarioStateIs("retry").willReturn(second));
    }

    private static IngestResponse allExisting() {
        IngestResponse.Builder response = IngestResponse.newBuilder().setNumCreated(0).setNumExisting(3);
        IDS.forEach(id -> response.addDatapointIds(Ids.toWire(id)));
        return response.build();
    }

    /** The metadata-only page the reconciliation query gets: id and time of each stored datapoint, ingestion time. */
    private static void storedNow(Map<UUID, Instant> ingestionTimes) {
        List<ByteString> values = ingestionTimes.entrySet().stream()
                .map(e -> metadata(e.getKey(), e.getValue())).toList();
        WireFixtures.stubRpc(QUERY, WireFixtures.page(values, null));
    }

    private static ByteString metadata(UUID id, Instant ingested) {
        Descriptor d = WireFixtures.DESCRIPTOR;
        Descriptor uuid = d.findFieldByName("id").getMessageType();
        Message idMessage = DynamicMessage.newBuilder(uuid)
                .setField(uuid.findFieldByName("uuid"), Ids.toWire(id).getUuid()).build();
        return DynamicMessage.newBuilder(d)
                .setField(d.findFieldByName("time"), timestamp(Instant.ofEpochMilli(id.getMostSignificantBits() >>> 16)))
                .setField(d.findFieldByName("id"), idMessage)
                .setField(d.findFieldByName("ingestion_time"), timestamp(ingested))
                .build().toByteString();
    }

    private static Timestamp timestamp(Instant t) {
        return Timestamp.newBuilder().setSeconds(t.getEpochSecond()).setNanos(t.getNano()).build();
    }

    @Test
    void aRetriedIngestCountsWhatItsLostFirstAttemptStoredAsCreated() {
        lostThenAnswered(INGEST, WireFixtures.proto(allExisting()));
        // the first datapoint was stored long before; the lost attempt stored the other two just now
        storedNow(Map.of(IDS.get(0), Instant.parse("2024-01-01T00:00:00Z"), IDS.get(1), Instant.now(),
                IDS.get(2), Instant.now()));

        IngestResult result = collection.ingest(items());

        assertThat(result.ids()).containsExactlyElementsOf(IDS);
        assertThat(result.created()).isEqualTo(2);
        assertThat(result.existing()).isEqualTo(1);
        verify(2, postRequestedFor(urlEqualTo(INGEST)));
        verify(1, postRequestedFor(urlEqualTo(QUERY)));
    }

    @Test
    void aRetriedIngestWhoseFirstAttemptWasNotAppliedKeepsTheServersCounts() {
        lostThenAnswered(INGEST, WireFixtures.proto(allExisting()));
        Instant old = Instant.parse("2024-01-01T00:00:00Z");
        storedNow(Map.of(IDS.get(0), old, IDS.get(1), old, IDS.get(2), old));

        IngestResult result = collection.ingest(items());

        assertThat(result.created()).isZero();
        assertThat(result.existing()).isEqualTo(3);
    }

    @Test
    void anIngestAnsweredAtTheFirstAttemptIsNotReconciled() {
        WireFixtures.stubRpc(INGEST, allExisting());

        IngestResult result = collection.ingest(items());

        assertThat(result.created()).isZero();
        assertThat(result.existing()).isEqualTo(3);
        verify(0, postRequestedFor(urlEqualTo(QUERY)));
    }

    @Test
    void aRetriedDeleteToldNotFoundCountsTheBatchItsLostAttemptDeleted() {
        lostThenAnswered(DELETE, WireFixtures.error(404, "not_found", "no such datapoint"));
        storedNow(Map.of());

        assertThat(collection.delete(IDS)).isEqualTo(3);
        verify(2, postRequestedFor(urlEqualTo(DELETE)));
    }

    @Test
    void aRetriedDeleteToldNotFoundWhileIdsRemainReportsTheMissingOnes() {
        lostThenAnswered(DELETE, WireFixtures.error(404, "not_found", "no such datapoint"));
        storedNow(Map.of(IDS.get(0), T, IDS.get(2), T));

        assertThatThrownBy(() -> collection.delete(IDS))
                .isInstanceOf(SkyloomException.NotFound.class)
                .hasMessageContaining("batch 1 of 1 (ids 0..2) failed after 0 datapoints were deleted")
                .hasMessageContaining("nothing of this batch was deleted because 1 of its ids are not in the "
                        + "collection (e.g. " + IDS.get(1) + ")");
    }

    @Test
    void aDeleteAnsweredAtOnceReturnsTheServersCount() {
        WireFixtures.stubRpc(DELETE, DeleteResponse.newBuilder().setNumDeleted(3).build());
        assertThat(collection.delete(IDS)).isEqualTo(3);
        verify(0, postRequestedFor(urlEqualTo(QUERY)));
    }

    @Test
    void ingestingOrDeletingNothingSendsNothing() {
        IngestResult result = collection.ingest(List.of());

        assertThat(result.ids()).isEmpty();
        assertThat(result.created()).isZero();
        assertThat(collection.delete(List.of())).isZero();
        verify(1, postRequestedFor(urlEqualTo("/datasets.v1.DatasetService/GetDataset")));
        verify(0, postRequestedFor(urlEqualTo(INGEST)));
        verify(0, postRequestedFor(urlEqualTo(DELETE)));
    }
}
