package dev.skyloom;

/**
 * The errors of Skyloom: a closed family, one subclass per way a call can fail, each mapped from the Connect error
 * codes of the Tilebox service (or, for failures before any response, from what happened on the wire).
 *
 * <p>Every message says what failed and, where there is something to do, what to do about it. Messages never contain
 * the API key. Catch the subclass you can act on, for example:
 * {@snippet :
 * try {
 *     client.dataset("open_data.copernicus.sentinel2_msi");
 * } catch (SkyloomException.NotFound e) {
 *     System.err.println(e.getMessage()); // no such dataset 'open_data.copernicus.sentinel2_msi' ...
 * }
 * }
 */
public abstract sealed class SkyloomException extends RuntimeException
        permits SkyloomException.NotFound, SkyloomException.InvalidArgument, SkyloomException.Unauthenticated,
                SkyloomException.PermissionDenied, SkyloomException.RateLimited, SkyloomException.QuotaExhausted,
                SkyloomException.Unavailable, SkyloomException.DeadlineExceeded, SkyloomException.Cancelled,
                SkyloomException.Internal {

    /** The Connect code, see {@link #code()}. */
    private final String code;

    private SkyloomException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /**
     * The Connect code this error was mapped from, e.g. {@code "not_found"}; for failures that never reached the
     * server it is the code they surface as ({@code "unavailable"}, {@code "deadline_exceeded"}, {@code "canceled"}).
     *
     * @return the lower-case snake-case Connect code
     */
    public String code() {
        return code;
    }

    /** A dataset, collection or datapoint does not exist (Connect {@code not_found}, or {@code unimplemented}). */
    public static final class NotFound extends SkyloomException {
        /**
         * Creates the error.
         *
         * @param code    the Connect code
         * @param message what was not found
         * @param cause   the underlying error or null
         */
        public NotFound(String code, String message, Throwable cause) {
            super(code, message, cause);
        }
    }

    /** The request was rejected as malformed (Connect {@code invalid_argument}, {@code failed_precondition},
     * {@code out_of_range}, {@code already_exists}); or, before any request, the JVM lacks what the call needs
     * ({@code failed_precondition}: {@code ConcurrentLoader} without {@code --enable-preview}). */
    public static final class InvalidArgument extends SkyloomException {
        /**
         * Creates the error.
         *
         * @param code    the Connect code
         * @param message what was wrong
         * @param cause   the underlying error or null
         */
        public InvalidArgument(String code, String message, Throwable cause) {
            super(code, message, cause);
        }
    }

    /** No API key, or the key was rejected (Connect {@code unauthenticated}). */
    public static final class Unauthenticated extends SkyloomException {
        /**
         * Creates the error.
         *
         * @param code    the Connect code
         * @param message what was rejected
         * @param cause   the underlying error or null
         */
        public Unauthenticated(String code, String message, Throwable cause) {
            super(code, message, cause);
        }
    }

    /** The key is valid but may not do this (Connect {@code permission_denied}). */
    public static final class PermissionDenied extends SkyloomException {
        /**
         * Creates the error.
         *
         * @param code    the Connect code
         * @param message what was denied
         * @param cause   the underlying error or null
         */
        public PermissionDenied(String code, String message, Throwable cause) {
            super(code, message, cause);
        }
    }

    /** Too many requests: HTTP 429 without a Connect body, after the retries were used up. */
    public static final class RateLimited extends SkyloomException {
        /**
         * Creates the error.
         *
         * @param code    the Connect code
         * @param message what was limited
         * @param cause   the underlying error or null
         */
        public RateLimited(String code, String message, Throwable cause) {
            super(code, message, cause);
        }
    }

    /** A quota or subscription limit is exhausted (Connect {@code resource_exhausted}); retrying does not help. */
    public static final class QuotaExhausted extends SkyloomException {
        /**
         * Creates the error.
         *
         * @param code    the Connect code
         * @param message which limit
         * @param cause   the underlying error or null
         */
        public QuotaExhausted(String code, String message, Throwable cause) {
            super(code, message, cause);
        }
    }

    /** The service could not be reached or answered 5xx / {@code unavailable} after every retry. */
    public static final class Unavailable extends SkyloomException {
        /**
         * Creates the error.
         *
         * @param code    the Connect code
         * @param message what was unreachable
         * @param cause   the underlying error or null
         */
        public Unavailable(String code, String message, Throwable cause) {
            super(code, message, cause);
        }
    }

    /** A timeout or deadline passed (client-side, or Connect {@code deadline_exceeded}). */
    public static final class DeadlineExceeded extends SkyloomException {
        /**
         * Creates the error.
         *
         * @param code    the Connect code
         * @param message what timed out
         * @param cause   the underlying error or null
         */
        public DeadlineExceeded(String code, String message, Throwable cause) {
            super(code, message, cause);
        }
    }

    /**
     * The call was cancelled: the calling thread was interrupted (its interrupt flag is set again when this is
     * thrown), or the server answered {@code canceled}.
     */
    public static final class Cancelled extends SkyloomException {
        /**
         * Creates the error.
         *
         * @param code    the Connect code
         * @param message what was cancelled
         * @param cause   the underlying error or null
         */
        public Cancelled(String code, String message, Throwable cause) {
            super(code, message, cause);
        }
    }

    /** The server failed internally, or answered something that is not a valid response (Connect {@code internal},
     * {@code unknown}, {@code data_loss}, or an undecodable body). */
    public static final class Internal extends SkyloomException {
        /**
         * Creates the error.
         *
         * @param code    the Connect code
         * @param message what failed
         * @param cause   the underlying error or null
         */
        public Internal(String code, String message, Throwable cause) {
            super(code, message, cause);
        }
    }
}
