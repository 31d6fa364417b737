package dev.skyloom.local.geo;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link SphericalGeometry#envelope} takes a short cut for polygons: it must give exactly the full computation's. */
class SphericalEnvelopeTest {

    private static final GeometryFactory FACTORY = new GeometryFactory();

    @Test
    void polygonEnvelopesAreBitForBitThoseOfTheUnwrappedPolygon() {
        SplittableRandom random = new SplittableRandom(7);
        for (int n = 0; n < 20_000; n++) {
            double lon = -180 + 360 * random.nextDouble();
            double lat = -89 + 178 * random.nextDouble();
            double size = n % 10 == 0 ? 60 * random.nextDouble() : 3 * random.nextDouble();
            Polygon polygon = quad(lon, lat, size, random);
            assertSame(polygon);
        }
    }

    @Test
    void polygonsAcrossTheAntimeridianAroundAPoleAndWithRepeatedPointsMatchToo() {
        assertSame(ring(179, 10, -179, 10, -179, 12, 179, 12, 179, 10));
        assertSame(ring(-179.5, -40, 179.5, -40, 179.5, -38, -179.5, -38, -179.5, -40));
        // goes once around the north pole: closed along it
        assertSame(ring(0, 80, 90, 80, 180, 80, -90, 80, 0, 80));
        assertSame(ring(0, -70, -120, -70, 120, -70, 0, -70));
        assertSame(ring(10, 10, 10, 10, 11, 10, 11, 11, 10, 10));
        assertSame(ring(-180, 0, 180, 0, 180, 1, -180, 0));
        assertSame(ring(-0.0, 0.0, 0.0, -0.0, 1, 1, -0.0, 0.0));
    }

    private static void assertSame(Polygon polygon) {
        Envelope expected = SphericalGeometry.unwrappedEnvelope(polygon);
        if (expected.getMinX() < -180 || expected.getMaxX() > 180) {
            expected = new Envelope(-180, 180, expected.getMinY(), expected.getMaxY());
        }
        Envelope actual = SphericalGeometry.envelope(polygon);
        assertThat(bits(actual)).as("%s", polygon).containsExactly(bits(expected));
    }

    private static long[] bits(Envelope e) {
        return new long[] {Double.doubleToRawLongBits(e.getMinX()), Double.doubleToRawLongBits(e.getMinY()),
            Double.doubleToRawLongBits(e.getMaxX()), Double.doubleToRawLongBits(e.getMaxY())};
    }

    private static Polygon quad(double lon, double lat, double size, SplittableRandom random) {
        Coordinate[] ring = new Coordinate[5];
        for (int k = 0; k < 4; k++) {
            double x = lon + (k == 1 || k == 2 ? size : 0) + random.nextDouble() * size / 4;
            double y = Math.clamp(lat + (k >= 2 ? size : 0) + random.nextDouble() * size / 4, -90.0, 90.0);
            ring[k] = new Coordinate(((x + 180) % 360 + 360) % 360 - 180, y);
        }
        ring[4] = ring[0].copy();
        return FACTORY.createPolygon(ring);
    }

    private static Polygon ring(double... lonLat) {
        Coordinate[] ring = new Coordinate[lonLat.length / 2];
        for (int k = 0; k < ring.length; k++) {
            ring[k] = new Coordinate(lonLat[2 * k], lonLat[2 * k + 1]);
        }
        return FACTORY.createPolygon(ring);
    }
}
