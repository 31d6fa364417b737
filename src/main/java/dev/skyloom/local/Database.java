package dev.skyloom.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The local server's SQLite database: one connection, its schema, and the lock that serialises access to it.
 *
 * <p>On disk the file is {@code skyloom.db} in WAL mode with {@code synchronous=FULL}, so a committed transaction
 * survives the process being killed. One connection behind a lock is enough for a single-machine tool and keeps the
 * in-memory variant (which lives in that connection) identical to the file one.
 */
final class Database implements AutoCloseable {

    /** Work done with the connection; may throw {@link SQLException}. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

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

    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();

    private Database(Connection connection) {
        this.connection = connection;
    }

    /**
     * Opens (creating if needed) the database in {@code dataDir}, or an in-memory one when {@code dataDir} is null.
     *
     * @throws UncheckedIOException if the directory cannot be created or the database cannot be opened
     */
    static Database open(Path dataDir) {
        try {
            String url;
            if (dataDir == null) {
                url = "jdbc:sqlite::memory:";
            } else {
                Files.createDirectories(dataDir);
                url = "jdbc:sqlite:" + dataDir.resolve("skyloom.db").toAbsolutePath();
            }
            Connection connection = DriverManager.getConnection(url);
            try (Statement statement = connection.createStatement()) {
                if (dataDir != null) {
                    statement.execute("PRAGMA journal_mode=WAL");
                }
                statement.execute("PRAGMA synchronous=FULL");
                statement.execute("PRAGMA foreign_keys=ON");
                for (String ddl : SCHEMA) {
                    statement.execute(ddl);
                }
            }
            return new Database(connection);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + dataDir, e);
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException("cannot open the local database: " + e.getMessage(), e));
        }
    }

    /** Runs {@code work} alone on the connection, outside a transaction (each statement commits by itself). */
    <T> T read(Work<T> work) {
        lock.lock();
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("database error: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs {@code work} alone on the connection in one transaction: committed if it returns, rolled back if it throws
     * (an {@link RpcException} passes through unchanged).
     */
    <T> T transaction(Work<T> work) {
        lock.lock();
        try {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("database error: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot close the local database: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }
}
