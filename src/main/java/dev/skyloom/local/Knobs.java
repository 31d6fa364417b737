package dev.skyloom.local;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Random;

/**
 * The knobs that make the local server behave like a remote service: per-request latency with jitter, injected
 * faults and a cap on the response write rate. Randomness comes from one seeded generator.
 */
final class Knobs {

    private static final int CHUNK = 8 * 1024;

    private final Duration latency;
    private final Duration jitter;
    private final double faultRate;
    private final double bytesPerSecond;
    private final Random random;

    Knobs(LocalServerConfig config) {
        this.latency = config.latency();
        this.jitter = config.jitter();
        this.faultRate = config.faultRate();
        this.bytesPerSecond = config.bandwidthMbps() * 1_000_000 / 8;
        this.random = new Random(config.seed());
    }

    /** The delay before this request is answered: the latency plus a uniform draw from [-jitter, +jitter], >= 0. */
    Duration nextDelay() {
        long jitterNanos = jitter.toNanos();
        long offset = jitterNanos == 0 ? 0 : Math.round((random.nextDouble() * 2 - 1) * jitterNanos);
        return Duration.ofNanos(Math.max(0, latency.toNanos() + offset));
    }

    /** Whether this request is to be answered with an injected {@code unavailable}. */
    boolean nextFault() {
        return faultRate > 0 && random.nextDouble() < faultRate;
    }

    /** Writes a body, no faster than the configured bandwidth (at full speed when it is 0). */
    void write(OutputStream out, byte[] body) throws IOException, InterruptedException {
        if (bytesPerSecond <= 0) {
            out.write(body);
            return;
        }
        long start = System.nanoTime();
        for (int offset = 0; offset < body.length; offset += CHUNK) {
            int length = Math.min(CHUNK, body.length - offset);
            out.write(body, offset, length);
            out.flush();
            long due = start + (long) ((offset + length) / bytesPerSecond * 1e9);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(Duration.ofNanos(wait));
            }
        }
    }
}
