package dev.skyloom.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.skyloom.wire.datasets.v1.Dataset;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Scenario 6: memory. One collection of a million datapoints on a server process; a client JVM limited to
 * {@code -Xmx256m} ({@link MemoryProbe}) streams them all through the lazy {@code Collection.pages} and then measures
 * the heap a materialized {@code Collection.query} result holds per datapoint.
 */
final class MemoryScenario implements Scenario {

    private static final String HEAP = "-Xmx256m";
    private static final Duration SPACING = Duration.ofSeconds(1);

    @Override
    public int number() {
        return 6;
    }

    @Override
    public String title() {
        return "Memory: stream a million datapoints with " + HEAP;
    }

    @Override
    public ScenarioReport run(BenchSettings settings, PrintStream log) throws Exception {
        int stream = settings.quick() ? 5_000 : 1_000_000;
        int materialize = settings.quick() ? 2_000 : 100_000;
        try (ServerProcess server = ServerProcess.start(settings, "6",
                "--page-size", "1000")) {
            Dataset dataset;
            double setup;
            try (BenchData data = new BenchData(server.url())) {
                dataset = data.createDataset("bench_memory");
                long began = System.nanoTime();
                data.ingest(dataset, data.createCollection(dataset, "stream"), stream, SPACING);
                setup = (System.nanoTime() - began) / 1e9;
            }
            log.printf("  ingested %,d datapoints in %.0f s; streaming them in a %s client JVM%n", stream, setup,
                    HEAP);
            MemoryProbe.Result result = probe(settings.out().resolve("logs/memory-probe.log"), List.of(
                    server.url().toString(), dataset.getSlug(), "stream", String.valueOf(stream),
                    String.valueOf(materialize), String.valueOf(SPACING.toMillis())));
            return new ScenarioReport.Builder(number(), title())
                    .setting("server", "separate process, " + server.flags() + ", no latency, in-memory store")
                    .setting("client", "separate JVM with " + HEAP)
                    .setting("datapoints", String.format("%,d of the benchmark scene type (%d fields), 1 s apart",
                            stream, 8))
                    .row("measure", "stream all through Collection.pages", "datapoints", result.streamed(),
                            "pages", result.pages(), "seconds", result.streamSeconds(),
                            "datapoints/s", Math.round(result.streamed() / result.streamSeconds()),
                            "peak heap MiB", result.peakHeapBytes() / 1048576.0,
                            "heap bytes per datapoint", "")
                    .row("measure", "materialize with Collection.query", "datapoints", result.materialized(),
                            "pages", "", "seconds", "", "datapoints/s", "", "peak heap MiB", "",
                            "heap bytes per datapoint", Math.round(result.heapPerDatapoint()))
                    .row("measure", "... after reading every datapoint's fields()", "datapoints",
                            result.materialized(), "pages", "", "seconds", "", "datapoints/s", "",
                            "peak heap MiB", "", "heap bytes per datapoint",
                            Math.round(result.heapPerDatapointWithFields()))
                    .target(Target.atLeast("datapoints streamed with " + HEAP + " (must complete)",
                            result.streamed(), stream))
                    .note("Heap per datapoint is the live heap after full GCs with the result held, minus before, "
                            + "divided by its size. A datapoint keeps its id, time and serialized bytes and parses the "
                            + "other fields on first access; reading fields() replaces the bytes with the converted "
                            + "values.")
                    .build();
        }
    }

    private static MemoryProbe.Result probe(Path log, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin",
                "java").toString(), "--enable-preview", HEAP, "-cp", System.getProperty("java.class.path"),
                MemoryProbe.class.getName()));
        command.addAll(args);
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IOException("the memory probe did not finish within 10 minutes; see " + log);
        }
        List<String> output = Files.readAllLines(log);
        String line = output.stream().filter(l -> l.startsWith(MemoryProbe.PREFIX)).findFirst()
                .orElseThrow(() -> new IOException("the " + HEAP + " client exited with status "
                        + process.exitValue() + " without a result: " + String.join(" | ", output.subList(
                        Math.max(0, output.size() - 5), output.size()))));
        return new ObjectMapper().readValue(line.substring(MemoryProbe.PREFIX.length()), MemoryProbe.Result.class);
    }
}
