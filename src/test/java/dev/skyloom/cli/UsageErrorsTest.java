package dev.skyloom.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad command lines end with exit code 2 and one line naming the problem, before any server is contacted. */
class UsageErrorsTest {

    private static final String UNREACHABLE = "http://127.0.0.1:1";

    private static void assertUsageError(Cli.Result result, String... fragments) {
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err().lines().toList()).singleElement().asString().startsWith("skyloom: ")
                .contains(fragments);
    }

    @Test
    void aMalformedTimeNamesTheOptionAndTheFormat() {
        assertUsageError(Cli.run("--url", UNREACHABLE, "query", "ds", "c", "--from", "2020-13-45", "--to", "2021-01-01"),
                "--from", "'2020-13-45'", "2025-03-01");
    }

    @Test
    void anIntervalEndingBeforeItStartsIsRejected() {
        assertUsageError(Cli.run("--url", UNREACHABLE, "query", "ds", "c", "--from", "2021-01-01", "--to", "2020-01-01"),
                "--to 2020-01-01T00:00:00Z is before --from 2021-01-01T00:00:00Z");
    }

    @Test
    void aMalformedBboxNamesTheBadPart() {
        assertUsageError(Cli.run("--url", UNREACHABLE, "query", "ds", "c", "--from", "2020-01-01", "--to", "2021-01-01",
                "--bbox", "5,45,north,47"), "--bbox", "'north'");
        assertUsageError(Cli.run("--url", UNREACHABLE, "query", "ds", "c", "--from", "2020-01-01", "--to", "2021-01-01",
                "--bbox", "5,45,200,47"), "maxLon");
    }

    @Test
    void bboxAndGeometryExcludeEachOther() {
        assertUsageError(Cli.run("--url", UNREACHABLE, "query", "ds", "c", "--from", "2020-01-01", "--to", "2021-01-01",
                "--bbox", "5,45,6,47", "--geometry", "POLYGON((0 0, 1 0, 1 1, 0 0))"), "either --bbox or --geometry");
    }

    @Test
    void aPointIsNotAnArea() {
        assertUsageError(Cli.run("--url", UNREACHABLE, "query", "ds", "c", "--from", "2020-01-01", "--to", "2021-01-01",
                "--geometry", "POINT(1 2)"), "invalid --geometry", "Polygon");
    }

    @Test
    void anUnwritableOutputPathIsNamed(@TempDir Path dir) {
        Path missing = dir.resolve("no-such-dir").resolve("out.csv");
        assertUsageError(Cli.run("--url", UNREACHABLE, "query", "ds", "c", "--from", "2020-01-01", "--to", "2021-01-01",
                "--output", missing.toString()), "cannot write --output " + missing, "does not exist");
        assertUsageError(Cli.run("--url", UNREACHABLE, "query", "ds", "c", "--from", "2020-01-01", "--to", "2021-01-01",
                "--output", dir.toString()), "it is a directory");
    }

    @Test
    void anUnknownOptionSuggestsTheRightOne() {
        assertUsageError(Cli.run("query", "ds", "c", "--from", "2020-01-01", "--to", "2021-01-01", "--bbx", "1,2,3,4"),
                "'--bbx'", "did you mean --bbox?");
    }

    @Test
    void aMissingRequiredOptionIsNamed() {
        assertUsageError(Cli.run("load", "ds", "c"), "--from");
    }

    @Test
    void loadOptionsAreChecked() {
        assertUsageError(Cli.run("--url", UNREACHABLE, "load", "ds", "a", "b", "--from", "2020-01-01", "--to",
                "2021-01-01", "--split", "many"), "--split", "'many'");
        assertUsageError(Cli.run("--url", UNREACHABLE, "load", "ds", "a", "b", "--from", "2020-01-01", "--to",
                "2021-01-01", "--sequential", "--concurrency", "4"), "--sequential");
        assertUsageError(Cli.run("--url", UNREACHABLE, "load", "ds", "a", "b", "--from", "2020-01-01", "--to",
                "2021-01-01", "--timeout", "soon"), "--timeout", "'soon'");
        assertUsageError(Cli.run("--url", UNREACHABLE, "load", "ds", "a", "a", "--from", "2020-01-01", "--to",
                "2021-01-01"), "named twice");
    }

    @Test
    void serveRejectsBadSettings() {
        assertUsageError(Cli.run("serve", "--fault-rate", "1.5"), "fault rate");
        assertUsageError(Cli.run("serve", "--data", "x", "--in-memory"), "--data or --in-memory");
    }

    @Test
    void helpAndVersionSucceed() {
        Cli.Result help = Cli.run("--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("datasets", "collections", "query", "find", "load", "serve",
                "generate-completion", "--url", "--api-key");
        Cli.Result version = Cli.run("--version");
        assertThat(version.exit()).isZero();
        assertThat(version.out()).startsWith("skyloom ");
    }

    @Test
    void completionScriptIsGenerated() {
        Cli.Result completion = Cli.run("generate-completion");
        assertThat(completion.exit()).isZero();
        assertThat(completion.out()).contains("complete -o default -F _skyloom_complete skyloom");
    }
}
