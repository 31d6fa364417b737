package dev.skyloom.local.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The local server's SQLite database: its schema, one connection for writes and a pool for reads.
 *
 * <p>On disk the file is {@code skyloom.db} in WAL mode with {@code synchronous=FULL}, so a committed transaction
 * survives the process being killed. In memory it is a named shared-cache database that lives as long as the write
 * connection. Reads run concurrently, each on its own pooled connection (SQLite connections are not for two threads
 * at once); a write transaction runs alone. The read-write lock keeps both modes identical: in shared-cache memory
 * mode a reader next to an open write transaction would otherwise fail with "table is locked".
 */
public final class Database implements AutoCloseable {

    /** Work done with the connection; may throw {@link SQLException}. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Reads that may run at once: enough to keep two cores busy while others wait on the network. */
    private static final int READERS = 8;

    private static final String[] SCHEMA = {
        """
        CREATE TABLE IF NOT EXISTS dataset_groups (
            id BLOB PRIMARY KEY, parent_id BLOB, code_name TEXT NOT NULL, name TEXT NOT NULL)""",
        """
        CREATE TABLE IF NOT EXISTS datasets (
            id BLOB PRIMARY KEY, group_id BLOB NOT NULL REFERENCES dataset_groups(id), code_name TEXT NOT NULL,
            name TEXT NOT NULL, summary TEXT NOT NULL, description TEXT NOT NULL, annotated_type BLOB NOT NULL,
            UNIQUE (group_id, code_name))""",
        """
        CREATE TABLE IF NOT EXISTS collections (
            id BLOB PRIMARY KEY, dataset_id BLOB NOT NULL REFERENCES datasets(id), name TEXT NOT NULL,
            UNIQUE (dataset_id, name))""",
        // Datapoint ids start with the time in ms, so the (collection_id, id) index orders by time as well and every
        // time or id interval is a range scan of it. The bbox columns are the spatial prefilter (planar and, for
        // spherical queries, of the geometry with great-circle edges); they are null for temporal datasets.
        """
        CREATE TABLE IF NOT EXISTS datapoints (
            collection_id BLOB NOT NULL, id BLOB NOT NULL, time_ms INTEGER NOT NULL, data BLOB NOT NULL,
            min_x REAL, min_y REAL, max_x REAL, max_y REAL, s_min_x REAL, s_min_y REAL, s_max_x REAL, s_max_y REAL)""",
        "CREATE UNIQUE INDEX IF NOT EXISTS datapoints_by_id ON datapoints (collection_id, id)",
    };

    private final Connection writer;
    private final BlockingQueue<Connection> readers;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    private Database(Connection writer, List<Connection> readers) {
        this.writer = writer;
        this.readers = new ArrayBlockingQueue<>(readers.size(), false, readers);
    }

    /**
     * Opens (creating if needed) the database in {@code dataDir}, or an in-memory one when {@code dataDir} is null.
     *
     * @param dataDir the data directory, or null for in-memory
     * @return the open database; close it when done
     * @throws UncheckedIOException if the directory cannot be created or the database cannot be opened
     */
    public static Database open(Path dataDir) {
        try {
            String url;
            if (dataDir == null) {
                url = "jdbc:sqlite:file:skyloom-" + UUID.randomUUID() + "?mode=memory&cache=shared";
            } else {
                Files.createDirectories(dataDir);
                url = "jdbc:sqlite:" + dataDir.resolve("skyloom.db").toAbsolutePath();
            }
            Connection writer = DriverManager.getConnection(url);
            try (Statement statement = writer.createStatement()) {
                if (dataDir != null) {
                    statement.execute("PRAGMA journal_mode=WAL");
                }
                statement.execute("PRAGMA synchronous=FULL");
                statement.execute("PRAGMA foreign_keys=ON");
                for (String ddl : SCHEMA) {
                    statement.execute(ddl);
                }
            }
            List<Connection> readers = new ArrayList<>(READERS);
            for (int i = 0; i < READERS; i++) {
                Connection reader = DriverManager.getConnection(url);
                try (Statement statement = reader.createStatement()) {
                    statement.execute("PRAGMA query_only=ON");
                }
                readers.add(reader);
            }
            return new Database(writer, readers);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + dataDir, e);
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException("cannot open the local database: " + e.getMessage(), e));
        }
    }

    /** Runs {@code work} on a reader connection, concurrently with other reads (each statement commits by itself). */
    <T> T read(Work<T> work) {
        lock.readLock().lock();
        Connection connection = null;
        try {
            connection = readers.take();
            return work.run(connection);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the database", e);
        } catch (SQLException e) {
            throw new IllegalStateException("database error: " + e.getMessage(), e);
        } finally {
            if (connection != null) {
                readers.add(connection);
            }
            lock.readLock().unlock();
        }
    }

    /**
     * Runs {@code work} alone on the write connection in one transaction: committed if it returns, rolled back if it
     * throws (an {@link dev.skyloom.local.error.RpcException} passes through unchanged).
     */
    <T> T transaction(Work<T> work) {
        lock.writeLock().lock();
        try {
            writer.setAutoCommit(false);
            try {
                T result = work.run(writer);
                writer.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                writer.rollback();
                throw e;
            } finally {
                writer.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("database error: " + e.getMessage(), e);
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            for (Connection reader : readers) {
                reader.close();
            }
            writer.close();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot close the local database: " + e.getMessage(), e);
        } finally {
            lock.writeLock().unlock();
        }
    }
}
