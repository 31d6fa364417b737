package dev.skyloom.local.demo;

import dev.skyloom.local.demo.SphericalEarth.LonLat;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.WKBWriter;

import java.util.List;

/**
 * Encodes demo geometries the way the service delivers them: footprints as little-endian EWKB with SRID 4326, other
 * geometry fields (such as a centroid) as plain 2-D WKB. Not thread-safe: one per generating thread.
 */
final class Wkb {

    private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

    private final WKBWriter extended = new WKBWriter(2, ByteOrderValues.LITTLE_ENDIAN, true);
    private final WKBWriter plain = new WKBWriter(2, ByteOrderValues.LITTLE_ENDIAN, false);

    /**
     * A footprint: the polygon and its EWKB, as the {@code geometry} field holds it.
     *
     * @param polygon the polygon, SRID 4326
     * @param ewkb    its little-endian EWKB
     */
    record Footprint(Polygon polygon, byte[] ewkb) {
    }

    /** A polygon from a closed ring, with its EWKB (SRID 4326). */
    Footprint footprint(List<LonLat> ring) {
        Coordinate[] coordinates = new Coordinate[ring.size()];
        for (int k = 0; k < coordinates.length; k++) {
            coordinates[k] = new Coordinate(ring.get(k).lon(), ring.get(k).lat());
        }
        Polygon polygon = WGS84.createPolygon(coordinates);
        return new Footprint(polygon, extended.write(polygon));
    }

    /** A point as plain WKB (no SRID). */
    byte[] point(LonLat p) {
        return plain.write(WGS84.createPoint(new Coordinate(p.lon(), p.lat())));
    }
}
