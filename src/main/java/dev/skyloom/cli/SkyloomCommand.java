package dev.skyloom.cli;

import dev.skyloom.DatasetsClient;
import dev.skyloom.local.LocalServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The top-level {@code skyloom} command: the options every subcommand shares (server URL, API key, verbosity) and
 * how a subcommand gets a client from them.
 */
@Command(name = "skyloom", mixinStandardHelpOptions = true, versionProvider = SkyloomCommand.Version.class,
        scope = ScopeType.INHERIT,
        description = "Query and load Tilebox Datasets: list datasets and collections, query datapoints, load many"
                + " collections concurrently, or serve a local Tilebox-compatible server.",
        subcommands = {DatasetsCommand.class, CollectionsCommand.class, QueryCommand.class, FindCommand.class,
                LoadCommand.class, IngestCommand.class, DeleteCommand.class, CreateCollectionCommand.class,
                ServeCommand.class},
        footer = {"", "With neither an API key nor --url, commands run against a built-in local server with the demo"
                + " catalogue.", "Exit codes: 0 success, 1 runtime or server error, 2 usage error."})
final class SkyloomCommand {

    /** The service used when an API key is given without --url. */
    static final String DEFAULT_URL = "https://api.tilebox.com";

    private final Environment environment;

    @Option(names = "--url", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "Base URL of the Datasets service (default: " + DEFAULT_URL + ", or the built-in demo"
                    + " server when no API key is set).")
    private String url;

    @Option(names = "--api-key", scope = ScopeType.INHERIT, paramLabel = "KEY",
            description = "API key (default: the TILEBOX_API_KEY environment variable). For 'serve': the key the"
                    + " server requires, visible in the process list (see serve --help for --api-key-file and "
                    + ServeCommand.KEY_VARIABLE + ").")
    private String apiKey;

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Print stack traces with errors.")
    private boolean verbose;

    private String connectedUrl;

    SkyloomCommand(Environment environment) {
        this.environment = environment;
    }

    /** @return the process environment the command runs in */
    Environment environment() {
        return environment;
    }

    /** @return whether --verbose was given */
    boolean verbose() {
        return verbose;
    }

    /** @return the URL of the service {@link #connect()} connected to, or null before that */
    String connectedUrl() {
        return connectedUrl;
    }

    /** @return the --url option, or null when not given */
    String urlOption() {
        return url;
    }

    /** @return the --api-key option, or null when not given (the environment variable is not consulted) */
    String apiKeyOption() {
        return apiKey;
    }

    /**
     * Connects to the service named by the options: {@code --url} (default {@value #DEFAULT_URL}) with
     * {@code --api-key} or {@code TILEBOX_API_KEY}; with neither a key nor a URL, to a built-in local server with the
     * demo catalogue, announced once on stderr.
     *
     * @return an open connection; close it when done
     */
    Connection connect() {
        String key = apiKey != null ? apiKey : environment.variable("TILEBOX_API_KEY").orElse(null);
        if (key == null && url == null) {
            LocalServer server = DemoServer.start(environment);
            environment.err().println("skyloom: no API key and no --url: using the built-in demo server at "
                    + server.url() + " (set TILEBOX_API_KEY or --url for the Tilebox service)");
            connectedUrl = server.url().toString();
            return new Connection(DatasetsClient.builder().url(connectedUrl).build(), server);
        }
        connectedUrl = url != null ? url : DEFAULT_URL;
        var builder = DatasetsClient.builder().url(connectedUrl);
        if (key != null) {
            builder.apiKey(key);
        }
        return new Connection(builder.build(), null);
    }

    /** Reads the version from the jar's {@code version.properties}. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties properties = new Properties();
            try (InputStream in = SkyloomCommand.class.getResourceAsStream("/dev/skyloom/version.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            }
            return new String[]{"skyloom " + properties.getProperty("version", "(unknown version)")};
        }
    }
}
