package dev.skyloom.bench;

import dev.skyloom.Collection;
import dev.skyloom.Dataset;
import dev.skyloom.DatasetsClient;
import dev.skyloom.Query;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Scenario 2: the Python docs' async example replayed. The four Landsat-8 collections of 2020 from the demo
 * catalogue, loaded one after another, with {@code ConcurrentLoader}, and with the loader splitting each collection
 * in time, and {@code skyloom load} with its defaults (in-process, into files). The docs measured 10.92 s
 * sequential against 7.45 s with {@code asyncio.gather} (0.68); a concurrent load can be no faster than its slowest
 * collection, L1TP, about 0.59 of the sequential time.
 */
final class LandsatScenario implements Scenario {

    private static final String DATASET = "open_data.copernicus.landsat8_oli_tirs";
    private static final Map<String, Long> COUNTS_2020 = Map.of("L1GT", 19_624L, "L1T", 1_281L, "L1TP", 65_313L,
            "L2SP", 25_375L);
    private static final List<String> NAMES = List.of("L1GT", "L1T", "L1TP", "L2SP");
    private static final double PYTHON_RATIO = 7.45 / 10.92;

    @Override
    public int number() {
        return 2;
    }

    @Override
    public String title() {
        return "The docs' example: four Landsat-8 collections of 2020";
    }

    @Override
    public ScenarioReport run(BenchSettings settings, PrintStream log) throws Exception {
        String latency = settings.quick() ? "5ms" : "100ms";
        Query query = settings.quick() ? Query.between("2020-01-01", "2020-01-08")
                : Query.between("2020-01-01", "2021-01-01");
        try (ServerProcess server = ServerProcess.start(settings, "2",
                "--demo", "--latency", latency);
             DatasetsClient client = DatasetsClient.builder().url(server.url().toString()).apiKey(null).build()) {
            Dataset landsat = client.dataset(DATASET);
            List<Collection> collections = new ArrayList<>();
            for (String name : NAMES) {
                collections.add(landsat.collection(name));
            }
            log.println("  demo catalogue served; warming up");
            long[] expected = Loads.sequential(collections, query);
            if (!settings.quick()) {
                for (int i = 0; i < NAMES.size(); i++) {
                    if (expected[i] != COUNTS_2020.get(NAMES.get(i))) {
                        throw new IllegalStateException("the demo catalogue has " + expected[i] + " " + NAMES.get(i)
                                + " datapoints in 2020, the docs' example has " + COUNTS_2020.get(NAMES.get(i)));
                    }
                }
            }
            check(expected, Loads.concurrent(collections, query, Loads.AUTO_SPLIT));
            long total = Arrays.stream(expected).sum();
            Path dir = Files.createTempDirectory("skyloom-bench-cli-");
            List<String> command = List.of("--url", server.url().toString(), "load", DATASET, NAMES.get(0),
                    NAMES.get(1), NAMES.get(2), NAMES.get(3), "--from", query.timeInterval().start().toString(),
                    "--to", query.timeInterval().end().toString(), "--no-progress", "--output-dir");
            InProcessCommand.run(command, dir.resolve("warm-up"), total);

            List<Double> sequential = new ArrayList<>();
            List<Double> slowest = new ArrayList<>();
            List<Double> concurrent = new ArrayList<>();
            List<Double> split = new ArrayList<>();
            List<Double> cli = new ArrayList<>();
            for (int rep = 0; rep < settings.reps(); rep++) {
                double sum = 0;
                double max = 0;
                for (Collection collection : collections) {
                    double t = Timing.seconds(() -> collection.query(query));
                    sum += t;
                    max = Math.max(max, t);
                }
                sequential.add(sum);
                slowest.add(max / sum);
                concurrent.add(Timing.seconds(() -> check(expected, Loads.concurrent(collections, query, 1))));
                split.add(Timing.seconds(() -> check(expected, Loads.concurrent(collections, query,
                        Loads.AUTO_SPLIT))));
                cli.add(InProcessCommand.run(command, dir.resolve("rep-" + rep), total));
            }
            double seq = Timing.median(sequential);
            double bound = Timing.median(slowest);
            double conc = Timing.median(concurrent);
            double sliced = Timing.median(split);
            double wholeCommand = Timing.median(cli);
            OutputFiles.deleteTree(dir);
            log.printf("  sequential %.2f s, concurrent %.2f s, with split %.2f s, skyloom load %.2f s%n", seq, conc,
                    sliced, wholeCommand);
            return new ScenarioReport.Builder(number(), title())
                    .setting("server", "separate process, " + server.flags() + " (default page size)")
                    .setting("query", query.timeInterval() + ", " + total + " datapoints in 4 collections")
                    .setting("loader", "ConcurrentLoader defaults; split = autoSplit()")
                    .setting("repetitions", settings.reps() + ", medians reported")
                    .row("load", "sequential (one collection after another)", "seconds", seq, "ratio to sequential",
                            1.0, "Python docs", 1.0)
                    .row("load", "concurrent (one subtask per collection)", "seconds", conc,
                            "ratio to sequential", conc / seq, "Python docs", PYTHON_RATIO)
                    .row("load", "concurrent with split", "seconds", sliced, "ratio to sequential", sliced / seq,
                            "Python docs", "")
                    .row("load", "skyloom load with its defaults, whole command into --output-dir (CSV), in-process",
                            "seconds", wholeCommand, "ratio to sequential", wholeCommand / seq, "Python docs", "")
                    .row("load", "slowest-collection bound (L1TP alone)", "seconds", bound * seq,
                            "ratio to sequential", bound, "Python docs", 65_313.0 / 111_593)
                    .target(Target.atMost("concurrent / sequential vs 1.05 x the measured slowest-collection bound "
                            + ReportWriter.number(bound), conc / seq, 1.05 * bound))
                    .target(Target.atMost("concurrent with split / sequential", sliced / seq, 0.25))
                    .target(Target.atMost("skyloom load (its defaults: split auto) / sequential", wholeCommand / seq,
                            0.25))
                    .note("The slowest-collection bound is measured within the sequential runs: the slowest "
                            + "collection's time over the total. The docs' bound of about 0.59 is L1TP's share of "
                            + "the datapoints (65,313 of 111,593).")
                    .build();
        }
    }

    private static long[] check(long[] expected, long[] counts) {
        if (!Arrays.equals(expected, counts)) {
            throw new IllegalStateException("the concurrent load returned " + Arrays.toString(counts)
                    + " datapoints per collection, the sequential one " + Arrays.toString(expected));
        }
        return counts;
    }
}
