package dev.skyloom;

import java.util.List;
import java.util.Objects;

/**
 * One page of a query's results, as returned by one request.
 *
 * @param datapoints the page's datapoints, in id (= time) order
 * @param bytes      the size of the response body on the wire
 */
public record Page(List<Datapoint> datapoints, long bytes) {

    /** Copies the list. */
    public Page {
        datapoints = List.copyOf(Objects.requireNonNull(datapoints, "datapoints"));
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must not be negative");
        }
    }
}
