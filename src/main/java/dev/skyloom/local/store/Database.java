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
import java.util.Properties;
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
    /** The database file in a data directory. */
    private static final String FILE_NAME = "skyloom.db";

    /** The datapoints' unique index; a bulk load creates it once all rows are in (see {@link #finishBulkLoad()}). */
    private static final String DATAPOINTS_INDEX =
            "CREATE UNIQUE INDEX IF NOT EXISTS datapoints_by_id ON datapoints (collection_id, id)";

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
        DATAPOINTS_INDEX,
    };

    /** How a database is opened. */
    private enum Mode {
        /** The server's own store: WAL, {@code synchronous=FULL}. */
        READ_WRITE,
        /** A store shared with other processes: opened read-only, writes refused. */
        READ_ONLY,
        /** A fresh file filled once by one process, discarded if that fails: no journal, no syncs. */
        BULK_LOAD
    }

    private final Connection writer;
    private final BlockingQueue<Connection> readers;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final DataDirectoryLock directoryLock;
    private final Mode mode;

    private Database(Connection writer, List<Connection> readers, Mode mode, DataDirectoryLock directoryLock) {
        this.writer = writer;
        this.readers = new ArrayBlockingQueue<>(readers.size(), false, readers);
        this.directoryLock = directoryLock;
        this.mode = mode;
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
        if (dataDir == null) {
            return open(memoryUrl(), null, null, Mode.READ_WRITE, null, maxBytes);
        }
        prepareDirectory(dataDir);
        DataDirectoryLock lock = DataDirectoryLock.acquire(dataDir, shared);
        return open("jdbc:sqlite:" + file(dataDir).toAbsolutePath(), dataDir, null, Mode.READ_WRITE, lock, maxBytes);
    }

    /**
     * Opens the database in {@code dataDir} read-only, so that any number of processes can serve it at once; every
     * write is refused with permission_denied.
     *
     * @param dataDir the data directory holding the database
     * @return the open database
     * @throws UncheckedIOException if there is no database in {@code dataDir} or it cannot be opened
     */
    public static Database openReadOnly(Path dataDir) {
        Path file = existingFile(dataDir);
        return open("jdbc:sqlite:file:" + file + "?mode=ro", dataDir, null, Mode.READ_ONLY, null, 0);
    }

    /**
     * Creates the database in the new directory {@code dataDir} for one bulk load: without a journal and without
     * syncing, so it is fast but not crash-safe until {@link #close()} has returned (callers build in a directory
     * they discard on failure), and without the datapoints' index until {@link #finishBulkLoad()}. {@link #close()}
     * switches the file to a rollback journal, so that it can later be opened read-only by several processes.
     *
     * @param dataDir the new data directory
     * @return the open database
     * @throws UncheckedIOException if the directory cannot be created or the database cannot be opened
     */
    public static Database openForBulkLoad(Path dataDir) {
        prepareDirectory(dataDir);
        return open("jdbc:sqlite:" + file(dataDir).toAbsolutePath(), dataDir, null, Mode.BULK_LOAD, null, 0);
    }

    /**
     * Completes a bulk load: creates the datapoints' unique index over all the rows at once (sorting them once is
     * several times cheaper than keeping the index while inserting). Until then, nothing detects two datapoints with
     * the same id in one collection, so a bulk load must not write any (ingesting with {@code allow_existing} would
     * skip the second).
     *
     * @throws IllegalStateException if this database was not opened by {@link #openForBulkLoad}, or a collection
     *                               holds two datapoints with the same id
     */
    public void finishBulkLoad() {
        if (mode != Mode.BULK_LOAD) {
            throw new IllegalStateException("not a bulk load");
        }
        transaction(c -> {
            try (Statement statement = c.createStatement()) {
                statement.execute(DATAPOINTS_INDEX);
            }
            return null;
        });
    }

    /**
     * Opens an in-memory database holding a copy of the database in {@code dataDir} (read once, never written).
     *
     * @param dataDir the data directory holding the database to copy
     * @return the open in-memory copy
     * @throws UncheckedIOException if there is no database in {@code dataDir} or it cannot be copied
     */
    public static Database inMemoryCopyOf(Path dataDir) {
        Path file = existingFile(dataDir);
        return open(memoryUrl(), null, file, Mode.READ_WRITE, null, 0);
    }

    /**
     * The database file of a data directory.
     *
     * @param dataDir the data directory
     * @return {@code dataDir/skyloom.db}
     */
    public static Path file(Path dataDir) {
        return dataDir.resolve(FILE_NAME);
    }

    /**
     * The driver's settings: no generated keys, which the store never reads (otherwise the driver prepares and runs a
     * {@code SELECT last_insert_rowid()} after every single INSERT, an eighth of a bulk load's time).
     */
    private static Properties connectionProperties() {
        Properties properties = new Properties();
        properties.setProperty("jdbc.get_generated_keys", "false");
        return properties;
    }

    private static Path existingFile(Path dataDir) {
        Path file = file(dataDir).toAbsolutePath();
        if (!Files.isRegularFile(file)) {
            throw new UncheckedIOException(new IOException("no local database in " + dataDir));
        }
        return file;
    }

    private static String memoryUrl() {
        return "jdbc:sqlite:file:skyloom-" + UUID.randomUUID() + "?mode=memory&cache=shared";
    }

    private static Database open(String url, Path dataDir, Path copyFrom, Mode mode, DataDirectoryLock lock,
                                 long maxBytes) {
        List<Connection> opened = new ArrayList<>();
        try {
            Connection writer = DriverManager.getConnection(url, connectionProperties());
            opened.add(writer);
            try (Statement statement = writer.createStatement()) {
                if (copyFrom != null) {
                    statement.executeUpdate("restore from \"" + copyFrom + "\"");
                }
                if (mode == Mode.BULK_LOAD) {
                    statement.execute("PRAGMA journal_mode=OFF");
                    statement.execute("PRAGMA synchronous=OFF");
                } else if (mode == Mode.READ_WRITE) {
                    if (dataDir != null) {
                        statement.execute("PRAGMA journal_mode=WAL");
                    }
                    statement.execute("PRAGMA synchronous=FULL");
                }
                statement.execute("PRAGMA foreign_keys=ON");
                if (mode != Mode.READ_ONLY) {
                    for (String ddl : SCHEMA) {
                        if (mode != Mode.BULK_LOAD || !ddl.equals(DATAPOINTS_INDEX)) {
                            statement.execute(ddl);
                        }
                    }
                }
                if (maxBytes > 0) {
                    limitSize(statement, maxBytes);
                }
            }
            int count = mode == Mode.BULK_LOAD ? 1 : READERS;
            List<Connection> readers = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                Connection reader = DriverManager.getConnection(url, connectionProperties());
                opened.add(reader);
                try (Statement statement = reader.createStatement()) {
                    statement.execute("PRAGMA query_only=ON");
                }
                readers.add(reader);
            }
            return new Database(writer, readers, mode, lock);
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
        if (mode == Mode.READ_ONLY) {
            throw RpcException.permissionDenied("this local server's store is read-only (it is shared with other"
                    + " processes); to write, serve a data directory of your own, e.g. skyloom serve --data DIR"
                    + " --demo, and connect to it with --url");
        }
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

    /**
     * Closes every connection, then releases the data directory. After a bulk load the file is switched to a rollback
     * journal first, so that it needs no write access to be read.
     *
     * @throws IllegalStateException if the database cannot be closed
     */
    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            for (Connection reader : readers) {
                reader.close();
            }
            if (mode == Mode.BULK_LOAD) {
                try (Statement statement = writer.createStatement()) {
                    statement.execute("PRAGMA journal_mode=DELETE");
                }
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
