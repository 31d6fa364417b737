package dev.skyloom.cli;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.io.WKTWriter;

import java.time.Instant;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class CellTextTest {

    private static final GeometryFactory GEOMETRIES = new GeometryFactory();

    @Test
    void instantsReadExactlyAsInstantToString() {
        SplittableRandom random = new SplittableRandom(7);
        long first = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long last = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 20_000; i++) {
            long seconds = random.nextLong(first, last + 1);
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(seconds, nanos);
            assertThat(CellText.of(instant)).as("%s", instant).isEqualTo(instant.toString());
        }
        for (Instant edge : new Instant[]{Instant.EPOCH, Instant.ofEpochSecond(-1, 1), Instant.MIN, Instant.MAX,
                Instant.parse("0000-01-01T00:00:00Z").minusNanos(1), Instant.parse("+10000-01-01T00:00:00Z")}) {
            assertThat(CellText.of(edge)).isEqualTo(edge.toString());
        }
    }

    @Test
    void wktReadsBackToTheSameCoordinatesAndKeepsJtsLayout() throws Exception {
        SplittableRandom random = new SplittableRandom(11);
        WKTReader reader = new WKTReader(GEOMETRIES);
        for (int i = 0; i < 2_000; i++) {
            Coordinate[] ring = new Coordinate[5];
            for (int j = 0; j < 4; j++) {
                ring[j] = new Coordinate(random.nextDouble(-180, 180), random.nextDouble(-90, 90));
            }
            if (i % 3 == 0) {
                ring[1] = new Coordinate(1e-7 * random.nextDouble(), 12345678.0);
            }
            ring[4] = ring[0];
            Geometry line = GEOMETRIES.createLineString(ring);
            Geometry read = reader.read(WktText.of(line));
            assertThat(read.getCoordinates()).isEqualTo(line.getCoordinates());
            assertThat(WktText.of(line)).doesNotContainPattern("[0-9][eE]");
        }
        Geometry square = GEOMETRIES.createPolygon(new Coordinate[]{new Coordinate(10, 45), new Coordinate(11, 45),
                new Coordinate(11, 46), new Coordinate(10, 46), new Coordinate(10, 45)});
        Geometry[] shapes = {square, GEOMETRIES.createPoint(new Coordinate(1.5, -2)), GEOMETRIES.createPoint(),
                GEOMETRIES.createMultiPolygon(new org.locationtech.jts.geom.Polygon[]{
                        (org.locationtech.jts.geom.Polygon) square, (org.locationtech.jts.geom.Polygon) square}),
                GEOMETRIES.createMultiPointFromCoords(new Coordinate[]{new Coordinate(1, 2), new Coordinate(3, 4)}),
                GEOMETRIES.createGeometryCollection(new Geometry[]{square, GEOMETRIES.createPoint(
                        new Coordinate(1, 2))}),
                reader.read("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 2 3, 3 3, 3 2, 2 2))")};
        for (Geometry shape : shapes) {
            assertThat(WktText.of(shape)).isEqualTo(new WKTWriter().write(shape));
        }
    }
}
