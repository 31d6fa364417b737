package dev.skyloom.cli;

import dev.skyloom.local.LocalServer;
import dev.skyloom.local.LocalServerConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Starts the built-in local server with the demo catalogue, for commands run with neither an API key nor a URL.
 *
 * <p>Generating the catalogue takes seconds, so it is generated once into
 * {@code ${XDG_CACHE_HOME:-~/.cache}/skyloom/demo-<seed>} and reused: it is built in a private directory and moved
 * into place only when complete, so an interrupted first run never leaves half a catalogue behind. If the cache
 * cannot be written, the catalogue is generated in memory instead.
 */
final class DemoServer {

    private DemoServer() {
    }

    /** @return a running server with the demo catalogue on a free loopback port */
    static LocalServer start(Environment environment) {
        LocalServerConfig demo = LocalServerConfig.defaults().withDemo(true);
        Path dir = environment.cacheDir().resolve("demo-" + demo.seed());
        try {
            if (!Files.isDirectory(dir)) {
                environment.err().println("skyloom: generating the demo catalogue into " + dir
                        + " (only the first time; this takes a while)");
                build(dir, demo);
            }
            // several commands may read the cache at once: each opens it shared
            return LocalServer.start(demo.withDataDir(dir).withSharedDataDir(true));
        } catch (IOException | UncheckedIOException e) {
            environment.err().println("skyloom: cannot use the demo cache " + dir + " (" + e.getMessage()
                    + "); generating the demo catalogue in memory");
            return LocalServer.start(demo);
        }
    }

    private static void build(Path dir, LocalServerConfig demo) throws IOException {
        Files.createDirectories(dir.getParent());
        Path partial = Files.createTempDirectory(dir.getParent(), dir.getFileName() + ".partial-");
        try {
            LocalServer.start(demo.withDataDir(partial)).close();
            Files.move(partial, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException anotherProcessWon) {
            deleteTree(partial);
        } catch (IOException | RuntimeException e) {
            deleteTree(partial);
            throw e;
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
