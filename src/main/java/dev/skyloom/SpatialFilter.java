package dev.skyloom;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

import java.util.Objects;

/**
 * A spatial restriction of a query: datapoints whose geometry intersects an area, lies inside it, or covers it.
 *
 * <p>Coordinates are longitude/latitude in WGS84 (x = longitude, y = latitude). Only polygons and multipolygons are
 * accepted, as by the service. The coordinate system defaults to {@link CoordinateSystem#SPHERICAL}, the service's
 * documented default; it is always sent explicitly.
 * {@snippet :
 * SpatialFilter colorado = SpatialFilter.bbox(-109.05, 37.0, -102.05, 41.0)
 *         .withMode(SpatialFilter.Mode.CONTAINS);
 * }
 *
 * @param geometry         a non-empty Polygon or MultiPolygon with finite coordinates
 * @param mode             how datapoint geometries must relate to it (default {@link Mode#INTERSECTS})
 * @param coordinateSystem how edges are interpreted (default {@link CoordinateSystem#SPHERICAL})
 */
public record SpatialFilter(Geometry geometry, Mode mode, CoordinateSystem coordinateSystem) {

    private static final GeometryFactory GEOMETRIES = new GeometryFactory(new PrecisionModel(), 4326);

    /**
     * How a datapoint's geometry must relate to the filter's area. The names follow the question a query asks of a
     * footprint: does it meet the area, lie inside it, or cover it?
     */
    public enum Mode {
        /** Any overlap matches (the service's {@code SPATIAL_FILTER_MODE_INTERSECTS}). */
        INTERSECTS,
        /**
         * The area contains the datapoint: only geometries entirely inside the filter's area match (the service's
         * {@code SPATIAL_FILTER_MODE_FILTER_CONTAINS_GEOMETRY}).
         */
        CONTAINS,
        /**
         * The datapoint covers the area: only geometries that contain the whole filter area match, e.g. the scenes
         * that each show all of a field (the service's {@code SPATIAL_FILTER_MODE_GEOMETRY_CONTAINS_FILTER}).
         */
        COVERS
    }

    /** How the geometry's edges are interpreted. */
    public enum CoordinateSystem {
        /** A flat longitude/latitude plane. */
        CARTESIAN,
        /** Great-circle edges on the sphere; handles the antimeridian and the poles. */
        SPHERICAL
    }

    /**
     * Validates the filter.
     *
     * @throws IllegalArgumentException if the geometry is empty, not a (multi)polygon, or has a NaN or infinite
     *                                  coordinate
     */
    public SpatialFilter {
        Objects.requireNonNull(geometry, "geometry");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(coordinateSystem, "coordinateSystem");
        if (!(geometry instanceof Polygon || geometry instanceof MultiPolygon)) {
            throw new IllegalArgumentException("a spatial filter must be a Polygon or MultiPolygon, not a "
                    + geometry.getGeometryType());
        }
        if (geometry.isEmpty()) {
            throw new IllegalArgumentException("a spatial filter's geometry must not be empty");
        }
        for (Coordinate c : geometry.getCoordinates()) {
            if (!Double.isFinite(c.x) || !Double.isFinite(c.y)) {
                throw new IllegalArgumentException("a spatial filter's coordinates must be finite numbers, found ("
                        + c.x + ", " + c.y + ")");
            }
        }
    }

    /**
     * Datapoints intersecting {@code geometry}, spherical.
     *
     * @param geometry the area, in longitude/latitude
     * @return the filter
     */
    public static SpatialFilter intersects(Geometry geometry) {
        return new SpatialFilter(geometry, Mode.INTERSECTS, CoordinateSystem.SPHERICAL);
    }

    /**
     * Datapoints inside {@code geometry}, spherical.
     *
     * @param geometry the area, in longitude/latitude
     * @return the filter
     */
    public static SpatialFilter contains(Geometry geometry) {
        return new SpatialFilter(geometry, Mode.CONTAINS, CoordinateSystem.SPHERICAL);
    }

    /**
     * Datapoints whose geometry covers all of an area, spherical: e.g. the scenes that each show a whole field.
     *
     * @param geometry the area, a non-empty Polygon or MultiPolygon
     * @return the filter, mode {@link Mode#COVERS}
     * @throws IllegalArgumentException as the constructor
     */
    public static SpatialFilter covering(Geometry geometry) {
        return new SpatialFilter(geometry, Mode.COVERS, CoordinateSystem.SPHERICAL);
    }

    /**
     * Datapoints intersecting a longitude/latitude box.
     *
     * @param minLon the western bound, in degrees
     * @param minLat the southern bound, in degrees
     * @param maxLon the eastern bound, in degrees
     * @param maxLat the northern bound, in degrees
     * @return the filter
     * @throws IllegalArgumentException if a bound is not finite, out of range (longitude -180..180, latitude
     *                                  -90..90), or a minimum is not below its maximum
     */
    public static SpatialFilter bbox(double minLon, double minLat, double maxLon, double maxLat) {
        checkRange("minLon", minLon, 180);
        checkRange("maxLon", maxLon, 180);
        checkRange("minLat", minLat, 90);
        checkRange("maxLat", maxLat, 90);
        if (!(minLon < maxLon)) {
            throw new IllegalArgumentException("bbox minLon " + minLon + " must be less than maxLon " + maxLon);
        }
        if (!(minLat < maxLat)) {
            throw new IllegalArgumentException("bbox minLat " + minLat + " must be less than maxLat " + maxLat);
        }
        return intersects(GEOMETRIES.toGeometry(new Envelope(minLon, maxLon, minLat, maxLat)));
    }

    private static void checkRange(String name, double value, double limit) {
        if (!Double.isFinite(value) || value < -limit || value > limit) {
            throw new IllegalArgumentException("bbox " + name + " must be a number from " + -limit + " to " + limit
                    + ", got " + value);
        }
    }

    /**
     * A copy with another mode.
     *
     * @param newMode intersects or contains
     * @return the copy
     */
    public SpatialFilter withMode(Mode newMode) {
        return new SpatialFilter(geometry, newMode, coordinateSystem);
    }

    /**
     * A copy with another coordinate system.
     *
     * @param system spherical or cartesian
     * @return the copy
     */
    public SpatialFilter withCoordinateSystem(CoordinateSystem system) {
        return new SpatialFilter(geometry, mode, system);
    }
}
