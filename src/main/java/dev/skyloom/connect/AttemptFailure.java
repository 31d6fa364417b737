package dev.skyloom.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Objects;
import java.util.Optional;

/**
 * Why one attempt failed, and whether another attempt may succeed.
 *
 * @param code        the Connect code the failure maps to
 * @param detail      what happened: the server's message, or a description of the HTTP status or I/O failure
 * @param retryable   whether the retry policy may repeat the attempt
 * @param rateLimited whether this was an HTTP 429 without a Connect error body (a proxy or rate limiter)
 * @param cause       the underlying exception, or null
 */
record AttemptFailure(ConnectCode code, String detail, boolean retryable, boolean rateLimited, Throwable cause) {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** An error body is a small JSON object; one that inflates past this is not read as one. */
    private static final long ERROR_BODY_LIMIT = 64 << 10;

    AttemptFailure {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(detail, "detail");
    }

    /**
     * Classifies a non-200 response from its status and its Connect error body {@code {code, message, details}}.
     * A body that is missing, not JSON or without a known code falls back to the code derived from the status.
     * Retryable: any status of 500 or more, and a 429 unless its body says {@code resource_exhausted}.
     *
     * @param response the response, with its body as received (possibly gzip-encoded)
     * @param host     the server, for the description of a response without a message
     * @return the failure
     */
    static AttemptFailure fromResponse(HttpResponse<byte[]> response, String host) {
        int status = response.statusCode();
        Optional<JsonNode> body = errorBody(response);
        Optional<ConnectCode> bodyCode = body.flatMap(json -> ConnectCode.fromWireName(text(json, "code")));
        ConnectCode code = bodyCode.orElseGet(() -> ConnectCode.fromHttpStatus(status));
        String message = body.map(json -> text(json, "message")).filter(m -> !m.isBlank()).orElse(null);
        String detail = message != null ? message : "HTTP " + status + " from " + host;
        boolean retryable = status >= 500 || (status == 429 && code != ConnectCode.RESOURCE_EXHAUSTED);
        return new AttemptFailure(code, detail, retryable, status == 429 && bodyCode.isEmpty(), null);
    }

    /**
     * Classifies an I/O failure before a complete response: the service was unreachable ({@code unavailable}),
     * which is always worth another attempt.
     *
     * @param failure the exception thrown by the HTTP client
     * @param host    the server that could not be reached
     * @return the failure
     */
    static AttemptFailure fromIo(IOException failure, String host) {
        return new AttemptFailure(ConnectCode.UNAVAILABLE, "could not reach " + host + " (" + reason(failure) + ")", true,
                false, failure);
    }

    /** What went wrong, in words: the JDK's messages are terse and often missing, and class names mean nothing. */
    private static String reason(IOException failure) {
        String message = failure.getMessage() == null ? "" : failure.getMessage().strip();
        return switch (failure) {
            case java.net.http.HttpConnectTimeoutException _ -> "the connection timed out";
            case java.net.ConnectException _ -> message.isEmpty() ? "connection refused" : message.toLowerCase(
                    java.util.Locale.ROOT);
            case java.net.UnknownHostException _ -> "unknown host";
            case javax.net.ssl.SSLException _ -> "TLS failed" + (message.isEmpty() ? "" : ": " + message);
            case java.io.EOFException _ -> "the connection closed early";
            default -> message.isEmpty() ? "the connection failed" : message;
        };
    }

    private static Optional<JsonNode> errorBody(HttpResponse<byte[]> response) {
        try {
            byte[] body = ContentCoding.decode(response.headers(), response.body(), ERROR_BODY_LIMIT);
            if (body.length == 0) {
                return Optional.empty();
            }
            JsonNode json = JSON.readTree(body);
            return json != null && json.isObject() ? Optional.of(json) : Optional.empty();
        } catch (IOException notAConnectErrorBody) {
            // Not JSON or not decodable: the status decides, as Connect clients do.
            return Optional.empty();
        }
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }
}
