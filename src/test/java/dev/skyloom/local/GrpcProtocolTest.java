package dev.skyloom.local;

import dev.skyloom.local.GrpcTestClient.Reply;
import dev.skyloom.local.GrpcTestClient.Transport;
import dev.skyloom.wire.datasets.v1.DatasetKind;
import dev.skyloom.wire.datasets.v1.GetDatasetRequest;
import dev.skyloom.wire.datasets.v1.ListDatasetsRequest;
import dev.skyloom.wire.datasets.v1.ListDatasetsResponse;
import dev.skyloom.wire.rpc.ErrorInfo;
import dev.skyloom.wire.rpc.Status;
import org.eclipse.jetty.http.HttpVersion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static dev.skyloom.local.GrpcTestClient.concat;
import static dev.skyloom.local.GrpcTestClient.frame;
import static org.assertj.core.api.Assertions.assertThat;

/** gRPC and gRPC-Web on the local server's one port, over h2c with prior knowledge and over HTTP/1.1. */
class GrpcProtocolTest {

    private static final String LIST = "/datasets.v1.DatasetService/ListDatasets";
    private static final String GET = "/datasets.v1.DatasetService/GetDataset";
    private static final Map<String, String> GRPC = Map.of("content-type", "application/grpc", "te", "trailers");

    private static LocalServer server;

    @BeforeAll
    static void start() {
        server = LocalServer.start(LocalServerConfig.defaults().withApiKey("tbx-key"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Reply call(Transport transport, String path, Map<String, String> headers, byte[] body)
            throws Exception {
        try (GrpcTestClient client = new GrpcTestClient(server.url(), transport)) {
            return client.post(path, headers, body);
        }
    }

    private static Map<String, String> authorized(Map<String, String> headers) {
        Map<String, String> all = new HashMap<>(headers);
        all.put("authorization", "Bearer tbx-key");
        return all;
    }

    private static byte[] message(byte[] body) {
        ByteBuffer buffer = ByteBuffer.wrap(body);
        assertThat(buffer.get()).as("flags").isZero();
        byte[] message = new byte[buffer.getInt()];
        buffer.get(message);
        return message;
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aUnaryCallAnswersOneMessageAndStatusZeroInTheTrailers(Transport transport) throws Exception {
        Reply reply = call(transport, LIST, authorized(GRPC),
                frame(0, ListDatasetsRequest.getDefaultInstance().toByteArray()));

        assertThat(reply.version()).isEqualTo(transport == Transport.H2C ? HttpVersion.HTTP_2 : HttpVersion.HTTP_1_1);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.headers().get("content-type")).isEqualTo("application/grpc");
        assertThat(ListDatasetsResponse.parseFrom(message(reply.body())).getDatasetsList()).isEmpty();
        assertThat(reply.trailers().get("grpc-status")).isEqualTo("0");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void anErrorIsATrailersOnlyAnswerWithItsGrpcCode(Transport transport) throws Exception {
        Reply reply = call(transport, GET, authorized(GRPC),
                frame(0, GetDatasetRequest.newBuilder().setSlug("open_data.nothing_here").build().toByteArray()));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEmpty();
        assertThat(reply.headers().get("grpc-status")).isEqualTo("5");
        assertThat(reply.headers().get("grpc-message")).isEqualTo("no such dataset 'open_data.nothing_here'");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aMissingKeyIsUnauthenticatedWithItsErrorInfoInTheStatusDetails(Transport transport) throws Exception {
        Reply reply = call(transport, LIST, GRPC, frame(0, new byte[0]));

        assertThat(reply.headers().get("grpc-status")).isEqualTo("16");
        Status status = Status.parseFrom(Base64.getDecoder().decode(reply.headers().get("grpc-status-details-bin")));
        assertThat(status.getCode()).isEqualTo(16);
        assertThat(status.getMessage()).startsWith("missing or invalid API key");
        assertThat(status.getDetails(0).getTypeUrl()).isEqualTo("type.googleapis.com/google.rpc.ErrorInfo");
        assertThat(status.getDetails(0).unpack(ErrorInfo.class).getReason()).isEqualTo("API_KEY_MISSING");
    }

    @Test
    void gzipMessagesAreInflatedAndAnswersGzippedWhenAccepted() throws Exception {
        Map<String, String> headers = authorized(GRPC);
        headers.put("grpc-encoding", "gzip");
        headers.put("grpc-accept-encoding", "gzip");
        Reply reply = call(Transport.H2C, GET, headers,
                frame(1, gzip(GetDatasetRequest.newBuilder().setSlug("zipped").build().toByteArray())));
        assertThat(reply.headers().get("grpc-message")).isEqualTo("no such dataset 'zipped'");

        new TestCatalog(new ConnectTestClient(server.url(), "tbx-key")).dataset("zipped", DatasetKind.DATASET_KIND_TEMPORAL);
        Reply listed = call(Transport.H2C, LIST, headers, frame(1, gzip(new byte[0])));
        assertThat(listed.headers().get("grpc-encoding")).isEqualTo("gzip");
        assertThat(listed.trailers().get("grpc-status")).isEqualTo("0");
        ByteBuffer body = ByteBuffer.wrap(listed.body());
        assertThat(body.get()).as("compressed flag").isEqualTo((byte) 1);
        byte[] compressed = new byte[body.getInt()];
        body.get(compressed);
        assertThat(ListDatasetsResponse.parseFrom(gunzip(compressed)).getDatasets(0).getCodeName())
                .isEqualTo("zipped");
    }

    @Test
    void aMalformedFrameIsInvalidArgument() throws Exception {
        byte[] two = concat(frame(0, new byte[0]), frame(0, new byte[0]));
        assertThat(call(Transport.H2C, LIST, authorized(GRPC), two).headers().get("grpc-status")).isEqualTo("3");
        assertThat(call(Transport.H2C, LIST, authorized(GRPC), new byte[] {0, 0}).headers().get("grpc-status"))
                .isEqualTo("3");
    }

    @Test
    void anUnknownMethodIsUnimplemented() throws Exception {
        Reply reply = call(Transport.H2C, "/datasets.v1.DatasetService/Nope", authorized(GRPC), frame(0, new byte[0]));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.headers().get("grpc-status")).isEqualTo("12");
    }

    @Test
    void theGrpcTimeoutBoundsTheCall() throws Exception {
        try (LocalServer slow = LocalServer.start(LocalServerConfig.defaults().withLatency(Duration.ofSeconds(30)));
             GrpcTestClient client = new GrpcTestClient(slow.url(), Transport.H2C)) {
            Map<String, String> headers = new HashMap<>(GRPC);
            headers.put("grpc-timeout", "50m");
            assertThat(client.post(LIST, headers, frame(0, new byte[0])).headers().get("grpc-status"))
                    .isEqualTo("4");
            headers.put("grpc-timeout", "soon");
            assertThat(client.post(LIST, headers, frame(0, new byte[0])).headers().get("grpc-status"))
                    .isEqualTo("3");
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void grpcWebPutsTheOutcomeInALastBodyFrame(Transport transport) throws Exception {
        Map<String, String> headers = authorized(Map.of("content-type", "application/grpc-web+proto"));
        Reply reply = call(transport, LIST, headers, frame(0, new byte[0]));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.headers().get("content-type")).isEqualTo("application/grpc-web+proto");
        ByteBuffer body = ByteBuffer.wrap(reply.body());
        assertThat(body.get()).isZero();
        int length = body.getInt();
        body.position(body.position() + length);
        assertThat(body.get()).isEqualTo((byte) 0x80);
        byte[] trailers = new byte[body.getInt()];
        body.get(trailers);
        assertThat(new String(trailers, StandardCharsets.US_ASCII)).isEqualTo("grpc-status: 0\r\n");
        assertThat(body.hasRemaining()).isFalse();
    }

    @Test
    void grpcWebTextIsBase64BothWays() throws Exception {
        Map<String, String> headers = Map.of("content-type", "application/grpc-web-text");
        byte[] request = Base64.getEncoder().encode(frame(0, new byte[0]));
        Reply reply = call(Transport.HTTP1, LIST, headers, request);

        byte[] body = Base64.getDecoder().decode(reply.body());
        String trailers = new String(body, 5, body.length - 5, StandardCharsets.US_ASCII);
        assertThat(body[0]).isEqualTo((byte) 0x80);
        assertThat(trailers).contains("grpc-status: 16\r\n").contains("grpc-message: missing or invalid API key");
    }

    @Test
    void theJdkClientUpgradesItsCleartextConnectionToHttp2() throws IOException, InterruptedException {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.url().resolve(LIST))
                .header("Content-Type", "application/proto").header("Authorization", "Bearer tbx-key")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
    }

    @Test
    void grpcMessagesArePercentEncoded() {
        assertThat(GrpcWire.percentEncode("a b%c\nnö 😀")).isEqualTo("a b%25c%0An%C3%B6 %F0%9F%98%80");
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(data);
        }
        return out.toByteArray();
    }

    private static byte[] gunzip(byte[] data) throws IOException {
        return new GZIPInputStream(new ByteArrayInputStream(data)).readAllBytes();
    }
}
