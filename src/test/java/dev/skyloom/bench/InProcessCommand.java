package dev.skyloom.bench;

import dev.skyloom.cli.CommandRunner;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs {@code skyloom load ... --output-dir DIR} in this JVM and checks it wrote every datapoint. */
final class InProcessCommand {

    private static final Pattern TOTAL = Pattern.compile("total: ([0-9,]+) datapoints");

    private InProcessCommand() {
    }

    /**
     * Runs the command whose arguments end in {@code --output-dir}, into {@code dir}.
     *
     * @return its wall seconds
     * @throws IllegalStateException if it failed or its summary's total is not {@code total}
     */
    static double run(List<String> args, Path dir, long total) {
        List<String> all = new ArrayList<>(args);
        all.add(dir.toString());
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
        long start = System.nanoTime();
        int exit = CommandRunner.run(Map.of(), nowhere, errStream, all.toArray(String[]::new));
        double seconds = (System.nanoTime() - start) / 1e9;
        checkTotal(exit, err.toString(StandardCharsets.UTF_8), total);
        return seconds;
    }

    /** @throws IllegalStateException unless the command exited 0 and its summary's total is {@code total} */
    static void checkTotal(int exit, String output, long total) {
        Matcher matcher = TOTAL.matcher(output);
        if (exit != 0 || !matcher.find() || Long.parseLong(matcher.group(1).replace(",", "")) != total) {
            throw new IllegalStateException("skyloom load exited with " + exit + " without writing the "
                    + total + " datapoints: " + output.strip());
        }
    }
}
