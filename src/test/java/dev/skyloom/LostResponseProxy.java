package dev.skyloom;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A loopback HTTP proxy in front of a real server that can lose one response: the request is forwarded and applied
 * upstream, but the client is answered 503 {@code unavailable}, as when a connection drops after the server did the
 * work.
 */
final class LostResponseProxy implements AutoCloseable {

    private final HttpServer server;
    private final HttpClient upstreamClient = HttpClient.newHttpClient();
    private final URI upstream;
    private final AtomicReference<String> loseNext = new AtomicReference<>();

    LostResponseProxy(URI upstream) throws IOException {
        this.upstream = upstream;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::forward);
        server.start();
    }

    /** {@return the proxy's base URL} */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Loses the response to the next request whose path ends with {@code method}, e.g. {@code /Ingest}. */
    void loseNextResponseTo(String method) {
        loseNext.set(method);
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            HttpRequest.Builder request = HttpRequest.newBuilder(upstream.resolve(path))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(exchange.getRequestBody().readAllBytes()));
            for (String header : new String[] {"Content-Type", "Connect-Protocol-Version", "Authorization"}) {
                String value = exchange.getRequestHeaders().getFirst(header);
                if (value != null) {
                    request.header(header, value);
                }
            }
            HttpResponse<byte[]> response = upstreamClient.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            String lose = loseNext.get();
            if (lose != null && path.endsWith(lose) && loseNext.compareAndSet(lose, null)) {
                byte[] body = "{\"code\":\"unavailable\",\"message\":\"connection reset by proxy\"}"
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(503, body.length);
                exchange.getResponseBody().write(body);
                return;
            }
            response.headers().firstValue("Content-Type")
                    .ifPresent(v -> exchange.getResponseHeaders().set("Content-Type", v));
            response.headers().firstValue("Content-Encoding")
                    .ifPresent(v -> exchange.getResponseHeaders().set("Content-Encoding", v));
            exchange.sendResponseHeaders(response.statusCode(), response.body().length == 0 ? -1 : response.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        upstreamClient.close();
    }
}
