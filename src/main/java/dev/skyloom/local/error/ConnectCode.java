package dev.skyloom.local.error;

/** The Connect error codes the local server answers with, each with its wire name and HTTP status. */
public enum ConnectCode {
    /** The client cancelled the call. */
    CANCELED("canceled", 499),
    /** The request is malformed or out of range. */
    INVALID_ARGUMENT("invalid_argument", 400),
    /** The request's deadline passed. */
    DEADLINE_EXCEEDED("deadline_exceeded", 504),
    /** The request names something the server does not hold. */
    NOT_FOUND("not_found", 404),
    /** The request would create a duplicate. */
    ALREADY_EXISTS("already_exists", 409),
    /** Out of room: the store is full, or the request is larger than the server takes. */
    RESOURCE_EXHAUSTED("resource_exhausted", 429),
    /** The server does not allow the request (e.g. a write to a read-only store or a synthetic collection). */
    PERMISSION_DENIED("permission_denied", 403),
    /** No such service or method. */
    UNIMPLEMENTED("unimplemented", 501),
    /** The server failed. */
    INTERNAL("internal", 500),
    /** The server cannot answer now; retrying may help. */
    UNAVAILABLE("unavailable", 503),
    /** The request lacks the required API key. */
    UNAUTHENTICATED("unauthenticated", 401);

    private final String wireName;
    private final int httpStatus;

    ConnectCode(String wireName, int httpStatus) {
        this.wireName = wireName;
        this.httpStatus = httpStatus;
    }

    /** {@return the lower-case snake-case name sent in the error body's {@code code}} */
    public String wireName() {
        return wireName;
    }

    /** {@return the HTTP status a Connect server sends with this code} */
    public int httpStatus() {
        return httpStatus;
    }
}
