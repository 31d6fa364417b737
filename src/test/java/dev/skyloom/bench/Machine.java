package dev.skyloom.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The machine a run measured: what the README's table must name beside the figures.
 *
 * @param cores           processors available to the JVM
 * @param memoryBytes     physical memory
 * @param cpu             the CPU model, or "unknown"
 * @param jdk             the running JDK's version
 * @param vm              the VM's name and vendor
 * @param os              operating system, version and architecture
 * @param loadAverage     the one-minute system load average when the run started (-1 if unavailable): a busy
 *                        machine makes the timed figures noisy
 */
record Machine(int cores, long memoryBytes, String cpu, String jdk, String vm, String os, double loadAverage) {

    /** Describes the machine this JVM runs on. */
    static Machine current() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return new Machine(Runtime.getRuntime().availableProcessors(), os.getTotalMemorySize(), cpuModel(),
                Runtime.version().toString(),
                System.getProperty("java.vm.name") + " (" + System.getProperty("java.vm.vendor") + ")",
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                os.getSystemLoadAverage());
    }

    /** One line, e.g. {@code 2 cores (AMD EPYC 7B13), 23.4 GiB, JDK 25.0.3+9-LTS, Linux 6.1 amd64, load 1.20}. */
    String describe() {
        return String.format(Locale.ROOT, "%d cores (%s), %.1f GiB memory, JDK %s %s, %s, load average %.2f at start",
                cores, cpu, memoryBytes / (1024.0 * 1024 * 1024), jdk, vm, os, loadAverage);
    }

    private static String cpuModel() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(cpuinfo)) {
            return "unknown";
        }
        try (var lines = Files.lines(cpuinfo)) {
            return lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
