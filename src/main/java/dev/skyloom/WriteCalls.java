package dev.skyloom;

import com.google.protobuf.Message;
import com.google.protobuf.Parser;

import java.time.Instant;
import java.util.Optional;

/**
 * Sends write requests (Ingest, Delete), whose effects are not idempotent in what they report, retrying transient
 * failures itself rather than in the transport, so that the caller learns whether an earlier attempt may have been
 * applied by the server although its response was lost. The retry policy is the client's.
 */
final class WriteCalls {

    /**
     * How a write ended.
     *
     * @param response  the response, or empty if the last attempt failed with a non-transient error after a retry
     * @param failure   that error, or empty
     * @param retried   whether an earlier attempt failed transiently, so the server may have applied it
     * @param firstSent when the first attempt was sent (client clock)
     */
    record Outcome<T>(Optional<T> response, Optional<SkyloomException> failure, boolean retried, Instant firstSent) {
    }

    private WriteCalls() {
    }

    /**
     * Sends a write, retrying transient failures (unavailable, internal, rate limited) per the client's policy.
     *
     * @return the response or, only after a retry, the non-transient error of the last attempt, for the caller to
     *         reconcile
     * @throws SkyloomException a non-transient error of a first attempt, or the transient error once the retries are
     *                          used up; {@link SkyloomException.Cancelled} if interrupted while waiting
     */
    static <T extends Message> Outcome<T> send(ClientContext context, String service, String method, Message request,
                                               Parser<T> parser) {
        RetryPolicy policy = context.transport().retryPolicy();
        Instant firstSent = Instant.now();
        boolean retried = false;
        for (int attempt = 1; ; attempt++) {
            try {
                T response = context.transport().unary(service, method, request, parser, RetryPolicy.none())
                        .message();
                return new Outcome<>(Optional.of(response), Optional.empty(), retried, firstSent);
            } catch (SkyloomException.Unavailable | SkyloomException.Internal | SkyloomException.RateLimited e) {
                if (attempt > policy.maxRetries()) {
                    throw e;
                }
            } catch (SkyloomException e) {
                if (!retried) {
                    throw e;
                }
                return new Outcome<>(Optional.empty(), Optional.of(e), true, firstSent);
            }
            retried = true;
            try {
                Thread.sleep(policy.backoff(attempt));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SkyloomException.Cancelled("canceled", method + " was cancelled: the calling thread was "
                        + "interrupted while waiting to retry", e);
            }
        }
    }
}
