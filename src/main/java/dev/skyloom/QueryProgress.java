package dev.skyloom;

/**
 * How far a query has come, reported after each page.
 *
 * @param pages      pages received so far
 * @param datapoints datapoints received so far
 * @param bytes      response bytes received so far (as sent on the wire)
 * @param fraction   the fraction of the query's time interval covered, from 0 to 1, computed as the Python client
 *                   does: the span from the later of the query start and the first datapoint, to the earlier of the
 *                   query end and now; 1 when the query is done
 */
public record QueryProgress(long pages, long datapoints, long bytes, double fraction) {

    /**
     * Validates the counts.
     *
     * @throws IllegalArgumentException if a count is negative or the fraction is outside 0..1
     */
    public QueryProgress {
        if (pages < 0 || datapoints < 0 || bytes < 0) {
            throw new IllegalArgumentException("progress counts must not be negative");
        }
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("progress fraction must be in 0..1, got " + fraction);
        }
    }
}
