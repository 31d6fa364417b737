package dev.skyloom.local;

/**
 * A request the local server refuses, with the Connect code and message it answers with. Thrown from anywhere in the
 * handling of a request; {@link ConnectHandler} turns it into a JSON error body with the code's HTTP status.
 */
final class RpcException extends RuntimeException {

    private final ConnectCode code;

    RpcException(ConnectCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    ConnectCode code() {
        return code;
    }

    static RpcException invalidArgument(String message) {
        return new RpcException(ConnectCode.INVALID_ARGUMENT, message);
    }

    static RpcException notFound(String message) {
        return new RpcException(ConnectCode.NOT_FOUND, message);
    }

    static RpcException alreadyExists(String message) {
        return new RpcException(ConnectCode.ALREADY_EXISTS, message);
    }
}
