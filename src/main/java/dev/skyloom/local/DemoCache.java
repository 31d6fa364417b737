package dev.skyloom.local;

import dev.skyloom.local.demo.DemoCatalog;
import dev.skyloom.local.store.CatalogStore;
import dev.skyloom.local.store.Database;
import dev.skyloom.local.store.DatapointStore;
import dev.skyloom.local.store.Ingestor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * The demo catalogue, generated once per seed into a cache directory and then shared: by every CLI command, the jbang
 * scripts, {@code serve --demo} and any {@link LocalServer} started with {@link LocalServerConfig#withDemo}.
 *
 * <p>The catalogue of seed {@code S} lives in {@code <root>/demo-S-v}{@value #VERSION}{@code /skyloom.db}, where the
 * root is {@code ${XDG_CACHE_HOME:-~/.cache}/skyloom} by default. It is built in a private directory next to it and
 * moved into place with one atomic rename when complete, so no process ever sees half a catalogue, and an interrupted
 * build leaves only a private directory that the next build removes. Concurrent first runs are serialized by a lock
 * file (and, within one JVM, a lock per directory): the first builds, the others wait and then use its result. Once in
 * place the file is never written again (it has a rollback journal, not a write-ahead log), so any number of
 * processes can read it at once, each opening it read-only or copying it into memory.
 */
public final class DemoCache {

    /**
     * The version of the generated catalogue, of how its datapoint ids are derived and of the store's layout, part of
     * the directory name: a catalogue built by an older version is never reused (3: ids from MurmurHash3).
     */
    public static final int VERSION = 3;

    private static final String DATABASE = "skyloom.db";
    /** How often the file is flushed while it is generated, so that its final fsync has little left to write. */
    private static final Duration WRITEBACK_INTERVAL = Duration.ofMillis(400);
    private static final Map<Path, ReentrantLock> BUILDING = new ConcurrentHashMap<>();

    private DemoCache() {
    }

    /**
     * The default cache root: {@code $XDG_CACHE_HOME/skyloom}, or {@code ~/.cache/skyloom}.
     *
     * @return the directory (it may not exist yet)
     */
    public static Path defaultRoot() {
        return root(System.getenv("XDG_CACHE_HOME"), System.getenv("HOME"));
    }

    /**
     * The cache root for the given environment values, as {@link #defaultRoot()} computes it.
     *
     * @param xdgCacheHome the value of {@code XDG_CACHE_HOME}, or null
     * @param home         the value of {@code HOME}, or null for the JVM's {@code user.home}
     * @return the directory (it may not exist yet)
     */
    public static Path root(String xdgCacheHome, String home) {
        Path cache = xdgCacheHome != null && !xdgCacheHome.isBlank() ? Path.of(xdgCacheHome)
                : Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home"), ".cache");
        return cache.resolve("skyloom");
    }

    /**
     * The directory holding the catalogue of {@code seed} under {@code root}, whether it exists or not.
     *
     * @param root the cache root
     * @param seed the catalogue's seed
     * @return {@code root/demo-<seed>-v<VERSION>}
     */
    public static Path directory(Path root, long seed) {
        return root.resolve("demo-" + seed + "-v" + VERSION);
    }

    /**
     * The catalogue's directory if it has been generated.
     *
     * @param root the cache root
     * @param seed the catalogue's seed
     * @return the directory holding a complete catalogue, or empty
     */
    public static Optional<Path> find(Path root, long seed) {
        Path dir = directory(root, seed);
        return Files.isRegularFile(dir.resolve(DATABASE)) ? Optional.of(dir) : Optional.empty();
    }

    /**
     * The catalogue's directory, generating the catalogue first if it is not there yet (or waiting while another
     * thread or process generates it).
     *
     * @param root     the cache root, created if missing
     * @param seed     the catalogue's seed
     * @param progress told about the generation, if this call generates it
     * @return the directory holding {@code skyloom.db}
     * @throws UncheckedIOException if the cache cannot be created, locked or written
     */
    public static Path ensure(Path root, long seed, DemoProgress progress) {
        Optional<Path> ready = find(root, seed);
        if (ready.isPresent()) {
            return ready.get();
        }
        Path dir = directory(root, seed);
        ReentrantLock inProcess = BUILDING.computeIfAbsent(dir.toAbsolutePath().normalize(), d -> new ReentrantLock());
        inProcess.lock();
        try {
            Files.createDirectories(root);
            try (FileChannel lockFile = FileChannel.open(root.resolve(dir.getFileName() + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock lock = lock(lockFile)) {
                if (find(root, seed).isEmpty()) {
                    build(dir, seed, progress, lock != null);
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo catalogue cache " + dir + ": " + e.getMessage(), e);
        } finally {
            inProcess.unlock();
        }
    }

    /** Takes the lock between processes; null where the file system has no locks (the rename still protects). */
    private static FileLock lock(FileChannel channel) throws IOException {
        try {
            return channel.lock();
        } catch (UnsupportedOperationException | OverlappingFileLockException e) {
            return null;
        }
    }

    /**
     * Builds in a private directory and renames it into place. Holding the lock, it first removes what killed earlier
     * builds left (without the lock, such a directory may be another process's build in progress).
     */
    private static void build(Path dir, long seed, DemoProgress progress, boolean locked) throws IOException {
        String partialPrefix = dir.getFileName() + ".partial-";
        if (locked) {
            try (Stream<Path> leftovers = Files.list(dir.getParent())) {
                for (Path leftover : leftovers.filter(p -> p.getFileName().toString().startsWith(partialPrefix))
                        .toList()) {
                    deleteTree(leftover);
                }
            }
        }
        Path partial = Files.createTempDirectory(dir.getParent(), partialPrefix);
        try {
            long stored = generate(partial, seed, progress);
            try (FileChannel file = FileChannel.open(partial.resolve(DATABASE), StandardOpenOption.WRITE)) {
                file.force(true);
            }
            Files.move(partial, dir, StandardCopyOption.ATOMIC_MOVE);
            progress.onProgress(stored, stored);
            releaseGenerationGarbage();
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException builtMeanwhile) {
            deleteTree(partial);
        } catch (IOException | RuntimeException | Error e) {
            deleteTree(partial);
            throw e;
        }
    }

    /** Generates the catalogue into a new database in {@code dir}; returns the datapoints stored. */
    static long generate(Path dir, long seed, DemoProgress progress) {
        try (Database database = Database.openForBulkLoad(dir);
             WritebackFlusher flusher = WritebackFlusher.of(dir.resolve(DATABASE), WRITEBACK_INTERVAL)) {
            StoreDemoSink sink = new StoreDemoSink(new CatalogStore(database),
                    new Ingestor(new DatapointStore(database), Clock.systemUTC()), progress,
                    DemoCatalog.EXPECTED_DATAPOINTS);
            DemoCatalog.writeTo(sink, seed);
            database.finishBulkLoad();
            return sink.stored();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the demo catalogue's file " + dir.resolve(DATABASE), e);
        }
    }

    /**
     * Collects the garbage of a generation at once: the JVM grows its heap to several times the catalogue's size for
     * it, and would otherwise keep that memory (a server built this way sat at 890 MB resident instead of 290 MB).
     */
    static void releaseGenerationGarbage() {
        System.gc();
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
