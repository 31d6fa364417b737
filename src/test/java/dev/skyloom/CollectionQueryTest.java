package dev.skyloom;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.google.protobuf.ByteString;
import dev.skyloom.wire.datasets.v1.GetCollectionByNameRequest;
import dev.skyloom.wire.datasets.v1.GetDatasetRequest;
import dev.skyloom.wire.datasets.v1.QueryFilters;
import dev.skyloom.wire.datasets.v1.QueryRequest;
import dev.skyloom.wire.tilebox.v1.Pagination;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;

@WireMockTest
class CollectionQueryTest {

    private static final String QUERY = "/datasets.v1.DataAccessService/Query";
    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
    private static final TimeInterval DAY = TimeInterval.of(START, START.plusSeconds(86_400));

    private DatasetsClient client;
    private Collection collection;

    @BeforeEach
    void connect(WireMockRuntimeInfo wm) {
        WireFixtures.stubRpc("/datasets.v1.DatasetService/GetDataset",
                GetDatasetRequest.newBuilder().setSlug(WireFixtures.SLUG).build(), WireFixtures.dataset());
        WireFixtures.stubRpc("/datasets.v1.CollectionService/GetCollectionByName",
                GetCollectionByNameRequest.newBuilder().setCollectionName("A")
                        .setDatasetId(Ids.toWire(WireFixtures.DATASET)).build(),
                WireFixtures.collection("A", WireFixtures.COLLECTION_A));
        client = DatasetsClient.builder().url(wm.getHttpBaseUrl()).apiKey(null).build();
        collection = client.dataset(WireFixtures.SLUG).collection("A");
    }

    @AfterEach
    void close() {
        client.close();
    }

    private static List<ByteString> points(int from, int count) {
        return IntStream.range(from, from + count)
                .mapToObj(i -> WireFixtures.datapoint(START.plusSeconds(60L * i), i)).toList();
    }

    private static QueryRequest.Builder request(Query query) {
        return QueryRequest.newBuilder()
                .setDatasetId(Ids.toWire(WireFixtures.DATASET))
                .addCollectionIds(Ids.toWire(WireFixtures.COLLECTION_A))
                .setFilters(QueryFilters.newBuilder().setTimeInterval(WireValues.timeInterval(query.timeInterval())));
    }

    private static Pagination after(int n, long limit) {
        return Pagination.newBuilder().setLimit(limit)
                .setStartingAfter(Ids.toWire(WireFixtures.idAt(START.plusSeconds(60L * n), n))).build();
    }

    /** Three pages of 4, 4 and 2, the last without next_page. */
    private Query stubThreePages(boolean lastHasEmptyNextPage) {
        Query query = Query.of(DAY).withPageSize(4);
        WireFixtures.stubRpc(QUERY, request(query).setPage(Pagination.newBuilder().setLimit(4)).build(),
                WireFixtures.page(points(0, 4), after(3, 4)));
        WireFixtures.stubRpc(QUERY, request(query).setPage(after(3, 4)).build(),
                WireFixtures.page(points(4, 4), after(7, 4)));
        WireFixtures.stubRpc(QUERY, request(query).setPage(after(7, 4)).build(),
                WireFixtures.page(points(8, 2), lastHasEmptyNextPage ? Pagination.newBuilder().setLimit(4).build()
                        : null));
        return query;
    }

    @Test
    void followsTheCursorAcrossThreePagesUntilNoNextPage() {
        List<Datapoint> all = collection.query(stubThreePages(false));

        assertThat(all).hasSize(10);
        assertThat(all).extracting(d -> d.get("granule_name"))
                .containsExactly("G0", "G1", "G2", "G3", "G4", "G5", "G6", "G7", "G8", "G9");
        assertThat(all).extracting(Datapoint::time).isSorted();
        verify(3, postRequestedFor(urlEqualTo(QUERY)));
    }

    @Test
    void stopsWhenTheNextPageCarriesNoCursor() {
        List<Datapoint> all = collection.query(stubThreePages(true));

        assertThat(all).hasSize(10);
        verify(3, postRequestedFor(urlEqualTo(QUERY)));
    }

    @Test
    void withoutAPageSizeTheFirstRequestHasNoPage() {
        Query query = Query.of(DAY);
        WireFixtures.stubRpc(QUERY, request(query).build(), WireFixtures.page(points(0, 3), null));

        assertThat(collection.query(query)).hasSize(3);
        verify(1, postRequestedFor(urlEqualTo(QUERY))
                .withHeader("Content-Type", equalTo("application/proto"))
                .withHeader("Connect-Protocol-Version", equalTo("1")));
    }

    @Test
    void pagesAreRequestedOnlyAsTheStreamReachesThem() {
        Query query = stubThreePages(false);
        try (Stream<Page> pages = collection.pages(query)) {
            Page first = pages.findFirst().orElseThrow();
            assertThat(first.datapoints()).hasSize(4);
            assertThat(first.bytes()).isPositive();
        }
        verify(1, postRequestedFor(urlEqualTo(QUERY)));
    }

    @Test
    void reportsProgressAfterEachPageAndOneAtTheEnd() {
        List<QueryProgress> seen = new ArrayList<>();
        collection.query(stubThreePages(false), seen::add);

        assertThat(seen).extracting(QueryProgress::pages).containsExactly(1L, 2L, 3L, 3L);
        assertThat(seen).extracting(QueryProgress::datapoints).containsExactly(4L, 8L, 10L, 10L);
        assertThat(seen).extracting(QueryProgress::fraction).isSorted();
        // The effective interval starts at the first datapoint (minute 0) and ends at the query end (a day):
        // after page 1 the last datapoint is at minute 3 of 1440.
        assertThat(seen.getFirst().fraction()).isCloseTo(3.0 / 1440, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(seen.getLast().fraction()).isEqualTo(1.0);
        assertThat(seen.get(2).bytes()).isGreaterThan(seen.get(0).bytes());
    }

    @Test
    void anEmptyResultIsNotAnError() {
        Query query = Query.of(DAY);
        WireFixtures.stubRpc(QUERY, request(query).build(), WireFixtures.page(List.of(), null));

        assertThat(collection.query(query)).isEmpty();
    }
}
