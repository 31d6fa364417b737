package dev.skyloom;

/**
 * Receives progress while a query or load runs. It is called on the thread that fetched the page; when several
 * collections load concurrently it is called from several threads at once, so implementations must be thread-safe.
 * It should return quickly: the next page is not requested until it returns.
 */
@FunctionalInterface
public interface ProgressListener {

    /** A listener that ignores everything. */
    ProgressListener NONE = p -> { };

    /**
     * Called after each page, and once more with fraction 1 when the query completes.
     *
     * @param progress the totals so far
     */
    void onProgress(QueryProgress progress);
}
