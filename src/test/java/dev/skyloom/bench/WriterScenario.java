package dev.skyloom.bench;

import com.google.protobuf.ByteString;
import dev.skyloom.Datapoint;
import dev.skyloom.cli.WriterRuns;
import dev.skyloom.codec.DatapointType;
import dev.skyloom.codec.DatapointTypes;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Scenario 10: how fast each output writer turns datapoints into a file, on the demo catalogue's Landsat-8 L1TP
 * datapoints (65,313 in 2020; pages of 1,000), measured on one thread in CPU time (robust on a shared machine) and
 * wall time (the {@code quick} smoke run takes 600 Sentinel-2 MSI datapoints instead). "Decode included" starts from the page bytes as the client receives them ({@code decodeAll}, then the
 * fields read while writing); "decode excluded" writes datapoints whose fields were already read. The reference row
 * is decoding alone (decodeAll and every datapoint's fields), which the writers' rates are compared with.
 */
final class WriterScenario implements Scenario {

    private static final int PAGE = 1000;
    private static final String[][] WRITERS = {
            {"csv", "none"}, {"jsonl", "none"}, {"geojson", "none"},
            {"parquet", "none"}, {"parquet", "zstd"}, {"parquet", "gzip"}};

    @Override
    public int number() {
        return 10;
    }

    @Override
    public String title() {
        return "Writers: rows per second per format and codec (Landsat-8 L1TP)";
    }

    @Override
    public ScenarioReport run(BenchSettings settings, PrintStream log) throws Exception {
        int count = settings.quick() ? 600 : 65_313;
        log.printf("  capturing %,d datapoints from the demo catalogue%n", count);
        // The smoke run takes Sentinel-2, which the catalogue generates first, to stay quick.
        DecodeFixture fixture = settings.quick() ? DecodeFixture.sentinel2(count)
                : DecodeFixture.landsat8("L1TP", count);
        DatapointType type = new DatapointTypes().register(fixture.type());
        List<List<ByteString>> pages = new ArrayList<>();
        for (int i = 0; i < count; i += PAGE) {
            pages.add(fixture.values().subList(i, Math.min(count, i + PAGE)));
        }
        List<List<Datapoint>> decoded = pages.stream().map(type::decodeAll).toList();
        decoded.forEach(page -> page.forEach(Datapoint::fields));
        Path dir = Files.createDirectories(settings.out().resolve("writers"));

        Map<String, List<double[]>> figures = new LinkedHashMap<>();
        Map<String, Long> sizes = new LinkedHashMap<>();
        int reps = settings.quick() ? 1 : settings.reps() + 1;
        for (int rep = 0; rep < reps; rep++) {
            boolean warmUp = reps > 1 && rep == 0;
            log.printf("  round %d of %d%s%n", rep + 1, reps, warmUp ? " (warm-up, not counted)" : "");
            double[] decode = measure(() -> pages.forEach(page -> type.decodeAll(page).forEach(Datapoint::fields)));
            record(figures, "decode", decode, count, warmUp);
            for (String[] writer : WRITERS) {
                String name = writer[0] + (writer[0].equals("parquet") ? " " + writer[1] : "");
                Path file = dir.resolve("L1TP-" + writer[1] + "." + writer[0]);
                List<Supplier<List<Datapoint>>> fromBytes = pages.stream()
                        .<Supplier<List<Datapoint>>>map(page -> () -> type.decodeAll(page)).toList();
                List<Supplier<List<Datapoint>>> warm = decoded.stream()
                        .<Supplier<List<Datapoint>>>map(page -> () -> page).toList();
                record(figures, name + " included", measure(() -> sizes.put(name, write(writer, fromBytes, file))),
                        count, warmUp);
                record(figures, name + " excluded", measure(() -> write(writer, warm, file)), count, warmUp);
            }
        }
        return report(settings, count, figures, sizes);
    }

    private static ScenarioReport report(BenchSettings settings, int count, Map<String, List<double[]>> figures,
                                         Map<String, Long> sizes) {
        ScenarioReport.Builder report = new ScenarioReport.Builder(10, "Writers: rows per second per format and codec")
                .setting("data", count + (settings.quick() ? " Sentinel-2 MSI" : " Landsat-8 L1TP (27 fields)")
                        + " datapoints of the demo catalogue, pages of " + PAGE)
                .setting("repetitions", (settings.quick() ? 1 : settings.reps()) + " after a warm-up round; medians")
                .setting("thread", "one; CPU time from ThreadMXBean, wall time from System.nanoTime");
        double decodeCpu = median(figures.get("decode"), 0);
        report.row("writer", "decode only (decodeAll + fields)", "rows/s CPU", Math.round(decodeCpu),
                "rows/s wall", Math.round(median(figures.get("decode"), 1)), "file MB", "",
                "CPU per row, decode included (us)", 1e6 / decodeCpu);
        for (String[] writer : WRITERS) {
            String name = writer[0] + (writer[0].equals("parquet") ? " " + writer[1] : "");
            double included = median(figures.get(name + " included"), 0);
            double excluded = median(figures.get(name + " excluded"), 0);
            report.row("writer", name, "rows/s CPU", Math.round(excluded),
                    "rows/s wall", Math.round(median(figures.get(name + " excluded"), 1)),
                    "file MB", sizes.get(name) / 1e6,
                    "CPU per row, decode included (us)", 1e6 / included);
        }
        return report.note("rows/s columns: decode excluded (the datapoints' fields already read). The last column "
                        + "is the CPU a datapoint costs from page bytes to file, decode included: what writing adds "
                        + "to a load on the same cores.")
                .build();
    }

    private static long write(String[] writer, List<Supplier<List<Datapoint>>> pages, Path file) {
        try {
            return WriterRuns.write(writer[0], writer[1], pages, file);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** @return CPU seconds and wall seconds of {@code work} on this thread */
    private static double[] measure(Runnable work) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        work.run();
        return new double[]{(threads.getCurrentThreadCpuTime() - cpu) / 1e9, (System.nanoTime() - wall) / 1e9};
    }

    private static void record(Map<String, List<double[]>> figures, String name, double[] seconds, int rows,
                               boolean warmUp) {
        if (!warmUp) {
            figures.computeIfAbsent(name, n -> new ArrayList<>()).add(new double[]{rows / seconds[0],
                    rows / seconds[1]});
        }
    }

    private static double median(List<double[]> figures, int index) {
        return Timing.median(figures.stream().map(figure -> figure[index]).toList());
    }
}
