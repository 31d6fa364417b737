package dev.skyloom;

import dev.skyloom.local.LocalServer;
import dev.skyloom.local.LocalServerConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The client against the local server and its demo catalogue, over real HTTP on loopback. */
class ClientAgainstLocalServerTest {

    private static final String LANDSAT = "open_data.copernicus.landsat8_oli_tirs";
    private static final Query YEAR_2020 = Query.between("2020-01-01", "2021-01-01");

    private static LocalServer server;
    private static DatasetsClient client;
    private static Dataset landsat;

    @BeforeAll
    static void start() {
        server = LocalServer.start(LocalServerConfig.defaults().withDemo(true));
        client = DatasetsClient.builder().url(server.url().toString()).apiKey(null).build();
        landsat = client.dataset(LANDSAT);
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @Test
    void listsTheDemoCatalogueByGroup() {
        DatasetCatalog catalog = client.datasets();

        assertThat(catalog.datasets()).extracting(DatasetInfo::slug).contains(LANDSAT,
                "open_data.copernicus.sentinel1_sar", "open_data.copernicus.sentinel2_msi");
        DatasetGroup openData = catalog.roots().stream().filter(g -> g.codeName().equals("open_data")).findFirst()
                .orElseThrow();
        assertThat(catalog.children(openData)).extracting(DatasetGroup::codeName).containsExactly("copernicus");
        assertThat(landsat.info().kind()).isEqualTo(DatasetKind.SPATIOTEMPORAL);
    }

    @Test
    void theLandsatCollectionsHoldThePythonDocsCountsFor2020() {
        Map<String, Integer> counts = Stream.of("L1GT", "L1T", "L1TP", "L2SP").collect(Collectors.toMap(
                name -> name, name -> landsat.collection(name).query(YEAR_2020.withSkipData(true)).size()));

        assertThat(counts).containsExactlyInAnyOrderEntriesOf(
                Map.of("L1GT", 19_624, "L1T", 1_281, "L1TP", 65_313, "L2SP", 25_375));
        assertThat(landsat.collections()).extracting(CollectionInfo::name)
                .containsExactlyInAnyOrder("L1GT", "L1T", "L1TP", "L2SP");
        CollectionInfo l1t = landsat.collection("L1T").info();
        assertThat(l1t.count().getAsLong()).isGreaterThanOrEqualTo(1_281);
        assertThat(l1t.availability()).hasValueSatisfying(a -> assertThat(a.endInclusive()).isTrue());
    }

    @Test
    void pagesEndExactlyAtAFullLastPage() {
        Collection l1t = landsat.collection("L1T");
        Query q = YEAR_2020.withSkipData(true);
        try (Stream<Page> pages = l1t.pages(q.withPageSize(427))) {           // 1,281 = 3 x 427
            assertThat(pages.map(p -> p.datapoints().size()).toList()).containsExactly(427, 427, 427);
        }
        try (Stream<Page> pages = l1t.pages(q.withPageSize(500))) {
            assertThat(pages.map(p -> p.datapoints().size()).toList()).containsExactly(500, 500, 281);
        }
        List<Datapoint> all = l1t.query(q.withPageSize(100));
        assertThat(all).hasSize(1_281).extracting(Datapoint::id).doesNotHaveDuplicates()
                .isSortedAccordingTo(Comparator.naturalOrder());
    }

    @Test
    void honoursEveryInclusivityAtMillisecondResolution() {
        Collection l1t = landsat.collection("L1T");
        Datapoint dp = l1t.query(Query.between("2020-06-01", "2020-07-01").withPageSize(1)).get(3);
        Instant t = dp.time();
        Instant before = t.minusMillis(1);
        Instant after = t.plusMillis(1);

        assertThat(ids(l1t, new TimeInterval(t, t, false, true))).containsExactly(dp.id());
        assertThat(ids(l1t, new TimeInterval(t, after, true, false))).doesNotContain(dp.id());
        assertThat(ids(l1t, new TimeInterval(before, t, false, false))).doesNotContain(dp.id());
        assertThat(ids(l1t, new TimeInterval(before, t, true, true))).containsExactly(dp.id());
        assertThat(ids(l1t, TimeInterval.of(t, t))).isEmpty();
    }

    private static List<java.util.UUID> ids(Collection c, TimeInterval interval) {
        return c.query(Query.of(interval).withSkipData(true)).stream().map(Datapoint::id).toList();
    }

    @Test
    void spatialQueriesReturnExactlyWhatJtsKeeps() {
        Collection l1tp = landsat.collection("L1TP");
        Query march = Query.between("2020-03-01", "2020-04-01");
        SpatialFilter california = SpatialFilter.bbox(-124, 36, -120, 39)
                .withCoordinateSystem(SpatialFilter.CoordinateSystem.CARTESIAN);
        List<Datapoint> everything = l1tp.query(march);

        List<Datapoint> intersecting = l1tp.query(march.withSpatialFilter(california));
        List<Datapoint> contained = l1tp.query(march.withSpatialFilter(
                california.withMode(SpatialFilter.Mode.CONTAINS)));

        Geometry area = california.geometry();
        assertThat(intersecting).isNotEmpty().containsExactlyElementsOf(everything.stream()
                .filter(d -> d.geometry().orElseThrow().intersects(area)).toList());
        assertThat(contained).containsExactlyElementsOf(everything.stream()
                .filter(d -> area.contains(d.geometry().orElseThrow())).toList());
        assertThat(contained.size()).isLessThan(intersecting.size());
    }

    @Test
    void findsADatapointByIdWithOrWithoutItsData() {
        Collection l2sp = landsat.collection("L2SP");
        Datapoint dp = l2sp.query(Query.between("2020-05-01", "2020-05-02")).getFirst();

        Datapoint found = l2sp.find(dp.id());
        assertThat(found).isEqualTo(dp);
        assertThat(found.fields()).containsKeys("granule_name", "geometry");

        Datapoint bare = landsat.find(dp.id());
        assertThat(bare.id()).isEqualTo(dp.id());
        assertThat(l2sp.find(dp.id(), true).fields().keySet())
                .containsExactlyInAnyOrder("time", "id", "ingestion_time");
        assertThatThrownBy(() -> landsat.collection("L1T").find(dp.id()))
                .isInstanceOf(SkyloomException.NotFound.class).hasMessageContaining(dp.id().toString());
    }

    @Test
    void queriesSeveralCollectionsAtOnceMergedById() {
        Query week = Query.between("2020-02-01", "2020-02-08").withSkipData(true).withPageSize(250);
        List<Datapoint> together = landsat.query(List.of("L1T", "L1GT"), week);
        List<Datapoint> apart = Stream.concat(landsat.collection("L1T").query(week).stream(),
                landsat.collection("L1GT").query(week).stream()).sorted(Comparator.comparing(Datapoint::id)).toList();

        assertThat(together).hasSize(apart.size()).extracting(Datapoint::id)
                .containsExactlyElementsOf(apart.stream().map(Datapoint::id).toList());
    }

    @Test
    void namesWhatDoesNotExist() {
        assertThatThrownBy(() -> client.dataset("open_data.copernicus.landsat9"))
                .isInstanceOf(SkyloomException.NotFound.class)
                .hasMessageStartingWith("no such dataset 'open_data.copernicus.landsat9'");
        assertThatThrownBy(() -> landsat.collection("L9"))
                .isInstanceOf(SkyloomException.NotFound.class)
                .hasMessageStartingWith("no such collection 'L9' in dataset '" + LANDSAT + "'");
    }

    @Test
    void anInterruptedQueryIsCancelledPromptly() throws Exception {
        try (LocalServer slow = LocalServer.start(LocalServerConfig.defaults().withDemo(false)
                .withLatency(Duration.ofSeconds(30)));
             DatasetsClient slowClient = DatasetsClient.builder().url(slow.url().toString()).apiKey(null).build()) {
            var thrown = new java.util.concurrent.atomic.AtomicReference<Throwable>();
            Thread caller = Thread.ofVirtual().unstarted(() -> {
                try {
                    slowClient.datasets();
                } catch (Throwable t) {
                    thrown.set(t);
                }
            });
            long started = System.nanoTime();
            caller.start();
            Thread.sleep(300);
            caller.interrupt();
            caller.join(Duration.ofSeconds(10));
            assertThat(caller.isAlive()).isFalse();
            assertThat(thrown.get()).isInstanceOf(SkyloomException.Cancelled.class);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        }
    }
}
