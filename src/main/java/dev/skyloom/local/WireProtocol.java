package dev.skyloom.local;

import dev.skyloom.local.error.RpcException;
import org.eclipse.jetty.http.HttpFields;

import java.time.Duration;
import java.util.Locale;

/**
 * One of the unary RPC protocols the server speaks on its one port, chosen by the request's {@code Content-Type}:
 * Connect ({@code application/proto}), gRPC ({@code application/grpc}) or gRPC-Web ({@code application/grpc-web},
 * {@code application/grpc-web-text}). Each knows its deadline header, how a request message is framed and compressed,
 * and how answers and errors are written. The RPCs never see which one a call used.
 */
sealed interface WireProtocol permits ConnectWire, GrpcWire {

    /**
     * The protocol of a request, by its content type (Connect for anything not gRPC: it answers unsupported types).
     *
     * @param contentType the request's {@code Content-Type}, or null
     * @return the protocol
     */
    static WireProtocol of(String contentType) {
        String type = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (type.startsWith("application/grpc-web-text")) {
            return new GrpcWire(GrpcWire.Variant.WEB_TEXT, type);
        }
        if (type.startsWith("application/grpc-web")) {
            return new GrpcWire(GrpcWire.Variant.WEB, type);
        }
        if (type.startsWith("application/grpc")) {
            return new GrpcWire(GrpcWire.Variant.GRPC, type);
        }
        return new ConnectWire(contentType);
    }

    /**
     * The protocol's short name for log lines: {@code connect}, {@code grpc}, {@code grpc-web}.
     *
     * @return the name
     */
    String name();

    /**
     * Checks what can be checked before the body is read: the content type (codec) and the content encoding.
     *
     * @param headers the request headers
     * @throws RpcException if the request cannot be decoded by this server
     */
    void checkHeaders(HttpFields headers);

    /**
     * The call's timeout from the protocol's header ({@code Connect-Timeout-Ms}, {@code grpc-timeout}).
     *
     * @param headers the request headers
     * @return the timeout, or null if the client set none
     * @throws RpcException invalid_argument if the header is malformed
     */
    Duration timeout(HttpFields headers);

    /**
     * The request message from the body: unframed, base64-decoded and decompressed as the protocol says, never more
     * than {@code limit} bytes.
     *
     * @param body    the request body as received
     * @param headers the request headers
     * @param limit   the most bytes the message may have once decompressed
     * @return the serialized request message
     * @throws RpcException invalid_argument if the body is malformed, resource_exhausted if it inflates beyond the limit
     */
    byte[] message(byte[] body, HttpFields headers, long limit);

    /**
     * The answer carrying a response message.
     *
     * @param message the serialized response message
     * @param headers the request headers (for the accepted encodings)
     * @return the answer
     */
    Answer success(byte[] message, HttpFields headers);

    /**
     * The answer carrying an error.
     *
     * @param error      the error
     * @param httpStatus the HTTP status for protocols that put the error in it (Connect)
     * @param headers    the request headers (for the accepted encodings)
     * @return the answer
     */
    Answer failure(RpcException error, int httpStatus, HttpFields headers);
}
