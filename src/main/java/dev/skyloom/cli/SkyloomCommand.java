package dev.skyloom.cli;

import dev.skyloom.DatasetsClient;
import dev.skyloom.local.LocalServer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Properties;

/**
 * The top-level {@code skyloom} command: the options every subcommand shares (verbosity), the service options that
 * may stand before the command, and how a subcommand gets a client from them.
 */
@Command(name = "skyloom", mixinStandardHelpOptions = true, versionProvider = SkyloomCommand.Version.class,
        description = {"Query and load Tilebox Datasets: list datasets and collections, query datapoints, load many"
                + " collections concurrently, or serve a local Tilebox-compatible server.", "",
                "With neither an API key nor --url, commands run against a built-in local server with the demo"
                        + " catalogue. Service options may also stand before the command."},
        subcommands = {DatasetsCommand.class, CollectionsCommand.class, QueryCommand.class, FindCommand.class,
                LoadCommand.class, IngestCommand.class, DeleteCommand.class, CreateCollectionCommand.class,
                ServeCommand.class},
        footer = {"  skyloom datasets",
                "  skyloom collections open_data.copernicus.landsat8_oli_tirs",
                "  skyloom load open_data.copernicus.landsat8_oli_tirs L1GT L1T \\",
                "      --from 2020-01-01 --to 2021-01-01 --output-dir data",
                "  skyloom help query"})
final class SkyloomCommand {

    /** The service used when an API key is given without --url. */
    static final String DEFAULT_URL = DatasetsClient.DEFAULT_URL;

    private final Environment environment;

    @Spec
    private CommandSpec spec;

    @Mixin
    private ServiceOptions service;

    @Mixin
    private TimeoutOption timeout;

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Print stack traces with errors.")
    private boolean verbose;

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT,
            description = "Print errors only: no progress, notices, warnings or summaries on stderr.")
    private boolean quiet;

    private String connectedUrl;

    SkyloomCommand(Environment environment) {
        this.environment = environment;
    }

    /** @return the process environment the command runs in; with --quiet, stderr discards what commands print */
    Environment environment() {
        return quiet ? environment.quiet() : environment;
    }

    /** @return whether --verbose was given */
    boolean verbose() {
        return verbose;
    }

    /** @return the URL of the service {@link #connect()} connected to, or null before that */
    String connectedUrl() {
        return connectedUrl;
    }

    /** @return the --url option given before or after the command, or null */
    URI urlOption() {
        ServiceOptions after = commandMixin(ServiceOptions.class);
        return after != null && after.url() != null ? after.url() : service.url();
    }

    /** @return the --api-key option given before or after the command, or null (the variable is not consulted) */
    String apiKeyOption() {
        ServiceOptions after = commandMixin(ServiceOptions.class);
        return after != null && after.apiKey() != null ? after.apiKey() : service.apiKey();
    }

    /** @return the --timeout given before or after the command (a request's time limit), or the default */
    Duration requestTimeout() {
        TimeoutOption after = commandMixin(TimeoutOption.class);
        Duration given = after != null && after.timeout() != null ? after.timeout() : timeout.timeout();
        if (given != null && given.isZero()) {
            throw new ParameterException(spec.commandLine(), "--timeout must be longer than zero");
        }
        return given != null ? given : TimeoutOption.DEFAULT;
    }

    /**
     * Connects to the service named by the options: {@code --url} (default {@value #DEFAULT_URL}) with
     * {@code --api-key} or {@code TILEBOX_API_KEY}; with neither a key nor a URL, to a built-in local server with the
     * demo catalogue, announced once on stderr. Every request may take {@code --timeout}.
     *
     * @return an open connection; close it when done
     */
    Connection connect() {
        Environment env = environment();
        URI url = urlOption();
        String key = apiKeyOption() != null ? apiKeyOption() : env.variable("TILEBOX_API_KEY").orElse(null);
        var builder = DatasetsClient.builder().attemptTimeout(requestTimeout());
        if (key == null && url == null) {
            LocalServer server = DemoServer.start(env, demoProgress());
            env.err().println("skyloom: no API key and no --url: using the built-in demo server at "
                    + server.url() + " (set TILEBOX_API_KEY or --url for the Tilebox service)");
            connectedUrl = server.url().toString();
            return new Connection(builder.url(connectedUrl).apiKey(null).build(), server);
        }
        connectedUrl = url != null ? url.toString() : DEFAULT_URL;
        return new Connection(builder.url(connectedUrl).apiKey(key).build(), null);
    }

    /** The mixin of type {@code type} of the subcommand being run, or null if it has none. */
    private <T> T commandMixin(Class<T> type) {
        ParseResult parsed = spec.commandLine().getParseResult();
        if (parsed == null) {
            return null;
        }
        while (parsed.hasSubcommand()) {
            parsed = parsed.subcommand();
        }
        if (parsed.commandSpec() == spec) {
            return null;
        }
        for (CommandSpec mixin : parsed.commandSpec().mixins().values()) {
            if (type.isInstance(mixin.userObject())) {
                return type.cast(mixin.userObject());
            }
        }
        return null;
    }

    /** @return how to show the demo catalogue's first generation: as the subcommand's own progress would show */
    ProgressDisplay.Mode demoProgress() {
        ParseResult subcommand = spec.commandLine().getParseResult().subcommand();
        if (quiet || subcommand != null && subcommand.hasMatchedOption("--no-progress")) {
            return ProgressDisplay.Mode.OFF;
        }
        return environment.errIsTerminal() ? ProgressDisplay.Mode.BARS : ProgressDisplay.Mode.LINES;
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

    /** @return the command line of the root command, for commands that need the whole tree */
    CommandLine commandLine() {
        return spec.commandLine();
    }
}
