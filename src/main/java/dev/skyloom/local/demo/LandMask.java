package dev.skyloom.local.demo;

import dev.skyloom.local.demo.SphericalEarth.LonLat;

/**
 * A coarse map of the continents as longitude/latitude boxes: enough for the demo catalogue to image land and skip
 * open ocean, as the real missions mostly do.
 */
final class LandMask {

    /** {west, south, east, north} in degrees. */
    private static final double[][] BOXES = {
            {-168, 55, -140, 71}, {-140, 48, -55, 70}, {-125, 25, -67, 48}, {-117, 14, -87, 25},
            {-92, 7, -77, 18}, {-55, 60, -20, 83}, {-81, -5, -35, 12}, {-75, -35, -38, -5}, {-75, -56, -63, -35},
            {-10, 36, 3, 44}, {-5, 43, 30, 55}, {5, 55, 30, 71}, {-8, 50, 2, 59}, {-24, 63, -13, 67},
            {30, 45, 180, 75}, {26, 36, 45, 42}, {35, 12, 60, 32}, {44, 25, 75, 45}, {60, 8, 90, 35},
            {75, 20, 122, 45}, {92, 5, 110, 28}, {95, -8, 120, 5}, {126, 31, 146, 46}, {-17, 5, 51, 35},
            {9, -35, 42, 5}, {43, -25, 51, -12}, {113, -39, 154, -11}, {166, -47, 179, -34}, {-180, -90, 180, -63}};

    private LandMask() {
    }

    static boolean isLand(LonLat p) {
        for (double[] box : BOXES) {
            if (p.lon() >= box[0] && p.lon() <= box[2] && p.lat() >= box[1] && p.lat() <= box[3]) {
                return true;
            }
        }
        return false;
    }
}
