package dev.skyloom.local;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Receives progress while the demo catalogue is generated into a store (the first time only: afterwards it is reused
 * from the cache). Called from the generating threads, one call at a time, after each stored batch.
 */
@FunctionalInterface
public interface DemoProgress {

    /** Ignores progress. */
    DemoProgress NONE = (stored, expected) -> { };

    /**
     * Prints a line each time the generation passes a quarter, e.g.
     * {@code skyloom: demo catalogue 25% (46,412 datapoints)}: for logs, pipes and scripts.
     *
     * @param out where the lines go (typically {@code System.err})
     * @return a new listener (it remembers the quarters it printed)
     */
    static DemoProgress lines(PrintStream out) {
        int[] quartersShown = {0};
        return (stored, expected) -> {
            synchronized (quartersShown) {
                int quarters = (int) (4 * stored / Math.max(1, Math.max(stored, expected)));
                if (quarters > quartersShown[0]) {
                    quartersShown[0] = quarters;
                    out.println(String.format(Locale.ROOT, "skyloom: demo catalogue %d%% (%,d datapoints)",
                            quarters * 25, stored));
                }
            }
        };
    }

    /**
     * Called after each batch of datapoints is stored, and once more when the catalogue is complete (then
     * {@code stored == expected}).
     *
     * @param stored   datapoints stored so far
     * @param expected datapoints in the whole catalogue, for a fraction: exact for the default seed, an estimate for
     *                 others (never below {@code stored})
     */
    void onProgress(long stored, long expected);
}
