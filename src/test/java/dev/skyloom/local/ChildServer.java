package dev.skyloom.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * {@link LocalServerMain} in its own JVM with a small heap, so that a test can show a hostile request leaves it
 * standing, and read its log lines (stderr).
 */
final class ChildServer implements AutoCloseable {

    private final Process process;
    private final URI url;
    private final List<String> log = new CopyOnWriteArrayList<>();

    ChildServer(String maxHeap, String... flags) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "--enable-preview", "--enable-native-access=ALL-UNNAMED", "-Xmx" + maxHeap,
                "-cp", System.getProperty("java.class.path"), LocalServerMain.class.getName(), "--port", "0"));
        command.addAll(List.of(flags));
        process = new ProcessBuilder(command).start();
        Thread.ofVirtual().start(() -> copy(process.getErrorStream(), log));
        CompletableFuture<String> ready = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line = out.readLine();
                ready.complete(line == null ? "" : line);
                while (out.readLine() != null) {
                    // drain
                }
            } catch (IOException e) {
                ready.complete("");
            }
        });
        String line = ready.get(2, TimeUnit.MINUTES);
        if (!line.contains("listening on ")) {
            process.destroyForcibly();
            throw new IllegalStateException("the server did not start: " + line + " " + log);
        }
        url = URI.create(line.substring(line.indexOf("listening on ") + "listening on ".length()).strip());
    }

    URI url() {
        return url;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The log lines so far. */
    List<String> log() {
        return List.copyOf(log);
    }

    /** Waits until a log line matches (at most a minute); returns the log lines up to and including it. */
    List<String> logUntil(Predicate<String> line) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (System.nanoTime() < until) {
            List<String> now = log();
            for (int i = 0; i < now.size(); i++) {
                if (line.test(now.get(i))) {
                    return now.subList(0, i + 1);
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no such log line in " + log());
    }

    private static void copy(java.io.InputStream in, List<String> lines) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
