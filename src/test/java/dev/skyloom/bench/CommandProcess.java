package dev.skyloom.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Runs {@code skyloom} as its own process, through the launcher when the CLI jar is up to date (else with the
 * launcher's JVM options on the current classes), and measures its wall time and peak resident set size
 * ({@code VmHWM} in {@code /proc/<pid>/status}, read every 20 ms while it runs: the high-water mark only grows, so
 * the last reading is the peak up to 20 ms before the end).
 */
final class CommandProcess {

    private static final long POLL_MILLIS = 20;
    private static final Path LAUNCHER = Path.of("skyloom");

    /**
     * What one run did.
     *
     * @param exit      its exit code
     * @param seconds   its wall time, start-up included
     * @param peakBytes its peak resident set size, or -1 where /proc cannot be read
     * @param output    its stdout and stderr
     */
    record Run(int exit, double seconds, long peakBytes, String output) {
    }

    private CommandProcess() {
    }

    /**
     * {@return how the CLI is started: the {@code ./skyloom} launcher itself when the CLI jar {@code package} built is
     * newer than every compiled class (so that its JVM options and the AOT cache it passes are what is measured), else
     * java with the JVM options the launcher passes (read from it, so that the two stay the same) on the class path}
     *
     * @throws IOException if the launcher cannot be read or names no options
     */
    static List<String> launcher() throws IOException {
        if (jarIsFresh()) {
            return List.of(LAUNCHER.toAbsolutePath().toString());
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        // The options a command (not serve) gets: the launcher's options=(...) line and what it adds to it.
        List<String> lines = Files.readAllLines(LAUNCHER).stream().map(String::strip)
                .filter(l -> l.startsWith("options=(") || l.startsWith("options+=(")).toList();
        if (lines.isEmpty()) {
            throw new IOException(LAUNCHER + " has no options=(...) line");
        }
        for (String line : lines) {
            for (String token : line.substring(line.indexOf('(') + 1, line.lastIndexOf(')')).split("\\s+")) {
                if (token.startsWith("-")) {
                    command.add(token);
                }
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.skyloom.cli.Main"));
        return command;
    }

    /**
     * {@return {@link #launcher()} as a report's setting: the launcher named, with whether it has an AOT cache, or the
     * test class path shortened}
     *
     * @throws IOException if the launcher cannot be read or names no options
     */
    static String describe() throws IOException {
        if (jarIsFresh()) {
            return "./skyloom (the launcher on the CLI jar" + (Files.isRegularFile(Path.of("target", "skyloom.aot"))
                    ? ", with the AOT cache package trained)" : ", without an AOT cache)");
        }
        return String.join(" ", launcher()).replace(System.getProperty("java.class.path"), "<test class path>")
                + " (the launcher's JVM options; the CLI jar is missing or older than the classes: run package"
                + " first to measure the launcher itself)";
    }

    /** {@return whether target/ holds a CLI jar newer than every file under target/classes} */
    private static boolean jarIsFresh() throws IOException {
        Path target = Path.of("target");
        Path jar;
        try (Stream<Path> jars = Files.list(target)) {
            jar = jars.filter(p -> p.getFileName().toString().matches("skyloom-.*-cli\\.jar")).findFirst()
                    .orElse(null);
        } catch (NoSuchFileException e) {
            return false;
        }
        if (jar == null) {
            return false;
        }
        FileTime built = Files.getLastModifiedTime(jar);
        try (Stream<Path> classes = Files.walk(target.resolve("classes"))) {
            return classes.filter(Files::isRegularFile).allMatch(p -> {
                try {
                    return Files.getLastModifiedTime(p).compareTo(built) <= 0;
                } catch (IOException e) {
                    return false;
                }
            });
        }
    }

    /**
     * Runs the CLI with {@code args} and the launcher's JVM options, and waits for it.
     *
     * @param log where its output goes
     * @throws IOException if it cannot start or does not end within 10 minutes
     */
    static Run run(List<String> args, Path log) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(launcher());
        command.addAll(args);
        Files.createDirectories(log.getParent());
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                .start();
        AtomicLong peak = new AtomicLong(-1);
        Path status = Path.of("/proc", String.valueOf(process.pid()), "status");
        Thread poller = Thread.ofVirtual().start(() -> {
            while (process.isAlive()) {
                peak.accumulateAndGet(highWaterMark(status), Math::max);
                try {
                    Thread.sleep(POLL_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IOException("skyloom did not finish within 10 minutes; see " + log);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        poller.join();
        return new Run(process.exitValue(), seconds, peak.get(), Files.readString(log));
    }

    /** {@code VmHWM} of a running process in bytes, or -1 if it cannot be read (the process ended, no /proc). */
    private static long highWaterMark(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.substring(6).replace("kB", "").strip()) * 1024;
                }
            }
        } catch (IOException | RuntimeException gone) {
            return -1;
        }
        return -1;
    }
}
