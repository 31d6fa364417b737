package dev.skyloom.local;

import com.google.protobuf.ByteString;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import dev.skyloom.local.store.DatasetSchema;
import dev.skyloom.wire.datasets.v1.Any;
import dev.skyloom.wire.datasets.v1.CollectionInfo;
import dev.skyloom.wire.datasets.v1.Dataset;
import dev.skyloom.wire.datasets.v1.DatasetKind;
import dev.skyloom.wire.datasets.v1.QueryByIDRequest;
import dev.skyloom.wire.datasets.v1.QueryFilters;
import dev.skyloom.wire.datasets.v1.QueryRequest;
import dev.skyloom.wire.datasets.v1.QueryResultPage;
import dev.skyloom.wire.tilebox.v1.ID;
import dev.skyloom.wire.tilebox.v1.IDInterval;
import dev.skyloom.wire.tilebox.v1.Pagination;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.skyloom.local.TestCatalog.during;
import static dev.skyloom.local.TestCatalog.interval;
import static dev.skyloom.local.TestCatalog.labels;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueryTest {

    private static final Instant T = Instant.parse("2025-01-01T00:00:00Z");
    private static final String QUERY_BY_ID = "/datasets.v1.DataAccessService/QueryByID";

    private static LocalServer server;
    private static TestCatalog catalog;

    @BeforeAll
    static void start() {
        server = LocalServer.start(LocalServerConfig.defaults().withPageSize(4));
        catalog = new TestCatalog(new ConnectTestClient(server.url()));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Dataset datasetWithHours(String codeName, int count) {
        Dataset dataset = catalog.dataset(codeName, DatasetKind.DATASET_KIND_TEMPORAL);
        CollectionInfo collection = catalog.collection(dataset, "hours");
        List<byte[]> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            values.add(TestCatalog.datapoint(dataset, T.plus(Duration.ofHours(i)), "h" + i, null));
        }
        catalog.ingest(collection, values, true);
        return dataset;
    }

    @Test
    void anExactlyFullLastPageHasNoNextPageAndTheLimitIsEchoed() {
        Dataset dataset = datasetWithHours("paged_exact", 8);
        QueryFilters all = during(T, T.plus(Duration.ofDays(1)));

        QueryResultPage first = catalog.query(dataset, all, Pagination.newBuilder().setLimit(4).build(), false);
        assertThat(labels(TestCatalog.decode(dataset, first.getData().getValueList()))).containsExactly(
                "h0", "h1", "h2", "h3");
        assertThat(first.hasNextPage()).isTrue();
        assertThat(first.getNextPage().getLimit()).isEqualTo(4);
        assertThat(first.getNextPage().getStartingAfter())
                .isEqualTo(TestCatalog.id(TestCatalog.decode(dataset, first.getData().getValueList()).getLast()));

        QueryResultPage second = catalog.query(dataset, all, first.getNextPage(), false);
        assertThat(labels(TestCatalog.decode(dataset, second.getData().getValueList()))).containsExactly(
                "h4", "h5", "h6", "h7");
        assertThat(second.hasNextPage()).isFalse();
    }

    @Test
    void theConfiguredPageSizeIsTheDefaultAndTheMaximumLimit() {
        Dataset dataset = datasetWithHours("paged_capped", 9);
        QueryFilters all = during(T, T.plus(Duration.ofDays(1)));

        QueryResultPage unlimited = catalog.query(dataset, all, null, false);
        assertThat(unlimited.getData().getValueCount()).isEqualTo(4);
        assertThat(unlimited.getNextPage().hasLimit()).isFalse();

        QueryResultPage tooLarge = catalog.query(dataset, all, Pagination.newBuilder().setLimit(100).build(), false);
        assertThat(tooLarge.getData().getValueCount()).isEqualTo(4);
        assertThat(tooLarge.getNextPage().getLimit()).isEqualTo(100);

        int[] pages = {0};
        assertThat(labels(catalog.queryAll(dataset, all, 2L, pages))).containsExactly(
                "h0", "h1", "h2", "h3", "h4", "h5", "h6", "h7", "h8");
        assertThat(pages[0]).isEqualTo(5);
    }

    @Test
    void aLimitBelowOneIsRejected() {
        Dataset dataset = datasetWithHours("paged_zero", 1);
        assertThatThrownBy(() -> catalog.query(dataset, during(T, T.plusSeconds(10)),
                Pagination.newBuilder().setLimit(0).build(), false))
                .isInstanceOfSatisfying(ConnectTestClient.Failure.class, f -> {
                    assertThat(f.status).isEqualTo(400);
                    assertThat(f.code).isEqualTo("invalid_argument");
                    assertThat(f.message()).contains("limit");
                });
    }

    @Test
    void intervalFlagsAreAppliedAtMillisecondResolution() {
        Dataset dataset = catalog.dataset("ms_flags", DatasetKind.DATASET_KIND_TEMPORAL);
        CollectionInfo collection = catalog.collection(dataset, "c");
        catalog.ingest(collection, List.of(
                TestCatalog.datapoint(dataset, T.plusNanos(400_000), "a", null),
                TestCatalog.datapoint(dataset, T.plusMillis(1), "b", null),
                TestCatalog.datapoint(dataset, T.plusMillis(2).plusNanos(999_000), "c", null),
                TestCatalog.datapoint(dataset, T.plusMillis(3), "d", null)), true);
        Instant start = T.plusNanos(900_000);
        Instant end = T.plusMillis(2).plusNanos(500_000);

        assertThat(labelsIn(dataset, start, end, false, false)).containsExactly("a", "b");
        assertThat(labelsIn(dataset, start, end, true, false)).containsExactly("b");
        assertThat(labelsIn(dataset, start, end, false, true)).containsExactly("a", "b", "c");
        assertThat(labelsIn(dataset, start, end, true, true)).containsExactly("b", "c");
        assertThat(labelsIn(dataset, T.plusMillis(1), T.plusMillis(1), false, true)).containsExactly("b");
    }

    private static List<String> labelsIn(Dataset dataset, Instant start, Instant end, boolean startExclusive,
                                         boolean endInclusive) {
        QueryFilters filters = QueryFilters.newBuilder()
                .setTimeInterval(interval(start, end, startExclusive, endInclusive)).build();
        return labels(TestCatalog.decode(dataset, catalog.query(dataset, filters, null, false).getData()
                .getValueList()));
    }

    @Test
    void idIntervalsSelectByIdWithTheirFlags() {
        Dataset dataset = datasetWithHours("id_intervals", 5);
        List<DynamicMessage> all = TestCatalog.decode(dataset,
                catalog.query(dataset, during(T, T.plus(Duration.ofDays(1))), null, false).getData().getValueList());
        ID first = TestCatalog.id(all.get(1));
        ID last = TestCatalog.id(all.get(3));

        assertThat(labelsBetween(dataset, first, last, false, false)).containsExactly("h1", "h2");
        assertThat(labelsBetween(dataset, first, last, true, true)).containsExactly("h2", "h3");
        assertThat(labelsBetween(dataset, first, last, false, true)).containsExactly("h1", "h2", "h3");
        assertThatThrownBy(() -> labelsBetween(dataset, last, first, false, false))
                .hasMessageContaining("invalid_argument").hasMessageContaining("before");
    }

    private static List<String> labelsBetween(Dataset dataset, ID start, ID end, boolean startExclusive,
                                              boolean endInclusive) {
        QueryFilters filters = QueryFilters.newBuilder().setDatapointInterval(IDInterval.newBuilder()
                .setStartId(start).setEndId(end).setStartExclusive(startExclusive).setEndInclusive(endInclusive))
                .build();
        return labels(TestCatalog.decode(dataset, catalog.query(dataset, filters, null, false).getData()
                .getValueList()));
    }

    @Test
    void resultsAcrossCollectionsAreOrderedByIdAndPageWithoutDuplicates() {
        Dataset dataset = catalog.dataset("two_collections", DatasetKind.DATASET_KIND_TEMPORAL);
        CollectionInfo even = catalog.collection(dataset, "even");
        CollectionInfo odd = catalog.collection(dataset, "odd");
        List<byte[]> evens = new ArrayList<>();
        List<byte[]> odds = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            (i % 2 == 0 ? evens : odds).add(TestCatalog.datapoint(dataset, T.plusSeconds(i), "s" + i, null));
        }
        catalog.ingest(odd, odds, true);
        catalog.ingest(even, evens, true);

        int[] pages = {0};
        assertThat(labels(catalog.queryAll(dataset, during(T, T.plusSeconds(60)), 3L, pages)))
                .containsExactly("s0", "s1", "s2", "s3", "s4", "s5", "s6");
        assertThat(pages[0]).isEqualTo(3);
        QueryResultPage onlyOdd = catalog.client.call(TestCatalog.QUERY, QueryRequest.newBuilder()
                .setDatasetId(dataset.getId()).addCollectionIds(odd.getCollection().getId())
                .setFilters(during(T, T.plusSeconds(60))).build(), QueryResultPage.parser());
        assertThat(labels(TestCatalog.decode(dataset, onlyOdd.getData().getValueList())))
                .containsExactly("s1", "s3", "s5");
    }

    @Test
    void skipDataReturnsOnlyTimeIdAndMillisecondIngestionTime() {
        Dataset dataset = datasetWithHours("skip_data", 2);
        QueryResultPage page = catalog.query(dataset, during(T, T.plus(Duration.ofDays(1))), null, true);

        assertThat(page.getData().getTypeUrl()).isEqualTo(dataset.getType().getTypeUrl());
        DynamicMessage datapoint = TestCatalog.decode(dataset, page.getData().getValueList()).getFirst();
        assertThat(datapoint.getAllFields().keySet()).extracting(f -> f.getName())
                .containsExactlyInAnyOrder("time", "id", "ingestion_time");
        Timestamp ingested = DatasetSchema.timestamp(datapoint.getField(
                datapoint.getDescriptorForType().findFieldByName("ingestion_time")));
        assertThat(ingested.getNanos() % 1_000_000).isZero();
        assertThat(ingested.getSeconds()).isPositive();
    }

    @Test
    void emptyPagesStillCarryTheTypeUrl() {
        Dataset dataset = datasetWithHours("empty_page", 1);
        QueryResultPage page = catalog.query(dataset, during(T.minusSeconds(100), T.minusSeconds(50)), null, false);
        assertThat(page.getData().getValueCount()).isZero();
        assertThat(page.getData().getTypeUrl()).isEqualTo(dataset.getType().getTypeUrl());
        assertThat(page.hasNextPage()).isFalse();
    }

    @Test
    void badFiltersAreRejectedWithInvalidArgument() {
        Dataset dataset = datasetWithHours("bad_filters", 1);
        QueryFilters neither = QueryFilters.getDefaultInstance();
        QueryFilters both = during(T, T.plusSeconds(1)).toBuilder().setDatapointInterval(IDInterval.newBuilder()
                .setStartId(ID.newBuilder().setUuid(ByteString.copyFrom(new byte[16])))
                .setEndId(ID.newBuilder().setUuid(ByteString.copyFrom(new byte[16])))).build();
        QueryFilters backwards = QueryFilters.newBuilder()
                .setTimeInterval(interval(T.plusSeconds(10), T, false, false)).build();

        for (QueryFilters filters : List.of(neither, both)) {
            assertThatThrownBy(() -> catalog.query(dataset, filters, null, false))
                    .hasMessageContaining("400 invalid_argument")
                    .hasMessageContaining("exactly one of time_interval or datapoint_interval");
        }
        assertThatThrownBy(() -> catalog.query(dataset, backwards, null, false))
                .hasMessageContaining("400 invalid_argument").hasMessageContaining("before its start");
    }

    @Test
    void queryByIdFindsADatapointOrSaysWhyNot() {
        Dataset dataset = datasetWithHours("by_id", 2);
        Dataset other = datasetWithHours("by_id_other", 1);
        List<DynamicMessage> all = TestCatalog.decode(dataset,
                catalog.query(dataset, during(T, T.plus(Duration.ofDays(1))), null, false).getData().getValueList());
        ID id = TestCatalog.id(all.get(1));

        Any found = catalog.client.call(QUERY_BY_ID, QueryByIDRequest.newBuilder().setDatasetId(dataset.getId())
                .setId(id).build(), Any.parser());
        assertThat(found.getTypeUrl()).isEqualTo(dataset.getType().getTypeUrl());
        assertThat(TestCatalog.label(TestCatalog.decode(dataset, List.of(found.getValue())).getFirst()))
                .isEqualTo("h1");

        Any skipped = catalog.client.call(QUERY_BY_ID, QueryByIDRequest.newBuilder().setDatasetId(dataset.getId())
                .setId(id).setSkipData(true).build(), Any.parser());
        assertThat(TestCatalog.decode(dataset, List.of(skipped.getValue())).getFirst().getAllFields()).hasSize(3);

        assertThatThrownBy(() -> catalog.client.call(QUERY_BY_ID, QueryByIDRequest.newBuilder()
                .setDatasetId(other.getId()).setId(id).build(), Any.parser()))
                .hasMessageContaining("404 not_found").hasMessageContaining("no such datapoint");
        assertThatThrownBy(() -> catalog.client.call(QUERY_BY_ID, QueryByIDRequest.newBuilder()
                .setDatasetId(dataset.getId()).setId(ID.newBuilder().setUuid(ByteString.copyFromUtf8("short")))
                .build(), Any.parser()))
                .hasMessageContaining("400 invalid_argument").hasMessageContaining("datapoint id");
    }

    @Test
    void aCollectionOfAnotherDatasetIsNotFound() {
        Dataset dataset = datasetWithHours("scope_a", 1);
        Dataset other = catalog.dataset("scope_b", DatasetKind.DATASET_KIND_TEMPORAL);
        CollectionInfo foreign = catalog.collection(other, "foreign");
        Message request = QueryRequest.newBuilder().setDatasetId(dataset.getId())
                .addCollectionIds(foreign.getCollection().getId()).setFilters(during(T, T.plusSeconds(1))).build();

        assertThatThrownBy(() -> catalog.client.call(TestCatalog.QUERY, request, QueryResultPage.parser()))
                .hasMessageContaining("404 not_found").hasMessageContaining("no such collection");
    }
}
