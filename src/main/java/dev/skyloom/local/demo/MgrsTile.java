package dev.skyloom.local.demo;

import dev.skyloom.local.demo.SphericalEarth.LonLat;

/**
 * Approximate MGRS 100 km square names (such as {@code 57QWV}) for Sentinel-2 tile ids: the UTM zone, the latitude
 * band and the two square letters, computed with a flat approximation of the UTM projection that is good enough for
 * plausible names.
 */
final class MgrsTile {

    private static final String BANDS = "CDEFGHJKLMNPQRSTUVWX";
    private static final String[] COLUMN_SETS = {"ABCDEFGH", "JKLMNPQR", "STUVWXYZ"};
    private static final String ROWS = "ABCDEFGHJKLMNPQRSTUV";

    private MgrsTile() {
    }

    static String of(LonLat p) {
        int zone = Math.min(60, (int) StrictMath.floor((p.lon() + 180.0) / 6.0) + 1);
        int band = Math.clamp((long) StrictMath.floor((p.lat() + 80.0) / 8.0), 0, BANDS.length() - 1);
        double centralMeridian = (zone - 1) * 6.0 - 180.0 + 3.0;
        double eastingKm = 500.0 + (p.lon() - centralMeridian) * 111.32 * StrictMath.cos(StrictMath.toRadians(p.lat()));
        double northingKm = p.lat() * 110.574 + (p.lat() < 0 ? 10_000.0 : 0.0);
        int column = Math.clamp((long) StrictMath.floor(eastingKm / 100.0) - 1, 0, 7);
        int row = (int) Math.floorMod((long) StrictMath.floor(northingKm / 100.0) + (zone % 2 == 0 ? 5 : 0), 20L);
        return DemoFormats.digits(zone, 2) + BANDS.charAt(band) + COLUMN_SETS[(zone - 1) % 3].charAt(column)
                + ROWS.charAt(row);
    }
}
