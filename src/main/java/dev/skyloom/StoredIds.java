package dev.skyloom;

import dev.skyloom.wire.datasets.v1.QueryFilters;
import dev.skyloom.wire.datasets.v1.QueryRequest;
import dev.skyloom.wire.datasets.v1.QueryResultPage;
import dev.skyloom.wire.tilebox.v1.IDInterval;
import dev.skyloom.wire.tilebox.v1.Pagination;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Finds which of a set of datapoint ids a collection holds now, with their ingestion times: one metadata-only
 * ({@code skip_data}) query over the id range from the smallest to the largest id, all pages. Used only to reconcile a
 * write whose response was lost, so the cost of reading the other datapoints in that range is paid only then.
 */
final class StoredIds {

    /** Datapoint ids order as unsigned 128-bit numbers (time first), unlike {@link UUID#compareTo}. */
    static final Comparator<UUID> ORDER = Comparator
            .comparing(UUID::getMostSignificantBits, Long::compareUnsigned)
            .thenComparing(UUID::getLeastSignificantBits, Long::compareUnsigned);

    private StoredIds() {
    }

    /** {@return the ids among {@code ids} stored in the collection, each with its ingestion time} */
    static Map<UUID, Instant> find(ClientContext context, UUID datasetId, UUID collectionId, Collection<UUID> ids) {
        Map<UUID, Instant> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        Set<UUID> wanted = Set.copyOf(ids);
        UUID first = ids.stream().min(ORDER).orElseThrow();
        UUID last = ids.stream().max(ORDER).orElseThrow();
        QueryRequest.Builder request = QueryRequest.newBuilder()
                .setDatasetId(Ids.toWire(datasetId))
                .addCollectionIds(Ids.toWire(collectionId))
                .setSkipData(true)
                .setFilters(QueryFilters.newBuilder().setDatapointInterval(IDInterval.newBuilder()
                        .setStartId(Ids.toWire(first)).setEndId(Ids.toWire(last)).setEndInclusive(true)));
        while (true) {
            QueryResultPage page = context.transport().unary(ClientContext.DATA_ACCESS, "Query", request.build(),
                    QueryResultPage.parser()).message();
            if (page.getData().getValueCount() > 0) {
                for (Datapoint datapoint : context.types().forTypeUrl(page.getData().getTypeUrl())
                        .decodeAll(page.getData().getValueList())) {
                    if (wanted.contains(datapoint.id())) {
                        found.put(datapoint.id(), datapoint.ingestionTime().orElse(Instant.EPOCH));
                    }
                }
            }
            if (!page.hasNextPage() || !page.getNextPage().hasStartingAfter()
                    || page.getNextPage().getStartingAfter().getUuid().isEmpty()) {
                return found;
            }
            Pagination.Builder next = Pagination.newBuilder().setStartingAfter(page.getNextPage().getStartingAfter());
            if (page.getNextPage().hasLimit() && page.getNextPage().getLimit() > 0) {
                next.setLimit(page.getNextPage().getLimit());
            }
            request.setPage(next);
        }
    }
}
