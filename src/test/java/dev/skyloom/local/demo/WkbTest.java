package dev.skyloom.local.demo;

import dev.skyloom.local.demo.SphericalEarth.LonLat;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.WKBWriter;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's own WKB writing gives exactly JTS's bytes, the ones the service's geometries have. */
class WkbTest {

    private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

    @Test
    void footprintsAreJtsLittleEndianEwkbWithTheSrid() {
        WKBWriter jts = new WKBWriter(2, ByteOrderValues.LITTLE_ENDIAN, true);
        SplittableRandom random = new SplittableRandom(11);
        Wkb wkb = new Wkb();
        for (int n = 0; n < 1000; n++) {
            List<LonLat> ring = new ArrayList<>();
            for (int k = 0; k < 4 + n % 3; k++) {
                ring.add(new LonLat(-180 + 360 * random.nextDouble(), -90 + 180 * random.nextDouble()));
            }
            ring.add(n % 2 == 0 ? ring.getFirst() : new LonLat(-0.0 + ring.getFirst().lon(), ring.getFirst().lat()));
            Wkb.Footprint footprint = wkb.footprint(ring);
            assertThat(footprint.ewkb()).isEqualTo(jts.write(footprint.polygon()));
            assertThat(footprint.polygon().getSRID()).isEqualTo(4326);
            assertThat(footprint.polygon().getExteriorRing().getNumPoints()).isEqualTo(ring.size());
        }
    }

    @Test
    void pointsArePlainJtsLittleEndianWkb() {
        WKBWriter jts = new WKBWriter(2, ByteOrderValues.LITTLE_ENDIAN, false);
        Wkb wkb = new Wkb();
        for (LonLat p : List.of(new LonLat(12.5, -33.25), new LonLat(-0.0, 0.0), new LonLat(-180, 90))) {
            assertThat(wkb.point(p)).isEqualTo(jts.write(WGS84.createPoint(new Coordinate(p.lon(), p.lat()))));
        }
    }
}
