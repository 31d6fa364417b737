package dev.skyloom;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What to load from a collection: a time interval, optionally an area, and how much of each datapoint to return.
 * {@snippet :
 * Query q = Query.between("2020-01-01", "2021-01-01")
 *         .withSpatialFilter(SpatialFilter.bbox(5.9, 45.8, 10.5, 47.8))
 *         .withSkipData(true)
 *         .withFilter(Filter.parse("cloud_cover < 10"));
 * }
 *
 * @param timeInterval  the time range (required)
 * @param spatialFilter an optional area (spatio-temporal datasets only); default none
 * @param skipData      return only time, id and ingestion time (default false)
 * @param pageSize      datapoints per request; empty (the default) lets the server choose
 * @param filters       conditions on queryable fields, all of which must hold (sent as the request's filter
 *                      expressions); default none
 */
public record Query(TimeInterval timeInterval, Optional<SpatialFilter> spatialFilter, boolean skipData,
                    OptionalInt pageSize, List<Filter> filters) {

    /**
     * Validates the query.
     *
     * @throws IllegalArgumentException if the page size is not positive, or the filters exceed the service's limits
     *                                  (64 filters, 64 operands per AND/OR, 256 expressions in all, 8 levels deep)
     */
    public Query {
        Objects.requireNonNull(timeInterval, "timeInterval");
        filters = List.copyOf(Objects.requireNonNull(filters, "filters"));
        FilterWire.checkLimits(filters);
        Objects.requireNonNull(spatialFilter, "spatialFilter");
        Objects.requireNonNull(pageSize, "pageSize");
        if (pageSize.isPresent() && pageSize.getAsInt() < 1) {
            throw new IllegalArgumentException("page size must be at least 1, got " + pageSize.getAsInt());
        }
    }

    /**
     * All datapoints of {@code interval}, with every field, no spatial filter, the server's page size.
     *
     * @param interval the time interval
     * @return the query
     */
    public static Query of(TimeInterval interval) {
        return new Query(interval, Optional.empty(), false, OptionalInt.empty(), List.of());
    }

    /**
     * All datapoints of the half-open interval {@code [from, to)}; see {@link TimeInterval#parse}.
     *
     * @param from the start, a date or date-time, included
     * @param to the end, a date or date-time, excluded
     * @return the query
     * @throws IllegalArgumentException if a time cannot be parsed or {@code to} is before {@code from}
     */
    public static Query between(String from, String to) {
        return of(TimeInterval.parse(from, to));
    }

    /**
     * A copy with another time interval.
     *
     * @param interval the new time interval
     * @return the copy
     */
    public Query withTimeInterval(TimeInterval interval) {
        return new Query(interval, spatialFilter, skipData, pageSize, filters);
    }

    /**
     * A copy restricted to an area.
     *
     * @param filter the area and how to match it
     * @return the copy
     */
    public Query withSpatialFilter(SpatialFilter filter) {
        return new Query(timeInterval, Optional.of(filter), skipData, pageSize, filters);
    }

    /**
     * A copy that returns only time, id and ingestion time ({@code true}) or every field ({@code false}).
     *
     * @param skip whether to skip the data fields
     * @return the copy
     */
    public Query withSkipData(boolean skip) {
        return new Query(timeInterval, spatialFilter, skip, pageSize, filters);
    }

    /**
     * A copy that asks for at most {@code size} datapoints per request.
     *
     * @param size the page size, 1 or more
     * @return the copy
     * @throws IllegalArgumentException if size is below 1
     */
    public Query withPageSize(int size) {
        return new Query(timeInterval, spatialFilter, skipData, OptionalInt.of(size), filters);
    }

    /**
     * A copy with one more condition on the dataset's queryable fields; several filters must all hold.
     * {@snippet :
     * Query clear = Query.between("2025-01-01", "2025-02-01")
     *         .withFilter(Filter.field("cloud_cover").lessThan(10))
     *         .withFilter(Filter.parse("platform = 'S2B'"));
     * }
     *
     * @param filter the condition
     * @return the copy
     * @throws IllegalArgumentException if the filters would exceed the service's limits
     */
    public Query withFilter(Filter filter) {
        List<Filter> more = new ArrayList<>(filters);
        more.add(Objects.requireNonNull(filter, "filter"));
        return new Query(timeInterval, spatialFilter, skipData, pageSize, more);
    }
}
