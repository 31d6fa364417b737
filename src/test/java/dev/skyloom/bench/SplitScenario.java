package dev.skyloom.bench;

import dev.skyloom.DatasetsClient;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Scenario 3: split scaling. One collection of P pages loaded by {@code ConcurrentLoader} cut into k time slices,
 * k = 1, 2, 4, 8, 16: with the load latency-bound, time(k) should fall like time(1) / k.
 */
final class SplitScenario implements Scenario {

    private static final Duration SPACING = Duration.ofSeconds(1);

    @Override
    public int number() {
        return 3;
    }

    @Override
    public String title() {
        return "Split scaling: one collection in k slices";
    }

    @Override
    public ScenarioReport run(BenchSettings settings, PrintStream log) throws Exception {
        int[] ks = settings.quick() ? new int[]{1, 2, 4} : new int[]{1, 2, 4, 8, 16};
        int pageSize = settings.quick() ? 10 : 100;
        int pages = settings.quick() ? 8 : 32;
        String latency = settings.quick() ? "5ms" : "100ms";
        try (ServerProcess server = ServerProcess.start(settings, "3",
                "--latency", latency, "--page-size", String.valueOf(pageSize));
             DatasetsClient client = DatasetsClient.builder().url(server.url().toString()).apiKey(null).build()) {
            BenchCollections data = BenchCollections.create(server.url(), client, "bench_split", 1,
                    pages * pageSize, SPACING, 1);
            log.printf("  one collection of %d pages ready; warming up%n", pages);
            data.check(Loads.concurrent(data.handles(), data.query(), ks[ks.length - 1]));
            data.check(Loads.concurrent(data.handles(), data.query(), 1));

            double[] medians = new double[ks.length];
            for (int i = 0; i < ks.length; i++) {
                int k = ks[i];
                List<Double> times = new ArrayList<>();
                for (int rep = 0; rep < settings.reps(); rep++) {
                    times.add(Timing.seconds(() -> data.check(Loads.concurrent(data.handles(), data.query(), k))));
                }
                medians[i] = Timing.median(times);
                log.printf("  k = %d: %.2f s%n", k, medians[i]);
            }
            ScenarioReport.Builder report = new ScenarioReport.Builder(number(), title())
                    .setting("server", "separate process, " + server.flags())
                    .setting("collection", pages + " pages x " + pageSize + " datapoints, evenly spaced in time")
                    .setting("loader", "ConcurrentLoader with split(k)")
                    .setting("repetitions", settings.reps() + ", medians reported");
            for (int i = 0; i < ks.length; i++) {
                int k = ks[i];
                double ideal = medians[0] / k;
                report.row("k", k, "seconds", medians[i], "time(1) / k", ideal, "time(k) / (time(1) / k)",
                        medians[i] / ideal, "speed-up time(1) / time(k)", medians[0] / medians[i]);
                if (k > 1 && k <= 8) {
                    report.target(Target.atMost("time(k) / (time(1) / k), k = " + k, medians[i] / ideal, 1.2));
                }
            }
            return report.build();
        }
    }
}
