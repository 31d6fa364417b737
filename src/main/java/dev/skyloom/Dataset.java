package dev.skyloom;

import com.google.protobuf.Descriptors.FieldDescriptor;
import dev.skyloom.codec.DatapointType;
import dev.skyloom.wire.datasets.v1.CreateCollectionRequest;
import dev.skyloom.wire.datasets.v1.DeleteCollectionRequest;
import dev.skyloom.wire.datasets.v1.DeleteCollectionResponse;
import dev.skyloom.wire.datasets.v1.GetCollectionByNameRequest;
import dev.skyloom.wire.datasets.v1.ListCollectionsRequest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A handle on one dataset: its collections, and queries across several of them at once.
 *
 * <p>Immutable and thread-safe. Obtain one with {@link DatasetsClient#dataset(String)}.
 * {@snippet :
 * Dataset s2 = client.dataset("open_data.copernicus.sentinel2_msi");
 * for (CollectionInfo c : s2.collections()) {
 *     System.out.println(c.name() + " " + c.count().orElse(0));
 * }
 * }
 */
public final class Dataset {

    private final ClientContext context;
    private final DatasetInfo info;
    private final List<String> fieldNames;

    Dataset(ClientContext context, DatasetInfo info, DatapointType type) {
        this.context = context;
        this.info = info;
        this.fieldNames = type.descriptor().getFields().stream().map(FieldDescriptor::getName).toList();
    }

    /**
     * The dataset's description (id, slug, names, kind).
     *
     * @return the description
     */
    public DatasetInfo info() {
        return info;
    }

    /**
     * The names of the fields of the dataset's datapoints, in the order of its type: the fixed ones ({@code time},
     * {@code id}, ...) and then the dataset's own, e.g. {@code cloud_cover}.
     *
     * @return the field names
     */
    public List<String> fieldNames() {
        return fieldNames;
    }

    /**
     * The dataset's slug.
     *
     * @return the slug, e.g. {@code open_data.copernicus.sentinel2_msi}
     */
    public String slug() {
        return info.slug();
    }

    /**
     * Lists the dataset's collections with their availability and datapoint counts.
     *
     * @return the collections
     * @throws SkyloomException on any failure
     */
    public List<CollectionInfo> collections() {
        var response = context.transport().unary(ClientContext.COLLECTIONS, "ListCollections",
                ListCollectionsRequest.newBuilder().setDatasetId(Ids.toWire(info.id()))
                        .setWithAvailability(true).setWithCount(true).build(),
                dev.skyloom.wire.datasets.v1.ListCollectionsResponse.parser()).message();
        return response.getDataList().stream().map(WireValues::collectionInfo).toList();
    }

    /**
     * A handle on the named collection (one request, which checks that it exists).
     *
     * @param name the collection's name, e.g. {@code S2A_S2MSI1C}
     * @return the handle
     * @throws SkyloomException.NotFound if the dataset has no collection of that name
     * @throws SkyloomException on any other failure
     */
    public Collection collection(String name) {
        Objects.requireNonNull(name, "name");
        try {
            var wire = context.transport().unary(ClientContext.COLLECTIONS, "GetCollectionByName",
                    GetCollectionByNameRequest.newBuilder().setCollectionName(name)
                            .setDatasetId(Ids.toWire(info.id())).build(),
                    dev.skyloom.wire.datasets.v1.CollectionInfo.parser()).message();
            return new Collection(context, info, wire.getCollection().getName(),
                    Ids.required(wire.getCollection().getId(), "collection"));
        } catch (SkyloomException.NotFound e) {
            throw new SkyloomException.NotFound(e.code(), "no such collection '" + name + "' in dataset '"
                    + info.slug() + "'; list them with Dataset.collections() or `skyloom collections "
                    + info.slug() + "`", e);
        }
    }

    /**
     * A handle on a collection that {@link #collections()} listed, without a request: for several collections, one
     * {@code collections()} call costs one round trip where {@link #collection(String)} costs one per name.
     *
     * <pre>{@code
     * List<Collection> all = dataset.collections().stream().map(dataset::collection).toList();
     * }</pre>
     *
     * @param listed a collection of this dataset, as {@link #collections()} returned it
     * @return the handle
     */
    public Collection collection(CollectionInfo listed) {
        Objects.requireNonNull(listed, "listed");
        return new Collection(context, info, listed.name(), listed.id());
    }

    /**
     * Creates a collection in this dataset.
     *
     * @param name the new collection's name (not empty)
     * @return a handle on it
     * @throws IllegalArgumentException if the name is empty
     * @throws SkyloomException         on any failure, e.g. {@link SkyloomException.PermissionDenied} without write
     *                                  access
     */
    public Collection createCollection(String name) {
        requireName(name);
        var wire = context.transport().unary(ClientContext.COLLECTIONS, "CreateCollection",
                CreateCollectionRequest.newBuilder().setDatasetId(Ids.toWire(info.id())).setName(name).build(),
                dev.skyloom.wire.datasets.v1.CollectionInfo.parser()).message();
        return new Collection(context, info, wire.getCollection().getName(),
                Ids.required(wire.getCollection().getId(), "collection"));
    }

    /**
     * The named collection, created first if the dataset has none of that name.
     *
     * @param name the collection's name (not empty)
     * @return a handle on it
     * @throws IllegalArgumentException if the name is empty
     * @throws SkyloomException         on any failure
     */
    public Collection getOrCreateCollection(String name) {
        requireName(name);
        try {
            return collection(name);
        } catch (SkyloomException.NotFound e) {
            return createCollection(name);
        }
    }

    /**
     * Deletes the named collection and all its datapoints.
     *
     * @param name the collection's name
     * @throws SkyloomException.NotFound if the dataset has no collection of that name
     * @throws SkyloomException on any other failure
     */
    public void deleteCollection(String name) {
        deleteCollection(collection(name).id());
    }

    /**
     * Deletes the collection and all its datapoints.
     *
     * @param collection a handle on a collection of this dataset
     * @throws IllegalArgumentException  if the handle belongs to another dataset
     * @throws SkyloomException.NotFound if the collection no longer exists
     * @throws SkyloomException on any other failure
     */
    public void deleteCollection(Collection collection) {
        if (!collection.datasetSlug().equals(info.slug())) {
            throw new IllegalArgumentException(collection + " does not belong to dataset " + info.slug());
        }
        deleteCollection(collection.id());
    }

    /**
     * Deletes the collection with this id and all its datapoints.
     *
     * @param collectionId the collection's id
     * @throws SkyloomException.NotFound if the dataset has no collection with that id
     * @throws SkyloomException on any other failure
     */
    public void deleteCollection(UUID collectionId) {
        Objects.requireNonNull(collectionId, "collectionId");
        context.transport().unary(ClientContext.COLLECTIONS, "DeleteCollection", DeleteCollectionRequest.newBuilder()
                        .setCollectionId(Ids.toWire(collectionId)).setDatasetId(Ids.toWire(info.id())).build(),
                DeleteCollectionResponse.parser());
    }

    private static void requireName(String name) {
        if (Objects.requireNonNull(name, "name").isEmpty()) {
            throw new IllegalArgumentException("a collection name must not be empty");
        }
    }

    /**
     * Loads the datapoints of several collections with one server-side query, merged in time order.
     *
     * @param collectionNames the collections to search; an empty list searches all of them
     * @param query what to load
     * @return the datapoints, in time order
     * @throws SkyloomException.NotFound if a named collection does not exist
     * @throws SkyloomException on any other failure
     */
    public List<Datapoint> query(List<String> collectionNames, Query query) {
        return query(collectionNames, query, ProgressListener.NONE);
    }

    /**
     * Like {@link #query(List, Query)}, reporting progress after each page.
     *
     * @param collectionNames the collections to search; an empty list searches all of them
     * @param query what to load
     * @param listener called after each page and once at the end with fraction 1
     * @return the datapoints, in time order
     * @throws SkyloomException.NotFound if a named collection does not exist
     * @throws SkyloomException on any other failure
     */
    public List<Datapoint> query(List<String> collectionNames, Query query, ProgressListener listener) {
        Objects.requireNonNull(query, "query");
        return QueryPages.collect(context, info.id(), ids(collectionNames), query, Objects.requireNonNull(listener));
    }

    /**
     * The pages of a query over several collections, lazily, as {@link Collection#pages(Query)}.
     *
     * @param collectionNames the collections to search; an empty list searches all of them
     * @param query what to load
     * @return the pages, in time order
     * @throws SkyloomException.NotFound if a named collection does not exist
     * @throws SkyloomException while the stream is consumed, on any other failure
     */
    public Stream<Page> pages(List<String> collectionNames, Query query) {
        Objects.requireNonNull(query, "query");
        return QueryPages.stream(context, info.id(), ids(collectionNames), query, ProgressListener.NONE);
    }

    /**
     * Looks up one datapoint by id in any collection of the dataset.
     *
     * @param datapointId the datapoint's id
     * @return the datapoint
     * @throws SkyloomException.NotFound if the dataset has no datapoint with that id
     * @throws SkyloomException on any other failure
     */
    public Datapoint find(UUID datapointId) {
        Objects.requireNonNull(datapointId, "datapointId");
        return Collection.Finder.find(context, info, List.of(), datapointId, false, "in dataset " + info.slug());
    }

    /** Maps names to ids with one ListCollections request, as the Python client does. */
    private List<UUID> ids(List<String> collectionNames) {
        if (collectionNames.isEmpty()) {
            return List.of();
        }
        Map<String, UUID> byName = new LinkedHashMap<>();
        collections().forEach(c -> byName.put(c.name(), c.id()));
        List<UUID> ids = new ArrayList<>(collectionNames.size());
        for (String name : collectionNames) {
            UUID id = byName.get(name);
            if (id == null) {
                throw new SkyloomException.NotFound("not_found", "no such collection '" + name + "' in dataset '"
                        + info.slug() + "'; it has: " + String.join(", ", byName.keySet()), null);
            }
            ids.add(id);
        }
        return ids;
    }

    /** Describes the handle, e.g. {@code Dataset[open_data.copernicus.sentinel2_msi]}. */
    @Override
    public String toString() {
        return "Dataset[" + info.slug() + "]";
    }
}
