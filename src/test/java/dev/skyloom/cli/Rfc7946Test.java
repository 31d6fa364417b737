package dev.skyloom.cli;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.WKTReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class Rfc7946Test {

    private static final GeometryFactory GEOMETRIES = new GeometryFactory();

    private static Geometry wkt(String text) throws Exception {
        return new WKTReader(GEOMETRIES).read(text);
    }

    @Test
    void aFootprintCrossingTheAntimeridianIsCutIntoTwoPolygonsOnEitherSide() throws Exception {
        // 4 degrees wide, from 178 E across the antimeridian to 178 W, clockwise as some footprints arrive
        Geometry crossing = wkt("POLYGON ((178 10, 178 12, -178 12, -178 10, 178 10))");

        Geometry shaped = Rfc7946.shape(crossing);

        assertThat(shaped).isInstanceOf(MultiPolygon.class);
        assertThat(shaped.getNumGeometries()).isEqualTo(2);
        assertThat(shaped.getArea()).isCloseTo(8.0, within(1e-9));
        Geometry east = shaped.getGeometryN(0).getEnvelopeInternal().getMinX() > 0 ? shaped.getGeometryN(0)
                : shaped.getGeometryN(1);
        Geometry west = east == shaped.getGeometryN(0) ? shaped.getGeometryN(1) : shaped.getGeometryN(0);
        assertThat(east.getEnvelopeInternal().getMinX()).isEqualTo(178);
        assertThat(east.getEnvelopeInternal().getMaxX()).isEqualTo(180);
        assertThat(west.getEnvelopeInternal().getMinX()).isEqualTo(-180);
        assertThat(west.getEnvelopeInternal().getMaxX()).isEqualTo(-178);
        for (int i = 0; i < shaped.getNumGeometries(); i++) {
            Polygon part = (Polygon) shaped.getGeometryN(i);
            assertThat(Orientation.isCCW(part.getExteriorRing().getCoordinateSequence())).isTrue();
            for (Coordinate c : part.getCoordinates()) {
                assertThat(c.x).isBetween(-180.0, 180.0);
            }
        }
    }

    @Test
    void aRingAroundAPoleIsClosedAlongThePoleAndCut() throws Exception {
        Geometry polar = wkt("POLYGON ((0 -80, 90 -80, 180 -80, -90 -80, 0 -80))");

        Geometry shaped = Rfc7946.shape(polar);

        for (Coordinate c : shaped.getCoordinates()) {
            assertThat(c.x).isBetween(-180.0, 180.0);
            assertThat(c.y).isBetween(-90.0, -80.0);
        }
        assertThat(shaped.getArea()).isCloseTo(360 * 10, within(1e-6));
    }

    @Test
    void otherPolygonsAreOnlyWoundCounterclockwise() throws Exception {
        Geometry clockwise = wkt("POLYGON ((10 45, 10 46, 11 46, 11 45, 10 45))");
        Geometry counterclockwise = wkt("POLYGON ((10 45, 11 45, 11 46, 10 46, 10 45))");
        Geometry point = wkt("POINT (179.5 1)");

        Geometry shaped = Rfc7946.shape(clockwise);

        assertThat(shaped.equalsExact(counterclockwise)).isTrue();
        assertThat(Rfc7946.shape(counterclockwise)).isSameAs(counterclockwise);
        assertThat(Rfc7946.shape(point)).isSameAs(point);
    }
}
