package dev.skyloom.local.store;

import dev.skyloom.local.error.ConnectCode;
import dev.skyloom.local.error.RpcException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
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
 *
 * <p>An on-disk database holds its directory's {@link DataDirectoryLock} while open. It may be capped in size; when the
 * cap or the disk is full, the write is refused with {@code resource_exhausted} and nothing of its transaction stays.
 */
public final class Database implements AutoCloseable {

    /** Work done with the connection; may throw {@link SQLException}. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** SQLite's primary result code for "database or disk is full". */
    private static final int SQLITE_FULL = 13;

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
    private final DataDirectoryLock directoryLock;

    private Database(Connection writer, List<Connection> readers, DataDirectoryLock directoryLock) {
        this.writer = writer;
        this.readers = new ArrayBlockingQueue<>(readers.size(), false, readers);
        this.directoryLock = directoryLock;
    }

    /**
     * Opens (creating if needed) the database in {@code dataDir}, or an in-memory one when {@code dataDir} is null,
     * with no size limit, holding the directory exclusively.
     *
     * @param dataDir the data directory, or null
     * @return the open database
     * @throws UncheckedIOException as {@link #open(Path, boolean, long)}
     */
    public static Database open(Path dataDir) {
        return open(dataDir, false, 0);
    }

    /**
     * Opens (creating if needed) the database in {@code dataDir}, or an in-memory one when {@code dataDir} is null.
     * An on-disk database holds its directory's lock (see {@link DataDirectoryLock}) until it is closed.
     *
     * @param dataDir  the data directory, or null
     * @param shared   whether other servers opening the directory shared may use it at the same time
     * @param maxBytes the most bytes the database may grow to (rounded down to whole pages), 0 for no limit; writes
     *                 beyond it are refused as a full disk is
     * @return the open database
     * @throws UncheckedIOException with a message saying why: the directory cannot be created or written (naming
     *                              it and the reason), another server uses it, or the database cannot be opened
     */
    public static Database open(Path dataDir, boolean shared, long maxBytes) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("the database size limit must not be negative, got " + maxBytes);
        }
        String url;
        DataDirectoryLock lock = null;
        if (dataDir == null) {
            url = "jdbc:sqlite:file:skyloom-" + UUID.randomUUID() + "?mode=memory&cache=shared";
        } else {
            prepareDirectory(dataDir);
            lock = DataDirectoryLock.acquire(dataDir, shared);
            url = "jdbc:sqlite:" + dataDir.resolve("skyloom.db").toAbsolutePath();
        }
        List<Connection> opened = new ArrayList<>();
        try {
            Connection writer = DriverManager.getConnection(url);
            opened.add(writer);
            try (Statement statement = writer.createStatement()) {
                if (dataDir != null) {
                    statement.execute("PRAGMA journal_mode=WAL");
                }
                statement.execute("PRAGMA synchronous=FULL");
                statement.execute("PRAGMA foreign_keys=ON");
                for (String ddl : SCHEMA) {
                    statement.execute(ddl);
                }
                if (maxBytes > 0) {
                    limitSize(statement, maxBytes);
                }
            }
            List<Connection> readers = new ArrayList<>(READERS);
            for (int i = 0; i < READERS; i++) {
                Connection reader = DriverManager.getConnection(url);
                opened.add(reader);
                try (Statement statement = reader.createStatement()) {
                    statement.execute("PRAGMA query_only=ON");
                }
                readers.add(reader);
            }
            return new Database(writer, readers, lock);
        } catch (SQLException | RuntimeException e) {
            for (Connection connection : opened) {
                closeQuietly(connection);
            }
            if (lock != null) {
                lock.close();
            }
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            String message = "cannot open the local database" + (dataDir == null ? "" : " in " + dataDir) + ": "
                    + e.getMessage();
            throw new UncheckedIOException(message, new IOException(message, e));
        }
    }

    /** Creates the data directory if needed and checks it can be written, with a message a person can act on. */
    private static void prepareDirectory(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            String message = "cannot create the data directory " + dataDir + ": " + reason(dataDir, e);
            throw new UncheckedIOException(message, new IOException(message, e));
        }
        if (!Files.isWritable(dataDir)) {
            String message = "cannot write to the data directory " + dataDir + ": permission denied";
            throw new UncheckedIOException(message, new IOException(message));
        }
    }

    private static String reason(Path dataDir, IOException e) {
        for (Path path = dataDir; path != null; path = path.getParent()) {
            if (Files.exists(path) && !Files.isDirectory(path)) {
                return path + " exists and is not a directory";
            }
        }
        return switch (e) {
            case AccessDeniedException denied -> "permission denied for " + denied.getFile();
            case FileSystemException other when other.getReason() != null -> other.getReason()
                    + (other.getFile() == null ? "" : " (" + other.getFile() + ")");
            default -> String.valueOf(e.getMessage());
        };
    }

    /** Caps the database at {@code maxBytes}: SQLite refuses to grow it further with SQLITE_FULL. */
    private static void limitSize(Statement statement, long maxBytes) throws SQLException {
        long pageSize;
        try (ResultSet r = statement.executeQuery("PRAGMA page_size")) {
            pageSize = r.next() ? r.getLong(1) : 4096;
        }
        long pages = Math.max(1, maxBytes / pageSize);
        try (ResultSet r = statement.executeQuery("PRAGMA max_page_count = " + pages)) {
            // SQLite answers with the limit in force: at least the pages the file already has
            r.next();
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
            throw failure(e);
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
     *
     * @throws dev.skyloom.local.error.RpcException resource_exhausted if the disk (or the configured size limit) is
     *                                              full; nothing of the transaction is kept then
     */
    <T> T transaction(Work<T> work) {
        lock.writeLock().lock();
        try {
            writer.setAutoCommit(false);
            Throwable failed = null;
            try {
                T result = work.run(writer);
                writer.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                failed = e;
                rollback(e);
                throw e;
            } finally {
                restoreAutoCommit(failed);
            }
        } catch (SQLException e) {
            throw failure(e);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Rolls back after a failure. SQLite may have rolled the transaction back itself (it does on a full disk), and
     * then a rollback fails with "no transaction is active": that must not hide the failure that caused it.
     */
    private void rollback(Exception cause) {
        try {
            writer.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /** Back to auto-commit; after a failure, an error doing so (the same "no transaction") is attached to it. */
    private void restoreAutoCommit(Throwable failed) throws SQLException {
        try {
            writer.setAutoCommit(true);
        } catch (SQLException e) {
            if (failed == null) {
                throw e;
            }
            failed.addSuppressed(e);
        }
    }

    /** The exception a database error becomes: resource_exhausted for a full disk, else an internal failure. */
    private static RuntimeException failure(SQLException e) {
        if ((e.getErrorCode() & 0xFF) == SQLITE_FULL) {
            return new RpcException(ConnectCode.RESOURCE_EXHAUSTED, "the local server's storage is full (the disk or "
                    + "its configured size limit): nothing of this request was written; free space and retry");
        }
        return new IllegalStateException("database error: " + e.getMessage(), e);
    }

    /** Closes every connection, then releases the data directory. */
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
            if (directoryLock != null) {
                directoryLock.close();
            }
            lock.writeLock().unlock();
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // already failing: the first error is the one to report
        }
    }
}
