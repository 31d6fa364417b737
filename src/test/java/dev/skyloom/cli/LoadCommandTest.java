package dev.skyloom.cli;

import dev.skyloom.local.LocalServer;
import dev.skyloom.local.LocalServerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code load} through ConcurrentLoader: same datapoints as the sequential baseline, deadlines, collect mode. */
class LoadCommandTest {

    private static final String LANDSAT = "open_data.copernicus.landsat8_oli_tirs";

    @Test
    void concurrentAndSplitLoadsWriteExactlyWhatTheSequentialBaselineWrites(@TempDir Path dir) throws IOException {
        Path sequential = dir.resolve("sequential");
        Path concurrent = dir.resolve("concurrent");
        String[] load = {"--url", DemoFixture.url(), "load", LANDSAT, "L1GT", "L1T", "--from", "2020-01-01", "--to",
                "2020-03-01", "--format", "jsonl"};

        Cli.Result baseline = Cli.run(concat(load, "--sequential", "--output-dir", sequential.toString()));
        Cli.Result split = Cli.run(concat(load, "--split", "3", "--concurrency", "4", "--output-dir",
                concurrent.toString()));

        assertThat(baseline.exit()).as(baseline.err()).isZero();
        assertThat(split.exit()).as(split.err()).isZero();
        for (String collection : List.of("L1GT", "L1T")) {
            List<String> expected = Files.readAllLines(sequential.resolve(collection + ".jsonl"));
            assertThat(expected).hasSizeGreaterThan(50);
            assertThat(Files.readAllLines(concurrent.resolve(collection + ".jsonl"))).isEqualTo(expected);
        }
        assertThat(split.err().lines().toList().getLast())
                .endsWith("wall time (concurrent, split 3, at most 4 requests)");
        assertThat(split.err()).contains("L1GT: 100% (").contains("L1T: 100% (");
    }

    @Test
    void autoSplitLoadsEveryDatapoint() {
        Cli.Result result = Cli.run("--url", DemoFixture.url(), "load", LANDSAT, "L1T", "L2SP", "--from",
                "2020-01-01", "--to", "2020-02-01", "--split", "auto", "--format", "csv", "--no-progress");

        assertThat(result.exit()).as(result.err()).isZero();
        List<String> rows = List.of(result.out().split("\r\n"));
        long l1t = rows.stream().filter(r -> r.startsWith("L1T,")).count();
        long l2sp = rows.stream().filter(r -> r.startsWith("L2SP,")).count();
        assertThat(result.err()).containsPattern("L1T\\s+" + l1t + "\\s").containsPattern("L2SP\\s+"
                + String.format("%,d", l2sp) + "\\s");
        assertThat(rows).doesNotHaveDuplicates();
    }

    @Test
    void aTimeoutCancelsTheLoadAndNamesWhatWasUnfinished() {
        try (LocalServer slow = slowServer()) {
            Cli.Result result = Cli.run("--url", slow.url().toString(), "load", LANDSAT, "L1GT", "L1T", "--from",
                    "2020-01-01", "--to", "2020-02-01", "--timeout", "150ms", "--no-progress");

            assertThat(result.exit()).isEqualTo(1);
            assertThat(result.out()).isEmpty();
            assertThat(result.err().lines().toList()).singleElement().asString().startsWith("skyloom: ")
                    .contains("150ms").contains("L1GT").contains("L1T");
        }
    }

    @Test
    void keepGoingReportsEveryFailedCollectionAfterTheSummary() {
        try (LocalServer slow = slowServer()) {
            Cli.Result result = Cli.run("--url", slow.url().toString(), "load", LANDSAT, "L1GT", "L1T", "--from",
                    "2020-01-01", "--to", "2020-02-01", "--timeout", "150ms", "--keep-going", "--no-progress");

            assertThat(result.exit()).isEqualTo(1);
            List<String> err = result.err().lines().toList();
            assertThat(err).anySatisfy(l -> assertThat(l).matches("L1GT\\s+failed.*"));
            assertThat(err).anySatisfy(l -> assertThat(l).matches("L1T\\s+failed.*"));
            assertThat(err.getLast()).startsWith("skyloom: 2 of 2 collections failed; L1GT: deadline of 150ms passed")
                    .contains("; L1T: deadline of 150ms passed");
        }
    }

    /** The demo catalogue behind 400 ms of latency per request: a 150 ms deadline passes before any page arrives. */
    private static LocalServer slowServer() {
        return DemoFixture.another(LocalServerConfig.defaults().withLatency(Duration.ofMillis(400)));
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = new String[first.length + more.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
