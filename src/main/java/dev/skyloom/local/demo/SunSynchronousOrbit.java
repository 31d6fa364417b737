package dev.skyloom.local.demo;

import dev.skyloom.local.demo.SphericalEarth.LonLat;

import java.util.ArrayList;
import java.util.List;

/**
 * A circular sun-synchronous orbit over a spherical, rotating Earth: every descending equator crossing happens at the
 * same local solar time, so consecutive passes shift west by the Earth's rotation during one period.
 *
 * <p>Positions along a pass are given by {@code w}, the angle travelled since the descending node in radians
 * ({@code -pi/2} is the northernmost point, {@code +pi/2} the southernmost, beyond that the ascending half).
 *
 * @param inclination      degrees, about 98 for sun-synchronous orbits
 * @param periodSeconds    the orbital period
 * @param nodeLocalHours   local solar time of the descending node, e.g. 10.5 for 10:30
 * @param firstNodeSeconds Unix time of the descending node of orbit 0
 */
record SunSynchronousOrbit(double inclination, double periodSeconds, double nodeLocalHours,
                           double firstNodeSeconds) {

    private static final double SIDEREAL_RATE_DEG_PER_S = 360.0 / 86_164.0905;

    /** One descending node: its Unix time and longitude. */
    record Pass(long orbit, double nodeSeconds, double nodeLon) {
    }

    /** The orbit whose descending node is the first at or after {@code epochSeconds}. */
    long firstOrbitFrom(double epochSeconds) {
        return (long) StrictMath.ceil((epochSeconds - firstNodeSeconds) / periodSeconds);
    }

    Pass pass(long orbit) {
        double node = firstNodeSeconds + orbit * periodSeconds;
        double utcHours = (node / 3600.0) % 24.0;
        return new Pass(orbit, node, SphericalEarth.normalizeLon(15.0 * (nodeLocalHours - utcHours)));
    }

    /** Seconds after the pass's descending node at which the satellite reaches {@code w}. */
    double secondsAt(double w) {
        return w / (2 * Math.PI) * periodSeconds;
    }

    /** The angle {@code w} travelled along the track for a ground distance of {@code km}. */
    static double angleFor(double km) {
        return km / SphericalEarth.RADIUS_KM;
    }

    /**
     * The sub-satellite point of every pass at one angle {@code w}: all passes are the same track turned about the
     * polar axis, so a point computed once serves every pass.
     *
     * @param lat         the latitude
     * @param lonFromNode the longitude east of the pass's descending node (not normalized)
     */
    record TrackPoint(double lat, double lonFromNode) {
    }

    /** The sub-satellite point at {@code w} of every pass, relative to its node. */
    TrackPoint track(double w) {
        double i = StrictMath.toRadians(inclination);
        double lat = StrictMath.asin(-StrictMath.sin(w) * StrictMath.sin(i));
        double inertial = StrictMath.atan2(StrictMath.sin(w) * StrictMath.cos(i), StrictMath.cos(w));
        return new TrackPoint(StrictMath.toDegrees(lat),
                StrictMath.toDegrees(inertial) - SIDEREAL_RATE_DEG_PER_S * secondsAt(w));
    }

    /** The sub-satellite point of {@code pass} at a precomputed track point. */
    static LonLat at(Pass pass, TrackPoint point) {
        return new LonLat(SphericalEarth.normalizeLon(pass.nodeLon() + point.lonFromNode()), point.lat());
    }

    /** The sub-satellite point of {@code pass} at {@code w}. */
    LonLat at(Pass pass, double w) {
        return at(pass, track(w));
    }

    /** The ground-track heading of {@code pass} at {@code w}, clockwise from north. */
    double heading(Pass pass, double w) {
        return SphericalEarth.bearing(at(pass, w - 1e-4), at(pass, w + 1e-4));
    }

    /**
     * The footprint {@link #swathQuad} gives at {@code w} for every pass, relative to the pass's node: computed once,
     * placed on any pass with {@link #place}.
     *
     * @return the ring, its longitudes east of the node and continuous (no jump across ±180°)
     */
    List<LonLat> swathTemplate(double w, double alongKm, double leftKm, double rightKm) {
        List<LonLat> ring = quad(new Pass(0, firstNodeSeconds, 0.0), w, alongKm, leftKm, rightKm);
        List<LonLat> continuous = new ArrayList<>(ring.size());
        double first = ring.getFirst().lon();
        for (LonLat p : ring) {
            continuous.add(new LonLat(first + SphericalEarth.normalizeLon(p.lon() - first), p.lat()));
        }
        return continuous;
    }

    /**
     * A footprint template turned onto {@code pass}.
     *
     * @return the ring, or an empty list if it would cross the antimeridian
     */
    static List<LonLat> place(List<LonLat> template, Pass pass) {
        List<LonLat> ring = new ArrayList<>(template.size());
        for (LonLat p : template) {
            ring.add(new LonLat(SphericalEarth.normalizeLon(pass.nodeLon() + p.lon()), p.lat()));
        }
        return crossesAntimeridian(ring) ? List.of() : ring;
    }

    /**
     * A footprint along the track: a quadrilateral ring (closed, 5 points) covering {@code alongKm} of track around
     * {@code w}, from {@code leftKm} to {@code rightKm} across it (positive to the right of the flight direction).
     *
     * @return the ring, or an empty list if it would cross the antimeridian
     */
    List<LonLat> swathQuad(Pass pass, double w, double alongKm, double leftKm, double rightKm) {
        List<LonLat> ring = quad(pass, w, alongKm, leftKm, rightKm);
        return crossesAntimeridian(ring) ? List.of() : ring;
    }

    private List<LonLat> quad(Pass pass, double w, double alongKm, double leftKm, double rightKm) {
        double half = angleFor(alongKm / 2);
        List<LonLat> ring = new ArrayList<>(5);
        double[] ends = {w - half, w + half};
        for (int end = 0; end < 2; end++) {
            LonLat centre = at(pass, ends[end]);
            double right = heading(pass, ends[end]) + 90.0;
            LonLat a = SphericalEarth.destination(centre, right, end == 0 ? leftKm : rightKm);
            LonLat b = SphericalEarth.destination(centre, right, end == 0 ? rightKm : leftKm);
            ring.add(a);
            ring.add(b);
        }
        ring.add(ring.getFirst());
        return ring;
    }

    /** A north-aligned square of side {@code sideKm} centred on {@code centre}, or empty across the antimeridian. */
    static List<LonLat> square(LonLat centre, double sideKm) {
        double dLat = StrictMath.toDegrees(sideKm / 2 / SphericalEarth.RADIUS_KM);
        double dLon = dLat / StrictMath.cos(StrictMath.toRadians(centre.lat()));
        double west = centre.lon() - dLon;
        double east = centre.lon() + dLon;
        if (west < -180.0 || east >= 180.0 || centre.lat() + dLat > 90.0 || centre.lat() - dLat < -90.0) {
            return List.of();
        }
        double south = centre.lat() - dLat;
        double north = centre.lat() + dLat;
        return List.of(new LonLat(west, south), new LonLat(east, south), new LonLat(east, north),
                new LonLat(west, north), new LonLat(west, south));
    }

    private static boolean crossesAntimeridian(List<LonLat> ring) {
        for (int k = 1; k < ring.size(); k++) {
            if (StrictMath.abs(ring.get(k).lon() - ring.get(k - 1).lon()) > 180.0) {
                return true;
            }
        }
        return false;
    }
}
