package dev.skyloom;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.skyloom.wire.datasets.v1.Any;
import dev.skyloom.wire.datasets.v1.GetDatasetRequest;
import dev.skyloom.wire.datasets.v1.ListCollectionsRequest;
import dev.skyloom.wire.datasets.v1.ListCollectionsResponse;
import dev.skyloom.wire.datasets.v1.ListDatasetsResponse;
import dev.skyloom.wire.datasets.v1.QueryByIDRequest;
import dev.skyloom.wire.datasets.v1.QueryFilters;
import dev.skyloom.wire.datasets.v1.QueryRequest;
import dev.skyloom.wire.datasets.v1.SpatialCoordinateSystem;
import dev.skyloom.wire.datasets.v1.SpatialFilterMode;
import dev.skyloom.wire.tilebox.v1.TimeInterval;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Polygon;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.findAll;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@WireMockTest
class DatasetsClientTest {

    private static final UUID ROOT = UUID.fromString("019039b5-9f7b-5e94-bb3e-40049e28280a");

    private static DatasetsClient client(WireMockRuntimeInfo wm, String key) {
        return DatasetsClient.builder().url(wm.getHttpBaseUrl()).apiKey(key).retryPolicy(RetryPolicy.none()).build();
    }

    private static Dataset dataset(DatasetsClient client) {
        WireFixtures.stubRpc("/datasets.v1.DatasetService/GetDataset",
                GetDatasetRequest.newBuilder().setSlug(WireFixtures.SLUG).build(), WireFixtures.dataset());
        return client.dataset(WireFixtures.SLUG);
    }

    /** Stubs ListCollections to list collections A and B. */
    private static void stubCollectionsAAndB() {
        WireFixtures.stubRpc("/datasets.v1.CollectionService/ListCollections", ListCollectionsResponse.newBuilder()
                .addData(WireFixtures.collection("A", WireFixtures.COLLECTION_A))
                .addData(WireFixtures.collection("B", WireFixtures.COLLECTION_B)).build());
    }

    @Test
    void listsDatasetsWithSlugsBuiltFromTheGroupTree(WireMockRuntimeInfo wm) {
        var unslugged = WireFixtures.dataset().toBuilder().setSlug("").build();
        WireFixtures.stubRpc("/datasets.v1.DatasetService/ListDatasets", ListDatasetsResponse.newBuilder()
                .addDatasets(unslugged)
                .addGroups(dev.skyloom.wire.datasets.v1.DatasetGroup.newBuilder().setId(Ids.toWire(WireFixtures.GROUP))
                        .setParentId(Ids.toWire(ROOT)).setCodeName("copernicus").setName("Copernicus"))
                .addGroups(dev.skyloom.wire.datasets.v1.DatasetGroup.newBuilder().setId(Ids.toWire(ROOT)).setCodeName("open_data")
                        .setName("Open Data"))
                .build());
        try (DatasetsClient client = client(wm, null)) {
            DatasetCatalog catalog = client.datasets();

            assertThat(catalog.roots()).extracting(DatasetGroup::codeName).containsExactly("open_data");
            assertThat(catalog.groups()).extracting(DatasetGroup::codeName)
                    .containsExactly("open_data", "copernicus");
            DatasetInfo info = catalog.datasets().getFirst();
            assertThat(info.slug()).isEqualTo("open_data.copernicus.test_scenes");
            assertThat(info.kind()).isEqualTo(DatasetKind.SPATIOTEMPORAL);
            assertThat(catalog.datasetsIn(catalog.children(catalog.roots().getFirst()).getFirst()))
                    .containsExactly(info);
        }
    }

    @Test
    void anUnknownDatasetIsNotFoundWithItsSlugNamed(WireMockRuntimeInfo wm) {
        stubFor(post(urlEqualTo("/datasets.v1.DatasetService/GetDataset"))
                .willReturn(WireFixtures.error(404, "not_found", "no such dataset")));
        try (DatasetsClient client = client(wm, null)) {
            assertThatThrownBy(() -> client.dataset("open_data.nope"))
                    .isInstanceOf(SkyloomException.NotFound.class)
                    .hasMessageStartingWith("no such dataset 'open_data.nope'");
        }
    }

    @Test
    void listsCollectionsWithAvailabilityAndCount(WireMockRuntimeInfo wm) {
        try (DatasetsClient client = client(wm, null)) {
            Dataset dataset = dataset(client);
            var availability = TimeInterval.newBuilder()
                    .setStartTime(WireValues.timestamp(Instant.parse("2017-03-17T08:37:19.027Z")))
                    .setEndTime(WireValues.timestamp(Instant.parse("2026-03-06T06:56:49.024Z")))
                    .setEndInclusive(true);
            WireFixtures.stubRpc("/datasets.v1.CollectionService/ListCollections",
                    ListCollectionsRequest.newBuilder().setDatasetId(Ids.toWire(WireFixtures.DATASET))
                            .setWithAvailability(true).setWithCount(true).build(),
                    ListCollectionsResponse.newBuilder()
                            .addData(WireFixtures.collection("A", WireFixtures.COLLECTION_A).toBuilder()
                                    .setAvailability(availability).setCount(32_435_380))
                            .addData(WireFixtures.collection("B", WireFixtures.COLLECTION_B))
                            .build());

            List<CollectionInfo> collections = dataset.collections();

            assertThat(collections).extracting(CollectionInfo::name).containsExactly("A", "B");
            CollectionInfo a = collections.getFirst();
            assertThat(a.id()).isEqualTo(WireFixtures.COLLECTION_A);
            assertThat(a.count()).hasValue(32_435_380);
            assertThat(a.availability()).hasValueSatisfying(i -> {
                assertThat(i.start()).isEqualTo(Instant.parse("2017-03-17T08:37:19.027Z"));
                assertThat(i.endInclusive()).isTrue();
            });
            assertThat(collections.get(1).count()).isEmpty();
            assertThat(collections.get(1).availability()).isEmpty();
        }
    }

    @Test
    void aListedCollectionBecomesAHandleWithoutARequest(WireMockRuntimeInfo wm) {
        Instant start = Instant.parse("2025-01-01T00:00:00Z");
        try (DatasetsClient client = client(wm, null)) {
            Dataset dataset = dataset(client);
            stubCollectionsAAndB();
            WireFixtures.stubRpc("/datasets.v1.DataAccessService/Query", WireFixtures.page(
                    List.of(WireFixtures.datapoint(start, 1)), null));

            Collection b = dataset.collection(dataset.collections().get(1));

            assertThat(b.name()).isEqualTo("B");
            assertThat(b.id()).isEqualTo(WireFixtures.COLLECTION_B);
            assertThat(b.datasetSlug()).isEqualTo(WireFixtures.SLUG);
            assertThat(b.query(Query.between("2025-01-01", "2025-01-02"))).hasSize(1);
            verify(0, postRequestedFor(urlEqualTo("/datasets.v1.CollectionService/GetCollectionByName")));
        }
    }

    @Test
    void anUnknownCollectionIsNotFoundWithTheDatasetNamed(WireMockRuntimeInfo wm) {
        try (DatasetsClient client = client(wm, null)) {
            Dataset dataset = dataset(client);
            stubFor(post(urlEqualTo("/datasets.v1.CollectionService/GetCollectionByName"))
                    .willReturn(WireFixtures.error(404, "not_found", "no such collection")));

            assertThatThrownBy(() -> dataset.collection("L9"))
                    .isInstanceOf(SkyloomException.NotFound.class)
                    .hasMessageStartingWith("no such collection 'L9' in dataset '" + WireFixtures.SLUG + "'");
        }
    }

    @Test
    void findsADatapointByIdWithQueryById(WireMockRuntimeInfo wm) {
        Instant t = Instant.parse("2025-01-01T00:00:19.024Z");
        UUID id = WireFixtures.idAt(t, 7);
        try (DatasetsClient client = client(wm, null)) {
            Dataset dataset = dataset(client);
            WireFixtures.stubRpc("/datasets.v1.DataAccessService/QueryByID",
                    QueryByIDRequest.newBuilder().setDatasetId(Ids.toWire(WireFixtures.DATASET))
                            .setId(Ids.toWire(id)).build(),
                    Any.newBuilder().setTypeUrl(WireFixtures.TYPE.getTypeUrl())
                            .setValue(WireFixtures.datapoint(t, 7)).build());

            Datapoint found = dataset.find(id);

            assertThat(found.id()).isEqualTo(id);
            assertThat(found.time()).isEqualTo(t);
            assertThat(found.get("granule_name")).isEqualTo("G7");
            assertThat(found.geometry()).hasValueSatisfying(g -> assertThat(g).isInstanceOf(Polygon.class));
        }
    }

    @Test
    void aMissingDatapointIsNotFoundWithItsIdNamed(WireMockRuntimeInfo wm) {
        UUID id = UUID.fromString("01941f29-c650-202f-6495-c71dd2118fb1");
        try (DatasetsClient client = client(wm, null)) {
            Dataset dataset = dataset(client);
            stubFor(post(urlEqualTo("/datasets.v1.DataAccessService/QueryByID"))
                    .willReturn(WireFixtures.error(404, "not_found", "not found")));
            assertThatThrownBy(() -> dataset.find(id))
                    .isInstanceOf(SkyloomException.NotFound.class)
                    .hasMessageContaining(id.toString()).hasMessageContaining(WireFixtures.SLUG);
        }
    }

    @Test
    void queriesSeveralCollectionsInOneRequestWithTheirIds(WireMockRuntimeInfo wm) throws Exception {
        Instant start = Instant.parse("2025-01-01T00:00:00Z");
        try (DatasetsClient client = client(wm, null)) {
            Dataset dataset = dataset(client);
            stubCollectionsAAndB();
            WireFixtures.stubRpc("/datasets.v1.DataAccessService/Query", WireFixtures.page(
                    List.of(WireFixtures.datapoint(start, 1), WireFixtures.datapoint(start.plusSeconds(1), 2)), null));
            Query query = Query.between("2025-01-01", "2025-01-02")
                    .withSpatialFilter(SpatialFilter.bbox(0, 0, 10, 10).withMode(SpatialFilter.Mode.CONTAINS));

            assertThat(dataset.query(List.of("B", "A"), query)).hasSize(2);

            var sent = QueryRequest.parseFrom(findAll(postRequestedFor(
                    urlEqualTo("/datasets.v1.DataAccessService/Query"))).getFirst().getBody());
            assertThat(sent.getCollectionIdsList()).containsExactly(Ids.toWire(WireFixtures.COLLECTION_B),
                    Ids.toWire(WireFixtures.COLLECTION_A));
            QueryFilters filters = sent.getFilters();
            assertThat(filters.getSpatialExtent().getMode())
                    .isEqualTo(SpatialFilterMode.SPATIAL_FILTER_MODE_FILTER_CONTAINS_GEOMETRY);
            assertThat(filters.getSpatialExtent().getCoordinateSystem())
                    .isEqualTo(SpatialCoordinateSystem.SPATIAL_COORDINATE_SYSTEM_SPHERICAL);
            // little-endian EWKB polygon with the SRID flag and SRID 4326
            assertThat(filters.getSpatialExtent().getGeometry().getWkb().substring(0, 9).toByteArray())
                    .containsExactly(0x01, 0x03, 0x00, 0x00, 0x20, 0xe6, 0x10, 0x00, 0x00);
            assertThat(sent.hasPage()).isFalse();

            assertThatThrownBy(() -> dataset.query(List.of("C"), query))
                    .isInstanceOf(SkyloomException.NotFound.class)
                    .hasMessageContaining("no such collection 'C'").hasMessageContaining("it has: A, B");
        }
    }

    @Test
    void sendsTheApiKeyAsBearerButNeverShowsIt(WireMockRuntimeInfo wm) {
        String key = "tbx-api-very-secret-123";
        stubFor(post(anyUrl()).willReturn(WireFixtures.error(401, "unauthenticated", "invalid api key")));
        try (DatasetsClient client = client(wm, key)) {
            assertThat(client.toString()).doesNotContain(key).contains("apiKey=<set>");
            assertThatThrownBy(() -> client.dataset("x"))
                    .isInstanceOf(SkyloomException.Unauthenticated.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(key));
        }
        verify(postRequestedFor(urlEqualTo("/datasets.v1.DatasetService/GetDataset"))
                .withHeader("Authorization", equalTo("Bearer " + key))
                .withHeader("User-Agent", matching("skyloom/.+")));
        try (DatasetsClient anonymous = client(wm, null)) {
            assertThatThrownBy(() -> anonymous.dataset("y")).isInstanceOf(SkyloomException.Unauthenticated.class);
        }
        verify(postRequestedFor(urlEqualTo("/datasets.v1.DatasetService/GetDataset"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo(
                        GetDatasetRequest.newBuilder().setSlug("y").build().toByteArray()))
                .withHeader("Authorization", absent()));
    }

    @Test
    void takesTheUrlAsAUriAndRejectsOneThatIsNotHttp(WireMockRuntimeInfo wm) {
        WireFixtures.stubRpc("/datasets.v1.DatasetService/ListDatasets", ListDatasetsResponse.getDefaultInstance());
        try (DatasetsClient client = DatasetsClient.builder().url(java.net.URI.create(wm.getHttpBaseUrl()))
                .apiKey(null).build()) {
            assertThat(client.datasets().groups()).isEmpty();
        }
        assertThatThrownBy(() -> DatasetsClient.builder().url(java.net.URI.create("ftp://example.com/x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'ftp://example.com/x' is not an http(s) URL: use e.g. https://api.tilebox.com or "
                        + "http://127.0.0.1:8080");
    }
}
