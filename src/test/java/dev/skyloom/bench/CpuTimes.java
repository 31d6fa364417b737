package dev.skyloom.bench;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * CPU seconds the benchmark's own JVM (the client) and a server process spend while a piece of work runs, from
 * {@link ProcessHandle.Info#totalCpuDuration} (user and system time; on Linux in clock ticks of 10 ms). With both on
 * one machine, they show what bounds a CPU-bound run: its wall time cannot be below their sum over the cores.
 *
 * @param client the benchmark JVM's CPU seconds
 * @param server the server process's CPU seconds
 * @param wall   the work's wall-clock seconds
 */
record CpuTimes(double client, double server, double wall) {

    /** Runs {@code work} and returns the CPU both processes spent meanwhile. */
    static CpuTimes of(long serverPid, Runnable work) {
        ProcessHandle server = ProcessHandle.of(serverPid).orElseThrow(
                () -> new IllegalStateException("the server process " + serverPid + " is gone"));
        ProcessHandle client = ProcessHandle.current();
        double client0 = seconds(client);
        double server0 = seconds(server);
        double wall = Timing.seconds(work);
        return new CpuTimes(seconds(client) - client0, seconds(server) - server0, wall);
    }

    private static double seconds(ProcessHandle process) {
        Supplier<IllegalStateException> none = () -> new IllegalStateException("no CPU time for process "
                + process.pid() + " on this platform");
        return process.info().totalCpuDuration().map(Duration::toNanos).orElseThrow(none) / 1e9;
    }
}
