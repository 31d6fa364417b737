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

    /** The sub-satellite point of {@code pass} at {@code w}. */
    LonLat at(Pass pass, double w) {
        double i = StrictMath.toRadians(inclination);
        double lat = StrictMath.asin(-StrictMath.sin(w) * StrictMath.sin(i));
        double inertial = StrictMath.atan2(StrictMath.sin(w) * StrictMath.cos(i), StrictMath.cos(w));
        double lon = pass.nodeLon() + StrictMath.toDegrees(inertial) - SIDEREAL_RATE_DEG_PER_S * secondsAt(w);
        return new LonLat(SphericalEarth.normalizeLon(lon), StrictMath.toDegrees(lat));
    }

    /** The ground-track heading of {@code pass} at {@code w}, clockwise from north. */
    double heading(Pass pass, double w) {
        return SphericalEarth.bearing(at(pass, w - 1e-4), at(pass, w + 1e-4));
    }

    /**
     * A footprint along the track: a quadrilateral ring (closed, 5 points) covering {@code alongKm} of track around
     * {@code w}, from {@code leftKm} to {@code rightKm} across it (positive to the right of the flight direction).
     *
     * @return the ring, or an empty list if it would cross the antimeridian
     */
    List<LonLat> swathQuad(Pass pass, double w, double alongKm, double leftKm, double rightKm) {
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
        return crossesAntimeridian(ring) ? List.of() : ring;
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
