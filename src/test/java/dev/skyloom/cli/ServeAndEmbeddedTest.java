package dev.skyloom.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code serve} in the foreground, and the built-in demo server used when neither a key nor a URL is given. */
class ServeAndEmbeddedTest {

    @Test
    void serveAnswersUntilInterruptedAndRequiresItsKey() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Environment environment = new Environment(Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false, false);
        AtomicInteger exit = new AtomicInteger(-1);
        Thread serving = Thread.ofPlatform().start(() -> exit.set(Main.commandLine(environment)
                .execute("serve", "--page-size", "100", "--api-key", "tbx-serve-key")));

        String url = Cli.awaitServeUrl(out, serving);
        Cli.Result withoutKey = Cli.run("--url", url, "datasets");
        Cli.Result withKey = Cli.run(Map.of("TILEBOX_API_KEY", "tbx-serve-key"), "--url", url, "datasets");
        serving.interrupt();
        serving.join(10_000);

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("requires the API key given")
                .doesNotContain("tbx-serve-key");
        assertThat(withoutKey.exit()).isEqualTo(1);
        assertThat(withKey.exit()).as(withKey.err()).isZero();
        assertThat(withKey.out()).startsWith("slug");
        assertThat(serving.isAlive()).isFalse();
        assertThat(exit.get()).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("local server stopped");
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
            assertThat(entries.filter(Files::isDirectory).map(p -> p.getFileName().toString()))
                    .singleElement().asString().startsWith("demo-").doesNotContain("partial");
        }
    }

    @Test
    void theBuiltInDemoServerIsSharedReadOnlyAndSaysHowToWrite() {
        Map<String, String> variables = Map.of("XDG_CACHE_HOME", DemoFixture.cacheHome().toString());

        Cli.Result result = Cli.run(variables, "create-collection", "open_data.copernicus.landsat8_oli_tirs", "mine");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err().lines().filter(l -> !l.contains("built-in demo server"))).singleElement()
                .asString().contains("read-only").contains("skyloom serve --data DIR --demo").contains("--url")
                .doesNotContain("Exception");
    }
}
