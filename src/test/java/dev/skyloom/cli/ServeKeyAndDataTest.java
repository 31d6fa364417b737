package dev.skyloom.cli;

import dev.skyloom.wire.datasets.v1.GetDatasetRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where {@code serve} takes its API key from (an option, a file, {@code SKYLOOM_SERVE_API_KEY}, never
 * {@code TILEBOX_API_KEY}), what it says when its {@code --data} directory cannot be used, and its one log line per
 * refused request.
 */
class ServeKeyAndDataTest {

    @TempDir
    Path dir;

    private static int datasetsExit(String url, String key) {
        Map<String, String> variables = key == null ? Map.of() : Map.of("TILEBOX_API_KEY", key);
        return Cli.run(variables, "--url", url, "datasets").exit();
    }

    @Test
    void theKeyComesFromTheEnvironmentVariable() throws Exception {
        ServeRun serve = ServeRun.start(Map.of("SKYLOOM_SERVE_API_KEY", "tbx-from-env"), "serve");
        String url = serve.url();
        try {
            assertThat(datasetsExit(url, null)).isEqualTo(1);
            assertThat(datasetsExit(url, "tbx-from-env")).isZero();
            assertThat(serve.out()).contains("requires the API key given").doesNotContain("tbx-from-env");
        } finally {
            serve.stop();
        }
    }

    @Test
    void theKeyComesFromAFileAndTheOptionWinsOverTheVariable() throws Exception {
        Path keyFile = Files.writeString(dir.resolve("key"), "tbx-from-file\n");
        ServeRun serve = ServeRun.start(Map.of("SKYLOOM_SERVE_API_KEY", "tbx-from-env"), "serve", "--api-key-file",
                keyFile.toString());
        String url = serve.url();
        try {
            assertThat(datasetsExit(url, "tbx-from-env")).isEqualTo(1);
            assertThat(datasetsExit(url, "tbx-from-file")).isZero();
        } finally {
            serve.stop();
        }
    }

    @Test
    void tileboxApiKeyAloneLeavesTheServerOpenAndSaysSo() throws Exception {
        ServeRun serve = ServeRun.start(Map.of("TILEBOX_API_KEY", "tbx-client-key"), "serve");
        String url = serve.url();
        try {
            assertThat(datasetsExit(url, null)).isZero();
        } finally {
            serve.stop();
        }
        assertThat(serve.out()).doesNotContain("requires the API key");
        assertThat(serve.err()).contains("serve does not use TILEBOX_API_KEY: the server accepts requests without a"
                + " key (set SKYLOOM_SERVE_API_KEY or --api-key-file to require one)");
    }

    @Test
    void badKeyFilesAndTwoKeySourcesAreUsageErrors() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty"), "\n");
        assertUsageError(Cli.run("serve", "--api-key-file", empty.toString()), "holds no key: put it on the first line");
        assertUsageError(Cli.run("serve", "--api-key-file", dir.resolve("missing").toString()), "no such file");
        Path large = Files.writeString(dir.resolve("large"), "k".repeat(5000));
        assertUsageError(Cli.run("serve", "--api-key-file", large.toString()), "larger than 4096 bytes");
        Path key = Files.writeString(dir.resolve("key"), "k");
        assertUsageError(Cli.run("serve", "--api-key", "a", "--api-key-file", key.toString()),
                "give either --api-key or --api-key-file, not both");
    }

    private static void assertUsageError(Cli.Result result, String message) {
        assertThat(result.exit()).as(result.err()).isEqualTo(2);
        assertThat(result.err()).contains(message).doesNotContain("Exception");
    }

    @Test
    void helpTellsWhereTheServersKeyComesFrom() {
        String help = Cli.run("serve", "--help").out().replaceAll("\\s+", " ");
        assertThat(help).contains("--api-key-file").contains("SKYLOOM_SERVE_API_KEY")
                .contains("TILEBOX_API_KEY is not used");
    }

    @Test
    void aDataDirectoryThatCannotBeCreatedIsNamedWithTheReason() throws IOException {
        Path file = Files.writeString(dir.resolve("plain-file"), "not a directory");
        Cli.Result result = Cli.run("serve", "--data", file.resolve("db").toString());

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err().strip()).isEqualTo("skyloom: cannot start the local server: cannot create the data"
                + " directory " + file.resolve("db") + ": " + file + " exists and is not a directory");
    }

    @Test
    void aSecondServerOnTheSameDataDirectoryFailsSayingSo() throws Exception {
        Path data = dir.resolve("data");
        ServeRun first = ServeRun.start(Map.of(), "serve", "--data", data.toString());
        first.url();
        try {
            Cli.Result second = Cli.run("serve", "--data", data.toString());
            assertThat(second.exit()).isEqualTo(1);
            assertThat(second.err().strip()).isEqualTo("skyloom: cannot start the local server: the data directory "
                    + data + " is already used by another Skyloom server in this process; stop that server first or"
                    + " use another data directory");
        } finally {
            first.stop();
        }
        ServeRun again = ServeRun.start(Map.of(), "serve", "--data", data.toString());
        again.url();
        again.stop();
        assertThat(again.awaitExit()).isZero();
    }

    @Test
    void eachRefusedRequestIsOneLineOnServesStandardError() throws Exception {
        ServeRun serve = ServeRun.start(Map.of(), "serve");
        String url = serve.url();
        try {
            HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(url + "/datasets.v1.DatasetService/GetDataset"))
                    .header("Content-Type", "application/proto")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(GetDatasetRequest.newBuilder()
                            .setSlug("a..b").build().toByteArray())).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).isEqualTo(400);
        } finally {
            serve.stop();
        }
        assertThat(serve.err().lines().filter(line -> line.contains("refused"))).containsExactly(
                "skyloom serve: refused POST /datasets.v1.DatasetService/GetDataset (connect, HTTP/1.1, from 127.0.0.1):"
                        + " invalid_argument: invalid dataset slug"
                        + " 'a..b': use code names of letters, digits and underscores joined by dots, at most 1000"
                        + " characters");
    }
}
