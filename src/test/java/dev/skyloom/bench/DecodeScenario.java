package dev.skyloom.bench;

import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Scenario 4: decode throughput with JMH. A Sentinel-2 page from the demo catalogue is decoded by
 * {@code DatapointType.decodeAll} and by protobuf-java's bare {@code DynamicMessage} parse (the practical limit);
 * JMH's GC profiler gives the bytes allocated per operation.
 */
final class DecodeScenario implements Scenario {

    private static final String RAW = "rawDynamicMessageParse";
    private static final String DECODE = "skyloomDecodeAll";
    private static final String DECODE_FIELDS = "skyloomDecodeAllFields";

    @Override
    public int number() {
        return 4;
    }

    @Override
    public String title() {
        return "Decode throughput (JMH)";
    }

    @Override
    public ScenarioReport run(BenchSettings settings, PrintStream log) throws Exception {
        int pageSize = settings.quick() ? 50 : 1000;
        Files.createDirectories(settings.out());
        Path fixture = settings.out().resolve("sentinel2-page.bin");
        DecodeFixture page = DecodeFixture.sentinel2(pageSize);
        page.write(fixture);
        long pageBytes = page.values().stream().mapToLong(v -> v.size()).sum();

        int forks = settings.quick() ? 0 : 1;
        int warmups = settings.quick() ? 1 : 2;
        int iterations = settings.quick() ? 1 : 3;
        TimeValue time = settings.quick() ? TimeValue.milliseconds(100) : TimeValue.seconds(1);
        Options options = new OptionsBuilder()
                .include(DecodeBenchmark.class.getName() + "\\.")
                .param("fixture", fixture.toAbsolutePath().toString())
                .forks(forks).warmupIterations(warmups).warmupTime(time)
                .measurementIterations(iterations).measurementTime(time)
                .addProfiler(GCProfiler.class)
                .jvmArgsAppend("--enable-preview", "-Xmx1g")
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT)
                .build();
        // JMH runs one benchmark after the other; on a shared machine the load can change in between, so the suite
        // runs a few rounds of all three and reports the medians, ratios taken within each round.
        Map<String, List<Double>> rates = new HashMap<>();
        Map<String, List<Double>> ratios = new HashMap<>();
        Map<String, List<Double>> allocations = new HashMap<>();
        for (int round = 1; round <= settings.reps(); round++) {
            log.printf("  JMH round %d of %d: 3 benchmarks, %d fork, %d x %s warm-up, %d x %s measured%n", round,
                    settings.reps(), forks, warmups, time, iterations, time);
            Map<String, double[]> byMethod = new HashMap<>();
            for (RunResult result : new Runner(options).run()) {
                String name = result.getParams().getBenchmark();
                byMethod.put(name.substring(name.lastIndexOf('.') + 1), new double[]{
                        result.getPrimaryResult().getScore() * pageSize, allocationPerOperation(result) / pageSize});
            }
            double raw = figure(byMethod, RAW)[0];
            for (String method : List.of(RAW, DECODE, DECODE_FIELDS)) {
                double[] figure = figure(byMethod, method);
                rates.computeIfAbsent(method, m -> new ArrayList<>()).add(figure[0]);
                ratios.computeIfAbsent(method, m -> new ArrayList<>()).add(figure[0] / raw);
                allocations.computeIfAbsent(method, m -> new ArrayList<>()).add(figure[1]);
            }
        }
        ScenarioReport.Builder report = new ScenarioReport.Builder(number(), title())
                .setting("page", pageSize + " Sentinel-2 MSI datapoints of the demo catalogue (24 fields, "
                        + pageBytes / pageSize + " bytes each on average)")
                .setting("JMH", "throughput, " + settings.reps() + " rounds of " + forks + " fork, " + warmups
                        + " x " + time + " warm-up, " + iterations + " x " + time + " measured, -prof gc; medians");
        String[][] rows = {
                {RAW, "protobuf-java DynamicMessage.parseFrom (the practical limit)"},
                {DECODE, "DatapointType.decodeAll: what the client does per page"},
                {DECODE_FIELDS, "decodeAll, then fields() of every datapoint"}};
        for (String[] row : rows) {
            report.row("benchmark", row[0], "what", row[1],
                    "datapoints/s", Math.round(Timing.median(rates.get(row[0]))),
                    "ratio to raw", Timing.median(ratios.get(row[0])),
                    "bytes allocated per datapoint", Math.round(Timing.median(allocations.get(row[0]))));
        }
        return report
                .target(Target.atLeast("decodeAll / raw parse (datapoints per second)",
                        Timing.median(ratios.get(DECODE)), 0.8))
                .note("decodeAll reads each datapoint's id and time, checks the framing of its other fields and "
                        + "keeps the bytes; the other fields are parsed (one DynamicMessage parse) and converted to "
                        + "Java values (JTS geometries, Instants, UUIDs, enum names) when first read, which is what "
                        + "the last row measures: it is slower than the raw parse because it includes that parse. "
                        + "Bytes allocated per datapoint are JMH's gc.alloc.rate.norm divided by the page size. The "
                        + "ratio is the median of the rounds' ratios.")
                .build();
    }

    private static double[] figure(Map<String, double[]> byMethod, String method) {
        double[] figure = byMethod.get(method);
        if (figure == null) {
            throw new IllegalStateException("JMH returned no result for " + method + " (got " + byMethod.keySet()
                    + ")");
        }
        return figure;
    }

    private static double allocationPerOperation(RunResult result) {
        for (Map.Entry<String, Result> secondary : result.getSecondaryResults().entrySet()) {
            if (secondary.getKey().endsWith("gc.alloc.rate.norm")) {
                return secondary.getValue().getScore();
            }
        }
        throw new IllegalStateException("JMH's GC profiler gave no gc.alloc.rate.norm for "
                + result.getParams().getBenchmark());
    }
}
