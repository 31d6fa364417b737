package dev.skyloom.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs the CLI in-process through picocli, as a non-terminal, capturing stdout, stderr and the exit code. */
final class Cli {

    /** What one run produced. */
    record Result(int exit, String out, String err) {
    }

    private static final Pattern SERVE_URL = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)");

    private Cli() {
    }

    /** Runs {@code args} with the given environment variables (none by default). */
    static Result run(Map<String, String> variables, String... args) {
        return run(variables, false, args);
    }

    /** Runs {@code args} as if stdout were a terminal {@code COLUMNS} wide (80 unless set); stderr is not one. */
    static Result runOnTerminal(Map<String, String> variables, String... args) {
        Map<String, String> withColumns = new java.util.HashMap<>(Map.of("COLUMNS", "80"));
        withColumns.putAll(variables);
        return run(withColumns, true, args);
    }

    private static Result run(Map<String, String> variables, boolean terminal, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        int exit = Main.commandLine(new Environment(variables, outStream, errStream, terminal, false)).execute(args);
        outStream.flush();
        errStream.flush();
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * Waits until a {@code serve} running on {@code serving} has printed its URL on {@code out}.
     *
     * @throws AssertionError if it stops or prints none within 30 seconds
     */
    static String awaitServeUrl(ByteArrayOutputStream out, Thread serving) throws InterruptedException {
        for (int i = 0; i < 600 && serving.isAlive(); i++) {
            Matcher m = SERVE_URL.matcher(out.toString(StandardCharsets.UTF_8));
            if (m.find()) {
                return m.group(1);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("serve printed no URL; stdout: " + out.toString(StandardCharsets.UTF_8));
    }

    /** Runs {@code args} with no environment variables. */
    static Result run(String... args) {
        return run(Map.of(), args);
    }
}
