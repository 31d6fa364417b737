package dev.skyloom.local.error;

import com.google.protobuf.Message;

import java.util.List;

/**
 * A request the local server refuses, with the Connect code and message it answers with, and optional detail messages
 * (the standard error details, e.g. {@code google.rpc.ErrorInfo}). Thrown from anywhere in the handling of a request;
 * the server turns it into the error of the protocol the client speaks (a Connect JSON error with the code's HTTP
 * status, or a gRPC status with {@code grpc-status-details-bin}).
 */
public final class RpcException extends RuntimeException {

    /** The refusal's code, sent to the client in its protocol's form. */
    private final ConnectCode code;
    /** The error details (google.rpc messages) sent along, in order. */
    private final List<Message> details;

    /**
     * A refusal with any code.
     *
     * @param code    the Connect code the server answers with
     * @param message the message sent in the error body; it names the problem
     */
    public RpcException(ConnectCode code, String message) {
        this(code, message, List.of());
    }

    /**
     * A refusal with any code and detail messages.
     *
     * @param code    the Connect code the server answers with
     * @param message the message sent in the error body; it names the problem
     * @param details detail messages sent along (Connect {@code details}, gRPC {@code grpc-status-details-bin})
     */
    public RpcException(ConnectCode code, String message, List<? extends Message> details) {
        super(message, null, false, false);
        this.code = code;
        this.details = List.copyOf(details);
    }

    /** {@return the Connect code the server answers with} */
    public ConnectCode code() {
        return code;
    }

    /**
     * The detail messages sent along with the error.
     *
     * @return the details, often empty
     */
    public List<Message> details() {
        return details;
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

    /**
     * A refusal with {@link ConnectCode#PERMISSION_DENIED}: the server does not allow this request.
     *
     * @param message what is refused and what to do instead
     * @return the exception
     */
    public static RpcException permissionDenied(String message) {
        return new RpcException(ConnectCode.PERMISSION_DENIED, message);
    }
}
