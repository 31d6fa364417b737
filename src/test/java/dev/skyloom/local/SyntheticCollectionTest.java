package dev.skyloom.local;

import com.google.protobuf.ByteString;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import dev.skyloom.local.demo.SyntheticTiles;
import dev.skyloom.local.error.RpcException;
import dev.skyloom.local.store.CatalogRows.Collection;
import dev.skyloom.local.store.CatalogRows.Dataset;
import dev.skyloom.local.store.CatalogStore;
import dev.skyloom.local.store.Database;
import dev.skyloom.local.store.DatapointIds;
import dev.skyloom.local.store.DatapointStore;
import dev.skyloom.local.store.DatasetSchema;
import dev.skyloom.local.store.Ingestor;
import dev.skyloom.wire.datasets.v1.Any;
import dev.skyloom.wire.datasets.v1.CollectionInfo;
import dev.skyloom.wire.datasets.v1.FieldComparison;
import dev.skyloom.wire.datasets.v1.FieldComparisonOperator;
import dev.skyloom.wire.datasets.v1.FieldQueryValue;
import dev.skyloom.wire.datasets.v1.FilterExpression;
import dev.skyloom.wire.datasets.v1.GetCollectionByNameRequest;
import dev.skyloom.wire.datasets.v1.Geometry;
import dev.skyloom.wire.datasets.v1.IngestRequest;
import dev.skyloom.wire.datasets.v1.QueryByIDRequest;
import dev.skyloom.wire.datasets.v1.QueryFilters;
import dev.skyloom.wire.datasets.v1.QueryRequest;
import dev.skyloom.wire.datasets.v1.QueryResultPage;
import dev.skyloom.wire.datasets.v1.SpatialCoordinateSystem;
import dev.skyloom.wire.datasets.v1.SpatialFilter;
import dev.skyloom.wire.datasets.v1.SpatialFilterMode;
import dev.skyloom.wire.tilebox.v1.ID;
import dev.skyloom.wire.tilebox.v1.IDInterval;
import dev.skyloom.wire.tilebox.v1.Pagination;
import dev.skyloom.wire.tilebox.v1.TimeInterval;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A synthetic collection answers every query exactly as a stored collection holding the same datapoints does: its
 * twin here, filled by ingesting what the synthetic one serves.
 */
class SyntheticCollectionTest {

    private static final int SIZE = 3000;
    private static final String SLUG = "open_data.synthetic";

    /** A server's RPCs over one in-memory store, with the synthetic collection {@code small} and more. */
    private record Server(Database database, CatalogStore catalog, Datapoints datapoints, DataAccessRpcs access,
                          CollectionRpcs collections, IngestionRpcs ingestion, Dataset dataset) {

        static Server start(List<SyntheticCollection> synthetic, long seed, int pageSize) {
            Database database = Database.open(null);
            CatalogStore catalog = new CatalogStore(database);
            DatapointStore store = new DatapointStore(database);
            Datapoints datapoints = new Datapoints(store, SyntheticSource.register(catalog, synthetic, seed));
            Dataset dataset = catalog.datasetsByCodeName("synthetic").getFirst();
            return new Server(database, catalog, datapoints, new DataAccessRpcs(catalog, datapoints, pageSize),
                    new CollectionRpcs(catalog, datapoints),
                    new IngestionRpcs(catalog, datapoints, new Ingestor(store, Clock.systemUTC())), dataset);
        }

        Collection collection(String name) {
            return catalog.collection(dataset.id(), name).orElseThrow();
        }
    }

    private static Server server;
    private static Collection small;
    private static Collection twin;
    private static List<ByteString> all;

    @BeforeAll
    static void startWithATwinHoldingTheSameDatapoints() {
        server = Server.start(List.of(new SyntheticCollection(SLUG, "small", SIZE),
                new SyntheticCollection(SLUG, "other", 500)), 42, 100);
        small = server.collection("small");
        all = pages(small, year(), null, false).stream().flatMap(p -> p.getData().getValueList().stream()).toList();
        // The twin gets exactly what an Ingest request with these bytes stores, at the synthetic ingestion time.
        twin = new Collection(UUID.randomUUID(), server.dataset().id(), "twin");
        server.catalog().insertCollection(twin);
        DatasetSchema schema = server.catalog().schema(server.dataset());
        Ingestor ingestor = new Ingestor(new DatapointStore(server.database()),
                Clock.fixed(SyntheticSource.INGESTION_TIME, ZoneOffset.UTC));
        for (int from = 0; from < all.size(); from += Ingestor.MAX_ITEMS) {
            ingestor.ingest(twin.id(), schema, all.subList(from, Math.min(all.size(), from + Ingestor.MAX_ITEMS)),
                    false);
        }
    }

    @AfterAll
    static void stop() {
        server.database().close();
    }

    @Test
    void theWholeCollectionIsServedInTimeOrderWithDistinctIdsAndTheSamePagesAsItsTwin() {
        List<QueryResultPage> pages = same(QueryFilters.newBuilder().setTimeInterval(year()).build(), null, false);

        assertThat(all).hasSize(SIZE);
        assertThat(pages).hasSize(SIZE / 100);
        assertThat(pages.getLast().hasNextPage()).isFalse();
        List<byte[]> ids = all.stream().map(SyntheticCollectionTest::id).toList();
        assertThat(IntStream.range(1, SIZE).allMatch(i -> Arrays.compareUnsigned(ids.get(i - 1), ids.get(i)) < 0))
                .isTrue();
        assertThat(DatapointIds.timeMs(ids.getFirst())).isGreaterThanOrEqualTo(SyntheticTiles.START);
        assertThat(DatapointIds.timeMs(ids.getLast())).isLessThan(SyntheticTiles.END);
    }

    @Test
    void intervalsSelectByTheirInclusivityAtExactDatapointTimes() {
        long t100 = DatapointIds.timeMs(id(all.get(100)));
        long t101 = DatapointIds.timeMs(id(all.get(101)));
        long t200 = DatapointIds.timeMs(id(all.get(200)));

        assertThat(indices(interval(t100, t200, false, false))).containsExactlyElementsOf(range(100, 200));
        assertThat(indices(interval(t100, t200, false, true))).containsExactlyElementsOf(range(100, 201));
        assertThat(indices(interval(t100, t200, true, false))).containsExactlyElementsOf(range(101, 200));
        assertThat(indices(interval(t100, t200, true, true))).containsExactlyElementsOf(range(101, 201));
        assertThat(indices(interval(t100 + 1, t101, false, false))).isEmpty();
        assertThat(indices(interval(t100 + 1, t101, false, true))).containsExactly(101);
        assertThat(indices(interval(SyntheticTiles.START - 86_400_000L, SyntheticTiles.START, false, false)))
                .isEmpty();
        assertThat(indices(interval(SyntheticTiles.END, SyntheticTiles.END + 86_400_000L, false, false))).isEmpty();
    }

    @Test
    void datapointIntervalsSelectByIdWithTheirInclusivity() {
        IDInterval.Builder between = IDInterval.newBuilder().setStartId(wire(all.get(50))).setEndId(wire(all.get(60)))
                .setEndInclusive(true);

        List<QueryResultPage> inclusive = same(QueryFilters.newBuilder().setDatapointInterval(between).build(), null,
                false);
        List<QueryResultPage> exclusive = same(QueryFilters.newBuilder()
                .setDatapointInterval(between.setStartExclusive(true).setEndInclusive(false)).build(), null, false);

        assertThat(inclusive.getFirst().getData().getValueList()).containsExactlyElementsOf(all.subList(50, 61));
        assertThat(exclusive.getFirst().getData().getValueList()).containsExactlyElementsOf(all.subList(51, 60));
    }

    @Test
    void spatialAndFieldFiltersSkipDataAndLimitsMatchTheTwin() {
        Geometry europe = Geometry.newBuilder().setWkb(TestCatalog.wkb(
                "POLYGON ((-10 35, 30 35, 30 60, -10 60, -10 35))")).build();
        QueryFilters year = QueryFilters.newBuilder().setTimeInterval(year()).build();
        FilterExpression clear = FilterExpression.newBuilder().setComparison(FieldComparison.newBuilder()
                .setFieldName("cloud_cover").setOperator(FieldComparisonOperator.FIELD_COMPARISON_OPERATOR_LESS_THAN)
                .setValue(FieldQueryValue.newBuilder().setDoubleValue(10))).build();
        FilterExpression s2b = FilterExpression.newBuilder().setComparison(FieldComparison.newBuilder()
                .setFieldName("platform").setOperator(FieldComparisonOperator.FIELD_COMPARISON_OPERATOR_EQUAL)
                .setValue(FieldQueryValue.newBuilder().setStringValue("S2B"))).build();

        int overEurope = count(same(year.toBuilder().setSpatialExtent(SpatialFilter.newBuilder().setGeometry(europe)
                .setMode(SpatialFilterMode.SPATIAL_FILTER_MODE_INTERSECTS)).build(), null, false));
        int inEurope = count(same(year.toBuilder().setSpatialExtent(SpatialFilter.newBuilder().setGeometry(europe)
                .setMode(SpatialFilterMode.SPATIAL_FILTER_MODE_FILTER_CONTAINS_GEOMETRY)
                .setCoordinateSystem(SpatialCoordinateSystem.SPATIAL_COORDINATE_SYSTEM_SPHERICAL)).build(), 7L,
                false));
        int clearS2b = count(same(year.toBuilder().addExpressions(clear).addExpressions(s2b).build(), 13L, true));
        int clearOnly = count(same(year.toBuilder().addExpressions(clear).build(), null, true));

        assertThat(overEurope).isBetween(1, SIZE / 5);
        assertThat(inEurope).isBetween(1, overEurope);
        assertThat(clearOnly).isBetween(SIZE / 20, SIZE / 2);
        assertThat(clearS2b).isBetween(1, clearOnly);
    }

    @Test
    void collectionInfoAndLookupByIdMatchTheTwin() {
        CollectionInfo synthetic = info("small");
        CollectionInfo stored = info("twin");
        Any byId = server.access().queryById(QueryByIDRequest.newBuilder()
                .addCollectionIds(DatapointIds.wire(small.id())).setId(wire(all.get(1234))).build());

        assertThat(synthetic.getCount()).isEqualTo(SIZE);
        assertThat(synthetic.getAvailability()).isEqualTo(stored.getAvailability());
        assertThat(synthetic.getAvailability().getEndInclusive()).isTrue();
        assertThat(byId.getValue()).isEqualTo(all.get(1234));
        assertThatThrownBy(() -> server.access().queryById(QueryByIDRequest.newBuilder()
                .addCollectionIds(DatapointIds.wire(server.collection("other").id())).setId(wire(all.get(1234)))
                .build())).isInstanceOfSatisfying(RpcException.class,
                e -> assertThat(e.code().wireName()).isEqualTo("not_found"));
    }

    @Test
    void queriesOverSeveralCollectionsMergeThemInIdOrderWhetherStoredOrSynthetic() {
        Collection other = server.collection("other");
        Collection copy = new Collection(UUID.randomUUID(), server.dataset().id(), "copy");
        server.catalog().insertCollection(copy);
        new Ingestor(new DatapointStore(server.database()), Clock.fixed(SyntheticSource.INGESTION_TIME,
                ZoneOffset.UTC)).ingest(copy.id(), schema(), values(other), false);

        List<ByteString> synthetic = values(small, other);
        List<ByteString> mixed = values(small, copy);

        assertThat(synthetic).hasSize(SIZE + 500).containsAll(all).isEqualTo(mixed);
        List<byte[]> ids = synthetic.stream().map(SyntheticCollectionTest::id).toList();
        assertThat(IntStream.range(1, ids.size()).allMatch(i -> Arrays.compareUnsigned(ids.get(i - 1), ids.get(i)) < 0))
                .isTrue();
    }

    @Test
    void theSameSpecAndSeedServeTheSameBytesAfterARestartAndAnotherSeedOthers() {
        Server again = Server.start(List.of(new SyntheticCollection(SLUG, "small", SIZE)), 42, 1000);
        Server reseeded = Server.start(List.of(new SyntheticCollection(SLUG, "small", SIZE)), 43, 1000);
        try {
            List<ByteString> afterRestart = values(again, again.collection("small"));
            List<ByteString> otherSeed = values(reseeded, reseeded.collection("small"));

            assertThat(afterRestart).isEqualTo(all);
            assertThat(otherSeed).hasSize(SIZE).doesNotContainAnyElementsOf(all.subList(0, 10));
        } finally {
            again.database().close();
            reseeded.database().close();
        }
    }

    @Test
    void syntheticCollectionsRefuseWrites() {
        assertThatThrownBy(() -> server.ingestion().ingest(IngestRequest.newBuilder()
                .setCollectionId(DatapointIds.wire(small.id())).addValues(all.getFirst()).build()))
                .isInstanceOfSatisfying(RpcException.class,
                        e -> assertThat(e.code().wireName()).isEqualTo("permission_denied"));
        assertThat(info("small").getCount()).isEqualTo(SIZE);
    }

    @Timeout(120)
    @Test
    void aPageAtTheEndOfABillionDatapointsIsComputedDirectly() {
        Server huge = Server.start(List.of(new SyntheticCollection(SLUG, "huge", SyntheticCollection.MAX_SIZE)), 7,
                1000);
        try {
            long lastDay = SyntheticTiles.END - 86_400_000L;
            QueryResultPage page = huge.access().query(QueryRequest.newBuilder()
                    .addCollectionIds(DatapointIds.wire(huge.collection("huge").id()))
                    .setFilters(QueryFilters.newBuilder().setTimeInterval(interval(lastDay, SyntheticTiles.END,
                            false, false))).setPage(Pagination.newBuilder().setLimit(10)).build());

            assertThat(page.getData().getValueCount()).isEqualTo(10);
            assertThat(page.hasNextPage()).isTrue();
            assertThat(DatapointIds.timeMs(id(page.getData().getValue(0)))).isBetween(lastDay, lastDay + 100);
            assertThat(huge.collections().getByName(GetCollectionByNameRequest.newBuilder()
                    .setDatasetId(DatapointIds.wire(huge.dataset().id())).setCollectionName("huge").setWithCount(true)
                    .build()).getCount()).isEqualTo(SyntheticCollection.MAX_SIZE);
        } finally {
            huge.database().close();
        }
    }

    /** Runs a query on the synthetic collection and on its twin, asserts identical pages, returns them. */
    private static List<QueryResultPage> same(QueryFilters filters, Long limit, boolean skipData) {
        List<QueryResultPage> synthetic = pages(small, filters, limit, skipData);
        List<QueryResultPage> stored = pages(twin, filters, limit, skipData);
        assertThat(synthetic).isEqualTo(stored);
        return synthetic;
    }

    private static int count(List<QueryResultPage> pages) {
        return pages.stream().mapToInt(p -> p.getData().getValueCount()).sum();
    }

    /** The indices (in {@link #all}) a time interval selects; the twin must agree. */
    private static List<Integer> indices(TimeInterval interval) {
        List<ByteString> values = same(QueryFilters.newBuilder().setTimeInterval(interval).build(), null, false)
                .stream().flatMap(p -> p.getData().getValueList().stream()).toList();
        return values.stream().map(all::indexOf).toList();
    }

    private static List<Integer> range(int from, int to) {
        return IntStream.range(from, to).boxed().toList();
    }

    /** Every datapoint of 2020 in the collections, one query following next_page. */
    private static List<ByteString> values(Collection... collections) {
        return values(server, collections);
    }

    /** Every datapoint of 2020 in the collections of a server, one query following next_page. */
    private static List<ByteString> values(Server on, Collection... collections) {
        List<ByteString> values = new ArrayList<>();
        Pagination page = null;
        do {
            QueryRequest.Builder request = QueryRequest.newBuilder()
                    .setFilters(QueryFilters.newBuilder().setTimeInterval(year()));
            for (Collection collection : collections) {
                request.addCollectionIds(DatapointIds.wire(collection.id()));
            }
            if (page != null) {
                request.setPage(page);
            }
            QueryResultPage result = on.access().query(request.build());
            values.addAll(result.getData().getValueList());
            page = result.hasNextPage() ? result.getNextPage() : null;
        } while (page != null);
        return values;
    }

    private static CollectionInfo info(String name) {
        return server.collections().getByName(GetCollectionByNameRequest.newBuilder()
                .setDatasetId(DatapointIds.wire(server.dataset().id())).setCollectionName(name).setWithCount(true)
                .setWithAvailability(true).build());
    }

    private static byte[] id(ByteString value) {
        try {
            DynamicMessage datapoint = DynamicMessage.parseFrom(schema().descriptor(), value);
            Message id = (Message) datapoint.getField(schema().id());
            return ((ByteString) id.getField(id.getDescriptorForType().findFieldByName("uuid"))).toByteArray();
        } catch (InvalidProtocolBufferException e) {
            throw new AssertionError(e);
        }
    }

    private static ID wire(ByteString value) {
        return DatapointIds.wire(id(value));
    }

    private static DatasetSchema schema() {
        return server.catalog().schema(server.dataset());
    }

    private static TimeInterval year() {
        return interval(SyntheticTiles.START, SyntheticTiles.END, false, false);
    }

    private static TimeInterval interval(long startMs, long endMs, boolean startExclusive, boolean endInclusive) {
        return TimeInterval.newBuilder().setStartTime(DatapointIds.timestampOfMs(startMs))
                .setEndTime(DatapointIds.timestampOfMs(endMs)).setStartExclusive(startExclusive)
                .setEndInclusive(endInclusive).build();
    }

    /** Every page of a query of one collection, following next_page. */
    private static List<QueryResultPage> pages(Collection collection, TimeInterval interval, QueryFilters extra,
                                               boolean skipData) {
        return pages(collection, QueryFilters.newBuilder(extra == null ? QueryFilters.getDefaultInstance() : extra)
                .setTimeInterval(interval).build(), null, skipData);
    }

    private static List<QueryResultPage> pages(Collection collection, QueryFilters filters, Long limit,
                                               boolean skipData) {
        List<QueryResultPage> pages = new ArrayList<>();
        Pagination page = limit == null ? null : Pagination.newBuilder().setLimit(limit).build();
        do {
            QueryRequest.Builder request = QueryRequest.newBuilder().addCollectionIds(DatapointIds.wire(collection.id()))
                    .setFilters(filters).setSkipData(skipData);
            if (page != null) {
                request.setPage(page);
            }
            QueryResultPage result = server.access().query(request.build());
            pages.add(result);
            page = result.hasNextPage() ? result.getNextPage() : null;
        } while (page != null);
        return pages;
    }
}
