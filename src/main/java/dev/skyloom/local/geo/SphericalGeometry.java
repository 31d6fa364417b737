package dev.skyloom.local.geo;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryFixer;

import java.util.ArrayList;
import java.util.List;

/**
 * Spherical geometry by approximation: a lon/lat geometry whose edges are great-circle arcs is turned into a planar
 * lon/lat geometry on which JTS predicates give (nearly) the spherical answer.
 *
 * <p>The approximation: every edge is densified along its great circle in steps of at most
 * {@value #STEP_DEGREES}°, longitudes are unwrapped so that an edge never jumps across the antimeridian, and the
 * result is cut at ±180° with the pieces shifted back into [-180, 180] (so a footprint crossing the antimeridian
 * becomes a MultiPolygon). A ring whose unwrapped longitudes do not close (it goes once around a pole) is closed
 * through that pole. Between the densified points edges are straight in lon/lat, so the error is a small fraction of
 * the step; predicates on geometries that only touch may differ from an exact spherical computation.
 */
public final class SphericalGeometry {

    static final double STEP_DEGREES = 1.0;

    private SphericalGeometry() {
    }

    /** The planar approximation of {@code geometry} (lon/lat with great-circle edges), within [-180, 180]. */
    static Geometry planarize(Geometry geometry) {
        GeometryFactory factory = geometry.getFactory();
        Geometry unwrapped = unwrap(geometry);
        if (!unwrapped.isValid()) {
            unwrapped = GeometryFixer.fix(unwrapped);
        }
        Envelope envelope = unwrapped.getEnvelopeInternal();
        if (envelope.getMinX() >= -180 && envelope.getMaxX() <= 180) {
            return unwrapped;
        }
        List<Geometry> pieces = new ArrayList<>();
        for (int k = -2; k <= 2; k++) {
            Envelope window = new Envelope(-180 + 360 * k, 180 + 360 * k, -90, 90);
            if (!window.intersects(envelope)) {
                continue;
            }
            Geometry piece = unwrapped.intersection(factory.toGeometry(window));
            if (!piece.isEmpty()) {
                double shift = -360.0 * k;
                piece.apply((Coordinate c) -> c.x += shift);
                piece.geometryChanged();
                pieces.add(piece);
            }
        }
        return factory.buildGeometry(pieces).union();
    }

    /**
     * The lon/lat envelope of the planar approximation, computed without building it: the bbox a spherical query
     * compares against. A geometry crossing the antimeridian spans all longitudes.
     *
     * @param geometry a lon/lat geometry
     * @return the envelope, in degrees
     */
    public static Envelope envelope(Geometry geometry) {
        Envelope envelope = geometry instanceof Polygon polygon && simple(polygon)
                ? shellEnvelope(polygon.getExteriorRing().getCoordinates())
                : unwrappedEnvelope(geometry);
        if (envelope.getMinX() < -180 || envelope.getMaxX() > 180) {
            return new Envelope(-180, 180, envelope.getMinY(), envelope.getMaxY());
        }
        return envelope;
    }

    /** The envelope of the unwrapped geometry, built in full (what {@link #shellEnvelope} computes for polygons). */
    static Envelope unwrappedEnvelope(Geometry geometry) {
        return unwrap(geometry).getEnvelopeInternal();
    }

    private static Geometry unwrap(Geometry geometry) {
        GeometryFactory factory = geometry.getFactory();
        return switch (geometry) {
            case Point point -> factory.createPoint(new Coordinate(normalizeLon(point.getX()), point.getY()));
            case LinearRing ring -> factory.createLinearRing(densifyRing(ring.getCoordinates()));
            case LineString line -> factory.createLineString(densify(line.getCoordinates()));
            case Polygon polygon -> {
                LinearRing shell = factory.createLinearRing(densifyRing(polygon.getExteriorRing().getCoordinates()));
                LinearRing[] holes = new LinearRing[polygon.getNumInteriorRing()];
                for (int i = 0; i < holes.length; i++) {
                    holes[i] = factory.createLinearRing(densifyRing(polygon.getInteriorRingN(i).getCoordinates()));
                }
                yield factory.createPolygon(shell, holes);
            }
            default -> {
                List<Geometry> parts = new ArrayList<>();
                for (int i = 0; i < geometry.getNumGeometries(); i++) {
                    parts.add(unwrap(geometry.getGeometryN(i)));
                }
                yield factory.buildGeometry(parts);
            }
        };
    }

    private static Coordinate[] densifyRing(Coordinate[] ring) {
        Coordinate[] dense = densify(ring);
        Coordinate first = dense[0];
        Coordinate last = dense[dense.length - 1];
        if (Math.abs(last.x - first.x) < 1e-9) {
            dense[dense.length - 1] = new Coordinate(first.x, first.y);
            return dense;
        }
        // The unwrapped ring went once around the globe: it encloses a pole, so close it along that pole.
        double pole = meanLatitude(dense) >= 0 ? 90 : -90;
        List<Coordinate> closed = new ArrayList<>(List.of(dense));
        closed.add(new Coordinate(last.x, pole));
        closed.add(new Coordinate(first.x, pole));
        closed.add(new Coordinate(first.x, first.y));
        return closed.toArray(Coordinate[]::new);
    }

    private static Coordinate[] densify(Coordinate[] points) {
        List<Coordinate> out = new ArrayList<>();
        densify(points, (lon, lat) -> out.add(new Coordinate(lon, lat)));
        return out.toArray(Coordinate[]::new);
    }

    private static void densify(Coordinate[] points, Points out) {
        double previous = normalizeLon(points[0].x);
        out.add(previous, points[0].y);
        double[] a = toUnitVector(points[0]);
        for (int i = 1; i < points.length; i++) {
            double[] b = toUnitVector(points[i]);
            double angle = Math.acos(Math.max(-1, Math.min(1, a[0] * b[0] + a[1] * b[1] + a[2] * b[2])));
            int steps = Math.max(1, (int) Math.ceil(Math.toDegrees(angle) / STEP_DEGREES));
            for (int s = 1; s <= steps; s++) {
                double t = (double) s / steps;
                Coordinate next = s == steps ? points[i] : toLonLat(slerp(a, b, angle, t));
                double lon = next.x + 360 * Math.rint((previous - next.x) / 360);
                previous = lon;
                out.add(lon, next.y);
            }
            a = b;
        }
    }

    /** A polygon without holes and with finite coordinates: {@link #shellEnvelope} gives its envelope. */
    private static boolean simple(Polygon polygon) {
        if (polygon.isEmpty() || polygon.getNumInteriorRing() > 0) {
            return false;
        }
        for (Coordinate c : polygon.getExteriorRing().getCoordinates()) {
            if (!Double.isFinite(c.x) || !Double.isFinite(c.y)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The envelope of {@code densifyRing(ring)}, taken point by point as it densifies, in the same order and with the
     * same arithmetic, but without building the densified ring (a footprint's spherical bbox is computed for every
     * datapoint stored).
     */
    private static Envelope shellEnvelope(Coordinate[] ring) {
        RingEnvelope envelope = new RingEnvelope();
        densify(ring, envelope);
        return envelope.closed();
    }

    /** Receives densified points in order. */
    @FunctionalInterface
    private interface Points {
        void add(double lon, double lat);
    }

    /** The envelope of a densified ring closed as {@link #densifyRing} closes it. */
    private static final class RingEnvelope implements Points {

        private final Envelope envelope = new Envelope();
        private double firstX;
        private double firstY;
        private double lastX;
        private double lastY;
        private double latitudes;
        private int count;

        @Override
        public void add(double lon, double lat) {
            if (count == 0) {
                firstX = lon;
                firstY = lat;
            } else {
                envelope.expandToInclude(lastX, lastY); // not the last point after all
            }
            lastX = lon;
            lastY = lat;
            latitudes += lat;
            count++;
        }

        Envelope closed() {
            if (Math.abs(lastX - firstX) >= 1e-9) {
                double pole = latitudes / count >= 0 ? 90 : -90;
                envelope.expandToInclude(lastX, lastY);
                envelope.expandToInclude(lastX, pole);
                envelope.expandToInclude(firstX, pole);
            }
            envelope.expandToInclude(firstX, firstY);
            return envelope;
        }
    }

    private static double meanLatitude(Coordinate[] points) {
        double sum = 0;
        for (Coordinate c : points) {
            sum += c.y;
        }
        return sum / points.length;
    }

    private static double normalizeLon(double lon) {
        double normalized = ((lon + 180) % 360 + 360) % 360 - 180;
        return normalized == -180 && lon > 0 ? 180 : normalized;
    }

    private static double[] toUnitVector(Coordinate c) {
        double lon = Math.toRadians(c.x);
        double lat = Math.toRadians(c.y);
        return new double[] {Math.cos(lat) * Math.cos(lon), Math.cos(lat) * Math.sin(lon), Math.sin(lat)};
    }

    private static Coordinate toLonLat(double[] v) {
        return new Coordinate(Math.toDegrees(Math.atan2(v[1], v[0])),
                Math.toDegrees(Math.asin(Math.max(-1, Math.min(1, v[2])))));
    }

    private static double[] slerp(double[] a, double[] b, double angle, double t) {
        if (angle < 1e-12) {
            return a;
        }
        double sin = Math.sin(angle);
        double wa = Math.sin((1 - t) * angle) / sin;
        double wb = Math.sin(t * angle) / sin;
        return new double[] {wa * a[0] + wb * b[0], wa * a[1] + wb * b[1], wa * a[2] + wb * b[2]};
    }
}
