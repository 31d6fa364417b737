package dev.skyloom.codec;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/**
 * Converts geometries between Well-Known Binary and JTS, the way the Tilebox service exchanges them: it sends both
 * plain WKB and EWKB carrying SRID 4326, and expects EWKB. Coordinates are WGS84 longitude (x) and latitude (y).
 */
public final class Wkb {

    /** The SRID of WGS84 longitude/latitude, the only coordinate system Tilebox uses. */
    public static final int WGS84 = 4326;

    private static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), WGS84);

    private Wkb() {
    }

    /**
     * Reads a geometry from plain WKB or from EWKB, in either byte order.
     *
     * @param wkbOrEwkb the encoded geometry
     * @return the geometry, with SRID 4326 whether or not the input carried one
     * @throws IllegalArgumentException if the bytes are not a valid (E)WKB geometry, or carry an SRID other than
     *                                  0 or 4326
     */
    public static Geometry read(byte[] wkbOrEwkb) {
        Geometry geometry;
        try {
            geometry = new WKBReader(FACTORY).read(wkbOrEwkb);
        } catch (ParseException | RuntimeException e) {
            throw new IllegalArgumentException(
                    "not a valid WKB geometry (" + wkbOrEwkb.length + " bytes): " + e.getMessage(), e);
        }
        // the reader gives geometries without an SRID (plain WKB, or EWKB with SRID 0) the factory's, 4326
        if (geometry.getSRID() != WGS84) {
            throw new IllegalArgumentException("unsupported SRID " + geometry.getSRID()
                    + " in EWKB geometry: only 4326 (WGS84 lon/lat) or none is accepted");
        }
        return geometry;
    }

    /**
     * Writes a geometry as little-endian, two-dimensional EWKB with SRID 4326 (any Z coordinate is dropped).
     *
     * @param geometry the geometry, in WGS84 lon/lat; its SRID must be 0 (unset) or 4326
     * @return the EWKB bytes
     * @throws IllegalArgumentException if the geometry declares another SRID
     */
    public static byte[] writeEwkb(Geometry geometry) {
        int srid = geometry.getSRID();
        if (srid != WGS84 && srid != 0) {
            throw new IllegalArgumentException(
                    "cannot write a geometry with SRID " + srid + ": Tilebox geometries are WGS84 lon/lat (4326)");
        }
        Geometry withSrid = geometry;
        if (srid == 0) {
            withSrid = geometry.copy();
            withSrid.setSRID(WGS84);
        }
        return new WKBWriter(2, ByteOrderValues.LITTLE_ENDIAN, true).write(withSrid);
    }
}
