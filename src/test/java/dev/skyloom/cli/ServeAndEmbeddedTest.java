package dev.skyloom.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
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
    void serveRefusesBodiesOverItsRequestSizeLimit() throws Exception {
        ServeRun serve = ServeRun.start(Map.of(), "serve", "--max-request-mb", "1");
        try {
            URI url = URI.create(serve.url());
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest.Builder list = HttpRequest.newBuilder(url.resolve("/datasets.v1.DatasetService/ListDatasets"))
                    .header("Content-Type", "application/proto");

            assertThat(http.send(list.POST(BodyPublishers.ofByteArray(new byte[(1 << 20) + 1])).build(),
                    BodyHandlers.ofString()).statusCode()).isEqualTo(413);
            assertThat(http.send(list.POST(BodyPublishers.noBody()).build(), BodyHandlers.ofString()).statusCode())
                    .isEqualTo(200);
        } finally {
            serve.stop();
        }
        assertThat(serve.err().lines().filter(line -> line.contains("refused"))).singleElement().asString()
                .contains("resource_exhausted").contains("1048576-byte request limit");
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
    void theDemoServerInProcessLogsNothingWhenItRefusesTheCommandsRequest() {
        Map<String, String> variables = Map.of("XDG_CACHE_HOME", DemoFixture.cacheHome().toString());
        List<LogRecord> printed = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                printed.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        Cli.Result result;
        try {
            result = Cli.run(variables, "collections", "open_data.no_such_dataset");
        } finally {
            root.removeHandler(capture);
        }

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).contains("no_such_dataset");
        assertThat(printed).as("records that reach the console handler")
                .noneMatch(record -> record.getLoggerName().startsWith("dev.skyloom.local"));
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
