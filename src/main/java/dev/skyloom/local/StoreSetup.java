package dev.skyloom.local;

import dev.skyloom.local.demo.DemoCatalog;
import dev.skyloom.local.store.CatalogStore;
import dev.skyloom.local.store.Database;
import dev.skyloom.local.store.DatapointStore;
import dev.skyloom.local.store.Ingestor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;

/**
 * Opens the store a configuration asks for. With the demo catalogue and a cache, the catalogue comes from
 * {@link DemoCache}: served in place when read-only, copied into memory for an in-memory server, copied into a new
 * data directory; without a cache (or into a data directory that already has a database with no datasets) it is
 * generated into the store.
 */
final class StoreSetup {

    private StoreSetup() {
    }

    /**
     * @throws IllegalArgumentException if the server is read-only with neither a data directory nor the cached demo
     * @throws UncheckedIOException     if a directory, the cache or the database cannot be created or opened
     */
    static Database open(LocalServerConfig config, DemoProgress progress) {
        boolean cachedDemo = config.demo() && config.demoCache() != null;
        if (config.readOnly()) {
            if (config.dataDir() != null) {
                return Database.openReadOnly(config.dataDir());
            }
            if (!cachedDemo) {
                throw new IllegalArgumentException("a read-only server needs a data directory or the cached demo"
                        + " catalogue");
            }
            return Database.openReadOnly(DemoCache.ensure(config.demoCache(), config.seed(), progress));
        }
        if (cachedDemo && config.dataDir() == null) {
            return Database.inMemoryCopyOf(DemoCache.ensure(config.demoCache(), config.seed(), progress));
        }
        if (cachedDemo && !Files.exists(Database.file(config.dataDir()))) {
            copy(DemoCache.ensure(config.demoCache(), config.seed(), progress), config.dataDir());
        }
        Database database = Database.open(config.dataDir(), config.sharedDataDir(), config.maxDataBytes());
        try {
            CatalogStore catalog = new CatalogStore(database);
            if (config.demo() && catalog.datasets().isEmpty()) {
                StoreDemoSink sink = new StoreDemoSink(catalog,
                        new Ingestor(new DatapointStore(database), Clock.systemUTC()), progress,
                        DemoCatalog.EXPECTED_DATAPOINTS);
                DemoCatalog.writeTo(sink, config.seed());
                progress.onProgress(sink.stored(), sink.stored());
                DemoCache.releaseGenerationGarbage();
            }
            return database;
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** Copies the cached catalogue's file into a data directory, under its final name only once complete. */
    private static void copy(Path cached, Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            Path partial = Files.createTempFile(dataDir, "skyloom.db.", ".partial");
            try {
                Files.copy(Database.file(cached), partial, StandardCopyOption.REPLACE_EXISTING);
                Files.move(partial, Database.file(dataDir), StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the demo catalogue into " + dataDir + ": " + e.getMessage(),
                    e);
        }
    }
}
