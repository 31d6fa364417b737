package dev.skyloom.connect;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;

/** The end of one call's time budget, if it has one; measured on the monotonic clock from the call's start. */
final class CallDeadline {

    private final Duration timeout;
    private final long endNanos;

    private CallDeadline(Duration timeout, long endNanos) {
        this.timeout = timeout;
        this.endNanos = endNanos;
    }

    /**
     * Starts the clock of a call.
     *
     * @param timeout the call timeout, or null for a call without a deadline
     * @return the deadline
     */
    static CallDeadline start(Duration timeout) {
        if (timeout == null) {
            return new CallDeadline(null, 0);
        }
        long nanos;
        try {
            nanos = timeout.toNanos();
        } catch (ArithmeticException centuries) {
            nanos = Long.MAX_VALUE / 2;
        }
        return new CallDeadline(timeout, System.nanoTime() + nanos);
    }

    /** The time left, zero or negative once the deadline has passed; empty when the call has no deadline. */
    Optional<Duration> remaining() {
        return timeout == null ? Optional.empty() : Optional.of(Duration.ofNanos(endNanos - System.nanoTime()));
    }

    /** The call timeout this deadline was started with; only meaningful when {@link #remaining()} is present. */
    Duration timeout() {
        return timeout;
    }

    /**
     * The value of a {@code Connect-Timeout-Ms} header for the time left: whole milliseconds, empty when the call has
     * no deadline or when the value would be zero or longer than the ten digits the protocol allows.
     */
    static Optional<String> timeoutHeader(Duration left) {
        long millis = left.toMillis();
        return millis > 0 && millis < 10_000_000_000L ? Optional.of(Long.toString(millis)) : Optional.empty();
    }

    /** A duration as a person reads it: {@code 250 ms}, {@code 2 s}, {@code 1.5 s}. */
    static String describe(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        return BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString() + " s";
    }
}
