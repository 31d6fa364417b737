package dev.skyloom.local.store;

import dev.skyloom.local.error.RpcException;
import org.locationtech.jts.geom.Envelope;
import org.sqlite.ProgressHandler;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/** Datapoints in the local database: batch writes, deletes, lookups by id and ordered range scans. */
public final class DatapointStore {

    /** A datapoint ready to be stored: its id, time, full serialized bytes and bboxes (null if it has no geometry). */
    record NewDatapoint(byte[] id, long timeMs, byte[] data, Envelope planar, Envelope spherical) {
    }

    /**
     * A stored datapoint as read back.
     *
     * @param id   its id, 16 bytes
     * @param data the serialized datapoint message
     */
    public record Stored(byte[] id, byte[] data) {
    }

    /**
     * The prefilter of a spatial query: candidates' planar or spherical bbox must overlap {@code bbox}, or, when
     * {@code covering}, contain it.
     *
     * @param bbox      the filter's bbox
     * @param spherical whether to compare the spherical bbox columns rather than the planar ones
     * @param covering  whether a candidate's bbox must contain {@code bbox} (it can only cover the filter then)
     */
    public record BboxFilter(Envelope bbox, boolean spherical, boolean covering) {

        /** The SQL condition, with four parameters: the bbox's min x, max x, min y, max y. */
        String sql() {
            String prefix = spherical ? "s_" : "";
            return covering
                    ? " AND " + prefix + "min_x <= ? AND " + prefix + "max_x >= ? AND " + prefix + "min_y <= ? AND "
                            + prefix + "max_y >= ?"
                    : " AND " + prefix + "max_x >= ? AND " + prefix + "min_x <= ? AND " + prefix + "max_y >= ? AND "
                            + prefix + "min_y <= ?";
        }
    }

    /**
     * What an ingest did: how many rows were new and how many already existed.
     *
     * @param created  the datapoints written
     * @param existing the datapoints skipped because their id was already stored
     */
    public record IngestCounts(long created, long existing) {
    }

    /** How many SQLite virtual machine steps run between two looks at a scan's cancellation. */
    private static final int PROGRESS_STEPS = 10_000;

    private final Database database;

    /**
     * A datapoint store over {@code database}, whose schema {@link Database#open} has created.
     *
     * @param database the open database
     */
    public DatapointStore(Database database) {
        this.database = database;
    }

    /**
     * Writes datapoints into a collection in one transaction; those whose id already exists there are skipped.
     *
     * @param allowExisting false: if any datapoint already exists, nothing is written and invalid_argument is thrown
     */
    IngestCounts insert(UUID collectionId, List<NewDatapoint> datapoints, boolean allowExisting) {
        byte[] collection = DatapointIds.toBytes(collectionId);
        return database.transaction(c -> {
            if (!allowExisting) {
                for (NewDatapoint datapoint : datapoints) {
                    if (exists(c, collection, datapoint.id())) {
                        throw RpcException.invalidArgument("found existing datapoints with same id, "
                                + "refusing to ingest with \"allow_existing=false\"");
                    }
                }
            }
            long created = 0;
            try (PreparedStatement s = c.prepareStatement("INSERT OR IGNORE INTO datapoints (collection_id, id, "
                    + "time_ms, data, min_x, min_y, max_x, max_y, s_min_x, s_min_y, s_max_x, s_max_y) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (NewDatapoint datapoint : datapoints) {
                    s.setBytes(1, collection);
                    s.setBytes(2, datapoint.id());
                    s.setLong(3, datapoint.timeMs());
                    s.setBytes(4, datapoint.data());
                    bindEnvelope(s, 5, datapoint.planar());
                    bindEnvelope(s, 9, datapoint.spherical());
                    created += s.executeUpdate();
                }
            }
            if (!allowExisting && created != datapoints.size()) {
                throw RpcException.invalidArgument("found existing datapoints with same id, "
                        + "refusing to ingest with \"allow_existing=false\"");
            }
            return new IngestCounts(created, datapoints.size() - created);
        });
    }

    /**
     * Deletes datapoints of a collection, all or nothing.
     *
     * @param collectionId the collection
     * @param ids the datapoint ids, 16 bytes each
     * @return how many were deleted
     * @throws RpcException not_found naming the first id that is not in the collection (nothing is deleted)
     */
    public long delete(UUID collectionId, List<byte[]> ids) {
        byte[] collection = DatapointIds.toBytes(collectionId);
        return database.transaction(c -> {
            for (byte[] id : ids) {
                if (!exists(c, collection, id)) {
                    throw RpcException.notFound("no such datapoint " + DatapointIds.toUuid(id)
                            + " in collection " + collectionId + ", nothing was deleted");
                }
            }
            long deleted = 0;
            try (PreparedStatement s = c.prepareStatement(
                    "DELETE FROM datapoints WHERE collection_id = ? AND id = ?")) {
                for (byte[] id : ids) {
                    s.setBytes(1, collection);
                    s.setBytes(2, id);
                    deleted += s.executeUpdate();
                }
            }
            return deleted;
        });
    }

    /**
     * The datapoint with this id in the first of {@code collectionIds} that has it.
     *
     * @param collectionIds the collections to look in, in order
     * @param id the datapoint id, 16 bytes
     * @return the datapoint, or empty if none of the collections has it
     */
    public Optional<Stored> find(List<UUID> collectionIds, byte[] id) {
        return database.read(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT data FROM datapoints WHERE collection_id = ? AND id = ?")) {
                for (UUID collectionId : collectionIds) {
                    s.setBytes(1, DatapointIds.toBytes(collectionId));
                    s.setBytes(2, id);
                    try (ResultSet r = s.executeQuery()) {
                        if (r.next()) {
                            return Optional.of(new Stored(id, r.getBytes(1)));
                        }
                    }
                }
            }
            return Optional.empty();
        });
    }

    /**
     * The number of datapoints in a collection.
     *
     * @param collectionId the collection
     * @return the count
     */
    public long count(UUID collectionId) {
        return database.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM datapoints WHERE collection_id = ?")) {
                s.setBytes(1, DatapointIds.toBytes(collectionId));
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? r.getLong(1) : 0L;
                }
            }
        });
    }

    /**
     * The first and last datapoint time (Unix ms) of a collection, or empty if it has none.
     *
     * @param collectionId the collection
     * @return {@code [first, last]}, or empty
     */
    public Optional<long[]> timeRange(UUID collectionId) {
        return database.read(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT min(id), max(id) FROM datapoints WHERE collection_id = ?")) {
                s.setBytes(1, DatapointIds.toBytes(collectionId));
                try (ResultSet r = s.executeQuery()) {
                    byte[] first = r.next() ? r.getBytes(1) : null;
                    return first == null ? Optional.<long[]>empty()
                            : Optional.of(new long[] {DatapointIds.timeMs(first), DatapointIds.timeMs(r.getBytes(2))});
                }
            }
        });
    }

    /**
     * Scans collections in id order (merged across them), keeping the datapoints in {@code range} that pass the bbox
     * prefilter (if any) and {@code exact}, and stops after {@code limit} of them. The thread's {@link Cancellation}
     * stops it: it is checked between rows, and SQLite's progress handler checks it while a step runs.
     *
     * @param collectionIds the collections
     * @param range the ids (and so times) to scan
     * @param bbox the spatial prefilter, or null for none
     * @param exact the final test a datapoint must pass
     * @param limit the most datapoints to return
     * @return the datapoints, in id order
     * @throws RpcException the cancellation's reason if the scan was cancelled
     */
    public List<Stored> scan(List<UUID> collectionIds, IdRange range, BboxFilter bbox, Predicate<Stored> exact,
                             int limit) {
        String sql = "SELECT id, data FROM datapoints WHERE collection_id = ? AND " + range.sql()
                + (bbox == null ? "" : bbox.sql())
                + " ORDER BY id";
        Cancellation cancellation = Cancellation.current();
        return database.read(c -> {
            List<Cursor> cursors = new ArrayList<>();
            // SQLite calls the handler every few thousand steps of its virtual machine, also while one step skips
            // many rows (a bbox prefilter that matches little); a non-zero answer interrupts the statement.
            ProgressHandler.setHandler(c, PROGRESS_STEPS, new ProgressHandler() {
                @Override
                protected int progress() {
                    return cancellation.isCancelled() ? 1 : 0;
                }
            });
            try {
                for (UUID collectionId : collectionIds) {
                    cursors.add(new Cursor(c, sql, collectionId, range, bbox));
                }
                // the cancellation is checked between datapoints too, where the merge spends its time
                return IdOrderedMerge.first(cursors, stored -> {
                    cancellation.check();
                    return exact.test(stored);
                }, limit);
            } catch (SQLException e) {
                cancellation.check();
                throw e;
            } finally {
                for (Cursor cursor : cursors) {
                    cursor.close();
                }
                ProgressHandler.clearHandler(c);
            }
        });
    }

    private static boolean exists(Connection c, byte[] collection, byte[] id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT 1 FROM datapoints WHERE collection_id = ? AND id = ?")) {
            s.setBytes(1, collection);
            s.setBytes(2, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }

    private static void bindEnvelope(PreparedStatement s, int index, Envelope envelope) throws SQLException {
        if (envelope == null) {
            for (int i = 0; i < 4; i++) {
                s.setNull(index + i, Types.REAL);
            }
            return;
        }
        s.setDouble(index, envelope.getMinX());
        s.setDouble(index + 1, envelope.getMinY());
        s.setDouble(index + 2, envelope.getMaxX());
        s.setDouble(index + 3, envelope.getMaxY());
    }

    /** One collection's rows in id order, read lazily. */
    private static final class Cursor implements IdOrderedMerge.Source<SQLException>, AutoCloseable {
        private final PreparedStatement statement;
        private final ResultSet rows;
        private Stored current;

        Cursor(Connection c, String sql, UUID collectionId, IdRange range, BboxFilter bbox) throws SQLException {
            statement = c.prepareStatement(sql);
            statement.setBytes(1, DatapointIds.toBytes(collectionId));
            statement.setBytes(2, range.low());
            statement.setBytes(3, range.high());
            if (bbox != null) {
                statement.setDouble(4, bbox.bbox().getMinX());
                statement.setDouble(5, bbox.bbox().getMaxX());
                statement.setDouble(6, bbox.bbox().getMinY());
                statement.setDouble(7, bbox.bbox().getMaxY());
            }
            rows = statement.executeQuery();
        }

        @Override
        public Stored current() {
            return current;
        }

        @Override
        public boolean advance() throws SQLException {
            if (!rows.next()) {
                return false;
            }
            current = new Stored(rows.getBytes(1), rows.getBytes(2));
            return true;
        }

        @Override
        public void close() throws SQLException {
            statement.close();
        }
    }
}
