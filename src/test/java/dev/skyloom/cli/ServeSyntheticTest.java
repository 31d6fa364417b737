package dev.skyloom.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code serve --synthetic}: big collections served without being generated first. */
class ServeSyntheticTest {

    @Test
    void syntheticCollectionsAreListedCountedAndQueried() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        Environment environment = new Environment(Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                quiet, false, false);
        AtomicInteger exit = new AtomicInteger(-1);
        Thread serving = Thread.ofPlatform().start(() -> exit.set(Main.commandLine(environment).execute("serve",
                "--synthetic", "open_data.synthetic/big=36600000", "--synthetic", "open_data.synthetic/small=366")));
        try {
            String url = Cli.awaitServeUrl(out, serving);

            Cli.Result collections = Cli.run("--url", url, "collections", "open_data.synthetic");
            Cli.Result day = Cli.run("--url", url, "query", "open_data.synthetic", "small", "--from", "2020-07-01",
                    "--to", "2020-07-02", "--format", "csv", "--no-progress");
            Cli.Result minute = Cli.run("--url", url, "query", "open_data.synthetic", "big", "--from",
                    "2020-12-31T23:59:00Z", "--to", "2021-01-01", "--format", "csv", "--no-progress");

            assertThat(collections.exit()).as(collections.err()).isZero();
            assertThat(collections.out()).containsPattern("big +36600000 +2020-01-01T")
                    .containsPattern("small +366 +2020-01-01T");
            assertThat(day.exit()).as(day.err()).isZero();
            assertThat(day.out().lines().count()).isEqualTo(1 + 1);
            assertThat(minute.exit()).as(minute.err()).isZero();
            assertThat(minute.out().lines().count()).isEqualTo(1 + 60 * 1000 / 864);
        } finally {
            serving.interrupt();
            serving.join(10_000);
        }
        assertThat(exit.get()).isZero();
    }

    @Test
    void aMalformedSpecIsAUsageError() {
        Cli.Result result = Cli.run("serve", "--synthetic", "open_data.synthetic/big");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("expected <dataset-slug>/<collection>=<datapoints>")
                .doesNotContain("Exception");
    }
}
