package dev.skyloom.connect;

import dev.skyloom.SkyloomException;

import java.time.Duration;
import java.util.Optional;

/**
 * Turns failures into {@link SkyloomException}s whose messages name the method, the Connect code and the server's
 * message, plus what to do where there is something to do: {@code GetDataset failed (not_found): no such dataset}.
 * Every message passes through {@link #redact}, so the API key never appears even if a server echoes it.
 */
final class ConnectErrors {

    private static final int MAX_DETAIL_LENGTH = 1000;

    private final String host;
    private final String apiKey;

    /**
     * @param host   the server's host and port, as messages name it
     * @param apiKey the API key to keep out of every message, or null
     */
    ConnectErrors(String host, String apiKey) {
        this.host = host;
        this.apiKey = apiKey;
    }

    /**
     * The error for an attempt that failed and will not be repeated.
     *
     * @param attempts how many attempts the call made; a retryable failure that was retried says it gave up after
     *                 them
     */
    SkyloomException fromFailure(String service, String method, AttemptFailure failure, int attempts) {
        StringBuilder text = new StringBuilder(clip(failure.detail()));
        hint(service, method, failure).ifPresent(hint -> text.append("; ").append(hint));
        if (failure.retryable() && attempts > 1) {
            text.append("; giving up after ").append(attempts).append(" attempts");
        }
        String message = headline(method, failure.code()) + text;
        if (failure.rateLimited()) {
            return new SkyloomException.RateLimited(failure.code().wireName(), redact(message), failure.cause());
        }
        return create(failure.code(), redact(message), failure.cause());
    }

    /** The error for a call whose thread was interrupted; the caller restores the interrupt flag. */
    SkyloomException cancelled(String method, Throwable cause) {
        return create(ConnectCode.CANCELED, headline(method, ConnectCode.CANCELED)
                + "the calling thread was interrupted", cause);
    }

    /**
     * The error for a call whose timeout passed.
     *
     * @param attempts how many attempts were started
     * @param last     the failure of the last finished attempt, or null
     */
    SkyloomException callTimedOut(String method, Duration callTimeout, int attempts, AttemptFailure last,
                                  Throwable cause) {
        String message = headline(method, ConnectCode.DEADLINE_EXCEEDED) + "the call timeout of "
                + CallDeadline.describe(callTimeout) + " passed after " + attempts
                + (attempts == 1 ? " attempt" : " attempts")
                + (last == null ? "" : "; last error: " + clip(last.detail()));
        return create(ConnectCode.DEADLINE_EXCEEDED, redact(message), cause);
    }

    /** The error for an attempt that got no response within the attempt timeout (it is not retried). */
    SkyloomException attemptTimedOut(String method, Duration attemptTimeout, Throwable cause) {
        return create(ConnectCode.DEADLINE_EXCEEDED, headline(method, ConnectCode.DEADLINE_EXCEEDED)
                + "no response from " + host + " within the attempt timeout of "
                + CallDeadline.describe(attemptTimeout), cause);
    }

    /** The error for a 200 response that is not a usable protobuf response. */
    SkyloomException badResponse(String method, ConnectCode code, String detail, Throwable cause) {
        return create(code, redact(headline(method, code) + clip(detail)), cause);
    }

    private static String headline(String method, ConnectCode code) {
        return method + " failed (" + code.wireName() + "): ";
    }

    private Optional<String> hint(String service, String method, AttemptFailure failure) {
        if (failure.rateLimited()) {
            return Optional.of("the server is rate limiting requests; slow down or retry later");
        }
        return Optional.ofNullable(switch (failure.code()) {
            case UNIMPLEMENTED -> service + "/" + method + " is not available at " + host
                    + "; is the URL a Tilebox server?";
            case UNAUTHENTICATED -> "set TILEBOX_API_KEY or pass an API key";
            case PERMISSION_DENIED -> "check that the API key has access to this";
            case RESOURCE_EXHAUSTED -> "a quota or subscription limit is reached; retrying does not help";
            default -> null;
        });
    }

    private String redact(String message) {
        return apiKey == null ? message : message.replace(apiKey, "<redacted>");
    }

    private static String clip(String detail) {
        return detail.length() <= MAX_DETAIL_LENGTH ? detail : detail.substring(0, MAX_DETAIL_LENGTH) + "...";
    }

    private static SkyloomException create(ConnectCode code, String message, Throwable cause) {
        String name = code.wireName();
        return switch (code) {
            case NOT_FOUND, UNIMPLEMENTED -> new SkyloomException.NotFound(name, message, cause);
            case INVALID_ARGUMENT, FAILED_PRECONDITION, OUT_OF_RANGE, ALREADY_EXISTS ->
                    new SkyloomException.InvalidArgument(name, message, cause);
            case UNAUTHENTICATED -> new SkyloomException.Unauthenticated(name, message, cause);
            case PERMISSION_DENIED -> new SkyloomException.PermissionDenied(name, message, cause);
            case RESOURCE_EXHAUSTED -> new SkyloomException.QuotaExhausted(name, message, cause);
            case UNAVAILABLE, ABORTED -> new SkyloomException.Unavailable(name, message, cause);
            case DEADLINE_EXCEEDED -> new SkyloomException.DeadlineExceeded(name, message, cause);
            case CANCELED -> new SkyloomException.Cancelled(name, message, cause);
            case INTERNAL, UNKNOWN, DATA_LOSS -> new SkyloomException.Internal(name, message, cause);
        };
    }
}
