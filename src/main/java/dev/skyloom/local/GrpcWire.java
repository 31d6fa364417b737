package dev.skyloom.local;

import com.google.protobuf.Any;
import com.google.protobuf.Message;
import dev.skyloom.local.error.ConnectCode;
import dev.skyloom.local.error.InputText;
import dev.skyloom.local.error.RpcException;
import dev.skyloom.wire.rpc.Status;
import org.eclipse.jetty.http.HttpFields;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * gRPC and gRPC-Web, unary: the body is one length-prefixed message (a flag byte, whose low bit says it is compressed
 * with {@code grpc-encoding}, and a 4-byte big-endian length); the deadline is {@code grpc-timeout}; the outcome is
 * {@code grpc-status}, the percent-encoded {@code grpc-message} and, when there are details, the base64
 * {@code google.rpc.Status} in {@code grpc-status-details-bin}. gRPC sends them as HTTP trailers (or, for an error
 * with no message, in the headers: "trailers-only"); gRPC-Web sends them in a last body frame flagged {@code 0x80};
 * gRPC-Web-text is gRPC-Web in base64.
 *
 * @param variant     which of the three
 * @param contentType the request's content type, lower case, without parameters
 */
record GrpcWire(Variant variant, String contentType) implements WireProtocol {

    /** The flavours of gRPC that share the framing. */
    enum Variant {
        /** gRPC proper: outcome in HTTP trailers. */
        GRPC("application/grpc"),
        /** gRPC-Web, binary: outcome in a body frame. */
        WEB("application/grpc-web"),
        /** gRPC-Web-text: gRPC-Web, base64 encoded. */
        WEB_TEXT("application/grpc-web-text");

        private final String mediaType;

        Variant(String mediaType) {
            this.mediaType = mediaType;
        }
    }

    private static final Pattern TIMEOUT = Pattern.compile("(\\d{1,8})([HMSmun])");
    private static final int HEADER = 5;
    private static final byte COMPRESSED = 1;
    private static final byte TRAILERS = (byte) 0x80;
    private static final Map<String, Integer> CODES = codes();

    @Override
    public String name() {
        return switch (variant) {
            case GRPC -> "grpc";
            case WEB -> "grpc-web";
            case WEB_TEXT -> "grpc-web-text";
        };
    }

    @Override
    public void checkHeaders(HttpFields headers) {
        String codec = contentType.substring(variant.mediaType.length());
        if (!codec.isEmpty() && !codec.equals("+proto")) {
            throw new RpcException(ConnectCode.UNIMPLEMENTED, "unsupported codec in content type "
                    + InputText.quoted(contentType) + ", use " + variant.mediaType + " or " + variant.mediaType
                    + "+proto");
        }
        String encoding = headers.get("grpc-encoding");
        if (encoding != null && !isIdentity(encoding) && !encoding.trim().equalsIgnoreCase("gzip")) {
            throw new RpcException(ConnectCode.UNIMPLEMENTED, "unsupported grpc-encoding "
                    + InputText.quoted(encoding) + ", use gzip or identity");
        }
    }

    @Override
    public Duration timeout(HttpFields headers) {
        String header = headers.get("grpc-timeout");
        if (header == null) {
            return null;
        }
        Matcher matcher = TIMEOUT.matcher(header.trim());
        if (!matcher.matches()) {
            throw RpcException.invalidArgument("invalid grpc-timeout " + InputText.quoted(header)
                    + ": expected 1 to 8 digits and a unit (H, M, S, m, u, n)");
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "H" -> Duration.ofHours(amount);
            case "M" -> Duration.ofMinutes(amount);
            case "S" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMillis(amount);
            case "u" -> Duration.ofNanos(amount * 1_000);
            default -> Duration.ofNanos(amount);
        };
    }

    @Override
    public byte[] message(byte[] body, HttpFields headers, long limit) {
        byte[] frames = variant == Variant.WEB_TEXT ? base64(body) : body;
        if (frames.length < HEADER) {
            throw RpcException.invalidArgument("a unary gRPC request carries exactly one length-prefixed message, "
                    + "got " + frames.length + " bytes");
        }
        ByteBuffer buffer = ByteBuffer.wrap(frames);
        byte flags = buffer.get();
        long length = Integer.toUnsignedLong(buffer.getInt());
        if ((flags & ~COMPRESSED) != 0) {
            throw RpcException.invalidArgument("unexpected gRPC frame flags 0x" + Integer.toHexString(flags & 0xFF)
                    + " in a request");
        }
        if (length != buffer.remaining()) {
            throw RpcException.invalidArgument("a unary gRPC request carries exactly one length-prefixed message: "
                    + "the frame says " + length + " bytes, the body has " + buffer.remaining() + " after it");
        }
        byte[] message = new byte[(int) length];
        buffer.get(message);
        if ((flags & COMPRESSED) == 0) {
            return message;
        }
        String encoding = headers.get("grpc-encoding");
        if (encoding == null || isIdentity(encoding)) {
            throw RpcException.invalidArgument("the message is flagged compressed but grpc-encoding names none");
        }
        return Gzip.inflate(message, limit, "the gzip request message");
    }

    @Override
    public Answer success(byte[] message, HttpFields headers) {
        Map<String, String> response = responseHeaders();
        boolean gzip = message.length > 0 && acceptsGzip(headers);
        if (gzip) {
            response.put("grpc-encoding", "gzip");
        }
        byte[] frame = frame(gzip ? COMPRESSED : 0, gzip ? Gzip.deflate(message) : message);
        Map<String, String> outcome = Map.of("grpc-status", "0");
        if (variant == Variant.GRPC) {
            return new Answer(200, response, frame, outcome);
        }
        return web(response, concat(frame, trailerFrame(outcome)));
    }

    @Override
    public Answer failure(RpcException error, int httpStatus, HttpFields headers) {
        Map<String, String> outcome = new LinkedHashMap<>();
        outcome.put("grpc-status", Integer.toString(code(error.code())));
        outcome.put("grpc-message", percentEncode(error.getMessage()));
        if (!error.details().isEmpty()) {
            Status.Builder status = Status.newBuilder().setCode(code(error.code())).setMessage(error.getMessage());
            for (Message detail : error.details()) {
                status.addDetails(Any.pack(detail));
            }
            outcome.put("grpc-status-details-bin",
                    Base64.getEncoder().withoutPadding().encodeToString(status.build().toByteArray()));
        }
        Map<String, String> response = responseHeaders();
        if (variant == Variant.GRPC) {
            response.putAll(outcome);
            return new Answer(200, response, new byte[0]);
        }
        return web(response, trailerFrame(outcome));
    }

    /** The gRPC status code (0..16) of a Connect code, which shares its name. */
    static int code(ConnectCode code) {
        return CODES.getOrDefault(code.wireName(), 2);
    }

    /** Percent-encodes a grpc-message: every byte of its UTF-8 outside printable ASCII, and '%'. */
    static String percentEncode(String message) {
        StringBuilder encoded = new StringBuilder(message.length());
        for (byte b : message.getBytes(StandardCharsets.UTF_8)) {
            if (b >= 0x20 && b <= 0x7E && b != '%') {
                encoded.append((char) b);
            } else {
                encoded.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xFF));
            }
        }
        return encoded.toString();
    }

    private Map<String, String> responseHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", contentType);
        headers.put("grpc-accept-encoding", "gzip");
        return headers;
    }

    private Answer web(Map<String, String> headers, byte[] body) {
        return new Answer(200, headers, variant == Variant.WEB_TEXT
                ? Base64.getEncoder().encode(body) : body);
    }

    private static boolean acceptsGzip(HttpFields headers) {
        String accept = headers.get("grpc-accept-encoding");
        return accept != null && accept.toLowerCase(Locale.ROOT).contains("gzip");
    }

    private static byte[] frame(byte flags, byte[] payload) {
        return ByteBuffer.allocate(HEADER + payload.length).put(flags).putInt(payload.length).put(payload).array();
    }

    private static byte[] trailerFrame(Map<String, String> outcome) {
        StringBuilder block = new StringBuilder();
        outcome.forEach((name, value) -> block.append(name).append(": ").append(value).append("\r\n"));
        return frame(TRAILERS, block.toString().getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] concat(byte[] first, byte[] second) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(first.length + second.length);
        out.writeBytes(first);
        out.writeBytes(second);
        return out.toByteArray();
    }

    /** gRPC-Web-text bodies may be several base64 chunks, each padded; whitespace is ignored. */
    private static byte[] base64(byte[] text) {
        String compact = new String(text, StandardCharsets.US_ASCII).replaceAll("\\s", "");
        ByteArrayOutputStream out = new ByteArrayOutputStream(compact.length() * 3 / 4);
        try {
            for (int start = 0; start < compact.length(); ) {
                int end = start;
                while (end < compact.length() && compact.charAt(end) != '=') {
                    end++;
                }
                while (end < compact.length() && compact.charAt(end) == '=') {
                    end++;
                }
                out.writeBytes(Base64.getDecoder().decode(compact.substring(start, end)));
                start = end;
            }
        } catch (IllegalArgumentException e) {
            throw RpcException.invalidArgument("the grpc-web-text body is not base64: " + e.getMessage());
        }
        return out.toByteArray();
    }

    private static boolean isIdentity(String encoding) {
        return encoding.isBlank() || encoding.trim().equalsIgnoreCase("identity");
    }

    private static Map<String, Integer> codes() {
        String[] names = {"ok", "canceled", "unknown", "invalid_argument", "deadline_exceeded", "not_found",
            "already_exists", "permission_denied", "resource_exhausted", "failed_precondition", "aborted",
            "out_of_range", "unimplemented", "internal", "unavailable", "data_loss", "unauthenticated"};
        Map<String, Integer> codes = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            codes.put(names[i], i);
        }
        return Map.copyOf(codes);
    }
}
