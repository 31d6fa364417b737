package dev.skyloom.cli;

import dev.skyloom.local.LocalServer;
import dev.skyloom.local.LocalServerConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Failures at run time end with exit code 1 and one line saying what to fix. */
class ServerErrorsTest {

    private static final String SECRET = "tbx-test-secret-key-123";

    private static LocalServer keyed;

    @BeforeAll
    static void startServer() {
        keyed = LocalServer.start(LocalServerConfig.defaults().withApiKey(SECRET));
    }

    @AfterAll
    static void stopServer() {
        keyed.close();
    }

    private static void assertFailure(Cli.Result result, String... fragments) {
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err().lines().toList()).singleElement().asString().startsWith("skyloom: ")
                .contains(fragments).doesNotContain(SECRET);
    }

    private static Cli.Result run(String... args) {
        return Cli.run(Map.of("TILEBOX_API_KEY", SECRET), args);
    }

    private static String keyedUrl() {
        return keyed.url().toString();
    }

    @Test
    void anUnknownDatasetListsTheCloseSlugs() {
        assertFailure(run("--url", DemoFixture.url(), "collections", "open_data.copernicus.landsat8_oli_tir"),
                "no dataset 'open_data.copernicus.landsat8_oli_tir'",
                "did you mean open_data.copernicus.landsat8_oli_tirs?", "'skyloom datasets' lists them");
        assertFailure(run("--url", DemoFixture.url(), "collections", "weather_on_mars"),
                "no dataset 'weather_on_mars' ('skyloom datasets' lists them)");
    }

    @Test
    void unknownCollectionsAreAllNamedWithTheCloseNames() {
        assertFailure(run("--url", DemoFixture.url(), "load", "open_data.copernicus.landsat8_oli_tirs", "L1GT",
                "L1X", "l2sp", "--from", "2020-01-01", "--to", "2020-01-02"),
                "has no collection 'L1X'; did you mean", "L1T", "no collection 'l2sp'; did you mean L2SP?");
    }

    @Test
    void aRejectedApiKeySaysWhereTheKeyComesFrom() {
        Cli.Result result = Cli.run(Map.of("TILEBOX_API_KEY", "tbx-wrong"), "--url", keyedUrl(), "datasets");
        assertFailure(result, "set TILEBOX_API_KEY or pass --api-key");
        assertThat(result.err().split("TILEBOX_API_KEY", -1)).as("the hint is said once").hasSize(2);
        assertThat(result.err()).doesNotContain("tbx-wrong");
    }

    @Test
    void theApiKeyOptionWinsOverTheEnvironment() {
        Cli.Result result = Cli.run(Map.of("TILEBOX_API_KEY", "tbx-wrong"), "--url", keyedUrl(),
                "datasets", "--api-key", SECRET);
        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out()).startsWith("slug");
    }

    @Test
    void anUnreachableServerIsNamed() {
        assertFailure(run("--url", "http://127.0.0.1:1", "datasets"), "http://127.0.0.1:1");
    }

    @Test
    void verbosePrintsTheStackTraceToo() {
        Cli.Result result = run("--url", "http://127.0.0.1:1", "datasets", "--verbose");
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err().lines().toList()).hasSizeGreaterThan(3);
        assertThat(result.err()).contains("\tat ");
    }
}
