package dev.skyloom.bench;

import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/**
 * Counts threads and heap over a stretch of work in this JVM: the peak of live platform threads (ThreadMXBean),
 * the peak of live virtual threads (from JFR's virtual-thread start and end events, which ThreadMXBean does not
 * see) and the peak heap use (the heap pools' peaks after a GC at the start).
 */
final class ThreadCensus implements AutoCloseable {

    private static final String START = "jdk.VirtualThreadStart";
    private static final String END = "jdk.VirtualThreadEnd";

    private final Recording recording = new Recording();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).toList();

    /**
     * The figures of one stretch.
     *
     * @param peakPlatformThreads the most platform threads alive at once
     * @param peakVirtualThreads  the most virtual threads alive at once
     * @param virtualThreads      how many virtual threads were started
     * @param peakHeapBytes       the highest heap use (sum of the heap pools' peaks)
     */
    record Figures(int peakPlatformThreads, int peakVirtualThreads, long virtualThreads, long peakHeapBytes) {
    }

    /** Collects garbage, resets the peaks and starts recording virtual-thread events. */
    static ThreadCensus start() throws InterruptedException {
        System.gc();
        Thread.sleep(100);
        ThreadCensus census = new ThreadCensus();
        census.recording.enable(START);
        census.recording.enable(END);
        census.recording.setToDisk(true);
        census.heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        census.threads.resetPeakThreadCount();
        census.recording.start();
        return census;
    }

    /** Stops recording and returns the peaks since {@link #start()}. */
    Figures stop() throws IOException {
        int platform = threads.getPeakThreadCount();
        long heapPeak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        recording.stop();
        Path file = Files.createTempFile("skyloom-bench", ".jfr");
        try {
            recording.dump(file);
            List<RecordedEvent> events = RecordingFile.readAllEvents(file).stream()
                    .filter(e -> e.getEventType().getName().equals(START) || e.getEventType().getName().equals(END))
                    .sorted(Comparator.comparing(RecordedEvent::getStartTime)
                            .thenComparing(e -> e.getEventType().getName().equals(START) ? 0 : 1))
                    .toList();
            int live = 0;
            int peak = 0;
            long started = 0;
            for (RecordedEvent event : events) {
                if (event.getEventType().getName().equals(START)) {
                    live++;
                    started++;
                    peak = Math.max(peak, live);
                } else {
                    live--;
                }
            }
            return new Figures(platform, peak, started, heapPeak);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Override
    public void close() {
        recording.close();
    }
}
