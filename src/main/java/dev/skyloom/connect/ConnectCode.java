package dev.skyloom.connect;

import java.util.Locale;
import java.util.Optional;

/** The sixteen Connect error codes, with their wire names and the fallback used when an error body has none. */
enum ConnectCode {
    CANCELED, UNKNOWN, INVALID_ARGUMENT, DEADLINE_EXCEEDED, NOT_FOUND, ALREADY_EXISTS, PERMISSION_DENIED,
    RESOURCE_EXHAUSTED, FAILED_PRECONDITION, ABORTED, OUT_OF_RANGE, UNIMPLEMENTED, INTERNAL, UNAVAILABLE, DATA_LOSS,
    UNAUTHENTICATED;

    /** The lower-case snake-case name used in Connect error bodies, e.g. {@code not_found}. */
    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads a code as it appears in a Connect error body.
     *
     * @param wireName the {@code code} value, possibly null
     * @return the code, or empty when the name is null or not one of the sixteen
     */
    static Optional<ConnectCode> fromWireName(String wireName) {
        if (wireName == null) {
            return Optional.empty();
        }
        for (ConnectCode code : values()) {
            if (code.wireName().equals(wireName)) {
                return Optional.of(code);
            }
        }
        return Optional.empty();
    }

    /**
     * The code a client derives from an HTTP status when the error body carries no usable code. This is deliberately
     * not the inverse of the status a server sends for each code (a 400 becomes {@code internal}).
     *
     * @param status the HTTP status of a non-200 response
     * @return the derived code
     */
    static ConnectCode fromHttpStatus(int status) {
        return switch (status) {
            case 400 -> INTERNAL;
            case 401 -> UNAUTHENTICATED;
            case 403 -> PERMISSION_DENIED;
            case 404 -> UNIMPLEMENTED;
            case 429, 502, 503, 504 -> UNAVAILABLE;
            default -> UNKNOWN;
        };
    }
}
