package dev.skyloom.codec;

import org.locationtech.jts.geom.Envelope;

/**
 * Checks that (E)WKB bytes are a geometry the writers can take as they are, without reading it into JTS, and finds
 * what the GeoParquet metadata says of it: its type and its bounding box, as {@link Wkb#read} and JTS would give
 * them. It takes little-endian, two-dimensional WKB, plain or EWKB with SRID 4326 on the outer geometry only, every
 * point finite or infinite but not NaN (which JTS reads as an empty point), line strings of 0 or at least 2 points
 * and closed polygon rings of at least 4 (JTS repairs others), nested at most {@value #DEPTH} deep, with no byte
 * after the geometry. Anything else it declines, and the writer reads the geometry with JTS instead. One instance per
 * writer: not thread-safe.
 */
public final class WkbScan {

    /** The WKB type codes' JTS geometry type names, by code (1 to 7). */
    private static final String[] TYPE_NAMES = {null, "Point", "LineString", "Polygon", "MultiPoint",
            "MultiLineString", "MultiPolygon", "GeometryCollection"};
    private static final int SRID_FLAG = 0x2000_0000;
    private static final int DEPTH = 32;
    private static final RuntimeException DECLINE = new RuntimeException("declined", null, false, false) {
    };

    private final Envelope envelope = new Envelope();
    private byte[] bytes;
    private int position;
    private int end;
    private int type;
    private int body;

    /** Creates a scanner; {@link #scan} reads one geometry at a time. */
    public WkbScan() {
    }

    /**
     * Scans one geometry.
     *
     * @param buffer holds the geometry
     * @param start  where it starts
     * @param length its length in bytes
     * @return whether it is one this class takes; if so the other methods describe it until the next scan
     */
    public boolean scan(byte[] buffer, int start, int length) {
        bytes = buffer;
        position = start;
        end = start + length;
        envelope.setToNull();
        try {
            need(5);
            int code = header(true);
            type = code;
            body = position;
            geometry(code, 0, true);
            return position == end;
        } catch (RuntimeException e) {
            if (e != DECLINE) {
                throw e;
            }
            return false;
        }
    }

    /** {@return the WKB type code of the geometry, 1 (Point) to 7 (GeometryCollection)} */
    public int type() {
        return type;
    }

    /** {@return the JTS geometry type name of the geometry, e.g. {@code MultiPolygon}} */
    public String typeName() {
        return TYPE_NAMES[type];
    }

    /** {@return the position of the geometry's body: after its byte order, type code and SRID, if any} */
    public int body() {
        return body;
    }

    /** {@return the geometry's bounding box as JTS computes it; a null envelope for an empty geometry} */
    public Envelope envelope() {
        return envelope;
    }

    /**
     * Gives the little-endian int at {@code at}.
     *
     * @param buffer bytes
     * @param at     where the int starts
     * @return the little-endian int at {@code at}
     */
    public static int intAt(byte[] buffer, int at) {
        return buffer[at] & 0xFF | (buffer[at + 1] & 0xFF) << 8 | (buffer[at + 2] & 0xFF) << 16 | buffer[at + 3] << 24;
    }

    /**
     * Gives the little-endian double at {@code at}.
     *
     * @param buffer bytes
     * @param at     where the double starts
     * @return the little-endian double at {@code at}
     */
    public static double doubleAt(byte[] buffer, int at) {
        return Double.longBitsToDouble(intAt(buffer, at) & 0xFFFF_FFFFL | (long) intAt(buffer, at + 4) << 32);
    }

    /** Reads a byte order and a type code (and, for the outer geometry, an SRID); returns the code. */
    private int header(boolean outer) {
        need(5);
        if (bytes[position] != 1) {
            throw DECLINE;
        }
        int code = intAt(bytes, position + 1);
        position += 5;
        if (outer && (code & SRID_FLAG) != 0) {
            need(4);
            if (intAt(bytes, position) != Wkb.WGS84) {
                throw DECLINE;
            }
            position += 4;
            code &= ~SRID_FLAG;
        }
        if (code < 1 || code > 7) {
            throw DECLINE;
        }
        return code;
    }

    private void geometry(int code, int depth, boolean bounded) {
        switch (code) {
            case 1 -> points(1, bounded);
            case 2 -> {
                int count = count();
                if (count == 1) {
                    throw DECLINE;
                }
                points(count, bounded);
            }
            case 3 -> {
                int rings = count();
                for (int ring = 0; ring < rings; ring++) {
                    int count = count();
                    if (count < 4) {
                        throw DECLINE;
                    }
                    int first = position;
                    points(count, bounded && ring == 0);
                    int last = position - 16;
                    if (doubleAt(bytes, first) != doubleAt(bytes, last)
                            || doubleAt(bytes, first + 8) != doubleAt(bytes, last + 8)) {
                        throw DECLINE;
                    }
                }
            }
            default -> {
                if (depth >= DEPTH) {
                    throw DECLINE;
                }
                int parts = count();
                for (int part = 0; part < parts; part++) {
                    int element = header(false);
                    if (code != 7 && element != code - 3) {
                        throw DECLINE;
                    }
                    geometry(element, depth + 1, bounded);
                }
            }
        }
    }

    private void points(int count, boolean bounded) {
        need(16L * count);
        for (int i = 0; i < count; i++) {
            double x = doubleAt(bytes, position);
            double y = doubleAt(bytes, position + 8);
            if (Double.isNaN(x) || Double.isNaN(y)) {
                throw DECLINE;
            }
            if (bounded) {
                envelope.expandToInclude(x, y);
            }
            position += 16;
        }
    }

    private int count() {
        need(4);
        int count = intAt(bytes, position);
        position += 4;
        if (count < 0) {
            throw DECLINE;
        }
        return count;
    }

    private void need(long count) {
        if (count > end - position) {
            throw DECLINE;
        }
    }
}
