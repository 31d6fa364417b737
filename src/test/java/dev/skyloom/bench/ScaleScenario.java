package dev.skyloom.bench;

import dev.skyloom.Collection;
import dev.skyloom.DatasetsClient;
import dev.skyloom.Query;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Scenario 5: scale. Ten thousand small collections in one load with the loader's default request limit, against
 * the classic alternative: the same queries on a fixed pool of as many platform threads as the limit.
 */
final class ScaleScenario implements Scenario {

    private static final Duration SPACING = Duration.ofSeconds(1);

    @Override
    public int number() {
        return 5;
    }

    @Override
    public String title() {
        return "Scale: ten thousand small collections in one load";
    }

    @Override
    public ScenarioReport run(BenchSettings settings, PrintStream log) throws Exception {
        int count = settings.quick() ? 100 : 10_000;
        int datapoints = 10;
        String latency = settings.quick() ? "5ms" : "20ms";
        int limit = Loads.maxConcurrentRequests();
        int reps = Math.min(settings.reps(), 2);
        try (ServerProcess server = ServerProcess.start(settings, "5",
                "--latency", latency);
             DatasetsClient client = DatasetsClient.builder().url(server.url().toString()).apiKey(null).build()) {
            BenchCollections data = BenchCollections.create(server.url(), client, "bench_scale", count, datapoints,
                    SPACING, 128);
            log.printf("  %,d collections ready; warming up%n", count);
            data.check(Loads.concurrent(data.first(Math.min(count, 500)), data.query(), 1));
            data.check(onPlatformPool(data.first(Math.min(count, 500)), data.query(), limit));

            List<Double> loaderTimes = new ArrayList<>();
            List<Double> poolTimes = new ArrayList<>();
            ThreadCensus.Figures loader = null;
            ThreadCensus.Figures pool = null;
            for (int rep = 0; rep < reps; rep++) {
                try (ThreadCensus census = ThreadCensus.start()) {
                    loaderTimes.add(Timing.seconds(() -> data.check(Loads.concurrent(data.handles(), data.query(),
                            1))));
                    loader = census.stop();
                }
                try (ThreadCensus census = ThreadCensus.start()) {
                    poolTimes.add(Timing.seconds(() -> data.check(onPlatformPool(data.handles(), data.query(),
                            limit))));
                    pool = census.stop();
                }
            }
            double loaderTime = Timing.median(loaderTimes);
            double poolTime = Timing.median(poolTimes);
            log.printf("  loader %.2f s, platform pool %.2f s%n", loaderTime, poolTime);
            return new ScenarioReport.Builder(number(), title())
                    .setting("server", "separate process, " + server.flags() + " (default page size)")
                    .setting("collections", String.format("%,d of %d datapoints (one page each)", count, datapoints))
                    .setting("loader", "ConcurrentLoader defaults: at most " + limit + " requests in flight")
                    .setting("baseline", "Executors.newFixedThreadPool(" + limit + "), one query per collection")
                    .setting("repetitions", reps + "; wall time is the median, peaks are from the last run")
                    .row("load", "ConcurrentLoader (virtual threads)", "seconds", loaderTime,
                            "collections/s", count / loaderTime, "peak heap MiB", loader.peakHeapBytes() / 1048576.0,
                            "peak live platform threads", loader.peakPlatformThreads(),
                            "peak live virtual threads", loader.peakVirtualThreads(),
                            "virtual threads started", loader.virtualThreads())
                    .row("load", "fixed pool of " + limit + " platform threads", "seconds", poolTime,
                            "collections/s", count / poolTime, "peak heap MiB", pool.peakHeapBytes() / 1048576.0,
                            "peak live platform threads", pool.peakPlatformThreads(),
                            "peak live virtual threads", pool.peakVirtualThreads(),
                            "virtual threads started", pool.virtualThreads())
                    .note("Thread peaks count the whole benchmark JVM (the JDK HTTP client runs its own tasks on "
                            + "virtual threads in both loads); virtual-thread peaks come from JFR start/end events.")
                    .build();
        }
    }

    /** The baseline: every collection's query on a fixed pool of platform threads, results in input order. */
    private static long[] onPlatformPool(List<Collection> collections, Query query, int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> futures = new ArrayList<>(collections.size());
            for (Collection collection : collections) {
                futures.add(pool.submit(() -> collection.query(query).size()));
            }
            long[] counts = new long[futures.size()];
            for (int i = 0; i < counts.length; i++) {
                counts[i] = futures.get(i).get();
            }
            return counts;
        } catch (ExecutionException e) {
            throw new IllegalStateException("a query on the platform pool failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading on the platform pool", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
