package dev.skyloom.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.zip.GZIPInputStream;

/** Posts Connect unary requests to a server over real HTTP and parses the answer or the JSON error. */
final class ConnectTestClient {

    /** A non-200 answer: the HTTP status and the Connect code and message of the JSON body. */
    static final class Failure extends RuntimeException {
        final int status;
        final String code;

        Failure(int status, String code, String message) {
            super(status + " " + code + ": " + message);
            this.status = status;
            this.code = code;
        }

        String message() {
            return getMessage().substring(getMessage().indexOf(": ") + 2);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI base;
    private final String apiKey;

    ConnectTestClient(URI base) {
        this(base, null);
    }

    ConnectTestClient(URI base, String apiKey) {
        this.base = base;
        this.apiKey = apiKey;
    }

    /** Calls an RPC; throws {@link Failure} on a non-200 answer. */
    <T extends Message> T call(String path, Message request, Parser<T> responseParser) {
        HttpResponse<byte[]> response = send(post(path).header("Content-Type", "application/proto")
                .POST(HttpRequest.BodyPublishers.ofByteArray(request.toByteArray())).build());
        try {
            return responseParser.parseFrom(body(response));
        } catch (InvalidProtocolBufferException e) {
            throw new AssertionError("undecodable response from " + path, e);
        }
    }

    /** A request builder for a path, with the API key if this client has one. */
    HttpRequest.Builder post(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path))
                .header("Connect-Protocol-Version", "1");
        return apiKey == null ? builder : builder.header("Authorization", "Bearer " + apiKey);
    }

    /** Sends a request; throws {@link Failure} unless the status is 200. */
    HttpResponse<byte[]> send(HttpRequest request) {
        HttpResponse<byte[]> response = sendRaw(request);
        if (response.statusCode() != 200) {
            try {
                JsonNode error = JSON.readTree(body(response));
                throw new Failure(response.statusCode(), error.path("code").asText(), error.path("message").asText());
            } catch (IOException e) {
                throw new AssertionError("error answer is not JSON: " + new String(body(response)), e);
            }
        }
        return response;
    }

    /** Sends a request and returns whatever came back. */
    HttpResponse<byte[]> sendRaw(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The body of a response, gunzipped if it says so. */
    static byte[] body(HttpResponse<byte[]> response) {
        if (response.headers().firstValue("Content-Encoding").orElse("").equals("gzip")) {
            try (var in = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return response.body();
    }
}
