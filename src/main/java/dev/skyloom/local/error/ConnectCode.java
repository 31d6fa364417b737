package dev.skyloom.local.error;

/** The Connect error codes the local server answers with, each with its wire name and HTTP status. */
public enum ConnectCode {
    CANCELED("canceled", 499),
    INVALID_ARGUMENT("invalid_argument", 400),
    DEADLINE_EXCEEDED("deadline_exceeded", 504),
    NOT_FOUND("not_found", 404),
    ALREADY_EXISTS("already_exists", 409),
    RESOURCE_EXHAUSTED("resource_exhausted", 429),
    UNIMPLEMENTED("unimplemented", 501),
    INTERNAL("internal", 500),
    UNAVAILABLE("unavailable", 503),
    UNAUTHENTICATED("unauthenticated", 401);

    private final String wireName;
    private final int httpStatus;

    ConnectCode(String wireName, int httpStatus) {
        this.wireName = wireName;
        this.httpStatus = httpStatus;
    }

    /** The lower-case snake-case name sent in the error body's {@code code}. */
    public String wireName() {
        return wireName;
    }

    /** The HTTP status a Connect server sends with this code. */
    public int httpStatus() {
        return httpStatus;
    }
}
