package dev.skyloom.concurrent;

/** What a {@link ConcurrentLoader} does when loading one of the collections fails. */
public enum LoadMode {

    /**
     * The first failure cancels the loading of every other collection (their requests in flight are aborted) and
     * {@link ConcurrentLoader#load} throws it, naming the collection; failures that happened at the same moment are
     * attached as suppressed. The default.
     */
    FAIL_FAST,

    /**
     * Every collection is loaded to its end, whatever happens to the others, and {@link ConcurrentLoader#load}
     * returns each collection's {@link Outcome}: its datapoints or its error. It does not throw for a collection's
     * failure.
     */
    COLLECT
}
