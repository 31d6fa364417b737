package dev.skyloom;

import dev.skyloom.codec.DatapointType;
import dev.skyloom.connect.ConnectResponse;
import dev.skyloom.wire.datasets.v1.QueryFilters;
import dev.skyloom.wire.datasets.v1.QueryRequest;
import dev.skyloom.wire.datasets.v1.QueryResultPage;
import dev.skyloom.wire.tilebox.v1.Pagination;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Runs one query page by page: each page is one Query request, sent when the stream asks for it, with the cursor of
 * the page before. Stops when the server sends no next page, or one without a cursor (this satisfies both official
 * clients' stop conditions).
 */
final class QueryPages implements Iterator<Page> {

    private final ClientContext context;
    private final QueryRequest.Builder request;
    private final ProgressTracker progress;
    private boolean done;

    private QueryPages(ClientContext context, UUID datasetId, List<UUID> collectionIds, Query query,
                       ProgressListener listener) {
        this.context = context;
        this.progress = new ProgressTracker(query.timeInterval(), Clock.systemUTC(), listener);
        QueryFilters.Builder filters = QueryFilters.newBuilder()
                .setTimeInterval(WireValues.timeInterval(query.timeInterval()));
        query.spatialFilter().ifPresent(f -> filters.setSpatialExtent(WireValues.spatialFilter(f)));
        query.filters().forEach(f -> filters.addExpressions(FilterWire.toWire(f)));
        this.request = QueryRequest.newBuilder()
                .setDatasetId(Ids.toWire(datasetId))
                .setFilters(filters)
                .setSkipData(query.skipData());
        collectionIds.forEach(id -> request.addCollectionIds(Ids.toWire(id)));
        query.pageSize().ifPresent(size -> request.setPage(Pagination.newBuilder().setLimit(size)));
    }

    /** The query's pages as a lazy stream: nothing is sent until the stream is consumed. */
    static Stream<Page> stream(ClientContext context, UUID datasetId, List<UUID> collectionIds, Query query,
                               ProgressListener listener) {
        QueryPages pages = new QueryPages(context, datasetId, collectionIds, query, listener);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(pages,
                Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /** Every datapoint of the query, in order. */
    static List<Datapoint> collect(ClientContext context, UUID datasetId, List<UUID> collectionIds, Query query,
                                   ProgressListener listener) {
        List<Datapoint> all = new ArrayList<>();
        QueryPages pages = new QueryPages(context, datasetId, collectionIds, query, listener);
        pages.forEachRemaining(page -> all.addAll(page.datapoints()));
        return all;
    }

    @Override
    public boolean hasNext() {
        return !done;
    }

    @Override
    public Page next() {
        if (done) {
            throw new NoSuchElementException("the query has no more pages");
        }
        ConnectResponse<QueryResultPage> response = context.transport()
                .unary(ClientContext.DATA_ACCESS, "Query", request.build(), QueryResultPage.parser());
        QueryResultPage result = response.message();
        List<Datapoint> datapoints = result.getData().getValueCount() == 0 ? List.of()
                : type(result.getData().getTypeUrl()).decodeAll(result.getData().getValueList());
        Pagination next = result.hasNextPage() ? result.getNextPage() : null;
        if (next == null || !next.hasStartingAfter() || next.getStartingAfter().getUuid().isEmpty()) {
            done = true;
        } else {
            Pagination.Builder cursor = Pagination.newBuilder().setStartingAfter(next.getStartingAfter());
            if (next.hasLimit() && next.getLimit() > 0) {
                cursor.setLimit(next.getLimit());
            }
            request.setPage(cursor);
        }
        Page page = new Page(datapoints, response.bodyBytes(), done);
        progress.onPage(page);
        if (done) {
            progress.onDone();
        }
        return page;
    }

    private DatapointType type(String typeUrl) {
        return context.types().forTypeUrl(typeUrl);
    }
}
