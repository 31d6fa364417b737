package dev.skyloom.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Message;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.skyloom.local.error.ConnectCode;
import dev.skyloom.local.error.RpcException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The Connect unary protocol over HTTP: checks method, path, API key and content type, decodes (gzip) request bodies,
 * applies the knobs, dispatches to the {@link Routes} and writes the answer as {@code application/proto} or as a
 * Connect JSON error. Nothing a client sends can make it throw; unexpected failures become {@code internal} without
 * any detail leaking to the client.
 */
final class ConnectHandler implements HttpHandler {

    private static final System.Logger LOG = System.getLogger(ConnectHandler.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Routes routes;
    private final Knobs knobs;
    private final byte[] expectedAuthorization;

    ConnectHandler(Routes routes, Knobs knobs, String apiKey) {
        this.routes = routes;
        this.knobs = knobs;
        this.expectedAuthorization = apiKey == null ? null : ("Bearer " + apiKey).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] raw = exchange.getRequestBody().readAllBytes();
            try {
                answer(exchange, raw);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                sendError(exchange, ConnectCode.CANCELED.httpStatus(), ConnectCode.CANCELED, "the server is stopping");
            } catch (RpcException e) {
                // one line per refused request, never a stack trace: the message names the problem
                LOG.log(System.Logger.Level.DEBUG, () -> "refused " + exchange.getRequestURI().getPath() + ": "
                        + e.code().wireName() + ": " + e.getMessage().replace('\n', ' ').replace('\r', ' '));
                sendError(exchange, statusOf(e), e.code(), e.getMessage());
            } catch (RuntimeException | Error e) {
                LOG.log(System.Logger.Level.WARNING, "request to " + exchange.getRequestURI().getPath() + " failed", e);
                sendError(exchange, 500, ConnectCode.INTERNAL, "internal error");
            }
        }
    }

    private void answer(HttpExchange exchange, byte[] raw) throws IOException, InterruptedException {
        long startNanos = System.nanoTime();
        Duration timeout = timeout(exchange);
        Duration delay = knobs.nextDelay();
        if (timeout != null && delay.compareTo(timeout) >= 0) {
            Thread.sleep(timeout);
            throw new RpcException(ConnectCode.DEADLINE_EXCEEDED, "the request took longer than its "
                    + timeout.toMillis() + " ms timeout");
        }
        Thread.sleep(delay);
        if (knobs.nextFault()) {
            throw new RpcException(ConnectCode.UNAVAILABLE, "injected fault: the local server is configured to "
                    + "fail a fraction of requests");
        }
        String path = exchange.getRequestURI().getPath();
        if (!"POST".equals(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().set("Allow", "POST");
            sendError(exchange, 405, ConnectCode.UNIMPLEMENTED, "method " + exchange.getRequestMethod()
                    + " not allowed, use POST");
            return;
        }
        Routes.Route<?> route = routes.find(path);
        if (route == null) {
            sendError(exchange, 404, ConnectCode.UNIMPLEMENTED, "no such procedure " + path);
            return;
        }
        if (!authorized(exchange)) {
            throw new RpcException(ConnectCode.UNAUTHENTICATED, "missing or invalid API key: send "
                    + "'Authorization: Bearer <key>' with the key the local server was started with");
        }
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType == null || !contentType.split(";")[0].trim().equalsIgnoreCase("application/proto")) {
            sendError(exchange, 415, ConnectCode.UNIMPLEMENTED, "unsupported content type '" + contentType
                    + "', use application/proto");
            return;
        }
        Message response = route.handle(decode(exchange, raw));
        if (timeout != null && System.nanoTime() - startNanos > timeout.toNanos()) {
            throw new RpcException(ConnectCode.DEADLINE_EXCEEDED, "the request took longer than its "
                    + timeout.toMillis() + " ms timeout");
        }
        send(exchange, 200, "application/proto", response.toByteArray());
    }

    private boolean authorized(HttpExchange exchange) {
        if (expectedAuthorization == null) {
            return true;
        }
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        return header != null && MessageDigest.isEqual(header.getBytes(StandardCharsets.UTF_8), expectedAuthorization);
    }

    private static Duration timeout(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Connect-Timeout-Ms");
        if (header == null) {
            return null;
        }
        try {
            long millis = Long.parseLong(header.trim());
            if (millis <= 0 || header.trim().length() > 10) {
                throw new NumberFormatException();
            }
            return Duration.ofMillis(millis);
        } catch (NumberFormatException e) {
            throw RpcException.invalidArgument("invalid Connect-Timeout-Ms '" + header
                    + "': expected 1 to 10 digits of milliseconds");
        }
    }

    private static byte[] decode(HttpExchange exchange, byte[] raw) {
        String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
        if (encoding == null || encoding.isBlank() || encoding.trim().equalsIgnoreCase("identity")) {
            return raw;
        }
        if (!encoding.trim().equalsIgnoreCase("gzip")) {
            throw new RpcException(ConnectCode.UNIMPLEMENTED, "unsupported Content-Encoding '" + encoding
                    + "', use gzip or none");
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw RpcException.invalidArgument("cannot decompress the gzip request body: " + e.getMessage());
        }
    }

    private static int statusOf(RpcException e) {
        return e.code().httpStatus();
    }

    private void sendError(HttpExchange exchange, int status, ConnectCode code, String message) throws IOException {
        Map<String, String> error = new LinkedHashMap<>();
        error.put("code", code.wireName());
        error.put("message", message);
        send(exchange, status, "application/json", JSON.writeValueAsBytes(error));
    }

    private void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        byte[] payload = body;
        String accept = exchange.getRequestHeaders().getFirst("Accept-Encoding");
        if (accept != null && accept.toLowerCase(Locale.ROOT).contains("gzip") && body.length > 0) {
            ByteArrayOutputStream compressed = new ByteArrayOutputStream();
            try (GZIPOutputStream gzip = new FastGzip(compressed)) {
                gzip.write(body);
            }
            payload = compressed.toByteArray();
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
        }
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, payload.length == 0 ? -1 : payload.length);
        if (payload.length > 0) {
            try {
                knobs.write(exchange.getResponseBody(), payload);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * gzip at the fastest level: on loopback the CPU a higher level costs (the default level 6 takes about three
     * times as long) outweighs the bytes it saves, and the client decompresses either the same way.
     */
    private static final class FastGzip extends GZIPOutputStream {
        FastGzip(ByteArrayOutputStream out) throws IOException {
            super(out);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }
}
