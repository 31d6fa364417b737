package dev.skyloom.cli;

import dev.skyloom.local.LocalServer;
import dev.skyloom.local.LocalServerConfig;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * One local server with the demo catalogue for all CLI tests in the JVM: generating the catalogue takes tens of
 * seconds, so it is generated once, through {@link DemoServer} into a temporary cache directory that the
 * embedded-default test then reuses.
 */
final class DemoFixture {

    private static Path cacheHome;
    private static LocalServer server;

    private DemoFixture() {
    }

    /** @return the URL of the shared demo server, starting it on first use */
    static synchronized String url() {
        if (server == null) {
            try {
                cacheHome = Files.createTempDirectory("skyloom-cli-test-cache");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
            server = DemoServer.start(new Environment(Map.of("XDG_CACHE_HOME", cacheHome.toString()), quiet, quiet,
                    false, false));
            Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(server::close));
        }
        return server.url().toString();
    }

    /**
     * Starts another server over the shared demo catalogue's store (reopening it takes milliseconds), e.g. with
     * latency; the caller closes it.
     */
    static LocalServer another(LocalServerConfig config) {
        Path cache = cacheHome().resolve("skyloom").resolve("demo-" + config.seed());
        return LocalServer.start(config.withDataDir(cache).withDemo(true).withSharedDataDir(true));
    }

    /** @return the {@code XDG_CACHE_HOME} whose {@code skyloom/demo-<seed>} holds the shared server's catalogue */
    static synchronized Path cacheHome() {
        url();
        return cacheHome;
    }
}
