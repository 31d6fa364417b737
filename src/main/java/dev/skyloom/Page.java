package dev.skyloom;

import java.util.List;
import java.util.Objects;

/**
 * One page of a query's results, as returned by one request.
 *
 * @param datapoints the page's datapoints, in id (= time) order
 * @param bytes      the size of the response body on the wire
 * @param last       whether this is the query's last page: no request follows it
 */
public record Page(List<Datapoint> datapoints, long bytes, boolean last) {

    /**
     * Copies the list.
     *
     * @throws IllegalArgumentException if {@code bytes} is negative
     */
    public Page {
        datapoints = List.copyOf(Objects.requireNonNull(datapoints, "datapoints"));
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must not be negative");
        }
    }
}
