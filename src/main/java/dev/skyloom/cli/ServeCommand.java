package dev.skyloom.cli;

import dev.skyloom.local.LocalServer;
import dev.skyloom.local.LocalServerConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code skyloom serve}: runs the local Tilebox-compatible server in the foreground until Ctrl-C (or until the
 * calling thread is interrupted), printing its URL on stdout once it serves.
 */
@Command(name = "serve", sortOptions = false,
        description = "Run a local Tilebox-compatible Datasets server on loopback until Ctrl-C. Use --api-key to make"
                + " it require that key.",
        footer = {"  skyloom serve --demo --port 8080", "  skyloom serve --data ./store --api-key secret",
                "  skyloom serve --demo --latency 100ms --page-size 100"})
final class ServeCommand implements Callable<Integer> {

    @ParentCommand
    private SkyloomCommand root;

    @Spec
    private CommandSpec spec;

    @Option(names = "--api-key", paramLabel = "KEY",
            description = "Require this API key from clients (default: none).")
    private String apiKey;

    @Option(names = "--port", paramLabel = "P", defaultValue = "0",
            description = "TCP port on 127.0.0.1 (default: a free port).")
    private int port;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Keep the datasets in DIR/skyloom.db, so they survive a restart (default: in memory).")
    private Path data;

    @Option(names = "--in-memory", description = "Keep everything in memory (the default).")
    private boolean inMemory;

    @Option(names = "--demo", description = "Load the demo catalogue (Sentinel-1/2, Landsat 8 collections) into an"
            + " empty store.")
    private boolean demo;

    @Option(names = "--latency", paramLabel = "D", defaultValue = "0",
            converter = OptionConverters.DurationConverter.class,
            description = "Delay before every answer, e.g. 50ms (default: none).")
    private Duration latency;

    @Option(names = "--jitter", paramLabel = "D", defaultValue = "0",
            converter = OptionConverters.DurationConverter.class,
            description = "Random spread added to the latency, e.g. 10ms (default: none).")
    private Duration jitter;

    @Option(names = "--page-size", paramLabel = "N", defaultValue = "" + LocalServerConfig.DEFAULT_PAGE_SIZE,
            description = "Default and maximum datapoints per query page (default: ${DEFAULT-VALUE}).")
    private int pageSize;

    @Option(names = "--bandwidth", paramLabel = "MBPS", defaultValue = "0",
            description = "Write responses at this many megabits per second (default: unlimited).")
    private double bandwidth;

    @Option(names = "--fault-rate", paramLabel = "F", defaultValue = "0",
            description = "Fraction (0..1) of requests answered 'unavailable' (default: 0).")
    private double faultRate;

    @Override
    public Integer call() {
        LocalServerConfig config = config(spec.commandLine());
        LocalServer server;
        try {
            server = LocalServer.start(config);
        } catch (UncheckedIOException e) {
            throw new CommandFailure("cannot start the local server on port " + port + ": "
                    + e.getCause().getMessage(), e);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicBoolean closed = new AtomicBoolean();
        PrintStream err = root.environment().err();
        Runnable stop = () -> {
            if (closed.compareAndSet(false, true)) {
                server.close();
                err.println("skyloom: local server stopped");
                err.flush();
            }
            stopped.countDown();
        };
        Thread hook = Thread.ofPlatform().unstarted(stop);
        Runtime.getRuntime().addShutdownHook(hook);
        PrintStream out = root.environment().out();
        out.println("skyloom local server listening on " + server.url()
                + (config.apiKey() != null ? " (requires the API key given)" : "") + "; Ctrl-C stops it");
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            stop.run();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already running the hook
            }
        }
        return 0;
    }

    private LocalServerConfig config(CommandLine commandLine) {
        if (root.urlOption() != null) {
            throw new ParameterException(commandLine, "serve does not take --url; it serves on 127.0.0.1 (use --port)");
        }
        if (data != null && inMemory) {
            throw new ParameterException(commandLine, "give either --data or --in-memory, not both");
        }
        try {
            return LocalServerConfig.defaults().withPort(port).withDataDir(data).withDemo(demo)
                    .withLatency(latency).withJitter(jitter).withPageSize(pageSize).withBandwidthMbps(bandwidth)
                    .withFaultRate(faultRate)
                    .withApiKey(apiKey != null ? apiKey : root.apiKeyOption());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(commandLine, e.getMessage());
        }
    }
}
