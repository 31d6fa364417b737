package dev.skyloom.local.error;

/**
 * A request the local server refuses, with the Connect code and message it answers with. Thrown from anywhere in the
 * handling of a request; the server's {@code ConnectHandler} turns it into a JSON error body with the code's HTTP status.
 */
public final class RpcException extends RuntimeException {

    /** The code, see {@link #code()}. */
    private final ConnectCode code;

    /**
     * A refusal with any code.
     *
     * @param code    the Connect code the server answers with
     * @param message the message sent in the error body; it names the problem
     */
    public RpcException(ConnectCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    /** {@return the Connect code the server answers with} */
    public ConnectCode code() {
        return code;
    }

    /**
     * A refusal with {@link ConnectCode#INVALID_ARGUMENT}: the request is malformed or out of range.
     *
     * @param message the message sent in the error body; it names the problem
     * @return the exception, to throw
     */
    public static RpcException invalidArgument(String message) {
        return new RpcException(ConnectCode.INVALID_ARGUMENT, message);
    }

    /**
     * A refusal with {@link ConnectCode#NOT_FOUND}: the request names something the server does not hold.
     *
     * @param message the message sent in the error body; it names the problem
     * @return the exception, to throw
     */
    public static RpcException notFound(String message) {
        return new RpcException(ConnectCode.NOT_FOUND, message);
    }

    /**
     * A refusal with {@link ConnectCode#ALREADY_EXISTS}: the request would create a duplicate.
     *
     * @param message the message sent in the error body; it names the problem
     * @return the exception, to throw
     */
    public static RpcException alreadyExists(String message) {
        return new RpcException(ConnectCode.ALREADY_EXISTS, message);
    }
}
