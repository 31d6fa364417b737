package dev.skyloom.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Scenario 9: a load larger than the CLI's heap. The local server (a process) serves two synthetic collections that
 * are never stored; {@code skyloom load} as its own process, with the launcher's {@code -Xmx256m}, writes both to
 * {@code --output-dir} as CSV and as GeoParquet, with the automatic split and with {@code --split 1}. Every run must
 * exit 0 and write exactly the datapoints, in time order; the split files must equal the unsplit ones (CSV byte for
 * byte, GeoParquet row for row in the same order). Any failed check fails the scenario.
 */
final class BigLoadScenario implements Scenario {

    private static final String DATASET = "open_data.synthetic";
    private static final List<String> NAMES = List.of("big", "huge");
    private static final List<String> FORMATS = List.of("csv", "parquet");
    private static final List<String> SPLITS = List.of("auto", "1");
    private static final String FROM = "2020-01-01";
    private static final String TO = "2021-01-01";
    private static final double RSS_TARGET_MIB = 400;

    @Override
    public int number() {
        return 9;
    }

    @Override
    public String title() {
        return "A load larger than the heap: two synthetic collections into files at -Xmx256m";
    }

    @Override
    public ScenarioReport run(BenchSettings settings, PrintStream log) throws Exception {
        long perCollection = settings.quick() ? 50_000 : 2_500_000;
        String synthetic = String.join(",", NAMES.stream().map(n -> DATASET + "/" + n + "=" + perCollection)
                .toList());
        Path work = settings.out().resolve("big-load").toAbsolutePath();
        ScenarioReport.Builder report = new ScenarioReport.Builder(number(), title());
        try (ServerProcess server = ServerProcess.start(settings, "9", "--in-memory", "--page-size", "1000",
                "--synthetic", synthetic)) {
            report.setting("server", "separate process, " + server.flags() + ", no latency")
                    .setting("command", "skyloom --url URL load " + DATASET + " " + String.join(" ", NAMES)
                            + " --from " + FROM + " --to " + TO + " --format csv|parquet --split auto|1"
                            + " --no-progress --output-dir DIR")
                    .setting("process", CommandProcess.describe())
                    .setting("datapoints", String.format(Locale.ROOT, "%,d per collection, %,d in all",
                            perCollection, perCollection * NAMES.size()));
            for (String format : FORMATS) {
                try {
                    List<Path> dirs = new ArrayList<>();
                    for (String split : SPLITS) {
                        Path dir = work.resolve(format + "-split-" + split);
                        OutputFiles.deleteTree(dir);
                        dirs.add(dir);
                        loadAndCheck(report, log, server, format, split, dir, perCollection, work);
                    }
                    for (String name : NAMES) {
                        compare(format, dirs.get(0).resolve(name + "." + format),
                                dirs.get(1).resolve(name + "." + format), work);
                    }
                    log.printf("  %s: split auto identical to --split 1%n", format);
                } finally {
                    OutputFiles.deleteTree(work);
                }
            }
        }
        return report.note("Each row is one run of the command as its own process, JVM start-up included; peak RSS"
                        + " is the VmHWM of /proc/<pid>/status polled every 20 ms. Checked for every run (the"
                        + " scenario fails otherwise): exit 0; each file holds exactly the collection's datapoints"
                        + " (CSV: lines minus the header; GeoParquet: rows, read by DuckDB); time never decreases in"
                        + " file order; with the automatic split, the CSV files are byte-identical and the GeoParquet"
                        + " files row-for-row identical, in the same order, to those of --split 1.")
                .build();
    }

    private static void loadAndCheck(ScenarioReport.Builder report, PrintStream log, ServerProcess server,
                                     String format, String split, Path dir, long perCollection, Path work)
            throws Exception {
        List<String> args = List.of("--url", server.url().toString(), "load", DATASET, NAMES.get(0), NAMES.get(1),
                "--from", FROM, "--to", TO, "--format", format, "--split", split, "--no-progress", "--output-dir",
                dir.toString());
        CommandProcess.Run run = CommandProcess.run(args, work.getParent().resolve("logs")
                .resolve("big-load-" + format + "-split-" + split + ".log"));
        if (run.exit() != 0) {
            throw new IllegalStateException("skyloom load --format " + format + " --split " + split + " exited with "
                    + run.exit() + ": " + run.output().strip());
        }
        List<String> sizes = new ArrayList<>();
        long bytes = 0;
        for (String name : NAMES) {
            Path file = dir.resolve(name + "." + format);
            if (format.equals("csv")) {
                OutputFiles.csvRowsInTimeOrder(file, perCollection);
            } else {
                OutputFiles.parquetRowsInTimeOrder(file, perCollection, work.resolve("duckdb-spill"));
            }
            long size = Files.size(file);
            bytes += size;
            sizes.add(String.format(Locale.ROOT, "%s %.1f", name, size / 1048576.0));
        }
        long total = perCollection * NAMES.size();
        double mib = run.peakBytes() / 1048576.0;
        log.printf(Locale.ROOT, "  %s, split %s: %.1f s, peak RSS %.0f MiB, %.1f MiB written%n", format, split,
                run.seconds(), mib, bytes / 1048576.0);
        report.row("format", format, "split", split, "datapoints", total, "seconds", run.seconds(),
                "datapoints/s", Math.round(total / run.seconds()), "peak RSS MiB", mib, "files MiB",
                String.join(", ", sizes));
        report.target(Target.atMost("peak RSS MiB, " + format + ", split " + split, mib, RSS_TARGET_MIB));
    }

    private static void compare(String format, Path split, Path unsplit, Path work) throws Exception {
        if (format.equals("csv")) {
            OutputFiles.sameBytes(split, unsplit);
        } else {
            OutputFiles.sameParquetRows(split, unsplit, work.resolve("duckdb-spill"));
        }
    }
}
