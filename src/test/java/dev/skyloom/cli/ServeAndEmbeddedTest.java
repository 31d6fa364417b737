package dev.skyloom.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code serve} in the foreground, and the built-in demo server used when neither a key nor a URL is given. */
class ServeAndEmbeddedTest {

    @Test
    void serveAnswersUntilInterruptedAndRequiresItsKey() throws Exception {
        ServeRun serve = ServeRun.start(Map.of(), "serve", "--page-size", "100", "--api-key", "tbx-serve-key");

        String url = serve.url();
        Cli.Result withoutKey = Cli.run("--url", url, "datasets");
        Cli.Result withKey = Cli.run(Map.of("TILEBOX_API_KEY", "tbx-serve-key"), "--url", url, "datasets");
        serve.stop();

        assertThat(serve.out()).contains("requires the API key given").doesNotContain("tbx-serve-key");
        assertThat(withoutKey.exit()).isEqualTo(1);
        assertThat(withKey.exit()).as(withKey.err()).isZero();
        assertThat(withKey.out()).startsWith("slug");
        assertThat(serve.awaitExit()).isZero();
        assertThat(serve.err()).contains("local server stopped");
        assertThat(Cli.run("--url", url, "datasets").exit()).isEqualTo(1);
    }

    @Test
    void withoutKeyOrUrlTheCachedDemoServerRunsInProcessAndIsAnnouncedOnce() throws IOException {
        Path cache = DemoFixture.cacheHome();
        Map<String, String> variables = Map.of("XDG_CACHE_HOME", cache.toString());

        Cli.Result first = Cli.run(variables, "collections", "open_data.copernicus.landsat8_oli_tirs");
        Cli.Result second = Cli.run(variables, "datasets");

        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains("L1GT").contains("L2SP");
        assertThat(first.err().lines().filter(l -> l.contains("built-in demo server"))).hasSize(1);
        assertThat(second.exit()).as(second.err()).isZero();
        assertThat(second.out()).contains("open_data.copernicus.sentinel2_msi");
        assertThat(second.err().lines().filter(l -> l.contains("built-in demo server"))).hasSize(1);
        assertThat(first.err()).doesNotContain("generating");
        try (Stream<Path> entries = Files.list(cache.resolve("skyloom"))) {
            assertThat(entries.map(p -> p.getFileName().toString()))
                    .singleElement().asString().startsWith("demo-");
        }
    }
}
