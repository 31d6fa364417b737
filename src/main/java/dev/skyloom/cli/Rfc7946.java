package dev.skyloom.cli;

import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.AffineTransformation;

import java.util.ArrayList;
import java.util.List;

/**
 * Shapes footprints as RFC 7946 asks of GeoJSON geometries: a polygon that crosses the antimeridian is cut along it
 * into a MultiPolygon whose parts each stay within [-180, 180] (section 3.1.9), and every polygon's exterior ring is
 * counterclockwise, its holes clockwise (section 3.1.6). Footprints arrive with longitudes in [-180, 180], so a ring
 * crosses the antimeridian where one edge jumps by more than 180 degrees of longitude. A ring around a pole (its
 * longitudes unwrap to a full turn) is closed along the pole first. Other geometries are returned as they are.
 */
final class Rfc7946 {

    private Rfc7946() {
    }

    /** @return {@code geometry} shaped for GeoJSON output; the same instance if nothing needs to change */
    static Geometry shape(Geometry geometry) {
        return switch (geometry) {
            case Polygon polygon when !polygon.isEmpty() -> shapePolygon(polygon);
            case MultiPolygon multi when !multi.isEmpty() -> {
                List<Polygon> parts = new ArrayList<>();
                boolean changed = false;
                for (int i = 0; i < multi.getNumGeometries(); i++) {
                    Polygon part = (Polygon) multi.getGeometryN(i);
                    Geometry shaped = shapePolygon(part);
                    changed |= shaped != part;
                    addPolygons(shaped, parts);
                }
                yield changed ? multi.getFactory().createMultiPolygon(parts.toArray(Polygon[]::new)) : multi;
            }
            default -> geometry;
        };
    }

    private static Geometry shapePolygon(Polygon polygon) {
        if (crossesAntimeridian(polygon)) {
            return split(polygon);
        }
        return wound(polygon);
    }

    private static boolean crossesAntimeridian(Polygon polygon) {
        if (jumps(polygon.getExteriorRing().getCoordinates())) {
            return true;
        }
        for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
            if (jumps(polygon.getInteriorRingN(i).getCoordinates())) {
                return true;
            }
        }
        return false;
    }

    private static boolean jumps(Coordinate[] ring) {
        for (int i = 1; i < ring.length; i++) {
            if (Math.abs(ring[i].x - ring[i - 1].x) > 180) {
                return true;
            }
        }
        return false;
    }

    /** Counterclockwise exterior, clockwise holes; the same instance if it already is. */
    private static Polygon wound(Polygon polygon) {
        boolean shellOk = Orientation.isCCW(polygon.getExteriorRing().getCoordinateSequence());
        boolean holesOk = true;
        for (int i = 0; i < polygon.getNumInteriorRing() && holesOk; i++) {
            holesOk = !Orientation.isCCW(polygon.getInteriorRingN(i).getCoordinateSequence());
        }
        if (shellOk && holesOk) {
            return polygon;
        }
        GeometryFactory factory = polygon.getFactory();
        LinearRing shell = shellOk ? polygon.getExteriorRing() : polygon.getExteriorRing().reverse();
        LinearRing[] holes = new LinearRing[polygon.getNumInteriorRing()];
        for (int i = 0; i < holes.length; i++) {
            LinearRing hole = polygon.getInteriorRingN(i);
            holes[i] = Orientation.isCCW(hole.getCoordinateSequence()) ? hole.reverse() : hole;
        }
        return factory.createPolygon(shell, holes);
    }

    /** Unwraps the rings to continuous longitudes, then cuts the result into 360-degree bands shifted home. */
    private static Geometry split(Polygon polygon) {
        GeometryFactory factory = polygon.getFactory();
        LinearRing shell = factory.createLinearRing(unwrapped(polygon.getExteriorRing().getCoordinates()));
        LinearRing[] holes = new LinearRing[polygon.getNumInteriorRing()];
        for (int i = 0; i < holes.length; i++) {
            holes[i] = factory.createLinearRing(unwrapped(polygon.getInteriorRingN(i).getCoordinates()));
        }
        Geometry continuous = factory.createPolygon(shell, holes);
        if (!continuous.isValid()) {
            continuous = continuous.buffer(0);
        }
        Envelope extent = continuous.getEnvelopeInternal();
        List<Polygon> parts = new ArrayList<>();
        for (long band = (long) Math.floor((extent.getMinX() + 180) / 360);
             band * 360 - 180 < extent.getMaxX(); band++) {
            double west = band * 360 - 180;
            Geometry box = factory.toGeometry(new Envelope(west, west + 360, -90, 90));
            Geometry piece = continuous.intersection(box);
            if (!piece.isEmpty()) {
                Geometry home = AffineTransformation.translationInstance(-band * 360.0, 0).transform(piece);
                addPolygons(home, parts);
            }
        }
        List<Polygon> woundParts = parts.stream().map(Rfc7946::wound).toList();
        return woundParts.size() == 1 ? woundParts.getFirst()
                : factory.createMultiPolygon(woundParts.toArray(Polygon[]::new));
    }

    /**
     * @return the ring with each longitude moved by whole turns to within 180 degrees of the one before; a ring
     *         that then ends a full turn from where it started goes around a pole, and is closed along it
     */
    static Coordinate[] unwrapped(Coordinate[] ring) {
        List<Coordinate> result = new ArrayList<>(ring.length + 3);
        double previous = ring[0].x;
        result.add(new Coordinate(previous, ring[0].y));
        for (int i = 1; i < ring.length; i++) {
            double x = ring[i].x;
            while (x - previous > 180) {
                x -= 360;
            }
            while (previous - x > 180) {
                x += 360;
            }
            result.add(new Coordinate(x, ring[i].y));
            previous = x;
        }
        Coordinate first = result.getFirst();
        Coordinate last = result.getLast();
        if (Math.abs(last.x - first.x) > 180) {
            double pole = meanLatitude(ring) >= 0 ? 90 : -90;
            result.add(new Coordinate(last.x, pole));
            result.add(new Coordinate(first.x, pole));
            result.add(new Coordinate(first.x, first.y));
        }
        return result.toArray(Coordinate[]::new);
    }

    private static double meanLatitude(Coordinate[] ring) {
        double sum = 0;
        for (Coordinate c : ring) {
            sum += c.y;
        }
        return sum / ring.length;
    }

    private static void addPolygons(Geometry geometry, List<Polygon> parts) {
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
            if (geometry.getGeometryN(i) instanceof Polygon polygon && !polygon.isEmpty()) {
                parts.add(polygon);
            }
        }
    }
}
