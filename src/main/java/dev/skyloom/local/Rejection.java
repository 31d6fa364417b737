package dev.skyloom.local;

import dev.skyloom.local.error.RpcException;

/**
 * A request refused at the HTTP level, with an HTTP status more precise than its code's (405, 408, 413, 415): the
 * Connect protocol sends that status, gRPC only the code.
 */
final class Rejection extends RuntimeException {

    private final int httpStatus;
    private final RpcException error;

    Rejection(int httpStatus, RpcException error) {
        super(error.getMessage(), null, false, false);
        this.httpStatus = httpStatus;
        this.error = error;
    }

    int httpStatus() {
        return httpStatus;
    }

    RpcException error() {
        return error;
    }
}
