package dev.skyloom.local.store;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.skyloom.local.error.RpcException;
import dev.skyloom.local.store.CatalogRows.Collection;
import dev.skyloom.local.store.CatalogRows.Dataset;
import dev.skyloom.local.store.CatalogRows.Group;
import dev.skyloom.wire.datasets.v1.AnnotatedType;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Groups, datasets and collections in the local database, plus a cache of each dataset's resolved
 * {@link DatasetSchema}. Lookups return empty optionals; the RPC layer turns those into not_found.
 */
public final class CatalogStore {

    private final Database database;
    private final Map<UUID, DatasetSchema> schemas = new ConcurrentHashMap<>();

    /**
     * A catalogue over {@code database}, whose schema {@link Database#open} has created; the cache starts empty.
     *
     * @param database the open database
     */
    public CatalogStore(Database database) {
        this.database = database;
    }

    /**
     * Inserts a group unless one with its id exists.
     *
     * @param group the group
     */
    public void ensureGroup(Group group) {
        database.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT OR IGNORE INTO dataset_groups (id, parent_id, code_name, name) VALUES (?, ?, ?, ?)")) {
                s.setBytes(1, DatapointIds.toBytes(group.id()));
                s.setBytes(2, group.parentId() == null ? null : DatapointIds.toBytes(group.parentId()));
                s.setString(3, group.codeName());
                s.setString(4, group.name());
                s.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Every group, in insertion order.
     *
     * @return the groups
     */
    public List<Group> groups() {
        return database.read(c -> {
            List<Group> groups = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT id, parent_id, code_name, name FROM dataset_groups ORDER BY rowid");
                 ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    groups.add(new Group(uuid(r.getBytes(1)), uuidOrNull(r.getBytes(2)), r.getString(3),
                            r.getString(4)));
                }
            }
            return groups;
        });
    }

    /**
     * Every dataset, in insertion order.
     *
     * @return the datasets
     */
    public List<Dataset> datasets() {
        return database.read(c -> selectDatasets(c, "1 = 1"));
    }

    /**
     * The dataset with this id.
     *
     * @param id the dataset's id
     * @return the dataset, or empty if there is none
     */
    public Optional<Dataset> dataset(UUID id) {
        return database.read(c -> selectDatasets(c, "id = ?", DatapointIds.toBytes(id))).stream().findFirst();
    }

    /**
     * The datasets with this code name, in any group.
     *
     * @param codeName the code name, e.g. {@code sentinel2_msi}
     * @return the datasets
     */
    public List<Dataset> datasetsByCodeName(String codeName) {
        return database.read(c -> selectDatasets(c, "code_name = ?", codeName));
    }

    /**
     * Inserts a dataset.
     *
     * @param dataset the new dataset
     * @throws RpcException already_exists if its group has a dataset with the same code name
     */
    public void insertDataset(Dataset dataset) {
        database.transaction(c -> {
            requireCodeNameFree(c, dataset);
            try (PreparedStatement s = c.prepareStatement("INSERT INTO datasets (id, group_id, code_name, name, "
                    + "summary, description, annotated_type) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                s.setBytes(1, DatapointIds.toBytes(dataset.id()));
                s.setBytes(2, DatapointIds.toBytes(dataset.groupId()));
                s.setString(3, dataset.codeName());
                s.setString(4, dataset.name());
                s.setString(5, dataset.summary());
                s.setString(6, dataset.description());
                s.setBytes(7, dataset.type().toByteArray());
                s.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Replaces a dataset's attributes (its id and group stay).
     *
     * @param dataset the dataset with its new attributes
     * @throws RpcException already_exists if the new code name is taken in its group
     */
    public void updateDataset(Dataset dataset) {
        database.transaction(c -> {
            requireCodeNameFree(c, dataset);
            try (PreparedStatement s = c.prepareStatement("UPDATE datasets SET code_name = ?, name = ?, summary = ?, "
                    + "description = ?, annotated_type = ? WHERE id = ?")) {
                s.setString(1, dataset.codeName());
                s.setString(2, dataset.name());
                s.setString(3, dataset.summary());
                s.setString(4, dataset.description());
                s.setBytes(5, dataset.type().toByteArray());
                s.setBytes(6, DatapointIds.toBytes(dataset.id()));
                s.executeUpdate();
            }
            schemas.remove(dataset.id());
            return null;
        });
    }

    /**
     * The resolved datapoint type of a dataset (cached until the dataset is updated).
     *
     * @param dataset the dataset
     * @return its schema
     */
    public DatasetSchema schema(Dataset dataset) {
        return schemas.computeIfAbsent(dataset.id(), id -> DatasetSchema.of(dataset.type()));
    }

    /**
     * The collections of a dataset, in insertion order.
     *
     * @param datasetId the dataset's id
     * @return the collections
     */
    public List<Collection> collections(UUID datasetId) {
        return database.read(c -> selectCollections(c, "dataset_id = ?", DatapointIds.toBytes(datasetId)));
    }

    /**
     * The collection with this id.
     *
     * @param id the collection's id
     * @return the collection, or empty if there is none
     */
    public Optional<Collection> collection(UUID id) {
        return database.read(c -> selectCollections(c, "id = ?", DatapointIds.toBytes(id))).stream().findFirst();
    }

    /**
     * The collection of a dataset with this name.
     *
     * @param datasetId the dataset's id
     * @param name the collection's name
     * @return the collection, or empty if there is none
     */
    public Optional<Collection> collection(UUID datasetId, String name) {
        return database.read(c -> selectCollections(c, "dataset_id = ? AND name = ?",
                DatapointIds.toBytes(datasetId), name)).stream().findFirst();
    }

    /**
     * Inserts a collection.
     *
     * @param collection the new collection
     * @throws RpcException already_exists if the dataset has a collection with that name
     */
    public void insertCollection(Collection collection) {
        database.transaction(c -> {
            if (!selectCollections(c, "dataset_id = ? AND name = ?", DatapointIds.toBytes(collection.datasetId()),
                    collection.name()).isEmpty()) {
                throw RpcException.alreadyExists("collection '" + collection.name() + "' already exists");
            }
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO collections (id, dataset_id, name) VALUES (?, ?, ?)")) {
                s.setBytes(1, DatapointIds.toBytes(collection.id()));
                s.setBytes(2, DatapointIds.toBytes(collection.datasetId()));
                s.setString(3, collection.name());
                s.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Deletes a collection and all its datapoints, in one transaction.
     *
     * @param id the collection's id
     */
    public void deleteCollection(UUID id) {
        database.transaction(c -> {
            for (String sql : List.of("DELETE FROM datapoints WHERE collection_id = ?",
                    "DELETE FROM collections WHERE id = ?")) {
                try (PreparedStatement s = c.prepareStatement(sql)) {
                    s.setBytes(1, DatapointIds.toBytes(id));
                    s.executeUpdate();
                }
            }
            return null;
        });
    }

    private static void requireCodeNameFree(Connection c, Dataset dataset) throws SQLException {
        for (Dataset existing : selectDatasets(c, "group_id = ? AND code_name = ?",
                DatapointIds.toBytes(dataset.groupId()), dataset.codeName())) {
            if (!existing.id().equals(dataset.id())) {
                throw RpcException.alreadyExists("a dataset with code name '" + dataset.codeName()
                        + "' already exists in this group");
            }
        }
    }

    private static List<Dataset> selectDatasets(Connection c, String where, Object... args) throws SQLException {
        List<Dataset> datasets = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT id, group_id, code_name, name, summary, description, "
                + "annotated_type FROM datasets WHERE " + where + " ORDER BY rowid")) {
            bind(s, args);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    datasets.add(new Dataset(uuid(r.getBytes(1)), uuid(r.getBytes(2)), r.getString(3),
                            r.getString(4), r.getString(5), r.getString(6), annotatedType(r.getBytes(7))));
                }
            }
        }
        return datasets;
    }

    private static List<Collection> selectCollections(Connection c, String where, Object... args)
            throws SQLException {
        List<Collection> collections = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT id, dataset_id, name FROM collections WHERE " + where + " ORDER BY rowid")) {
            bind(s, args);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    collections.add(new Collection(uuid(r.getBytes(1)), uuid(r.getBytes(2)), r.getString(3)));
                }
            }
        }
        return collections;
    }

    private static void bind(PreparedStatement s, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            s.setObject(i + 1, args[i]);
        }
    }

    private static AnnotatedType annotatedType(byte[] bytes) {
        try {
            return AnnotatedType.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("a stored dataset type is corrupt", e);
        }
    }

    private static UUID uuid(byte[] bytes) {
        return DatapointIds.toUuid(bytes);
    }

    private static UUID uuidOrNull(byte[] bytes) {
        return bytes == null ? null : DatapointIds.toUuid(bytes);
    }
}
