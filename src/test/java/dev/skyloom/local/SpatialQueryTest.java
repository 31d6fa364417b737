package dev.skyloom.local;

import com.google.protobuf.ByteString;
import dev.skyloom.wire.datasets.v1.CollectionInfo;
import dev.skyloom.wire.datasets.v1.Dataset;
import dev.skyloom.wire.datasets.v1.DatasetKind;
import dev.skyloom.wire.datasets.v1.Geometry;
import dev.skyloom.wire.datasets.v1.QueryFilters;
import dev.skyloom.wire.datasets.v1.SpatialCoordinateSystem;
import dev.skyloom.wire.datasets.v1.SpatialFilter;
import dev.skyloom.wire.datasets.v1.SpatialFilterMode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBWriter;
import org.locationtech.jts.io.WKTReader;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.skyloom.wire.datasets.v1.SpatialFilterMode.SPATIAL_FILTER_MODE_FILTER_CONTAINS_GEOMETRY;
import static dev.skyloom.wire.datasets.v1.SpatialFilterMode.SPATIAL_FILTER_MODE_GEOMETRY_CONTAINS_FILTER;
import static dev.skyloom.wire.datasets.v1.SpatialFilterMode.SPATIAL_FILTER_MODE_INTERSECTS;
import static dev.skyloom.wire.datasets.v1.SpatialFilterMode.SPATIAL_FILTER_MODE_UNSPECIFIED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpatialQueryTest {

    private static final Instant T = Instant.parse("2025-03-01T00:00:00Z");
    private static final String[][] FOOTPRINTS = {
        {"inside", "POLYGON((1 1, 2 1, 2 2, 1 2, 1 1))"},
        {"straddling", "POLYGON((9 9, 11 9, 11 11, 9 11, 9 9))"},
        {"outside", "POLYGON((20 20, 21 20, 21 21, 20 21, 20 20))"},
        {"across_antimeridian", "POLYGON((179 -1, -179 -1, -179 1, 179 1, 179 -1))"},
        {"prime_meridian", "POLYGON((0 -1, 2 -1, 2 1, 0 1, 0 -1))"},
        {"north_of_60", "POLYGON((-1 61, 1 61, 1 62, -1 62, -1 61))"},
        {"south_of_57", "POLYGON((-1 51, 1 51, 1 52, -1 52, -1 51))"},
        {"no_geometry", null},
    };
    private static final String SQUARE = "POLYGON((0 0, 10 0, 10 10, 0 10, 0 0))";
    private static final String AROUND_ANTIMERIDIAN = "POLYGON((178 -5, -178 -5, -178 5, 178 5, 178 -5))";
    private static final String HIGH_LATITUDE_BAND = "POLYGON((-40 50, 40 50, 40 60, -40 60, -40 50))";

    private static LocalServer server;
    private static TestCatalog catalog;
    private static Dataset dataset;

    @BeforeAll
    static void start() {
        server = LocalServer.start(LocalServerConfig.defaults());
        catalog = new TestCatalog(new ConnectTestClient(server.url()));
        dataset = catalog.dataset("footprints", DatasetKind.DATASET_KIND_SPATIOTEMPORAL);
        CollectionInfo collection = catalog.collection(dataset, "c");
        List<byte[]> values = new ArrayList<>();
        for (int i = 0; i < FOOTPRINTS.length; i++) {
            values.add(TestCatalog.datapoint(dataset, T.plusSeconds(i), FOOTPRINTS[i][0], FOOTPRINTS[i][1]));
        }
        catalog.ingest(collection, values, true);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static List<String> matching(ByteString wkb, SpatialFilterMode mode, SpatialCoordinateSystem system) {
        QueryFilters filters = TestCatalog.during(T, T.plusSeconds(60)).toBuilder()
                .setSpatialExtent(SpatialFilter.newBuilder().setGeometry(Geometry.newBuilder().setWkb(wkb))
                        .setMode(mode).setCoordinateSystem(system)).build();
        return TestCatalog.labels(TestCatalog.decode(dataset,
                catalog.query(dataset, filters, null, false).getData().getValueList()));
    }

    private static List<String> matching(String wkt, SpatialFilterMode mode, SpatialCoordinateSystem system) {
        return matching(TestCatalog.wkb(wkt), mode, system);
    }

    @Test
    void cartesianIntersectsKeepsOverlapsAndContainsOnlyWhatIsInside() {
        var cartesian = SpatialCoordinateSystem.SPATIAL_COORDINATE_SYSTEM_CARTESIAN;
        // In the plane the antimeridian footprint is a band from -179 to 179 degrees that crosses the square.
        assertThat(matching(SQUARE, SPATIAL_FILTER_MODE_INTERSECTS, cartesian))
                .containsExactly("inside", "straddling", "across_antimeridian", "prime_meridian");
        assertThat(matching(SQUARE, SPATIAL_FILTER_MODE_FILTER_CONTAINS_GEOMETRY, cartesian)).containsExactly("inside");
        assertThat(matching(SQUARE, SPATIAL_FILTER_MODE_UNSPECIFIED,
                SpatialCoordinateSystem.SPATIAL_COORDINATE_SYSTEM_UNSPECIFIED))
                .containsExactly("inside", "straddling", "across_antimeridian", "prime_meridian");
    }

    @Test
    void geometryContainsFilterKeepsFootprintsThatCoverTheWholeArea() {
        var cartesian = SpatialCoordinateSystem.SPATIAL_COORDINATE_SYSTEM_CARTESIAN;
        var spherical = SpatialCoordinateSystem.SPATIAL_COORDINATE_SYSTEM_SPHERICAL;
        String inStraddling = "POLYGON((9.5 9.5, 10.5 9.5, 10.5 10.5, 9.5 10.5, 9.5 9.5))";
        assertThat(matching(inStraddling, SPATIAL_FILTER_MODE_GEOMETRY_CONTAINS_FILTER, cartesian))
                .containsExactly("straddling");
        assertThat(matching(inStraddling, SPATIAL_FILTER_MODE_GEOMETRY_CONTAINS_FILTER, spherical))
                .containsExactly("straddling");
        // a footprint covers an area equal to itself; one that only overlaps it does not
        assertThat(matching(FOOTPRINTS[0][1], SPATIAL_FILTER_MODE_GEOMETRY_CONTAINS_FILTER, cartesian))
                .containsExactly("inside");
        assertThat(matching(SQUARE, SPATIAL_FILTER_MODE_GEOMETRY_CONTAINS_FILTER, cartesian)).isEmpty();
        // the same areas with the other modes, for contrast
        assertThat(matching(inStraddling, SPATIAL_FILTER_MODE_FILTER_CONTAINS_GEOMETRY, cartesian)).isEmpty();
        assertThat(matching(inStraddling, SPATIAL_FILTER_MODE_INTERSECTS, cartesian)).containsExactly("straddling");
    }

    @Test
    void geometryContainsFilterAcrossTheAntimeridianNeedsSphericalEdges() {
        String acrossTheLine = "POLYGON((179.5 -0.5, -179.5 -0.5, -179.5 0.5, 179.5 0.5, 179.5 -0.5))";
        assertThat(matching(acrossTheLine, SPATIAL_FILTER_MODE_GEOMETRY_CONTAINS_FILTER,
                SpatialCoordinateSystem.SPATIAL_COORDINATE_SYSTEM_SPHERICAL)).containsExactly("across_antimeridian");
        // in the plane the area spans -179.5..179.5, which no footprint covers
        assertThat(matching(acrossTheLine, SPATIAL_FILTER_MODE_GEOMETRY_CONTAINS_FILTER,
                SpatialCoordinateSystem.SPATIAL_COORDINATE_SYSTEM_CARTESIAN)).isEmpty();
    }

    @Test
    void anUnknownModeIsRefused() {
        QueryFilters filters = TestCatalog.during(T, T.plusSeconds(60)).toBuilder()
                .setSpatialExtent(SpatialFilter.newBuilder().setGeometry(Geometry.newBuilder()
                        .setWkb(TestCatalog.wkb(SQUARE))).setModeValue(4)).build();

        assertThatThrownBy(() -> catalog.query(dataset, filters, null, false))
                .hasMessageContaining("400 invalid_argument").hasMessageContaining("unknown spatial filter mode 4");
    }

    @Test
    void ewkbWithAnSridIsAccepted() throws ParseException {
        var polygon = new WKTReader().read(SQUARE);
        polygon.setSRID(4326);
        ByteString ewkb = ByteString.copyFrom(new WKBWriter(2, ByteOrderValues.LITTLE_ENDIAN, true).write(polygon));
        assertThat(matching(ewkb, SPATIAL_FILTER_MODE_FILTER_CONTAINS_GEOMETRY,
                SpatialCoordinateSystem.SPATIAL_COORDINATE_SYSTEM_CARTESIAN))
                .containsExactly("inside");
    }

    @Test
    void sphericalFiltersCrossTheAntimeridianWhereCartesianOnesSpanTheGlobe() {
        assertThat(matching(AROUND_ANTIMERIDIAN, SPATIAL_FILTER_MODE_INTERSECTS,
                SpatialCoordinateSystem.SPATIAL_COORDINATE_SYSTEM_SPHERICAL)).containsExactly("across_antimeridian");
        assertThat(matching(AROUND_ANTIMERIDIAN, SPATIAL_FILTER_MODE_FILTER_CONTAINS_GEOMETRY,
                SpatialCoordinateSystem.SPATIAL_COORDINATE_SYSTEM_SPHERICAL)).containsExactly("across_antimeridian");
        assertThat(matching(AROUND_ANTIMERIDIAN, SPATIAL_FILTER_MODE_INTERSECTS,
                SpatialCoordinateSystem.SPATIAL_COORDINATE_SYSTEM_CARTESIAN))
                .containsExactly("inside", "across_antimeridian", "prime_meridian");
    }

    @Test
    void sphericalEdgesFollowGreatCircles() {
        assertThat(matching(HIGH_LATITUDE_BAND, SPATIAL_FILTER_MODE_FILTER_CONTAINS_GEOMETRY,
                SpatialCoordinateSystem.SPATIAL_COORDINATE_SYSTEM_SPHERICAL)).containsExactly("north_of_60");
        assertThat(matching(HIGH_LATITUDE_BAND, SPATIAL_FILTER_MODE_FILTER_CONTAINS_GEOMETRY,
                SpatialCoordinateSystem.SPATIAL_COORDINATE_SYSTEM_CARTESIAN)).containsExactly("south_of_57");
    }

    @Test
    void onlyValidPolygonsAreAcceptedAsFilters() {
        var cartesian = SpatialCoordinateSystem.SPATIAL_COORDINATE_SYSTEM_CARTESIAN;
        assertThatThrownBy(() -> matching("POINT(1 1)", SPATIAL_FILTER_MODE_INTERSECTS, cartesian))
                .hasMessageContaining("400 invalid_argument")
                .hasMessageContaining("Polygon or MultiPolygon, got a Point");
        assertThatThrownBy(() -> matching(ByteString.copyFromUtf8("not wkb"), SPATIAL_FILTER_MODE_INTERSECTS,
                cartesian))
                .hasMessageContaining("400 invalid_argument").hasMessageContaining("cannot decode");
        String bowTie = "POLYGON((0 0, 10 10, 10 0, 0 10, 0 0))";
        assertThatThrownBy(() -> matching(bowTie, SPATIAL_FILTER_MODE_INTERSECTS, cartesian))
                .hasMessageContaining("400 invalid_argument").hasMessageContaining("not valid");
    }

    @Test
    void aTemporalDatasetCannotBeFilteredSpatially() {
        Dataset temporal = catalog.dataset("no_space", DatasetKind.DATASET_KIND_TEMPORAL);
        catalog.collection(temporal, "c");
        QueryFilters filters = TestCatalog.during(T, T.plusSeconds(60)).toBuilder()
                .setSpatialExtent(SpatialFilter.newBuilder().setGeometry(Geometry.newBuilder()
                        .setWkb(TestCatalog.wkb(SQUARE)))).build();

        assertThatThrownBy(() -> catalog.query(temporal, filters, null, false))
                .hasMessageContaining("400 invalid_argument").hasMessageContaining("spatio-temporal");
    }
}
