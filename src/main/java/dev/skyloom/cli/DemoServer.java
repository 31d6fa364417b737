package dev.skyloom.cli;

import dev.skyloom.local.DemoCache;
import dev.skyloom.local.LocalServer;
import dev.skyloom.local.LocalServerConfig;

import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Starts the built-in local server with the demo catalogue, for commands run with neither an API key nor a URL.
 *
 * <p>The server reads the catalogue {@link DemoCache} keeps under {@code ${XDG_CACHE_HOME:-~/.cache}/skyloom},
 * generated there on the first run (with progress on stderr) and opened read-only afterwards, so any number of
 * commands can run at once. If the cache cannot be written, the catalogue is generated in memory instead.
 */
final class DemoServer {

    private DemoServer() {
    }

    /**
     * @param progress how to show the first run's generation
     * @return a running server with the demo catalogue on a free loopback port
     */
    static LocalServer start(Environment environment, ProgressDisplay.Mode progress) {
        Path root = environment.cacheDir();
        LocalServerConfig shared = LocalServerConfig.defaults().withDemo(true).withDemoCache(root).withReadOnly(true);
        try (DemoProgressDisplay display = new DemoProgressDisplay(progress, environment.err())) {
            try {
                if (DemoCache.find(root, shared.seed()).isEmpty()) {
                    environment.err().println("skyloom: generating the demo catalogue into "
                            + DemoCache.directory(root, shared.seed()) + " (only the first time)");
                }
                return LocalServer.start(shared, display);
            } catch (UncheckedIOException e) {
                environment.err().println("skyloom: cannot use the demo cache (" + e.getMessage()
                        + "); generating the demo catalogue in memory");
                return LocalServer.start(shared.withDemoCache(null).withReadOnly(false), display);
            }
        }
    }
}
