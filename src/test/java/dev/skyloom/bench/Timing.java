package dev.skyloom.bench;

import java.util.Arrays;
import java.util.List;

/** Wall-clock measurement: seconds of one run, and the median of several. */
final class Timing {

    private Timing() {
    }

    /** Runs {@code work} once and returns how long it took, in seconds. */
    static double seconds(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1e9;
    }

    /** The median of some figures (the mean of the middle two for an even count). */
    static double median(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("the median of no values is undefined");
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
