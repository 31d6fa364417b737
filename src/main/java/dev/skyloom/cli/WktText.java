package dev.skyloom.cli;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * Writes geometries as two-dimensional OGC Well-Known Text, laid out as JTS's {@code WKTWriter} does
 * ({@code POLYGON ((x y, ...))}), but into a caller's buffer and with each ordinate as the shortest decimal that reads
 * back to the same double ({@link Double#toString(double)} without exponent, {@code 10} for 10.0). JTS's writer builds
 * a {@code DecimalFormat} per call and rounds to 16 fraction digits; it was a third of the cost of writing a CSV row.
 */
final class WktText {

    private WktText() {
    }

    /** @return the WKT of {@code geometry} */
    static String of(Geometry geometry) {
        StringBuilder text = new StringBuilder(128);
        append(text, geometry);
        return text.toString();
    }

    /** Appends the WKT of {@code geometry} to {@code out}. */
    static void append(StringBuilder out, Geometry geometry) {
        out.append(geometry.getGeometryType().toUpperCase(Locale.ROOT)).append(' ');
        body(out, geometry);
    }

    private static void body(StringBuilder out, Geometry geometry) {
        if (geometry.isEmpty()) {
            out.append("EMPTY");
            return;
        }
        switch (geometry) {
            case Point point -> sequence(out, point.getCoordinateSequence());
            case LineString line -> sequence(out, line.getCoordinateSequence());
            case Polygon polygon -> polygon(out, polygon);
            case MultiPoint _, MultiLineString _, MultiPolygon _ -> {
                out.append('(');
                for (int i = 0; i < geometry.getNumGeometries(); i++) {
                    out.append(i == 0 ? "" : ", ");
                    body(out, geometry.getGeometryN(i));
                }
                out.append(')');
            }
            case GeometryCollection collection -> {
                out.append('(');
                for (int i = 0; i < collection.getNumGeometries(); i++) {
                    out.append(i == 0 ? "" : ", ");
                    append(out, collection.getGeometryN(i));
                }
                out.append(')');
            }
            default -> throw new IllegalArgumentException("unsupported geometry type " + geometry.getGeometryType());
        }
    }

    private static void polygon(StringBuilder out, Polygon polygon) {
        out.append('(');
        sequence(out, polygon.getExteriorRing().getCoordinateSequence());
        for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
            out.append(", ");
            sequence(out, polygon.getInteriorRingN(i).getCoordinateSequence());
        }
        out.append(')');
    }

    private static void sequence(StringBuilder out, CoordinateSequence coordinates) {
        out.append('(');
        for (int i = 0; i < coordinates.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            number(out, coordinates.getX(i));
            out.append(' ');
            number(out, coordinates.getY(i));
        }
        out.append(')');
    }

    /**
     * Appends {@code value} as the shortest decimal that reads back to it, without exponent and without a trailing
     * {@code .0}.
     */
    static void number(StringBuilder out, double value) {
        if (value == (long) value && Math.abs(value) < 1e15) {
            out.append((long) value);
            return;
        }
        int start = out.length();
        out.append(value);
        if (out.indexOf("E", start) >= 0) {
            String text = out.substring(start);
            out.setLength(start);
            out.append(new BigDecimal(text).toPlainString());
        }
    }
}
