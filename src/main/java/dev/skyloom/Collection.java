package dev.skyloom;

import dev.skyloom.wire.datasets.v1.Any;
import dev.skyloom.wire.datasets.v1.GetCollectionByNameRequest;
import dev.skyloom.wire.datasets.v1.QueryByIDRequest;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A handle on one collection of a dataset: query its datapoints, look one up by id, describe it.
 *
 * <p>Handles are cheap, immutable and thread-safe; every method is a plain blocking call that may be run from any
 * number of (virtual) threads at once. Interrupting a thread in a call aborts its HTTP request and throws
 * {@link SkyloomException.Cancelled}.
 * {@snippet :
 * Collection l1tp = client.dataset("open_data.copernicus.landsat8_oli_tirs").collection("L1TP");
 * List<Datapoint> year = l1tp.query(Query.between("2020-01-01", "2021-01-01"));
 * }
 */
public final class Collection {

    private final ClientContext context;
    private final DatasetInfo dataset;
    private final String name;
    private final UUID id;

    Collection(ClientContext context, DatasetInfo dataset, String name, UUID id) {
        this.context = context;
        this.dataset = dataset;
        this.name = name;
        this.id = id;
    }

    /**
     * The collection's name.
     *
     * @return the name, e.g. {@code L1TP}
     */
    public String name() {
        return name;
    }

    /**
     * The collection's id.
     *
     * @return the id
     */
    public UUID id() {
        return id;
    }

    /**
     * The slug of the dataset it belongs to.
     *
     * @return the dataset's slug, e.g. {@code open_data.copernicus.landsat8_oli_tirs}
     */
    public String datasetSlug() {
        return dataset.slug();
    }

    /**
     * Describes the collection now, with its availability and datapoint count.
     *
     * @return the collection's information
     * @throws SkyloomException.NotFound if the collection no longer exists
     */
    public CollectionInfo info() {
        return WireValues.collectionInfo(context.transport().unary(ClientContext.COLLECTIONS, "GetCollectionByName",
                GetCollectionByNameRequest.newBuilder().setCollectionName(name).setDatasetId(Ids.toWire(dataset.id()))
                        .setWithAvailability(true).setWithCount(true).build(),
                dev.skyloom.wire.datasets.v1.CollectionInfo.parser()).message());
    }

    /**
     * Loads every datapoint of the query, all pages, in time order.
     *
     * @param query what to load
     * @return the datapoints, in time order
     * @throws SkyloomException on any failure; {@link SkyloomException.Cancelled} if the thread is interrupted
     */
    public List<Datapoint> query(Query query) {
        return query(query, ProgressListener.NONE);
    }

    /**
     * Loads every datapoint of the query, all pages, in time order, reporting progress after each page.
     *
     * @param query what to load
     * @param listener called after each page and once at the end with fraction 1
     * @return the datapoints, in time order
     * @throws SkyloomException on any failure; {@link SkyloomException.Cancelled} if the thread is interrupted
     */
    public List<Datapoint> query(Query query, ProgressListener listener) {
        Objects.requireNonNull(query, "query");
        return QueryPages.collect(context, dataset.id(), List.of(id), query, Objects.requireNonNull(listener));
    }

    /**
     * The query's pages as a lazy stream: each page is requested when the stream reaches it, so no more than one page
     * is held at a time (unless the caller keeps them). Closing or abandoning the stream stops the query.
     * {@snippet :
     * try (Stream<Page> pages = collection.pages(query)) {
     *     pages.flatMap(p -> p.datapoints().stream()).forEach(System.out::println);
     * }
     * }
     *
     * @param query what to load
     * @return the pages, in time order
     * @throws SkyloomException while the stream is consumed, on any failure
     */
    public Stream<Page> pages(Query query) {
        return pages(query, ProgressListener.NONE);
    }

    /**
     * Like {@link #pages(Query)}, reporting progress after each page.
     *
     * @param query what to load
     * @param listener called after each page and once after the last with fraction 1
     * @return the pages, in time order
     * @throws SkyloomException while the stream is consumed, on any failure
     */
    public Stream<Page> pages(Query query, ProgressListener listener) {
        Objects.requireNonNull(query, "query");
        return QueryPages.stream(context, dataset.id(), List.of(id), query, Objects.requireNonNull(listener));
    }

    /**
     * Looks up one datapoint of this collection by id, with all its fields.
     *
     * @param datapointId the datapoint's id
     * @return the datapoint
     * @throws SkyloomException.NotFound if no datapoint of this collection has that id
     */
    public Datapoint find(UUID datapointId) {
        return find(datapointId, false);
    }

    /**
     * Looks up one datapoint of this collection by id.
     *
     * @param datapointId the datapoint's id
     * @param skipData if true, only time, id and ingestion time are returned
     * @return the datapoint
     * @throws SkyloomException.NotFound if no datapoint of this collection has that id
     */
    public Datapoint find(UUID datapointId, boolean skipData) {
        Objects.requireNonNull(datapointId, "datapointId");
        return Finder.find(context, dataset, List.of(id), datapointId, skipData,
                "in collection '" + name + "' of " + dataset.slug());
    }

    /**
     * Stores datapoints in this collection; items that are already stored are skipped and counted as existing.
     * Same as {@code ingest(items, true, ProgressListener.NONE)}.
     * {@snippet :
     * record Sighting(Instant time, Point geometry, String species, long count) {}
     * IngestResult result = collection.ingest(List.of(
     *         new Sighting(Instant.parse("2025-05-01T06:00:00Z"), point, "Common swift", 12)));
     * }
     *
     * @param items the datapoints: records, POJOs, {@code Map}s or {@link Datapoint}s
     * @return the ids of the items, in order, and how many were created and already existed
     * @throws InvalidItemException naming the item (by index) and field, if an item cannot be encoded
     * @throws SkyloomException on any other failure
     * @see #ingest(List, boolean, ProgressListener)
     */
    public IngestResult ingest(List<?> items) {
        return ingest(items, true, ProgressListener.NONE);
    }

    /**
     * Stores datapoints in this collection. Items are records or beans (their properties named like the fields, in
     * snake_case or camelCase), {@code Map}s from field names to values, or {@link Datapoint}s. Values are Java values
     * as {@link Datapoint} returns them ({@code Instant}, {@code Duration}, {@code UUID}, JTS geometries, enum value
     * names, lists for repeated fields; text forms of these are accepted too). Every item needs a {@code time};
     * {@code id} and {@code ingestion_time} are ignored (the service sets them); unset or null fields stay unset.
     *
     * <p>All items are encoded before anything is sent, so an invalid item fails the call with nothing written. They
     * are then sent in order, in batches of at most 8,192. Identical datapoints get identical ids, so ingesting again
     * is safe. A batch is retried after transient failures (unavailable, internal, rate limited, per the client's
     * retry policy); when a retried batch's response counts existing datapoints, one metadata-only query over the
     * batch's ids tells which of them the lost attempt stored (ingested since that attempt was sent, allowing 1 s of
     * clock skew), and those are counted as created, so the counts are those of a call without the failure. If a
     * later batch fails, the error says how many datapoints the batches before it stored.
     *
     * @param items         the datapoints
     * @param allowExisting true (the default): skip items already stored; false: fail the batch if any is
     * @param listener      called after each batch, with batches, items sent, bytes sent and the fraction done
     * @return the ids of the items, in order, and how many were created and already existed
     * @throws InvalidItemException             naming the item (by index) and field, if an item cannot be encoded:
     *                                           an unknown field, a value of the wrong type, no time
     * @throws SkyloomException.InvalidArgument if the service refuses a batch (e.g. an existing datapoint with
     *                                           {@code allowExisting = false})
     * @throws SkyloomException                  on any other failure
     */
    public IngestResult ingest(List<?> items, boolean allowExisting, ProgressListener listener) {
        Objects.requireNonNull(items, "items");
        Objects.requireNonNull(listener, "listener");
        return Ingestion.run(context, dataset, id, toString(), items, allowExisting, listener);
    }

    /**
     * Deletes datapoints of this collection by id, in batches of at most 8,192, retrying transient failures (a batch
     * whose first response was lost is not reported as missing).
     *
     * @param datapointIds the ids
     * @return how many datapoints were deleted
     * @throws SkyloomException.NotFound if an id of a batch is not in the collection (nothing of that batch is deleted;
     *                                   the message says how many the batches before deleted)
     * @throws SkyloomException          on any other failure
     */
    public long delete(java.util.Collection<UUID> datapointIds) {
        return delete(datapointIds, ProgressListener.NONE);
    }

    /**
     * Like {@link #delete(java.util.Collection)}, reporting progress after each batch.
     *
     * @param datapointIds the ids
     * @param listener called after each batch, with batches, ids sent, bytes sent and the fraction done
     * @return how many datapoints were deleted
     * @throws SkyloomException.NotFound if an id of a batch is not in the collection
     * @throws SkyloomException on any other failure
     */
    public long delete(java.util.Collection<UUID> datapointIds, ProgressListener listener) {
        Objects.requireNonNull(listener, "listener");
        List<UUID> ids = List.copyOf(Objects.requireNonNull(datapointIds, "datapointIds"));
        return Deletion.run(context, dataset, id, toString(), ids, listener);
    }

    /**
     * Deletes these datapoints (by their ids) from this collection, as {@link #delete(java.util.Collection)}.
     *
     * @param datapoints the datapoints to delete
     * @return how many datapoints were deleted
     * @throws SkyloomException.NotFound if a datapoint of a batch is not in the collection
     * @throws SkyloomException on any other failure
     */
    public long deleteDatapoints(java.util.Collection<Datapoint> datapoints) {
        return delete(Objects.requireNonNull(datapoints, "datapoints").stream().map(Datapoint::id).toList());
    }

    /** Describes the handle, e.g. {@code Collection[open_data.copernicus.landsat8_oli_tirs/L1TP]}. */
    @Override
    public String toString() {
        return "Collection[" + dataset.slug() + "/" + name + "]";
    }

    /** Looks up datapoints by id with QueryByID; shared by collection and dataset handles. */
    static final class Finder {
        private Finder() {
        }

        static Datapoint find(ClientContext context, DatasetInfo dataset, List<UUID> collectionIds, UUID datapointId,
                              boolean skipData, String where) {
            QueryByIDRequest.Builder request = QueryByIDRequest.newBuilder()
                    .setDatasetId(Ids.toWire(dataset.id()))
                    .setId(Ids.toWire(datapointId))
                    .setSkipData(skipData);
            collectionIds.forEach(c -> request.addCollectionIds(Ids.toWire(c)));
            try {
                Any any = context.transport().unary(ClientContext.DATA_ACCESS, "QueryByID", request.build(),
                        Any.parser()).message();
                return context.types().forTypeUrl(any.getTypeUrl()).decode(any.getValue());
            } catch (SkyloomException.NotFound e) {
                throw new SkyloomException.NotFound(e.code(), "no datapoint " + datapointId + " " + where, e);
            }
        }
    }
}
