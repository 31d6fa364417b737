package dev.skyloom.local;

import dev.skyloom.local.store.CatalogStore;
import dev.skyloom.local.store.Database;
import dev.skyloom.local.store.DatapointStore;
import dev.skyloom.local.store.Ingestor;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.eclipse.jetty.util.thread.Scheduler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.channels.ServerSocketChannel;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A local, Tilebox-compatible Datasets server: gRPC, Connect and gRPC-Web on one port, over HTTP/1.1 and cleartext
 * HTTP/2 (prior knowledge or upgrade), on loopback by default, every call on its own virtual thread, backed by SQLite
 * (a file in the data directory, or memory).
 *
 * {@snippet :
 * try (var server = LocalServer.start(LocalServerConfig.defaults().withDemo(true))) {
 *     URI url = server.url(); // e.g. http://127.0.0.1:53117
 *     // point a client at url
 * }
 * }
 */
public final class LocalServer implements AutoCloseable {

    /** Platform threads for Jetty's selector and its non-blocking tasks; calls run on virtual threads. */
    private static final int PLATFORM_THREADS = 8;

    private final Server jetty;
    private final ServerConnector connector;
    private final RpcHandler handler;
    private final SlowHeaderGuard guard;
    private final HangupWatcher hangups;
    private final Database database;
    private final URI url;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LocalServer(Server jetty, ServerConnector connector, RpcHandler handler, SlowHeaderGuard guard,
                        HangupWatcher hangups, Database database) throws IOException {
        this.jetty = jetty;
        this.connector = connector;
        this.handler = handler;
        this.guard = guard;
        this.hangups = hangups;
        this.database = database;
        InetSocketAddress address = (InetSocketAddress) ((ServerSocketChannel) connector.getTransport())
                .getLocalAddress();
        this.url = URI.create("http://" + hostForUrl(address) + ":" + address.getPort());
    }

    /**
     * Opens the store, with the demo catalogue if asked, binds and starts serving; as {@link #start(LocalServerConfig,
     * DemoProgress)} without progress.
     *
     * @param config the settings
     * @return the running server
     * @throws UncheckedIOException     as {@link #start(LocalServerConfig, DemoProgress)}
     * @throws IllegalArgumentException as {@link #start(LocalServerConfig, DemoProgress)}
     */
    public static LocalServer start(LocalServerConfig config) {
        return start(config, DemoProgress.NONE);
    }

    /**
     * Opens the store, with the demo catalogue if asked, binds and starts serving. The demo catalogue comes from the
     * configured cache (see {@link DemoCache}), generated there first if this is the first run; with no cache it is
     * generated into an empty store. Responses go out without waiting for the client's delayed acknowledgements
     * ({@code TCP_NODELAY}).
     *
     * @param config   the settings
     * @param progress told about generating the demo catalogue, if this start generates it
     * @return the running server
     * @throws UncheckedIOException     if the data directory cannot be created or is used by another server, the demo
     *                                  cache or the database cannot be created or opened, or the address cannot be
     *                                  bound; the message says which
     * @throws IllegalArgumentException if the configuration is read-only with neither a data directory nor the demo,
     *                                  or read-only with synthetic collections, or a synthetic collection's name is
     *                                  taken by a stored one
     */
    public static LocalServer start(LocalServerConfig config, DemoProgress progress) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(progress, "progress");
        if (config.readOnly() && !config.synthetic().isEmpty()) {
            throw new IllegalArgumentException("synthetic collections need a writable store (they are registered in"
                    + " its catalogue)");
        }
        Database database = StoreSetup.open(config, progress);
        Server jetty = null;
        HangupWatcher hangups = null;
        try {
            CatalogStore catalog = new CatalogStore(database);
            DatapointStore store = new DatapointStore(database);
            Ingestor ingestor = new Ingestor(store, Clock.systemUTC());
            Datapoints datapoints = new Datapoints(store,
                    SyntheticSource.register(catalog, config.synthetic(), config.seed()));
            Routes routes = new Routes(new DatasetRpcs(catalog, datapoints), new CollectionRpcs(catalog, datapoints),
                    new DataAccessRpcs(catalog, datapoints, config.pageSize()),
                    new IngestionRpcs(catalog, datapoints, ingestor));

            QueuedThreadPool threads = new QueuedThreadPool(PLATFORM_THREADS, 1);
            threads.setName("skyloom-server");
            threads.setReservedThreads(0);
            threads.setVirtualThreadsExecutor(Executors.newThreadPerTaskExecutor(
                    Thread.ofVirtual().name("skyloom-call-", 0).factory()));
            jetty = new Server(threads);
            Scheduler scheduler = new ScheduledExecutorScheduler("skyloom-server-timer", true);
            jetty.addBean(scheduler);

            HttpConfiguration http = new HttpConfiguration();
            http.setSendServerVersion(false);
            http.setSendXPoweredBy(false);
            ServerConnector connector = new ServerConnector(jetty, 0, 1, new HttpConnectionFactory(http),
                    new HTTP2CServerConnectionFactory(http));
            connector.setHost(config.host());
            connector.setPort(config.port());
            connector.setAcceptedTcpNoDelay(true);
            connector.setIdleTimeout(config.idleTimeout().toMillis());
            SlowHeaderGuard guard = new SlowHeaderGuard(config.readTimeout(), scheduler);
            connector.addEventListener(guard);
            jetty.addConnector(connector);

            hangups = new HangupWatcher();
            RpcHandler handler = new RpcHandler(routes, new Knobs(config), config, scheduler, hangups);
            jetty.setHandler(handler);
            jetty.setErrorHandler(new MalformedRequestLog());
            jetty.start();
            guard.start();
            return new LocalServer(jetty, connector, handler, guard, hangups, database);
        } catch (Exception e) {
            stopQuietly(jetty);
            if (hangups != null) {
                hangups.close();
            }
            database.close();
            if (e instanceof RuntimeException runtime && !(e.getCause() instanceof IOException)) {
                throw runtime;
            }
            IOException cause = e instanceof IOException io ? io
                    : e.getCause() instanceof IOException io ? io : new IOException(e.getMessage(), e);
            throw new UncheckedIOException("cannot listen on " + config.host() + ":" + config.port(), cause);
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
        return url.getPort();
    }

    /** The connector, for tests that look at accepted connections. */
    ServerConnector connector() {
        return connector;
    }

    /**
     * Stops accepting connections, cancels the calls in flight (their queries end at once) and waits up to one second
     * for them to answer, then closes the store. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        guard.stop();
        try {
            handler.cancelAll(Duration.ofSeconds(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            stopQuietly(jetty);
            hangups.close();
            database.close();
        }
    }

    private static void stopQuietly(Server jetty) {
        if (jetty == null) {
            return;
        }
        try {
            jetty.stop();
        } catch (Exception e) {
            // Stopping failed part-way (a request did not finish in time): the port is released either way.
        }
    }

    private static String hostForUrl(InetSocketAddress address) {
        String host = address.getAddress().getHostAddress();
        return host.contains(":") ? "[" + host + "]" : host;
    }
}
