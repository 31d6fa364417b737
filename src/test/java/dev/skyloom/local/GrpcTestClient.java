package dev.skyloom.local;

import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.http2.client.HTTP2Client;
import org.eclipse.jetty.http2.client.transport.HttpClientTransportOverHTTP2;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Raw gRPC and gRPC-Web calls over HTTP/2 with prior knowledge (h2c) or HTTP/1.1, through Jetty's client. */
final class GrpcTestClient implements AutoCloseable {

    /** How the client reaches the server. */
    enum Transport { H2C, HTTP1 }

    /** An answer: the HTTP version, status, headers, body and trailers. */
    record Reply(HttpVersion version, int status, HttpFields headers, byte[] body, HttpFields trailers) {
    }

    private final HttpClient http;
    private final URI base;

    GrpcTestClient(URI base, Transport transport) throws Exception {
        this.base = base;
        this.http = transport == Transport.H2C ? new HttpClient(new HttpClientTransportOverHTTP2(new HTTP2Client()))
                : new HttpClient();
        http.start();
    }

    /** Posts a body with the given headers. */
    Reply post(String path, Map<String, String> headers, byte[] body) throws Exception {
        ContentResponse response = http.newRequest(base.resolve(path)).method(HttpMethod.POST)
                .headers(h -> headers.forEach(h::put))
                .body(new BytesRequestContent(headers.getOrDefault("content-type", "application/grpc"), body))
                .timeout(30, TimeUnit.SECONDS).send();
        return new Reply(response.getVersion(), response.getStatus(), response.getHeaders(), response.getContent(),
                response.getTrailers());
    }

    /** A length-prefixed message frame. */
    static byte[] frame(int flags, byte[] message) {
        return ByteBuffer.allocate(5 + message.length).put((byte) flags).putInt(message.length).put(message).array();
    }

    /** Concatenates frames. */
    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    @Override
    public void close() throws Exception {
        http.stop();
    }
}
