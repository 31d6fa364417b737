package dev.skyloom.cli;

import dev.skyloom.local.LocalServer;
import dev.skyloom.local.LocalServerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code load} writes each collection while it loads, under a temporary name renamed when the collection is
 * complete: what a failure, a deadline or a stopped process leaves behind, and that split output equals unsplit.
 */
class LoadStreamingTest {

    private static final String LANDSAT = "open_data.copernicus.landsat8_oli_tirs";

    @Test
    void aLoadStoppedMidWriteByItsDeadlineLeavesNoFileAtAll(@TempDir Path dir) throws Exception {
        try (LocalServer slow = slowServer()) {
            AtomicReference<Cli.Result> result = new AtomicReference<>();
            Thread command = Thread.ofVirtual().start(() -> result.set(Cli.run("--url", slow.url().toString(),
                    "load", LANDSAT, "L1GT", "--from", "2020-01-01", "--to", "2021-01-01", "--split", "none",
                    "--timeout", "5s", "--no-progress", "--output-dir", dir.toString())));

            Path part = awaitPartFileWithData(dir, command);
            command.join();

            assertThat(part.getFileName().toString()).startsWith(".L1GT.csv.").endsWith(".part");
            assertThat(result.get().exit()).isEqualTo(1);
            assertThat(result.get().err()).contains("deadline of 5s passed; unfinished: L1GT");
            assertThat(files(dir)).isEmpty();
        }
    }

    @Test
    void withKeepGoingTheCompleteCollectionsAreWrittenAndTheFailedOnesLeaveNothing(@TempDir Path dir) {
        try (LocalServer slow = slowServer()) {
            // L1T's 13 pages of 2020 take well under the deadline, L1GT's 197 pages at 100 ms each far longer
            Cli.Result result = Cli.run("--url", slow.url().toString(), "load", LANDSAT, "L1T", "L1GT", "--from",
                    "2020-01-01", "--to", "2021-01-01", "--split", "none", "--timeout", "10s", "--keep-going",
                    "--no-progress", "--format", "parquet", "--output-dir", dir.toString());

            assertThat(result.exit()).as(result.err()).isEqualTo(1);
            assertThat(files(dir)).as(result.err()).containsExactly("L1T.parquet");
        }
    }

    @Test
    void aStoppedProcessLeavesNoFileUnderAFinalNameAndNoTemporaryFile(@TempDir Path dir) throws Exception {
        try (LocalServer slow = slowServer()) {
            List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                    "--enable-preview", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                    "--url", slow.url().toString(), "load", LANDSAT, "L1GT", "L1TP", "--from", "2020-01-01",
                    "--to", "2021-01-01", "--split", "none", "--format", "jsonl", "--no-progress",
                    "--output-dir", dir.toString()));
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dir.resolveSibling(dir.getFileName() + ".log").toFile()).start();
            try {
                awaitPartFileWithData(dir, null);
                process.destroy(); // SIGTERM: the JVM runs its shutdown hooks, as on Ctrl-C
                assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            } finally {
                process.destroyForcibly();
            }

            assertThat(process.exitValue()).isNotZero();
            assertThat(files(dir)).isEmpty();
        }
    }

    @Test
    void splitOutputIsIdenticalToUnsplitOutputInEveryFormat(@TempDir Path dir) throws IOException {
        for (String format : List.of("csv", "jsonl", "geojson", "parquet")) {
            List<Path> runs = new ArrayList<>();
            for (String split : List.of("none", "4", "auto")) {
                Path out = dir.resolve(format + "-" + split);
                Cli.Result result = Cli.run("--url", DemoFixture.url(), "load", LANDSAT, "L1GT", "L1T", "--from",
                        "2020-01-01", "--to", "2020-04-01", "--split", split, "--format", format, "--no-progress",
                        "--output-dir", out.toString());
                assertThat(result.exit()).as(result.err()).isZero();
                runs.add(out);
            }
            for (String file : List.of("L1GT." + format, "L1T." + format)) {
                Path unsplit = runs.getFirst().resolve(file);
                for (Path split : runs.subList(1, runs.size())) {
                    if (format.equals("parquet")) {
                        assertThat(ParquetFiles.read(split.resolve(file)).rows()).as(split + "/" + file)
                                .hasSizeGreaterThan(100).isEqualTo(ParquetFiles.read(unsplit).rows());
                    } else {
                        assertThat(Files.readString(split.resolve(file))).as(split + "/" + file)
                                .isEqualTo(Files.readString(unsplit));
                    }
                }
            }
        }
    }

    @Test
    void theFilesGetThePermissionsOfAnyNewFileNotPrivateOnes(@TempDir Path dir) throws IOException {
        Cli.Result result = Cli.run("--url", DemoFixture.url(), "load", LANDSAT, "L1T", "--from", "2020-01-01",
                "--to", "2020-03-01", "--no-progress", "--output-dir", dir.toString());
        Path byHand = Files.createFile(dir.resolve("by-hand.txt"));

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(Files.getPosixFilePermissions(dir.resolve("L1T.csv")))
                .isEqualTo(Files.getPosixFilePermissions(byHand));
    }

    @Test
    void onStandardOutputEachCollectionsRowsStayWholeAndInTimeOrder() {
        String[] load = {"--url", DemoFixture.url(), "load", LANDSAT, "L1GT", "L1T", "--from", "2020-01-01",
                "--to", "2020-04-01", "--format", "csv", "--no-progress"};
        Cli.Result sequential = Cli.run(concat(load, "--sequential"));
        Cli.Result split = Cli.run(concat(load, "--split", "6"));

        assertThat(split.exit()).as(split.err()).isZero();
        List<String> expected = sequential.out().lines().toList();
        List<String> got = split.out().lines().toList();
        assertThat(got.getFirst()).isEqualTo(expected.getFirst()).startsWith("collection,");
        for (String collection : List.of("L1GT,", "L1T,")) {
            assertThat(got.stream().filter(l -> l.startsWith(collection)).toList())
                    .isEqualTo(expected.stream().filter(l -> l.startsWith(collection)).toList());
        }
        assertThat(got).hasSameSizeAs(expected);
    }

    @Test
    void theSummarySaysHowEachCollectionWasSplitAndTimesTheWholeCommand(@TempDir Path dir) {
        Cli.Result result = Cli.run("--url", DemoFixture.url(), "load", LANDSAT, "L1TP", "L1T", "--from",
                "2020-01-01", "--to", "2021-01-01", "--format", "csv", "--no-progress", "--output-dir",
                dir.toString());

        assertThat(result.exit()).as(result.err()).isZero();
        List<String> err = result.err().lines().toList();
        assertThat(err).anySatisfy(l -> assertThat(l).matches("collection\\s+datapoints\\s+pages\\s+slices\\s+MB"
                + "\\s+seconds"));
        // L1TP's 65,313 datapoints in pages of 1,000 are worth splitting, L1T's 1,281 are not
        assertThat(err).anySatisfy(l -> assertThat(l).matches("L1TP\\s+65,313\\s+\\d+\\s+(1[0-9]|[2-9])\\s.*"));
        assertThat(err).anySatisfy(l -> assertThat(l).matches("L1T\\s+1,281\\s+2\\s+1\\s.*"));
        assertThat(err.getLast()).endsWith("wall time (concurrent, split auto, at most 32 requests)");
    }

    /** The demo catalogue behind 100 ms of latency per request and pages of 100 datapoints. */
    private static LocalServer slowServer() {
        return DemoFixture.another(LocalServerConfig.defaults().withLatency(Duration.ofMillis(100))
                .withPageSize(100));
    }

    /** Waits until a temporary file in {@code dir} holds data, while {@code command} (if given) still runs. */
    private static Path awaitPartFileWithData(Path dir, Thread command) throws IOException, InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < until && (command == null || command.isAlive())) {
            try (Stream<Path> listing = Files.list(dir)) {
                for (Path file : listing.toList()) {
                    if (file.getFileName().toString().endsWith(".part") && sizeOf(file) > 0) {
                        return file;
                    }
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no temporary file with data appeared in " + dir);
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException gone) {
            return 0;
        }
    }

    private static List<String> files(Path dir) {
        try (Stream<Path> listing = Files.list(dir)) {
            return listing.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = new String[first.length + more.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
