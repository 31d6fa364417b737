package dev.skyloom.bench;

import dev.skyloom.DatasetsClient;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Scenario 1: fan-out efficiency. K equal collections of P pages each, loaded one after another and with
 * {@code ConcurrentLoader}; the ideal is one collection's time (as long as K collections fit under the request
 * limit, the concurrent load can be no faster than its slowest collection).
 */
final class FanOutScenario implements Scenario {

    private static final Duration SPACING = Duration.ofSeconds(1);

    @Override
    public int number() {
        return 1;
    }

    @Override
    public String title() {
        return "Fan-out efficiency: K equal collections";
    }

    @Override
    public ScenarioReport run(BenchSettings settings, PrintStream log) throws Exception {
        int[] ks = settings.quick() ? new int[]{2, 4} : new int[]{4, 16, 100};
        int pageSize = settings.quick() ? 10 : 100;
        int pages = 3;
        Duration latency = Duration.ofMillis(settings.quick() ? 5 : 100);
        int limit = Loads.maxConcurrentRequests();
        try (ServerProcess server = ServerProcess.start(settings, "1",
                "--latency", latency.toMillis() + "ms", "--page-size", String.valueOf(pageSize));
             DatasetsClient client = DatasetsClient.builder().url(server.url().toString()).apiKey(null).build()) {
            int most = ks[ks.length - 1];
            BenchCollections data = BenchCollections.create(server.url(), client, "bench_fanout", most,
                    pageSize * pages, SPACING, 32);
            log.printf("  %d collections of %d pages ready; warming up%n", most, pages);
            data.check(Loads.sequential(data.first(2), data.query()));
            data.check(Loads.concurrent(data.first(Math.min(most, limit)), data.query(), 1));

            ScenarioReport.Builder report = new ScenarioReport.Builder(number(), title())
                    .setting("server", "separate process, " + server.flags())
                    .setting("collections", "K of " + pages + " pages x " + pageSize + " datapoints each")
                    .setting("loader", "ConcurrentLoader defaults (at most " + limit + " requests in flight), no split")
                    .setting("repetitions", settings.reps() + ", medians reported (sequential K = " + most
                            + " once)");
            for (int k : ks) {
                List<Double> sequential = new ArrayList<>();
                List<Double> concurrent = new ArrayList<>();
                List<Double> one = new ArrayList<>();
                int reps = settings.reps();
                for (int rep = 0; rep < reps; rep++) {
                    if (rep == 0 || k < most) {
                        sequential.add(Timing.seconds(() -> data.check(Loads.sequential(data.first(k), data.query()))));
                    }
                    concurrent.add(Timing.seconds(() -> data.check(Loads.concurrent(data.first(k), data.query(), 1))));
                    one.add(Timing.seconds(() -> data.check(Loads.sequential(data.first(1), data.query()))));
                }
                double seq = Timing.median(sequential);
                double conc = Timing.median(concurrent);
                double ideal = Timing.median(one);
                // Above the request limit, K * P requests go out `limit` at a time.
                double bound = ideal * Math.max(1.0, (double) k / limit);
                int speedupBound = Math.min(k, limit);
                log.printf("  K = %d: sequential %.2f s, concurrent %.2f s, one collection %.2f s%n", k, seq, conc,
                        ideal);
                report.row("K", k, "sequential s", seq, "concurrent s", conc, "ideal s (one collection)", ideal,
                        "concurrent / ideal", conc / ideal, "sequential / concurrent", seq / conc,
                        "speed-up target (0.9 x min(K, limit))", 0.9 * speedupBound,
                        "ms per page beyond the latency", (ideal / pages - latency.toMillis() / 1000.0) * 1000);
                String limited = k > limit ? " (ideal x K / limit = " + ReportWriter.number(bound) + " s)" : "";
                report.target(Target.atMost("concurrent / ideal, K = " + k + limited, conc / bound, 1.10));
                report.target(Target.atLeast("speed-up sequential / concurrent, K = " + k, seq / conc,
                        0.9 * speedupBound));
            }
            return report.note("Above the request limit the ideal is one collection's time x K / limit, since the "
                    + "K x P page requests can only go out " + limit + " at a time; the targets use that bound, the "
                    + "table shows the plain ratio to one collection's time. The last column is the CPU and wire "
                    + "time of one page request (server and client) on top of the configured latency: when K "
                    + "requests share 2 cores, it is what keeps the concurrent time above the ideal.").build();
        }
    }
}
