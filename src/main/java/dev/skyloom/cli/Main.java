package dev.skyloom.cli;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The entry point of the {@code skyloom} command-line tool.
 *
 * <p>Exit codes: 0 on success, 1 when the work failed (server, network or output errors), 2 for usage errors (bad
 * options or arguments). Every error is one line on stderr; {@code --verbose} adds the stack trace.
 */
public final class Main {

    private Main() {
    }

    /**
     * Runs the tool and exits the JVM with its exit code.
     *
     * @param args the command line, e.g. {@code load open_data.copernicus.landsat8_oli_tirs L1GT --from 2020-01-01
     *             --to 2021-01-01}
     */
    public static void main(String[] args) {
        silenceLibraryLogging();
        System.exit(commandLine(Environment.system()).execute(args));
    }

    /**
     * The Parquet library logs through SLF4J, which the tool ships without a backend: naming SLF4J's no-op provider
     * keeps it from printing a "no providers" notice on every run. A provider named with -Dslf4j.provider wins.
     */
    private static void silenceLibraryLogging() {
        if (System.getProperty("slf4j.provider") == null) {
            System.setProperty("slf4j.internal.verbosity", "WARN");
            System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
        }
    }

    /** Builds the command line of the tool over {@code environment}, with its error handling and output streams. */
    static CommandLine commandLine(Environment environment) {
        SkyloomCommand root = new SkyloomCommand(environment);
        CommandLine commandLine = new CommandLine(root);
        commandLine.addSubcommand("generate-completion", new AutoComplete.GenerateCompletion());
        commandLine.setOut(new PrintWriter(environment.out(), true, StandardCharsets.UTF_8));
        commandLine.setErr(new PrintWriter(environment.err(), true, StandardCharsets.UTF_8));
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setParameterExceptionHandler(Main::usageError);
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof ParameterException usage) {
                return usageError(usage, new String[0]);
            }
            cmd.getErr().println("skyloom: " + Failures.describe(e, root.connectedUrl()));
            if (root.verbose()) {
                e.printStackTrace(cmd.getErr());
            }
            cmd.getErr().flush();
            return CommandLine.ExitCode.SOFTWARE;
        });
        return commandLine;
    }

    private static int usageError(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        StringBuilder line = new StringBuilder("skyloom: ").append(e.getMessage().strip().replace('\n', ' '));
        if (e instanceof UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
            line.append(" (did you mean ").append(String.join(" or ", unmatched.getSuggestions())).append("?)");
        }
        line.append("; see '").append(cmd.getCommandSpec().qualifiedName()).append(" --help'");
        cmd.getErr().println(line);
        cmd.getErr().flush();
        return CommandLine.ExitCode.USAGE;
    }
}
