package dev.skyloom.cli;

import java.io.PrintStream;
import java.util.Map;

/**
 * Runs the CLI in this JVM with given output streams, for code outside the package (the benchmark suite's
 * whole-command scenario): like the {@code skyloom} process minus JVM start-up, stdout and stderr not terminals.
 */
public final class CommandRunner {

    private CommandRunner() {
    }

    /**
     * Runs one command line.
     *
     * @param variables the environment variables the CLI sees (e.g. none, so that it uses {@code --url})
     * @param out       its standard output
     * @param err       its standard error
     * @param args      the command line, e.g. {@code --url URL load DATASET C1 --from ... --output-dir DIR}
     * @return the exit code
     */
    public static int run(Map<String, String> variables, PrintStream out, PrintStream err, String... args) {
        return Main.commandLine(new Environment(variables, out, err, false, false)).execute(args);
    }
}
