package dev.skyloom.bench;

import dev.skyloom.Collection;
import dev.skyloom.DatasetsClient;
import dev.skyloom.Query;
import dev.skyloom.RetryPolicy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Scenario 8: the local server under load while slow sockets try to hold it. 200 clients, each with its own
 * connection, ask for one day of Landsat-8 L1GT at a random date of 2020, one after another, for 30 s (no retries,
 * so every failure counts), while 300 connections send a request's headers one byte a second. Reported: requests,
 * errors, latency p50 and p99 (of every request started in the 30 s), how many slow connections the server closed,
 * and the server's peak resident memory.
 * With {@code baseline=JAR} the same runs against another build's server first (e.g. main's, before the HTTP layer
 * changed), so both lines come from one machine and one run.
 */
final class LoadScenario implements Scenario {

    private static final String DATASET = "open_data.copernicus.landsat8_oli_tirs";
    private static final byte[] SLOW_HEAD = ("POST /datasets.v1.DatasetService/ListDatasets HTTP/1.1\r\nHost: localhost\r\n"
            + "X-Slow: ").getBytes(StandardCharsets.US_ASCII);

    /** What one run measured. */
    private record Run(long requests, long errors, double p50Ms, double p99Ms, long slowClosed, long peakRssKib) {
    }

    @Override
    public int number() {
        return 8;
    }

    @Override
    public String title() {
        return "Load with slow sockets alongside";
    }

    @Override
    public ScenarioReport run(BenchSettings settings, PrintStream log) throws Exception {
        int clients = settings.quick() ? 20 : 200;
        int slowSockets = settings.quick() ? 30 : 300;
        Duration duration = settings.quick() ? Duration.ofSeconds(5) : Duration.ofSeconds(30);
        ScenarioReport.Builder report = new ScenarioReport.Builder(number(), title())
                .setting("server", "--demo (this build: --read-timeout " + (settings.quick() ? "2s" : "10s")
                        + ", so that slow sockets are timed out within the run)")
                .setting("clients", clients)
                .setting("slow sockets", slowSockets + " (one header byte a second)")
                .setting("duration", duration.toSeconds() + " s")
                .setting("request", "one day of L1GT at a random date of 2020, first page, no retries");
        List<String[]> servers = new ArrayList<>();
        if (settings.baseline() != null) {
            servers.add(new String[] {"before (" + Path.of(settings.baseline()).getFileName() + ")",
                settings.baseline()});
        }
        String readTimeout = settings.quick() ? "2s" : "10s";
        servers.add(new String[] {"this build", System.getProperty("java.class.path"), "--read-timeout", readTimeout});
        for (String[] server : servers) {
            log.println("  " + server[0] + ": starting the demo server");
            List<String> flags = new ArrayList<>(List.of("--demo"));
            flags.addAll(Arrays.asList(server).subList(2, server.length));
            try (ServerProcess process = ServerProcess.startFrom(server[1], settings,
                    "7-" + servers.indexOf(server), flags.toArray(String[]::new))) {
                Run run = measure(process, clients, slowSockets, duration, log);
                report.row("server", server[0], "requests", run.requests(), "errors", run.errors(),
                        "p50 ms", round(run.p50Ms()), "p99 ms", round(run.p99Ms()),
                        "slow sockets closed by the server", run.slowClosed(),
                        "server peak RSS MiB", run.peakRssKib() / 1024);
            }
        }
        return report.note("Each client is a DatasetsClient of its own (its own connection); a slow socket that the"
                        + " server closes is opened again at once, so the count of closes shows whether the server"
                        + " times such sockets out. Peak RSS is the server process's VmHWM.")
                .build();
    }

    private static Run measure(ServerProcess server, int clients, int slowSockets, Duration duration,
                               PrintStream log) throws Exception {
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        AtomicLong slowClosed = new AtomicLong();
        List<DatasetsClient> connections = new ArrayList<>();
        List<Collection> collections = new ArrayList<>();
        try {
            for (int i = 0; i < clients; i++) {
                DatasetsClient client = DatasetsClient.builder().url(server.url().toString()).apiKey(null)
                        .retryPolicy(RetryPolicy.none()).build();
                connections.add(client);
                collections.add(client.dataset(DATASET).collection("L1GT"));
            }
            long end = System.nanoTime() + duration.toNanos();
            try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < slowSockets; i++) {
                    threads.submit(() -> trickle(server.url(), end, slowClosed));
                }
                for (Collection collection : collections) {
                    threads.submit(() -> load(collection, end, latencies, errors));
                }
            }
        } finally {
            connections.forEach(DatasetsClient::close);
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        Run run = new Run(sorted.length, errors.get(), percentile(sorted, 0.50), percentile(sorted, 0.99),
                slowClosed.get(), peakRssKib(server.pid()));
        log.printf(Locale.ROOT, "  %d requests, %d errors, p50 %.0f ms, p99 %.0f ms, %d slow sockets closed, "
                + "peak RSS %d MiB%n", run.requests(), run.errors(), run.p50Ms(), run.p99Ms(), run.slowClosed(),
                run.peakRssKib() / 1024);
        return run;
    }

    /** One client: a request after another until the end; each started request counts, however late it ends. */
    private static void load(Collection l1gt, long end, ConcurrentLinkedQueue<Long> latencies, AtomicLong errors) {
        while (System.nanoTime() < end) {
            LocalDate day = LocalDate.of(2020, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(365));
            long start = System.nanoTime();
            try {
                l1gt.pages(Query.between(day.toString(), day.plusDays(1).toString())).findFirst();
                latencies.add(System.nanoTime() - start);
            } catch (RuntimeException e) {
                errors.incrementAndGet();
            }
        }
    }

    /** Holds a connection open with a request head that never ends; opens another when the server closes it. */
    private static void trickle(URI url, long end, AtomicLong closed) {
        while (System.nanoTime() < end) {
            try (Socket socket = new Socket(url.getHost(), url.getPort())) {
                OutputStream out = socket.getOutputStream();
                out.write(SLOW_HEAD);
                out.flush();
                while (System.nanoTime() < end) {
                    Thread.sleep(1000);
                    out.write('a');
                    out.flush();
                }
            } catch (IOException e) {
                closed.incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static double percentile(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sortedNanos.length - 1, Math.ceil(p * sortedNanos.length) - 1);
        return sortedNanos[Math.max(0, index)] / 1e6;
    }

    private static long peakRssKib(long pid) throws IOException {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        if (!Files.exists(status)) {
            return -1;
        }
        return Files.readAllLines(status).stream().filter(line -> line.startsWith("VmHWM:"))
                .map(line -> Arrays.stream(line.split("\\s+")).skip(1).findFirst().orElse("-1"))
                .mapToLong(Long::parseLong).findFirst().orElse(-1);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
