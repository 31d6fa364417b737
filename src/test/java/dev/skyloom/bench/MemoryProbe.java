package dev.skyloom.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.skyloom.Collection;
import dev.skyloom.Datapoint;
import dev.skyloom.DatasetsClient;
import dev.skyloom.Page;
import dev.skyloom.Query;
import dev.skyloom.TimeInterval;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.ref.Reference;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * The client side of the memory scenario, run in a child JVM with a small heap ({@code -Xmx256m}): streams a whole
 * collection through {@code Collection.pages}, then materializes part of it with {@code Collection.query} and
 * measures the heap the result holds. Prints one line {@code RESULT <json>} ({@link Result}).
 */
public final class MemoryProbe {

    /** The line prefix of the result. */
    static final String PREFIX = "RESULT ";

    /**
     * What the probe measured.
     *
     * @param streamed                   datapoints seen while streaming
     * @param pages                      pages streamed
     * @param streamSeconds              how long streaming took
     * @param peakHeapBytes              the highest heap use while streaming (sum of the heap pools' peaks)
     * @param maxHeapBytes               the heap limit the probe ran with
     * @param materialized               datapoints in the materialized result
     * @param heapPerDatapoint           live heap the materialized result holds, per datapoint, as loaded
     * @param heapPerDatapointWithFields the same after every datapoint's fields have been converted
     */
    record Result(long streamed, long pages, double streamSeconds, long peakHeapBytes, long maxHeapBytes,
                  long materialized, double heapPerDatapoint, double heapPerDatapointWithFields) {
    }

    private MemoryProbe() {
    }

    /**
     * Runs the probe.
     *
     * @param args server URL, dataset slug, collection name, datapoints to stream, datapoints to materialize, and
     *             the spacing of the datapoints in milliseconds (they start at {@link BenchData#EPOCH})
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 6) {
            System.err.println("usage: MemoryProbe URL SLUG COLLECTION STREAM MATERIALIZE SPACING_MS");
            System.exit(2);
        }
        long stream = Long.parseLong(args[3]);
        long materialize = Long.parseLong(args[4]);
        Duration spacing = Duration.ofMillis(Long.parseLong(args[5]));
        try (DatasetsClient client = DatasetsClient.builder().url(args[0]).apiKey(null).build()) {
            Collection collection = client.dataset(args[1]).collection(args[2]);
            Result result = measure(collection, stream, materialize, spacing);
            System.out.println(PREFIX + new ObjectMapper().writeValueAsString(result));
        }
    }

    private static Result measure(Collection collection, long stream, long materialize, Duration spacing)
            throws InterruptedException {
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        quiesce();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long streamed = 0;
        long pages = 0;
        long start = System.nanoTime();
        try (Stream<Page> all = collection.pages(Query.of(interval(stream, spacing)))) {
            for (Page page : (Iterable<Page>) all::iterator) {
                streamed += page.datapoints().size();
                pages++;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();

        long before = quiesce();
        List<Datapoint> result = collection.query(Query.of(interval(materialize, spacing)));
        long loaded = quiesce();
        result.forEach(Datapoint::fields);
        long converted = quiesce();
        Reference.reachabilityFence(result);
        return new Result(streamed, pages, seconds, peak, Runtime.getRuntime().maxMemory(), result.size(),
                (loaded - before) / (double) result.size(), (converted - before) / (double) result.size());
    }

    /** [EPOCH, EPOCH + count * spacing): exactly the first {@code count} benchmark datapoints. */
    private static TimeInterval interval(long count, Duration spacing) {
        return TimeInterval.of(BenchData.EPOCH, BenchData.EPOCH.plus(spacing.multipliedBy(count)));
    }

    /** Collects garbage until the live heap settles, and returns it. */
    private static long quiesce() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(50);
            long now = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            if (Math.abs(used - now) < 64 * 1024) {
                return now;
            }
            used = now;
        }
        return used;
    }
}
