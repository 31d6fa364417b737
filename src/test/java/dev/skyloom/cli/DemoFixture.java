package dev.skyloom.cli;

import dev.skyloom.local.LocalServer;
import dev.skyloom.local.LocalServerConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One local server with the demo catalogue for all CLI tests in the JVM: the catalogue is generated once into a
 * temporary cache directory (which the embedded-default test then reuses) and served from a writable in-memory copy,
 * since some tests write.
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
            server = LocalServer.start(LocalServerConfig.defaults().withDemo(true)
                    .withDemoCache(cacheHome.resolve("skyloom")));
            Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(server::close));
        }
        return server.url().toString();
    }

    /**
     * Starts another server over the shared demo catalogue (read-only, opened in milliseconds), e.g. with latency;
     * the caller closes it.
     */
    static LocalServer another(LocalServerConfig config) {
        return LocalServer.start(config.withDemo(true).withDemoCache(cacheHome().resolve("skyloom"))
                .withReadOnly(true));
    }

    /** @return the {@code XDG_CACHE_HOME} whose {@code skyloom/demo-<seed>} holds the shared server's catalogue */
    static synchronized Path cacheHome() {
        url();
        return cacheHome;
    }
}
