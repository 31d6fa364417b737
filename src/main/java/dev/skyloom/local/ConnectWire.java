package dev.skyloom.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Message;
import dev.skyloom.local.error.ConnectCode;
import dev.skyloom.local.error.InputText;
import dev.skyloom.local.error.RpcException;
import org.eclipse.jetty.http.HttpFields;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The Connect unary protocol: the body is the bare message ({@code application/proto}), compressed as
 * {@code Content-Encoding} says; the deadline is {@code Connect-Timeout-Ms}; an answer is the bare message with status
 * 200, an error is a JSON object {@code {"code", "message", "details"}} with the code's HTTP status.
 *
 * @param contentType the request's content type, for messages
 */
record ConnectWire(String contentType) implements WireProtocol {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String name() {
        return "connect";
    }

    @Override
    public void checkHeaders(HttpFields headers) {
        if (contentType == null || !contentType.split(";", 2)[0].trim().equalsIgnoreCase("application/proto")) {
            throw new Rejection(415, new RpcException(ConnectCode.UNIMPLEMENTED, "unsupported content type "
                    + (contentType == null ? "(none)" : InputText.quoted(contentType))
                    + ", use application/proto (Connect), application/grpc or application/grpc-web"));
        }
        String encoding = headers.get("Content-Encoding");
        if (encoding != null && !isIdentity(encoding) && !encoding.trim().equalsIgnoreCase("gzip")) {
            throw new RpcException(ConnectCode.UNIMPLEMENTED, "unsupported Content-Encoding "
                    + InputText.quoted(encoding) + ", use gzip or none");
        }
    }

    @Override
    public Duration timeout(HttpFields headers) {
        String header = headers.get("Connect-Timeout-Ms");
        if (header == null) {
            return null;
        }
        String digits = header.trim();
        if (digits.isEmpty() || digits.length() > 10 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')
                || Long.parseLong(digits) == 0) {
            throw RpcException.invalidArgument("invalid Connect-Timeout-Ms " + InputText.quoted(header)
                    + ": expected 1 to 10 digits of milliseconds");
        }
        return Duration.ofMillis(Long.parseLong(digits));
    }

    @Override
    public byte[] message(byte[] body, HttpFields headers, long limit) {
        String encoding = headers.get("Content-Encoding");
        return encoding == null || isIdentity(encoding) ? body : Gzip.inflate(body, limit, "the gzip request body");
    }

    @Override
    public Answer success(byte[] message, HttpFields headers) {
        return encoded(200, "application/proto", message, headers);
    }

    @Override
    public Answer failure(RpcException error, int httpStatus, HttpFields headers) {
        ObjectNode json = JSON.createObjectNode();
        json.put("code", error.code().wireName());
        json.put("message", error.getMessage());
        if (!error.details().isEmpty()) {
            ArrayNode details = json.putArray("details");
            for (Message detail : error.details()) {
                details.addObject().put("type", detail.getDescriptorForType().getFullName())
                        .put("value", Base64.getEncoder().withoutPadding().encodeToString(detail.toByteArray()));
            }
        }
        return encoded(httpStatus, "application/json", json.toString().getBytes(StandardCharsets.UTF_8), headers);
    }

    private static Answer encoded(int status, String type, byte[] body, HttpFields headers) {
        Map<String, String> response = new LinkedHashMap<>();
        response.put("Content-Type", type);
        String accept = headers.get("Accept-Encoding");
        if (accept != null && accept.toLowerCase(Locale.ROOT).contains("gzip") && body.length > 0) {
            response.put("Content-Encoding", "gzip");
            return new Answer(status, response, Gzip.deflate(body));
        }
        return new Answer(status, response, body);
    }

    private static boolean isIdentity(String encoding) {
        return encoding.isBlank() || encoding.trim().equalsIgnoreCase("identity");
    }
}
