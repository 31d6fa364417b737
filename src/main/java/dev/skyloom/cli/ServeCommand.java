package dev.skyloom.cli;

import dev.skyloom.local.LocalServer;
import dev.skyloom.local.LocalServerConfig;
import dev.skyloom.local.SyntheticCollection;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code skyloom serve}: runs the local Tilebox-compatible server in the foreground until Ctrl-C (or until the
 * calling thread is interrupted), printing its URL on stdout once it serves.
 */
@Command(name = "serve", sortOptions = false,
        description = "Run a local Tilebox-compatible Datasets server on loopback until Ctrl-C. It requires an API"
                + " key only if given one: --api-key-file FILE, the " + ServeCommand.KEY_VARIABLE + " environment"
                + " variable, or --api-key (visible to other users in the process list). TILEBOX_API_KEY is not"
                + " used.",
        footer = {"  skyloom serve --demo --port 8080",
                "  SKYLOOM_SERVE_API_KEY=secret skyloom serve --data ./store",
                "  skyloom serve --demo --latency 100ms --page-size 100"})
final class ServeCommand implements Callable<Integer> {

    /** The environment variable that gives the key the server requires. */
    static final String KEY_VARIABLE = "SKYLOOM_SERVE_API_KEY";
    /** The most bytes read from an API key file. */
    private static final int MAX_KEY_FILE_BYTES = 4096;

    @ParentCommand
    private SkyloomCommand root;

    @Spec
    private CommandSpec spec;

    @Option(names = "--api-key", paramLabel = "KEY",
            description = "Require this API key from clients, visible to other users in the process list (default:"
                    + " --api-key-file or " + KEY_VARIABLE + ").")
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

    @Option(names = "--synthetic", paramLabel = "DATASET/COLLECTION=N[,...]",
            description = "Also serve synthetic collections of N Sentinel-2 tiles over 2020, computed on demand"
                    + " (never stored), e.g. open_data.synthetic/big=5000000. Repeatable.")
    private List<String> synthetic = new ArrayList<>();

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

    @Option(names = "--api-key-file", paramLabel = "FILE",
            description = "Require the API key on the first line of FILE (default: the " + KEY_VARIABLE
                    + " environment variable; with neither, and no --api-key, no key is required).")
    private Path apiKeyFile;

    @Option(names = "--max-request-mb", paramLabel = "MB",
            defaultValue = "" + (LocalServerConfig.DEFAULT_MAX_REQUEST_BYTES >> 20),
            description = "Refuse request bodies over MB mebibytes, compressed or inflated (default: ${DEFAULT-VALUE},"
                    + " room for an ingest batch of 8,192 datapoints).")
    private int maxRequestMb;

    @Override
    public Integer call() {
        LocalServerConfig config = config(spec.commandLine());
        LocalServer server;
        Environment environment = root.environment();
        try (DemoProgressDisplay progress = new DemoProgressDisplay(environment.errIsTerminal()
                ? ProgressDisplay.Mode.BARS : ProgressDisplay.Mode.LINES, environment.err())) {
            server = LocalServer.start(config, progress);
        } catch (UncheckedIOException e) {
            throw new CommandFailure("cannot start the local server: " + reason(e), e);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure("cannot start the local server: " + e.getMessage(), e);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicBoolean closed = new AtomicBoolean();
        PrintStream err = root.environment().err();
        ServeLog log = ServeLog.to(err, root.verbose());
        Runnable stop = () -> {
            if (closed.compareAndSet(false, true)) {
                server.close();
                log.close();
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
        if (config.apiKey() == null && root.environment().variable("TILEBOX_API_KEY").isPresent()) {
            err.println("skyloom: serve does not use TILEBOX_API_KEY: the server accepts requests without a key (set "
                    + KEY_VARIABLE + " or --api-key-file to require one)");
            err.flush();
        }
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
                    .withFaultRate(faultRate).withApiKey(serverKey(commandLine))
                    .withMaxRequestBytes(maxRequestMb * (1L << 20))
                    .withDemoCache(root.environment().cacheDir())
                    .withSynthetic(synthetic.stream().flatMap(specs -> SyntheticCollection.parseAll(specs).stream())
                            .toList());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(commandLine, e.getMessage());
        }
    }

    /** The key the server requires: --api-key, --api-key-file or the environment variable, or null for none. */
    private String serverKey(CommandLine commandLine) {
        String option = apiKey != null ? apiKey : root.apiKeyOption();
        if (option != null && apiKeyFile != null) {
            throw new ParameterException(commandLine, "give either --api-key or --api-key-file, not both");
        }
        if (option != null) {
            return option;
        }
        if (apiKeyFile == null) {
            return root.environment().variable(KEY_VARIABLE).map(String::strip).orElse(null);
        }
        byte[] content;
        try {
            if (Files.size(apiKeyFile) > MAX_KEY_FILE_BYTES) {
                throw new ParameterException(commandLine, "--api-key-file " + apiKeyFile + " is larger than "
                        + MAX_KEY_FILE_BYTES + " bytes: it should hold just the key");
            }
            content = Files.readAllBytes(apiKeyFile);
        } catch (IOException e) {
            throw new ParameterException(commandLine, "cannot read --api-key-file " + apiKeyFile + ": "
                    + (e instanceof NoSuchFileException ? "no such file" : e.getMessage()));
        }
        String key = new String(content, StandardCharsets.UTF_8).lines().findFirst().orElse("").strip();
        if (key.isEmpty()) {
            throw new ParameterException(commandLine, "--api-key-file " + apiKeyFile + " holds no key: put it on"
                    + " the first line");
        }
        return key;
    }

    /** What went wrong starting the server, in one line: the store's or the listener's reason. */
    private static String reason(UncheckedIOException e) {
        String message = e.getMessage();
        String cause = e.getCause() == null ? null : e.getCause().getMessage();
        if (cause != null && (message == null || message.equals(e.getCause().toString()))) {
            return cause;
        }
        return cause == null || message.contains(cause) ? message : message + ": " + cause;
    }
}
