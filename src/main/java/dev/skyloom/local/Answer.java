package dev.skyloom.local;

import java.util.Map;

/**
 * What the server sends back for one call, in the protocol the client spoke: the HTTP status, headers, body and,
 * for gRPC, trailers.
 *
 * @param status   the HTTP status
 * @param headers  response headers besides those the HTTP layer adds
 * @param body     the body (may be empty)
 * @param trailers HTTP trailers; empty for none
 */
record Answer(int status, Map<String, String> headers, byte[] body, Map<String, String> trailers) {

    /** An answer without trailers. */
    Answer(int status, Map<String, String> headers, byte[] body) {
        this(status, headers, body, Map.of());
    }
}
