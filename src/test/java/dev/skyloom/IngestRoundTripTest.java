package dev.skyloom;

import dev.skyloom.local.LocalServer;
import dev.skyloom.local.LocalServerConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Writes against the local server: create a dataset of every field type, ingest, read back, re-ingest, delete. */
class IngestRoundTripTest {

    private static final int COUNT = 20_000;
    private static final Instant START = Instant.parse("2024-06-01T00:00:00Z");
    private static final GeometryFactory GEOMETRIES = new GeometryFactory(new PrecisionModel(), 4326);
    private static final BigInteger MAX_UINT64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    record Observation(Instant time, Geometry geometry, String name, byte[] blob, boolean flag, long count,
                       BigInteger size, double ratio, Duration span, Instant seen, UUID ref, Geometry footprint,
                       List<String> tags) {
    }

    private static LocalServer server;
    private static DatasetsClient client;
    private static Dataset dataset;

    @BeforeAll
    static void start() {
        server = LocalServer.start(LocalServerConfig.defaults());
        client = DatasetsClient.builder().url(server.url().toString()).apiKey(null).build();
        dataset = client.createOrUpdateDataset(DatasetKind.SPATIOTEMPORAL, "every_type",
                IngestEncoderTest.EVERY_TYPE, "Every field type");
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    private static Observation observation(int i) {
        Instant time = START.plusMillis(1500L * i + (i % 7));
        return new Observation(time,
                GEOMETRIES.toGeometry(new Envelope(i % 360 - 180, i % 360 - 179, -10, -9)),
                i % 5 == 0 ? null : "obs-" + i,
                new byte[] {(byte) i, (byte) (i >> 8)},
                i % 2 == 0, i - 10_000L, MAX_UINT64.subtract(BigInteger.valueOf(i)), i / 3.0, Duration.ofMillis(i * 37L),
                time.minusNanos(i), new UUID(i, -i), GEOMETRIES.createPoint(new Coordinate(i % 180, i % 90)),
                i % 3 == 0 ? List.of() : List.of("t" + i, "u"));
    }

    @Test
    void twentyThousandRecordsRoundTripAreIdempotentAndDeleteCompletely() {
        Collection collection = dataset.createCollection("round_trip");
        List<Observation> items = IntStream.range(0, COUNT).mapToObj(IngestRoundTripTest::observation).toList();
        List<QueryProgress> progress = new CopyOnWriteArrayList<>();

        IngestResult first = collection.ingest(items, true, progress::add);

        assertThat(first.created()).isEqualTo(COUNT);
        assertThat(first.existing()).isZero();
        assertThat(first.ids()).hasSize(COUNT).doesNotHaveDuplicates();
        assertThat(progress).extracting(QueryProgress::pages).containsExactly(1L, 2L, 3L);
        assertThat(progress).extracting(QueryProgress::datapoints).containsExactly(8192L, 16384L, 20000L);

        Query all = Query.between("2024-06-01", "2024-07-01");
        List<Datapoint> stored = collection.query(all);
        assertThat(stored).hasSize(COUNT);
        assertThat(stored).extracting(Datapoint::id).containsExactlyElementsOf(first.ids());
        for (int i = 0; i < COUNT; i++) {
            Observation expected = items.get(i);
            Datapoint actual = stored.get(i);
            assertThat(actual.time()).isEqualTo(expected.time());
            assertThat(actual.geometry()).contains(expected.geometry());
            assertThat(actual.get("name")).isEqualTo(expected.name());
            assertThat((byte[]) actual.get("blob")).isEqualTo(expected.blob());
            assertThat(actual.get("flag")).isEqualTo(expected.flag());
            assertThat(actual.get("count")).isEqualTo(expected.count());
            assertThat(actual.get("size")).isEqualTo(expected.size());
            assertThat(actual.get("ratio")).isEqualTo(expected.ratio());
            assertThat(actual.get("span")).isEqualTo(expected.span());
            assertThat(actual.get("seen")).isEqualTo(expected.seen());
            assertThat(actual.get("ref")).isEqualTo(expected.ref());
            assertThat(actual.get("footprint")).isEqualTo(expected.footprint());
            assertThat(actual.get("tags")).isEqualTo(expected.tags().isEmpty() ? null : expected.tags());
            assertThat(actual.ingestionTime()).isPresent();
        }

        IngestResult again = collection.ingest(items);
        assertThat(again.created()).isZero();
        assertThat(again.existing()).isEqualTo(COUNT);
        assertThat(again.ids()).isEqualTo(first.ids());

        assertThat(collection.delete(first.ids())).isEqualTo(COUNT);
        assertThat(collection.query(all)).isEmpty();
        assertThat(collection.info().count()).hasValue(0);
    }

    @Test
    void aBadItemFailsTheIngestBeforeAnythingIsWritten() {
        Collection collection = dataset.createCollection("bad_items");
        List<Object> items = new ArrayList<>(List.of(observation(1), observation(2)));
        items.add(java.util.Map.of("time", START, "colour", "red"));

        assertThatThrownBy(() -> collection.ingest(items))
                .isInstanceOf(InvalidItemException.class)
                .hasMessageStartingWith("item 2, field 'colour': no such field");
        assertThat(collection.info().count()).hasValue(0);
    }

    @Test
    void allowExistingFalseRefusesABatchWithAnExistingDatapoint() {
        Collection collection = dataset.createCollection("strict");
        collection.ingest(List.of(observation(1)));

        assertThatThrownBy(() -> collection.ingest(List.of(observation(2), observation(1)), false,
                ProgressListener.NONE))
                .isInstanceOf(SkyloomException.InvalidArgument.class)
                .hasMessageContaining("batch 1 of 1 (items 0..1) failed after 0 datapoints were created");
        assertThat(collection.info().count()).hasValue(1);
    }

    @Test
    void deletingAnUnknownIdDeletesNothingOfItsBatch() {
        Collection collection = dataset.createCollection("deletes");
        IngestResult stored = collection.ingest(List.of(observation(1), observation(2)));
        UUID unknown = new UUID(stored.ids().getFirst().getMostSignificantBits(), 42);

        assertThatThrownBy(() -> collection.delete(List.of(stored.ids().getFirst(), unknown)))
                .isInstanceOf(SkyloomException.NotFound.class)
                .hasMessageContaining("batch 1 of 1 (ids 0..1) failed after 0 datapoints were deleted");
        assertThat(collection.info().count()).hasValue(2);
        assertThat(dataset.getOrCreateCollection("deletes").id()).isEqualTo(collection.id());
        dataset.deleteCollection(collection);
        assertThatThrownBy(() -> dataset.collection("deletes")).isInstanceOf(SkyloomException.NotFound.class);
    }

    @Test
    void updatingADatasetWithDataKeepsTheNumbersOfItsFields() {
        List<FieldSpec> before = List.of(FieldSpec.of("a", FieldType.INT64), FieldSpec.of("b", FieldType.STRING));
        Dataset v1 = client.createOrUpdateDataset(DatasetKind.TEMPORAL, "evolving", before, "Evolving");
        Collection collection = v1.createCollection("c");
        collection.ingest(List.of(java.util.Map.of("time", START, "a", 1L, "b", "one")));

        List<FieldSpec> after = List.of(FieldSpec.of("c", FieldType.DOUBLE), FieldSpec.of("a", FieldType.INT64),
                FieldSpec.of("b", FieldType.STRING));
        Dataset v2 = client.createOrUpdateDataset(DatasetKind.TEMPORAL, "evolving", after, "Evolving v2");
        assertThat(v2.info().id()).isEqualTo(v1.info().id());
        assertThat(v2.info().name()).isEqualTo("Evolving v2");
        Collection updated = v2.collection("c");
        updated.ingest(List.of(java.util.Map.of("time", START.plusSeconds(1), "a", 2L, "b", "two", "c", 0.5)));

        List<Datapoint> all = updated.query(Query.between("2024-06-01", "2024-06-02"));
        assertThat(all).extracting(d -> d.get("a")).containsExactly(1L, 2L);
        assertThat(all).extracting(d -> d.get("b")).containsExactly("one", "two");
        assertThat(all).extracting(d -> d.get("c")).containsExactly(null, 0.5);

        assertThatThrownBy(() -> client.createOrUpdateDataset(DatasetKind.TEMPORAL, "evolving",
                List.of(FieldSpec.of("a", FieldType.STRING)), "Evolving"))
                .isInstanceOf(SkyloomException.InvalidArgument.class)
                .hasMessageContaining("cannot be removed or changed");
    }
}
