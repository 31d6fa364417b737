package dev.skyloom.local.error;

/**
 * A request the local server refuses, with the Connect code and message it answers with. Thrown from anywhere in the
 * handling of a request; the server's {@code ConnectHandler} turns it into a JSON error body with the code's HTTP status.
 */
public final class RpcException extends RuntimeException {

    private final ConnectCode code;

    public RpcException(ConnectCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public ConnectCode code() {
        return code;
    }

    public static RpcException invalidArgument(String message) {
        return new RpcException(ConnectCode.INVALID_ARGUMENT, message);
    }

    public static RpcException notFound(String message) {
        return new RpcException(ConnectCode.NOT_FOUND, message);
    }

    public static RpcException alreadyExists(String message) {
        return new RpcException(ConnectCode.ALREADY_EXISTS, message);
    }
}
