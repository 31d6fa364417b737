package dev.skyloom.concurrent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A JSON thread dump of this JVM, as {@code jcmd <pid> Thread.dump_to_file -format=json} writes it: unlike
 * {@link Thread#getAllStackTraces()} it lists virtual threads, grouped by thread container (scope).
 *
 * @param containers the thread containers' names
 * @param threads    the names of all threads, in every container
 */
record ThreadDump(List<String> containers, List<String> threads) {

    /** Takes a dump now. */
    static ThreadDump take() {
        try {
            Path dir = Files.createTempDirectory("skyloom-dump");
            Path file = dir.resolve("threads.json");
            dumpThreadsAsJson(file);
            JsonNode root = new ObjectMapper().readTree(file.toFile());
            Files.delete(file);
            Files.delete(dir);
            List<String> containers = new ArrayList<>();
            List<String> threads = new ArrayList<>();
            for (JsonNode container : root.path("threadDump").path("threadContainers")) {
                containers.add(container.path("container").asText());
                for (JsonNode thread : container.path("threads")) {
                    threads.add(thread.path("name").asText());
                }
            }
            return new ThreadDump(containers, threads);
        } catch (IOException | ReflectiveOperationException e) {
            throw new IllegalStateException("cannot take a thread dump", e);
        }
    }

    /**
     * Calls {@code HotSpotDiagnosticMXBean.dumpThreads(file, JSON)}. By reflection, because the tests compile as
     * part of module dev.skyloom, which does not read jdk.management; core reflection needs no such edge.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void dumpThreadsAsJson(Path file) throws ReflectiveOperationException {
        Class<?> bean = Class.forName("com.sun.management.HotSpotDiagnosticMXBean");
        Class format = Class.forName("com.sun.management.HotSpotDiagnosticMXBean$ThreadDumpFormat");
        Object mx = Class.forName("java.lang.management.ManagementFactory")
                .getMethod("getPlatformMXBean", Class.class).invoke(null, bean);
        bean.getMethod("dumpThreads", String.class, format).invoke(mx, file.toString(), Enum.valueOf(format, "JSON"));
    }

    /** The threads whose name starts with {@code prefix}. */
    List<String> threadsStartingWith(String prefix) {
        return threads.stream().filter(n -> n.startsWith(prefix)).toList();
    }
}
