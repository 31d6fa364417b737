package dev.skyloom;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Retries for transient failures: exponential backoff with full jitter.
 *
 * <p>A call is retried when the service could not be reached, answered HTTP 5xx, or answered 429 without a Connect
 * {@code resource_exhausted} body. Before retry {@code n} (1-based) the caller waits a random time drawn uniformly
 * from {@code [0, min(maxBackoff, initialBackoff * 2^(n-1))]}; an interrupt or the end of the call's deadline stops
 * the wait at once.
 * {@snippet :
 * RetryPolicy patient = new RetryPolicy(8, Duration.ofMillis(100), Duration.ofSeconds(10));
 * }
 *
 * @param maxRetries     how many times a failed attempt may be repeated; {@code 0} means one attempt only
 * @param initialBackoff the ceiling of the first wait; zero or positive
 * @param maxBackoff     the largest ceiling any wait may have; at least {@code initialBackoff}
 */
public record RetryPolicy(int maxRetries, Duration initialBackoff, Duration maxBackoff) {

    private static final RetryPolicy DEFAULTS = new RetryPolicy(5, Duration.ofMillis(50), Duration.ofSeconds(5));
    private static final RetryPolicy NONE = new RetryPolicy(0, Duration.ZERO, Duration.ZERO);

    /**
     * Validates the settings.
     *
     * @throws IllegalArgumentException if {@code maxRetries} or a backoff is negative, or
     *                                  {@code initialBackoff > maxBackoff}
     * @throws NullPointerException     if a backoff is null
     */
    public RetryPolicy {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be 0 or more, got " + maxRetries);
        }
        if (initialBackoff.isNegative() || maxBackoff.isNegative()) {
            throw new IllegalArgumentException(
                    "backoffs must not be negative, got initial " + initialBackoff + " and max " + maxBackoff);
        }
        if (initialBackoff.compareTo(maxBackoff) > 0) {
            throw new IllegalArgumentException(
                    "initialBackoff " + initialBackoff + " is larger than maxBackoff " + maxBackoff);
        }
    }

    /**
     * The default policy: 5 retries (6 attempts in all, as the official Go client makes), 50 ms initial backoff,
     * 5 s maximum backoff.
     *
     * @return the default policy
     */
    public static RetryPolicy defaults() {
        return DEFAULTS;
    }

    /**
     * A policy that never retries: every call makes exactly one attempt.
     *
     * @return the no-retry policy
     */
    public static RetryPolicy none() {
        return NONE;
    }

    /**
     * Draws the wait before retry {@code retry}: uniform in {@code [0, min(maxBackoff, initialBackoff * 2^(retry-1))]}.
     *
     * @param retry the 1-based number of the retry about to be made
     * @return a random delay within that range, never negative
     * @throws IllegalArgumentException if {@code retry < 1}
     */
    public Duration backoff(int retry) {
        if (retry < 1) {
            throw new IllegalArgumentException("retry numbers start at 1, got " + retry);
        }
        long ceiling = ceilingNanos(retry - 1);
        long nanos = ceiling == Long.MAX_VALUE
                ? ThreadLocalRandom.current().nextLong(Long.MAX_VALUE)
                : ThreadLocalRandom.current().nextLong(ceiling + 1);
        return Duration.ofNanos(nanos);
    }

    private long ceilingNanos(int doublings) {
        long initial = saturatedNanos(initialBackoff);
        long max = saturatedNanos(maxBackoff);
        if (initial == 0) {
            return 0;
        }
        if (doublings >= Long.SIZE - 1 || initial > (max >> doublings)) {
            return max;
        }
        return initial << doublings;
    }

    private static long saturatedNanos(Duration duration) {
        try {
            return duration.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }
}
