package dev.skyloom.cli;

import dev.skyloom.local.DemoCache;
import org.jline.terminal.spi.SystemStream;
import org.jline.terminal.spi.TerminalProvider;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the CLI sees of the process it runs in: environment variables, the standard output and error streams, and
 * whether each of those is a terminal. Tests build one over in-memory streams.
 *
 * @param variables        the environment variables (e.g. {@code TILEBOX_API_KEY}, {@code XDG_CACHE_HOME})
 * @param out              where data and help go
 * @param err              where progress, notices and errors go
 * @param outIsTerminal    whether {@code out} is a terminal (chooses the table format by default)
 * @param errIsTerminal    whether {@code err} is a terminal (chooses live progress bars over plain lines)
 */
record Environment(Map<String, String> variables, PrintStream out, PrintStream err, boolean outIsTerminal,
                   boolean errIsTerminal) {

    /** Copies the variables. */
    Environment {
        variables = Map.copyOf(variables);
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
    }

    /** The real process: {@code System.getenv()}, {@code System.out}, {@code System.err}, probed for terminals. */
    static Environment system() {
        return new Environment(System.getenv(), System.out, System.err, isTerminal(SystemStream.Output),
                isTerminal(SystemStream.Error));
    }

    /** @return this environment with a stderr that discards everything and is no terminal, for --quiet */
    Environment quiet() {
        return new Environment(variables, out, new PrintStream(OutputStream.nullOutputStream(), false,
                StandardCharsets.UTF_8), outIsTerminal, false);
    }

    /** @return whether colour may be used on stderr: it is a terminal and NO_COLOR is unset or empty */
    boolean errColour() {
        return errIsTerminal && variable("NO_COLOR").isEmpty() && !"dumb".equals(variables.get("TERM"));
    }

    /**
     * The width of the terminal text is written to: {@code COLUMNS} when set to a number, else the size of the
     * terminal stdout or stderr is, else 80.
     *
     * @return the number of columns, at least 20
     */
    int columns() {
        Optional<Integer> fromVariable = variable("COLUMNS").filter(v -> v.strip().matches("\\d{1,4}"))
                .map(v -> Integer.parseInt(v.strip()));
        if (fromVariable.isPresent()) {
            return Math.max(20, fromVariable.get());
        }
        if (outIsTerminal || errIsTerminal) {
            return Math.max(20, TerminalScreen.columns(outIsTerminal ? SystemStream.Output : SystemStream.Error));
        }
        return 80;
    }

    /** @return the non-blank value of variable {@code name} */
    Optional<String> variable(String name) {
        return Optional.ofNullable(variables.get(name)).filter(v -> !v.isBlank());
    }

    /** @return {@code $XDG_CACHE_HOME/skyloom}, or {@code ~/.cache/skyloom} */
    Path cacheDir() {
        return DemoCache.root(variables.get("XDG_CACHE_HOME"), variables.get("HOME"));
    }

    private static boolean isTerminal(SystemStream stream) {
        try {
            // jline's exec provider asks `test -t <fd>`, which works for stdout and stderr separately.
            return TerminalProvider.load("exec").isSystemStream(stream);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
