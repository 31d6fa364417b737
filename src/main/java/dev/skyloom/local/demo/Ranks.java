package dev.skyloom.local.demo;

/** Order statistics of {@code double} arrays, without sorting them. */
final class Ranks {

    private Ranks() {
    }

    /**
     * The value of rank {@code rank} (from 0) among {@code values[0, length)} in {@link Double#compare} order: the
     * value {@link java.util.Arrays#sort(double[])} would put at index {@code rank}, found in linear expected time
     * (quickselect, three-way partitions so that equal values cost nothing extra). Reorders those elements.
     *
     * @throws IllegalArgumentException if {@code rank} is not in {@code [0, length)}
     */
    static double select(double[] values, int length, int rank) {
        if (rank < 0 || rank >= length || length > values.length) {
            throw new IllegalArgumentException("rank " + rank + " of " + length + " values");
        }
        int lo = 0;
        int hi = length - 1;
        while (lo < hi) {
            double pivot = median(values[lo], values[(lo + hi) >>> 1], values[hi]);
            // [lo, lt) below the pivot, [lt, gt] equal to it, (gt, hi] above it.
            int lt = lo;
            int gt = hi;
            int i = lo;
            while (i <= gt) {
                int c = Double.compare(values[i], pivot);
                if (c < 0) {
                    swap(values, lt++, i++);
                } else if (c > 0) {
                    swap(values, i, gt--);
                } else {
                    i++;
                }
            }
            if (rank < lt) {
                hi = lt - 1;
            } else if (rank > gt) {
                lo = gt + 1;
            } else {
                return pivot;
            }
        }
        return values[lo];
    }

    private static double median(double a, double b, double c) {
        if (Double.compare(a, b) > 0) {
            double t = a;
            a = b;
            b = t;
        }
        return Double.compare(b, c) <= 0 ? b : Double.compare(a, c) >= 0 ? a : c;
    }

    private static void swap(double[] values, int i, int j) {
        double t = values[i];
        values[i] = values[j];
        values[j] = t;
    }
}
