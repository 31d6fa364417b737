package dev.skyloom;

import dev.skyloom.wire.datasets.v1.SpatialFilterMode;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpatialFilterTest {

    private final GeometryFactory geometries = new GeometryFactory();

    @Test
    void bboxBuildsAnIntersectingSphericalPolygon() {
        SpatialFilter f = SpatialFilter.bbox(5.9, 45.8, 10.5, 47.8);
        assertThat(f.geometry()).isInstanceOf(Polygon.class);
        assertThat(f.geometry().getEnvelopeInternal().getMinX()).isEqualTo(5.9);
        assertThat(f.geometry().getEnvelopeInternal().getMaxY()).isEqualTo(47.8);
        assertThat(f.mode()).isEqualTo(SpatialFilter.Mode.INTERSECTS);
        assertThat(f.coordinateSystem()).isEqualTo(SpatialFilter.CoordinateSystem.SPHERICAL);
        assertThat(f.withMode(SpatialFilter.Mode.CONTAINS).mode()).isEqualTo(SpatialFilter.Mode.CONTAINS);
    }

    @Test
    void eachModeIsSentAsTheServicesEnumValue() {
        SpatialFilter box = SpatialFilter.bbox(0, 0, 1, 1);
        assertThat(WireValues.spatialFilter(box).getMode())
                .isEqualTo(SpatialFilterMode.SPATIAL_FILTER_MODE_INTERSECTS);
        assertThat(WireValues.spatialFilter(box.withMode(SpatialFilter.Mode.CONTAINS)).getMode())
                .isEqualTo(SpatialFilterMode.SPATIAL_FILTER_MODE_FILTER_CONTAINS_GEOMETRY);
        SpatialFilter covering = SpatialFilter.covering(box.geometry());
        assertThat(covering.mode()).isEqualTo(SpatialFilter.Mode.COVERS);
        assertThat(WireValues.spatialFilter(covering).getModeValue()).isEqualTo(3);
        assertThat(WireValues.spatialFilter(covering).getMode())
                .isEqualTo(SpatialFilterMode.SPATIAL_FILTER_MODE_GEOMETRY_CONTAINS_FILTER);
    }

    @Test
    void rejectsBadBoxesWithTheBoundNamed() {
        assertThatThrownBy(() -> SpatialFilter.bbox(10, 45, 5, 47)).hasMessageContaining("minLon 10.0");
        assertThatThrownBy(() -> SpatialFilter.bbox(5, 47, 10, 45)).hasMessageContaining("minLat 47.0");
        assertThatThrownBy(() -> SpatialFilter.bbox(5, 45, 190, 47)).hasMessageContaining("maxLon");
        assertThatThrownBy(() -> SpatialFilter.bbox(Double.NaN, 45, 10, 47)).hasMessageContaining("minLon");
    }

    @Test
    void rejectsNonPolygonsAndNaNCoordinates() {
        assertThatThrownBy(() -> SpatialFilter.intersects(geometries.createPoint(new Coordinate(1, 2))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a Point");
        Polygon withNaN = geometries.createPolygon(new Coordinate[]{new Coordinate(0, 0), new Coordinate(1, 0),
                new Coordinate(1, Double.NaN), new Coordinate(0, 0)});
        assertThatThrownBy(() -> SpatialFilter.intersects(withNaN)).hasMessageContaining("finite");
    }

    @Test
    void queryRejectsANonPositivePageSize() {
        Query q = Query.between("2020-01-01", "2020-02-01");
        assertThat(q.withPageSize(10).pageSize()).isEqualTo(OptionalInt.of(10));
        assertThatThrownBy(() -> q.withPageSize(0)).hasMessageContaining("at least 1");
    }
}
