package dev.skyloom.concurrent;

import dev.skyloom.Collection;
import dev.skyloom.Page;
import dev.skyloom.SkyloomException;

/**
 * Receives one collection's pages from {@link ConcurrentLoader#stream}, in time order, as they arrive, and then
 * hears how the collection ended: {@link #complete} once every page was received, or {@link #abort} if it failed.
 *
 * <p>The loader calls a sink from one thread at a time (not always the same thread), never concurrently, so a sink
 * needs no locking of its own. While {@link #page} runs, the collection loads at most a bounded number of pages
 * ahead ({@link ConcurrentLoader#withMaxBufferedPages}) and then waits: a slow sink slows its collection down
 * without holding requests of the others. A sink that throws fails its collection, exactly as a server error would.
 *
 * <p>Only {@link #page} must be written, so a lambda is a sink; {@link #complete} and {@link #abort} do nothing
 * unless overridden.
 */
@FunctionalInterface
public interface CollectionSink {

    /**
     * Takes the next page of the collection: its datapoints follow those of the previous page in time.
     *
     * @param page the page (with slices, a page may hold fewer datapoints than the server sent: the part another
     *             slice also covers is cut off)
     * @throws Exception to fail the collection
     */
    void page(Page page) throws Exception;

    /**
     * Called once after the last page: the collection is complete. For a file, the place to flush and commit it.
     *
     * @param stats the collection's figures
     * @throws Exception to fail the collection after all ({@link #abort} is called then)
     */
    default void complete(LoadStats stats) throws Exception {
    }

    /**
     * Called once if the collection fails after this sink was opened: a server error, this sink's own exception,
     * or the load stopping it (another collection failed fast, the deadline passed, the caller was interrupted). For
     * a file, the place to discard it. It runs before {@code stream} returns or throws; what it throws is added to
     * the error as suppressed.
     *
     * @param error why, with a message that starts {@code "loading <name> failed: "}
     */
    default void abort(SkyloomException error) {
    }

    /** Opens the sink of each collection; called on the collection's thread when the collection starts loading. */
    @FunctionalInterface
    interface Factory {

        /**
         * Opens the sink that receives {@code collection}'s pages.
         *
         * @param collection the collection about to load
         * @return its sink
         * @throws Exception to fail the collection before it loads (nothing is aborted then)
         */
        CollectionSink open(Collection collection) throws Exception;
    }
}
