package dev.skyloom.local;

import com.google.protobuf.ByteString;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.skyloom.local.error.RpcException;
import dev.skyloom.local.geo.SpatialPredicate;
import dev.skyloom.local.store.CatalogStore;
import dev.skyloom.local.store.DatapointIds;
import dev.skyloom.local.store.DatapointStore.BboxFilter;
import dev.skyloom.local.store.DatapointStore.Stored;
import dev.skyloom.local.store.DatasetSchema;
import dev.skyloom.local.store.FieldFilters;
import dev.skyloom.local.store.IdRange;
import dev.skyloom.local.store.Ingestor;
import dev.skyloom.wire.datasets.v1.Any;
import dev.skyloom.wire.datasets.v1.QueryByIDRequest;
import dev.skyloom.wire.datasets.v1.QueryFilters;
import dev.skyloom.wire.datasets.v1.QueryRequest;
import dev.skyloom.wire.datasets.v1.QueryResultPage;
import dev.skyloom.wire.datasets.v1.RepeatedAny;
import dev.skyloom.wire.tilebox.v1.Pagination;
import org.locationtech.jts.geom.Geometry;

import java.util.List;
import java.util.function.Predicate;

/**
 * DataAccessService: Query and QueryByID. Query results across all addressed collections are ordered by datapoint id
 * ascending; a page holds at most the requested {@code limit} (capped at the configured page size, which is also the
 * default), and {@code next_page} is present only when more results exist.
 */
final class DataAccessRpcs {

    private final CatalogStore catalog;
    private final Datapoints datapoints;
    private final int pageSize;

    DataAccessRpcs(CatalogStore catalog, Datapoints datapoints, int pageSize) {
        this.catalog = catalog;
        this.datapoints = datapoints;
        this.pageSize = pageSize;
    }

    QueryResultPage query(QueryRequest request) {
        Scope scope = Scope.resolve(catalog, request.hasDatasetId(), request.getDatasetId(),
                request.getCollectionIdsList());
        DatasetSchema schema = catalog.schema(scope.dataset());
        QueryFilters filters = request.getFilters();
        if (filters.hasTimeInterval() == filters.hasDatapointInterval()) {
            throw RpcException.invalidArgument("exactly one of time_interval or datapoint_interval is required");
        }
        FieldFilters fieldFilters = FieldFilters.compile(scope.dataset().type(), schema.descriptor(),
                filters.getExpressionsList());
        IdRange range = filters.hasTimeInterval() ? IdRange.of(filters.getTimeInterval())
                : IdRange.of(filters.getDatapointInterval());
        Pagination page = request.getPage();
        if (page.hasLimit() && page.getLimit() < 1) {
            throw RpcException.invalidArgument("page limit must be at least 1, got " + page.getLimit());
        }
        int limit = page.hasLimit() ? (int) Math.min(page.getLimit(), pageSize) : pageSize;
        if (page.hasStartingAfter()) {
            range = range.after(DatapointIds.bytes(page.getStartingAfter(), "page starting_after"));
        }
        BboxFilter bbox = null;
        Predicate<Stored> exact = stored -> true;
        if (filters.hasSpatialExtent()) {
            if (!schema.spatioTemporal()) {
                throw RpcException.invalidArgument("a spatial filter needs a spatio-temporal dataset, but '"
                        + scope.dataset().codeName() + "' is temporal");
            }
            SpatialPredicate spatial = SpatialPredicate.of(filters.getSpatialExtent());
            bbox = new BboxFilter(spatial.bbox(), spatial.spherical(), spatial.coversBbox());
            exact = stored -> {
                Geometry geometry = Ingestor.geometry(schema, parse(schema, stored), 0);
                return geometry != null && spatial.test(geometry);
            };
        }
        if (!fieldFilters.isEmpty()) {
            Predicate<Stored> spatialOnly = exact;
            exact = stored -> spatialOnly.test(stored) && fieldFilters.matches(parse(schema, stored));
        }
        List<Stored> found = datapoints.scan(scope.collectionIds(), range, bbox, exact, limit + 1);
        List<Stored> entries = found.subList(0, Math.min(limit, found.size()));
        RepeatedAny.Builder data = RepeatedAny.newBuilder().setTypeUrl(schema.typeUrl());
        for (Stored stored : entries) {
            data.addValue(payload(schema, stored, request.getSkipData()));
        }
        QueryResultPage.Builder result = QueryResultPage.newBuilder().setData(data);
        if (found.size() > limit) {
            Pagination.Builder next = Pagination.newBuilder()
                    .setStartingAfter(DatapointIds.wire(entries.getLast().id()));
            if (page.hasLimit()) {
                next.setLimit(page.getLimit());
            }
            result.setNextPage(next);
        }
        return result.build();
    }

    Any queryById(QueryByIDRequest request) {
        Scope scope = Scope.resolve(catalog, request.hasDatasetId(), request.getDatasetId(),
                request.getCollectionIdsList());
        if (!request.hasId()) {
            throw RpcException.invalidArgument("id is required");
        }
        byte[] id = DatapointIds.bytes(request.getId(), "datapoint id");
        DatasetSchema schema = catalog.schema(scope.dataset());
        Stored stored = datapoints.find(scope.collectionIds(), id).orElseThrow(() -> RpcException.notFound(
                "no such datapoint " + DatapointIds.toUuid(id)));
        return Any.newBuilder().setTypeUrl(schema.typeUrl()).setValue(payload(schema, stored, request.getSkipData()))
                .build();
    }

    private static ByteString payload(DatasetSchema schema, Stored stored, boolean skipData) {
        return ByteString.copyFrom(skipData ? schema.metadataOnly(parse(schema, stored)) : stored.data());
    }

    private static DynamicMessage parse(DatasetSchema schema, Stored stored) {
        try {
            return DynamicMessage.parseFrom(schema.descriptor(), stored.data());
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("stored datapoint " + DatapointIds.toUuid(stored.id()) + " is corrupt", e);
        }
    }
}
