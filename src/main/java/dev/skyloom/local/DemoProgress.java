package dev.skyloom.local;

/**
 * Receives progress while the demo catalogue is generated into a store (the first time only: afterwards it is reused
 * from the cache). Called from the generating threads, one call at a time, after each stored batch.
 */
@FunctionalInterface
public interface DemoProgress {

    /** Ignores progress. */
    DemoProgress NONE = (stored, expected) -> { };

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
