package dev.skyloom.local.geo;

import dev.skyloom.local.error.RpcException;
import dev.skyloom.wire.datasets.v1.SpatialFilter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.operation.valid.IsValidOp;

/**
 * A Query's spatial filter, validated: the bbox the index prefilter compares against, and the exact predicate run on
 * each candidate datapoint's geometry.
 *
 * <p>Mode: {@code INTERSECTS} (also for 0) keeps datapoints whose geometry shares any point with the filter,
 * {@code FILTER_CONTAINS_GEOMETRY} those lying entirely inside it, {@code GEOMETRY_CONTAINS_FILTER} those whose
 * geometry contains the whole filter area. Coordinate system: {@code CARTESIAN} (also for 0, as the proto
 * says) treats lon/lat as a plane; {@code SPHERICAL} treats edges as great-circle arcs via {@link SphericalGeometry}.
 */
public final class SpatialPredicate {

    /** How a candidate must relate to the filter. */
    private enum Relation { INTERSECTS, INSIDE_FILTER, COVERS_FILTER }

    private final boolean spherical;
    private final Relation relation;
    private final PreparedGeometry filter;
    private final Envelope bbox;

    private SpatialPredicate(boolean spherical, Relation relation, Geometry filter) {
        this.spherical = spherical;
        this.relation = relation;
        this.filter = PreparedGeometryFactory.prepare(filter);
        this.bbox = filter.getEnvelopeInternal();
    }

    /**
     * Validates a wire spatial filter.
     *
     * @param wire the filter of a Query request
     * @return the predicate
     * @throws RpcException invalid_argument if the geometry is missing, undecodable, not a valid (Multi)Polygon, or
     *                      the mode or coordinate system is unknown
     */
    public static SpatialPredicate of(SpatialFilter wire) {
        Relation relation = switch (wire.getMode()) {
            case SPATIAL_FILTER_MODE_UNSPECIFIED, SPATIAL_FILTER_MODE_INTERSECTS -> Relation.INTERSECTS;
            case SPATIAL_FILTER_MODE_FILTER_CONTAINS_GEOMETRY -> Relation.INSIDE_FILTER;
            case SPATIAL_FILTER_MODE_GEOMETRY_CONTAINS_FILTER -> Relation.COVERS_FILTER;
            default -> throw RpcException.invalidArgument("unknown spatial filter mode " + wire.getModeValue());
        };
        boolean spherical = switch (wire.getCoordinateSystem()) {
            case SPATIAL_COORDINATE_SYSTEM_UNSPECIFIED, SPATIAL_COORDINATE_SYSTEM_CARTESIAN -> false;
            case SPATIAL_COORDINATE_SYSTEM_SPHERICAL -> true;
            default -> throw RpcException.invalidArgument("unknown spatial coordinate system "
                    + wire.getCoordinateSystemValue());
        };
        if (!wire.hasGeometry() || wire.getGeometry().getWkb().isEmpty()) {
            throw RpcException.invalidArgument("spatial filter has no geometry");
        }
        Geometry geometry;
        try {
            geometry = new WKBReader().read(wire.getGeometry().getWkb().toByteArray());
        } catch (ParseException | RuntimeException e) {
            throw RpcException.invalidArgument("cannot decode the spatial filter geometry as WKB: " + e.getMessage());
        }
        if (!(geometry instanceof Polygon || geometry instanceof MultiPolygon)) {
            throw RpcException.invalidArgument("spatial filter geometry must be a Polygon or MultiPolygon, got a "
                    + geometry.getGeometryType());
        }
        if (geometry.isEmpty()) {
            throw RpcException.invalidArgument("spatial filter geometry is empty");
        }
        IsValidOp validity = new IsValidOp(geometry);
        if (!validity.isValid()) {
            throw RpcException.invalidArgument("spatial filter geometry is not valid: "
                    + validity.getValidationError());
        }
        return new SpatialPredicate(spherical, relation, spherical ? SphericalGeometry.planarize(geometry) : geometry);
    }

    /**
     * Whether the prefilter must use the spherical bbox columns rather than the planar ones.
     *
     * @return true for the spherical bboxes
     */
    public boolean spherical() {
        return spherical;
    }

    /**
     * The bbox a candidate's (planar or spherical) bbox must overlap.
     *
     * @return the bbox
     */
    public Envelope bbox() {
        return bbox;
    }

    /** {@return whether a candidate's bbox must also contain {@link #bbox()}: only then can it cover the filter} */
    public boolean coversBbox() {
        return relation == Relation.COVERS_FILTER;
    }

    /**
     * Whether a datapoint geometry (as stored, planar lon/lat vertices) matches.
     *
     * @param datapoint the datapoint's geometry
     * @return true if it matches
     */
    public boolean test(Geometry datapoint) {
        Geometry candidate = spherical ? SphericalGeometry.planarize(datapoint) : datapoint;
        return switch (relation) {
            case INTERSECTS -> filter.intersects(candidate);
            case INSIDE_FILTER -> filter.contains(candidate);
            case COVERS_FILTER -> filter.within(candidate);
        };
    }
}
