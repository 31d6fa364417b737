package dev.skyloom.cli;

import dev.skyloom.HostileAnswers;
import dev.skyloom.testing.HostileServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;


import static org.assertj.core.api.Assertions.assertThat;

/** Every message is one line a person can act on: no class names, a usage error where the input was wrong. */
@Timeout(60)
class MessagesTest {

    private static final String LANDSAT = "open_data.copernicus.landsat8_oli_tirs";

    private static String oneLine(Cli.Result result, int exit) {
        assertThat(result.exit()).as(result.err()).isEqualTo(exit);
        assertThat(result.err().lines().toList()).as(result.err()).hasSize(1);
        String line = result.err().strip();
        assertThat(line).startsWith("skyloom: ").doesNotContain("Exception").doesNotContain("java.")
                .doesNotContain("\u001b");
        return line;
    }

    @Test
    void aMalformedUrlIsAUsageError() {
        assertThat(oneLine(Cli.run("--url", "not-a-url", "datasets"), 2)).isEqualTo("skyloom: Invalid value for"
                + " option '--url': 'not-a-url' is not an http(s) URL: use e.g. https://api.tilebox.com or"
                + " http://127.0.0.1:8080; see 'skyloom --help'");
        assertThat(oneLine(Cli.run("datasets", "--url", "ftp://x"), 2)).contains("'ftp://x' is not an http(s) URL")
                .endsWith("see 'skyloom datasets --help'");
    }

    @Test
    void aBadDatapointIdIsAUsageError() {
        assertThat(oneLine(Cli.run("--url", DemoFixture.url(), "find", LANDSAT, "L1T", "not-a-uuid"), 2))
                .contains("'not-a-uuid' is not a datapoint id: give a UUID such as");
    }

    @Test
    void anUnknownFilterFieldGetsSuggestions() {
        assertThat(oneLine(Cli.run("--url", DemoFixture.url(), "query", LANDSAT, "L1T", "--from", "2020-01-01",
                "--to", "2020-02-01", "--filter", "cloud_covr < 10"), 2)).startsWith("skyloom: invalid --filter: "
                + LANDSAT + " has no field 'cloud_covr'; did you mean cloud_cover?");
    }

    @Test
    void aFilterNestedTooDeepIsAUsageErrorNotAStackTrace() {
        String deep = "(".repeat(3000) + "cloud_cover < 10" + ")".repeat(3000);
        assertThat(oneLine(Cli.run("--url", "http://127.0.0.1:1", "query", LANDSAT, "L1T", "--from", "2020-01-01",
                "--to", "2020-02-01", "--filter", deep), 2)).contains("nests parentheses and NOT more than 64 deep");
        assertThat(oneLine(Cli.run("--url", "http://127.0.0.1:1", "query", LANDSAT, "L1T", "--from", "2020-01-01",
                "--to", "2020-02-01", "--filter", "NOT ".repeat(20_000) + "a = 1"), 2)).contains("64 deep");
    }

    @Test
    void aServerThatNeverAnswersIsGivenUpAfterTheTimeout() {
        try (HostileServer server = HostileServer.start(new HostileServer.Silent())) {
            long start = System.nanoTime();
            String line = oneLine(Cli.run("--url", server.url().toString(), "datasets", "--timeout", "500ms"), 1);
            assertThat(line).endsWith("within the attempt timeout of 500 ms (--timeout sets it)");
            assertThat((System.nanoTime() - start) / 1e9).as("seconds").isLessThan(30);
        }
    }

    @Test
    void aGzipBombAndAnEndlessBodyStopAtTheCap() {
        try (HostileServer bomb = HostileServer.start(new HostileServer.GzipBomb(1024));
             HostileServer endless = HostileServer.start(new HostileServer.EndlessBody())) {
            assertThat(oneLine(Cli.run("--url", bomb.url().toString(), "datasets"), 1)).isEqualTo("skyloom:"
                    + " ListDatasets failed (internal): the inflated response body is larger than the limit of 64 MiB");
            assertThat(oneLine(Cli.run("--url", endless.url().toString(), "datasets"), 1)).startsWith("skyloom:"
                    + " ListDatasets failed (internal): the response body is larger than the limit of 64 MiB");
        }
    }

    @Test
    void escapeSequencesFromTheServerAreShownEscaped() {
        try (HostileServer server = HostileServer.start(new HostileServer.Answer(
                HostileAnswers.datasetsNamed("\u001b]0;pwned\u0007\u001b[31mred")))) {
            Cli.Result result = Cli.run("--url", server.url().toString(), "datasets");
            assertThat(result.exit()).as(result.err()).isZero();
            assertThat(result.out()).doesNotContain("\u001b").contains("\\e]0;pwned\\x07\\e[31mred");
        }
        assertThat(Failures.describe(new dev.skyloom.SkyloomException.InvalidArgument("invalid_argument",
                "Query failed: bad \u001b[2J name", null))).isEqualTo("Query failed: bad \\e[2J name");
    }

    @Test
    void theUnauthenticatedHintIsSaidOnce() {
        String line = Failures.describe(new dev.skyloom.SkyloomException.Unauthenticated("unauthenticated",
                "ListDatasets failed (unauthenticated): no key; set TILEBOX_API_KEY or pass an API key", null));
        assertThat(line).isEqualTo("ListDatasets failed (unauthenticated): no key; set TILEBOX_API_KEY or pass"
                + " --api-key");
    }
}
