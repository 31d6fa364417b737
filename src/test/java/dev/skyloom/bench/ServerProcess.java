package dev.skyloom.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The local server in its own JVM ({@code dev.skyloom.local.LocalServerMain}), so that its threads, heap and CPU
 * are not counted as the client's. Its output goes to a log file beside the report.
 */
final class ServerProcess implements AutoCloseable {

    private static final String READY = "listening on ";
    private static final Duration STARTUP = Duration.ofMinutes(3);

    private final Process process;
    private final URI url;
    private final List<String> flags;

    private ServerProcess(Process process, URI url, List<String> flags) {
        this.process = process;
        this.url = url;
        this.flags = flags;
    }

    /**
     * Starts a server on a free loopback port and waits until it serves. Its output goes to
     * {@code logs/server-<name>.log} in the output directory (and, with {@code jfr}, a recording to
     * {@code logs/server-<name>.jfr} when it stops).
     *
     * @param settings the suite's settings
     * @param name     names the log file, e.g. the scenario's number
     * @param flags    {@code LocalServerMain} flags, e.g. {@code --latency 50ms --page-size 100}
     * @throws IOException if it cannot be started, exits early or does not serve within three minutes (the
     *                     message quotes its output)
     */
    static ServerProcess start(BenchSettings settings, String name, String... flags)
            throws IOException, InterruptedException {
        return startFrom(System.getProperty("java.class.path"), settings, name, flags);
    }

    /**
     * Starts a server from another build, as {@link #start(BenchSettings, String, String...)} does.
     *
     * @param classPath the class path holding that build's {@code LocalServerMain} and its dependencies, e.g. its
     *                  CLI jar
     */
    static ServerProcess startFrom(String classPath, BenchSettings settings, String name, String... flags)
            throws IOException, InterruptedException {
        Path logs = settings.out().resolve("logs").toAbsolutePath();
        Path log = logs.resolve("server-" + name + ".log");
        Files.createDirectories(logs);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "--enable-preview", "--enable-native-access=ALL-UNNAMED", "-Xmx768m"));
        if (settings.jfr()) {
            command.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                    + logs.resolve("server-" + name + ".jfr"));
        }
        command.addAll(List.of("-cp", classPath, "dev.skyloom.local.LocalServerMain",
                "--port", "0"));
        command.addAll(List.of(flags));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BlockingQueue<String> ready = new ArrayBlockingQueue<>(1);
        Thread.ofVirtual().name("server-output").start(() -> copyOutput(process, log, ready));
        String line = ready.poll(STARTUP.toSeconds(), TimeUnit.SECONDS);
        if (line == null || !line.contains(READY)) {
            process.destroyForcibly();
            throw new IOException("the local server " + String.join(" ", flags) + " did not start within "
                    + STARTUP.toMinutes() + " minutes; its output is in " + log + ": "
                    + String.join(" | ", Files.exists(log) ? Files.readAllLines(log) : List.of()));
        }
        return new ServerProcess(process, URI.create(line.substring(line.indexOf(READY) + READY.length()).strip()),
                List.of(flags));
    }

    /** {@return the server process's id} */
    long pid() {
        return process.pid();
    }

    /** {@return the server's base URL} */
    URI url() {
        return url;
    }

    /** {@return the flags it was started with, e.g. {@code --latency 50ms --page-size 100}} */
    String flags() {
        return String.join(" ", flags);
    }

    /** Stops the server (SIGTERM, then SIGKILL after five seconds) and waits for it to exit. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    /** Copies the server's output to the log; hands over the ready line, or the end of output, exactly once. */
    private static void copyOutput(Process process, Path log, BlockingQueue<String> ready) {
        boolean signalled = false;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
             PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                out.println(line);
                if (!signalled && line.contains(READY)) {
                    signalled = ready.offer(line);
                }
            }
        } catch (IOException e) {
            // The process died or the log is unwritable: the end-of-output signal below reports the startup failure.
        } finally {
            if (!signalled) {
                ready.offer("its output ended");
            }
        }
    }
}
