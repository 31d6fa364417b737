package dev.skyloom.local.demo;

import dev.skyloom.local.demo.SphericalEarth.LonLat;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * Encodes demo geometries the way the service delivers them: footprints as little-endian EWKB with SRID 4326, other
 * geometry fields (such as a centroid) as plain 2-D WKB: the bytes JTS's {@code WKBWriter} writes for them, written
 * directly (a general writer costs more to run, and far more to compile, than these few fixed layouts). Stateless;
 * one per generating thread.
 */
final class Wkb {

    private static final int SRID = 4326;
    private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), SRID);
    private static final byte LITTLE_ENDIAN = 1;
    private static final int POINT = 1;
    private static final int POLYGON = 3;
    private static final int HAS_SRID = 0x2000_0000;

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
        ByteBuffer ewkb = ByteBuffer.allocate(17 + 16 * coordinates.length).order(ByteOrder.LITTLE_ENDIAN)
                .put(LITTLE_ENDIAN).putInt(POLYGON | HAS_SRID).putInt(SRID).putInt(1).putInt(coordinates.length);
        for (Coordinate c : coordinates) {
            putCoordinate(ewkb, c.x, c.y);
        }
        return new Footprint(polygon, ewkb.array());
    }

    /** A point as plain WKB (no SRID). */
    byte[] point(LonLat p) {
        ByteBuffer wkb = ByteBuffer.allocate(21).order(ByteOrder.LITTLE_ENDIAN).put(LITTLE_ENDIAN).putInt(POINT);
        return putCoordinate(wkb, p.lon(), p.lat()).array();
    }

    private static ByteBuffer putCoordinate(ByteBuffer out, double x, double y) {
        return out.putLong(Double.doubleToLongBits(x)).putLong(Double.doubleToLongBits(y));
    }
}
