package dev.skyloom.bench;

import dev.skyloom.Collection;
import dev.skyloom.Dataset;
import dev.skyloom.DatasetsClient;
import dev.skyloom.Query;
import dev.skyloom.concurrent.ConcurrentLoader;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Scenario 7: the whole command a user runs, {@code skyloom load ... --output-dir DIR} of the four Landsat-8
 * collections of 2020 (111,593 datapoints), against a server process with 200 ms of latency and with none: the load
 * alone in-process, the whole command (load and write the files) in-process and as its own process with its peak
 * RSS, for CSV and GeoParquet, and, where the official Python client is installed, its aio client's load of the same
 * collections on the same server. Also what the automatic split costs a collection of one page.
 */
final class WholeCommandScenario implements Scenario {

    private static final String DATASET = "open_data.copernicus.landsat8_oli_tirs";
    private static final List<String> NAMES = List.of("L1GT", "L1T", "L1TP", "L2SP");
    private static final List<String> FORMATS = List.of("csv", "parquet");
    private static final double PYTHON_TARGET = 0.35;
    private static final double RSS_TARGET_MIB = 400;
    private static final double RATE_TARGET = 0.8;
    /** One-page loads per repetition, alternating auto and no split: each takes about one round trip. */
    private static final int ONE_PAGE_RUNS = 11;
    /** The key of the load-only run's CPU times, beside the formats'. */
    private static final String LOAD = "load";

    @Override
    public int number() {
        return 7;
    }

    @Override
    public String title() {
        return "Whole command: the Landsat-8 load into files, in-process and as a process";
    }

    @Override
    public ScenarioReport run(BenchSettings settings, PrintStream log) throws Exception {
        String from = "2020-01-01";
        String to = settings.quick() ? "2020-01-08" : "2021-01-01";
        String slowLatency = settings.quick() ? "5ms" : "200ms";
        Optional<String> python = PythonAioLoad.find();
        Path work = settings.out().resolve("whole-command").toAbsolutePath();
        ScenarioReport.Builder report = new ScenarioReport.Builder(number(), title())
                .setting("server", "separate process, --demo --page-size 1000, --latency " + slowLatency + " and 0ms")
                .setting("query", from + " to " + to + ", the four Landsat-8 collections")
                .setting("command", "skyloom load ... --format csv|parquet --output-dir DIR --no-progress (split auto"
                        + " by default)")
                .setting("process", CommandProcess.describe())
                .setting("python", python.map(p -> p + ", tilebox.datasets.aio Client(transport=\"http1\"),"
                        + " asyncio.gather").orElse("not found (set SKYLOOM_TILEBOX_PYTHON); its rows are skipped"))
                .setting("repetitions", settings.reps() + ", medians reported");
        for (String latency : List.of(slowLatency, "0ms")) {
            try (ServerProcess server = ServerProcess.start(settings, "7-" + latency, "--demo", "--latency", latency,
                    "--page-size", "1000");
                 DatasetsClient client = DatasetsClient.builder().url(server.url().toString()).apiKey(null).build()) {
                log.printf("  latency %s: warming up%n", latency);
                Measured m = measure(settings, log, server, client, python, from, to, work.resolve(latency));
                m.report(report, latency, latency.equals(slowLatency), latency.equals("0ms"));
            }
        }
        return report.note("load only: ConcurrentLoader.load in the benchmark's JVM (warm); whole command in-process:"
                        + " the CLI's command line run in the same JVM (warm), from parsing the arguments to the last"
                        + " file renamed; as a process: a new JVM, start-up included, its peak RSS the VmHWM of"
                        + " /proc/<pid>/status polled every 20 ms. Python aio: the gather alone, timed in Python.")
                .build();
    }

    private Measured measure(BenchSettings settings, PrintStream log, ServerProcess server, DatasetsClient client,
                             Optional<String> python, String from, String to, Path work) throws Exception {
        Query query = Query.between(from, to);
        Dataset landsat = client.dataset(DATASET);
        List<Collection> collections = NAMES.stream().map(landsat::collection).toList();
        Collection onePage = landsat.collection("L1T");
        Query oneDay = Query.between("2020-01-01", "2020-01-02");
        long[] expected = Loads.concurrent(collections, query, Loads.AUTO_SPLIT);
        long total = Arrays.stream(expected).sum();
        Measured m = new Measured(total);
        for (String format : FORMATS) { // warm the command's classes up, as the load's are above
            Path dir = work.resolve(format + "-warm-up");
            InProcessCommand.run(commandArgs(server, from, to, format), dir, total);
            OutputFiles.deleteTree(dir);
        }
        for (int rep = 0; rep < settings.reps(); rep++) {
            CpuTimes load = CpuTimes.of(server.pid(), () -> check(expected, Loads.concurrent(collections, query,
                    Loads.AUTO_SPLIT)));
            m.loadOnly.add(load.wall());
            m.cpu.computeIfAbsent(LOAD, f -> new ArrayList<>()).add(load);
            for (String format : FORMATS) {
                List<String> args = commandArgs(server, from, to, format);
                Path dir = work.resolve(format + "-in-process");
                double[] seconds = new double[1];
                CpuTimes cpu = CpuTimes.of(server.pid(), () -> seconds[0] = InProcessCommand.run(args, dir, total));
                m.inProcess.computeIfAbsent(format, f -> new ArrayList<>()).add(seconds[0]);
                m.cpu.computeIfAbsent(format, f -> new ArrayList<>()).add(cpu);
                Path processDir = work.resolve(format + "-process");
                List<String> processArgs = new ArrayList<>(args);
                processArgs.add(processDir.toString());
                CommandProcess.Run run = CommandProcess.run(processArgs, work.resolve(format + "-process.log"));
                InProcessCommand.checkTotal(run.exit(), run.output(), total);
                m.process.computeIfAbsent(format, f -> new ArrayList<>()).add(run.seconds());
                m.rss.computeIfAbsent(format, f -> new ArrayList<>()).add(run.peakBytes() / 1048576.0);
                OutputFiles.deleteTree(dir);
                OutputFiles.deleteTree(processDir);
            }
            if (python.isPresent()) {
                PythonAioLoad.Result py = PythonAioLoad.run(python.get(), server.url(), DATASET, from, to, NAMES,
                        work.resolve("python.log"));
                check(expected, py.counts());
                m.python.add(py.seconds());
            }
            for (int i = 0; i < ONE_PAGE_RUNS; i++) {
                m.onePageAuto.add(Timing.seconds(() -> ConcurrentLoader.create().load(List.of(onePage), oneDay)));
                m.onePageNone.add(Timing.seconds(() -> ConcurrentLoader.create().withSplit(1)
                        .load(List.of(onePage), oneDay)));
            }
            log.printf("  rep %d: load %.2f s, csv %.2f / %.2f s, parquet %.2f / %.2f s, python %s%n", rep + 1,
                    m.loadOnly.getLast(), m.inProcess.get("csv").getLast(), m.process.get("csv").getLast(),
                    m.inProcess.get("parquet").getLast(), m.process.get("parquet").getLast(),
                    m.python.isEmpty() ? "-" : String.format("%.2f s", m.python.getLast()));
        }
        return m;
    }

    /** {@return the command's arguments, up to {@code --output-dir} without its directory} */
    private static List<String> commandArgs(ServerProcess server, String from, String to, String format) {
        return List.of("--url", server.url().toString(), "load", DATASET, NAMES.get(0), NAMES.get(1), NAMES.get(2),
                NAMES.get(3), "--from", from, "--to", to, "--format", format, "--no-progress", "--output-dir");
    }

    private static long[] check(long[] expected, long[] counts) {
        if (!Arrays.equals(expected, counts)) {
            throw new IllegalStateException("a load returned " + Arrays.toString(counts) + " datapoints per"
                    + " collection, expected " + Arrays.toString(expected));
        }
        return counts;
    }

    /** The figures of one latency, repetition by repetition. */
    private static final class Measured {
        final long total;
        final List<Double> loadOnly = new ArrayList<>();
        final Map<String, List<Double>> inProcess = new LinkedHashMap<>();
        final Map<String, List<Double>> process = new LinkedHashMap<>();
        final Map<String, List<Double>> rss = new LinkedHashMap<>();
        /** The in-process runs' CPU times: {@link #LOAD} and each format. */
        final Map<String, List<CpuTimes>> cpu = new LinkedHashMap<>();
        final List<Double> python = new ArrayList<>();
        final List<Double> onePageAuto = new ArrayList<>();
        final List<Double> onePageNone = new ArrayList<>();

        Measured(long total) {
            this.total = total;
        }

        void report(ScenarioReport.Builder report, String latency, boolean slow, boolean unlimited) {
            double load = Timing.median(loadOnly);
            double py = python.isEmpty() ? Double.NaN : Timing.median(python);
            row(report, latency, "load only, in-process (ConcurrentLoader.load)", load, load, py, "", cpu(LOAD));
            for (String format : FORMATS) {
                double in = Timing.median(inProcess.get(format));
                double proc = Timing.median(process.get(format));
                double mib = Timing.median(rss.get(format));
                row(report, latency, "whole command " + format + ", in-process", in, load, py, "", cpu(format));
                row(report, latency, "whole command " + format + ", as a process", proc, load, py, mib, null);
                if (slow && !python.isEmpty()) {
                    report.target(Target.atMost("latency " + latency + ": whole command " + format
                            + " as a process / Python aio load", proc / py, PYTHON_TARGET));
                }
                if (slow) {
                    report.target(Target.atMost("latency " + latency + ": peak RSS MiB of the " + format
                            + " command", mib, RSS_TARGET_MIB));
                }
                if (unlimited) {
                    report.note(cpuBound(format, in));
                    report.target(Target.atLeast("latency 0: whole command " + format + " in-process datapoints/s"
                            + " / load-only datapoints/s", load / in, RATE_TARGET));
                }
            }
            if (!python.isEmpty()) {
                row(report, latency, "Python aio client, asyncio.gather (load only)", py, load, py, "", null);
            }
            double auto = Timing.median(onePageAuto);
            double none = Timing.median(onePageNone);
            row(report, latency, "one-page collection (L1T, one day), split auto", auto, load, Double.NaN, "", null);
            row(report, latency, "one-page collection (L1T, one day), split none", none, load, Double.NaN, "", null);
            report.note(String.format(java.util.Locale.ROOT, "latency %s: a one-page collection takes %.3f s with"
                    + " the automatic split and %.3f s without (%.2f x): no request is added for it.", latency,
                    auto, none, auto / none));
        }

        /** {@return the median client and server CPU seconds of the in-process runs of {@code key}} */
        private double[] cpu(String key) {
            List<CpuTimes> runs = cpu.get(key);
            return new double[]{Timing.median(runs.stream().map(CpuTimes::client).toList()),
                    Timing.median(runs.stream().map(CpuTimes::server).toList())};
        }

        /**
         * {@return what the CPU both processes spend allows at best: were the cores as busy in the command as in the
         * load, the command's time would be its CPU over the load's, so that ratio caps the rate target}
         */
        private String cpuBound(String format, double commandSeconds) {
            int cores = Runtime.getRuntime().availableProcessors();
            double[] load = cpu(LOAD);
            double[] command = cpu(format);
            double loadBusy = (load[0] + load[1]) / (Timing.median(loadOnly) * cores);
            double commandBusy = (command[0] + command[1]) / (commandSeconds * cores);
            return String.format(java.util.Locale.ROOT, "latency 0, %s: the load alone takes %.2f s of client CPU"
                            + " and %.2f s of the server's, the command %.2f s and %.2f s; writing adds %.2f s"
                            + " (%.1f us a datapoint). The server shares the %d cores, %.0f %% busy in the load and"
                            + " %.0f %% in the command: with them as busy as in the load, the command's rate would be"
                            + " %.3f of the load's, the ratio of their CPU (measured: %.3f).", format, load[0], load[1], command[0],
                    command[1], command[0] - load[0], (command[0] - load[0]) / total * 1e6, cores, 100 * loadBusy,
                    100 * commandBusy, (load[0] + load[1]) / (command[0] + command[1]),
                    Timing.median(loadOnly) / commandSeconds);
        }

        private void row(ScenarioReport.Builder report, String latency, String run, double seconds, double load,
                         double py, Object mib, double[] cpu) {
            report.row("latency", latency, "run", run, "seconds", seconds, "datapoints/s",
                    Math.round(total / seconds), "vs load only", seconds / load, "vs Python aio",
                    Double.isNaN(py) ? "" : seconds / py, "peak RSS MiB", mib,
                    "client CPU s", cpu == null ? "" : cpu[0], "server CPU s", cpu == null ? "" : cpu[1]);
        }
    }
}
