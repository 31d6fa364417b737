package dev.skyloom.connect;

import java.util.Objects;

/**
 * A successful unary response.
 *
 * @param message   the decoded response message (the empty message when the body was empty)
 * @param bodyBytes the size of the body as it came over the wire, before any gunzip
 * @param <T>       the response message type
 */
public record ConnectResponse<T>(T message, long bodyBytes) {

    /**
     * Validates the response.
     *
     * @throws NullPointerException     if {@code message} is null
     * @throws IllegalArgumentException if {@code bodyBytes} is negative
     */
    public ConnectResponse {
        Objects.requireNonNull(message, "message");
        if (bodyBytes < 0) {
            throw new IllegalArgumentException("bodyBytes must not be negative, got " + bodyBytes);
        }
    }
}
