package dev.skyloom.local;

import com.sun.net.httpserver.HttpServer;
import dev.skyloom.local.demo.DemoCatalog;
import dev.skyloom.local.store.CatalogStore;
import dev.skyloom.local.store.Database;
import dev.skyloom.local.store.DatapointStore;
import dev.skyloom.local.store.Ingestor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A local, Tilebox-compatible Datasets server: the Connect unary protocol over HTTP/1.1 on loopback, every request on
 * its own virtual thread, backed by SQLite (a file in the data directory, or memory).
 *
 * {@snippet :
 * try (var server = LocalServer.start(LocalServerConfig.defaults().withDemo(true))) {
 *     URI url = server.url(); // e.g. http://127.0.0.1:53117
 *     // point a client at url
 * }
 * }
 */
public final class LocalServer implements AutoCloseable {

    /**
     * The JDK server reads this once, when its first server is created, and leaves Nagle's algorithm on by default.
     * With Nagle on, the last part of any response longer than one TCP segment (a page of 1,000 datapoints is) waits
     * for the client's delayed acknowledgement, about 40 ms on Linux: that was most of a page's time on loopback.
     */
    static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";

    private final HttpServer http;
    private final ExecutorService executor;
    private final Database database;
    private final URI url;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LocalServer(HttpServer http, ExecutorService executor, Database database) {
        this.http = http;
        this.executor = executor;
        this.database = database;
        this.url = URI.create("http://" + hostForUrl(http.getAddress()) + ":" + http.getAddress().getPort());
    }

    /**
     * Opens the store, loads the demo catalogue if asked and the store has no datasets, binds and starts serving.
     * Unless the JVM's {@code sun.net.httpserver.nodelay} property is already set, it sets it to {@code true} (the JDK
     * server reads it when its first server is created): responses then go out without waiting for the client's
     * delayed acknowledgements.
     *
     * @param config the settings
     * @return the running server
     * @throws UncheckedIOException if the data directory cannot be created or is used by another server, the database
     *                              cannot be opened or the address cannot be bound; the message says which
     */
    public static LocalServer start(LocalServerConfig config) {
        Objects.requireNonNull(config, "config");
        if (System.getProperty(NODELAY_PROPERTY) == null) {
            System.setProperty(NODELAY_PROPERTY, "true");
        }
        Database database = Database.open(config.dataDir(), config.sharedDataDir(), config.maxDataBytes());
        try {
            CatalogStore catalog = new CatalogStore(database);
            DatapointStore datapoints = new DatapointStore(database);
            Ingestor ingestor = new Ingestor(datapoints, Clock.systemUTC());
            if (config.demo() && catalog.datasets().isEmpty()) {
                DemoCatalog.writeTo(new StoreDemoSink(catalog, ingestor), config.seed());
            }
            Routes routes = new Routes(new DatasetRpcs(catalog, datapoints), new CollectionRpcs(catalog, datapoints),
                    new DataAccessRpcs(catalog, datapoints, config.pageSize()),
                    new IngestionRpcs(catalog, datapoints, ingestor));
            HttpServer http = HttpServer.create(new InetSocketAddress(config.host(), config.port()), 0);
            ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
            http.setExecutor(executor);
            http.createContext("/", new ConnectHandler(routes, new Knobs(config), config.apiKey()));
            http.start();
            return new LocalServer(http, executor, database);
        } catch (IOException e) {
            database.close();
            throw new UncheckedIOException("cannot listen on " + config.host() + ":" + config.port(), e);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /**
     * The base URL clients use, e.g. {@code http://127.0.0.1:53117}.
     *
     * @return the URL, without a trailing slash
     */
    public URI url() {
        return url;
    }

    /**
     * The port the server listens on (the chosen one when the configuration asked for port 0).
     *
     * @return the port
     */
    public int port() {
        return http.getAddress().getPort();
    }

    /**
     * Stops accepting connections, waits up to one second for requests in flight, then closes the store. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        http.stop(1);
        executor.shutdownNow();
        try {
            executor.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            database.close();
        }
    }

    private static String hostForUrl(InetSocketAddress address) {
        String host = address.getAddress().getHostAddress();
        return host.contains(":") ? "[" + host + "]" : host;
    }
}
