package dev.skyloom.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.skyloom.wire.datasets.v1.GetDatasetRequest;
import dev.skyloom.wire.datasets.v1.ListDatasetsRequest;
import dev.skyloom.wire.datasets.v1.ListDatasetsResponse;
import dev.skyloom.wire.rpc.ErrorInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectProtocolTest {

    private static final String LIST = "/datasets.v1.DatasetService/ListDatasets";
    private static final String GET = "/datasets.v1.DatasetService/GetDataset";

    private static LocalServer server;
    private static ConnectTestClient client;

    @BeforeAll
    static void start() {
        server = LocalServer.start(LocalServerConfig.defaults());
        client = new ConnectTestClient(server.url());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode error(HttpResponse<byte[]> response) throws IOException {
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        return new ObjectMapper().readTree(ConnectTestClient.body(response));
    }

    private static HttpRequest proto(ConnectTestClient client, String path, byte[] body) {
        return client.post(path).header("Content-Type", "application/proto").POST(BodyPublishers.ofByteArray(body))
                .build();
    }

    @Test
    void anUndecodableBodyIsInvalidArgument() throws IOException {
        HttpResponse<byte[]> response = client.sendRaw(proto(client, GET, new byte[] {(byte) 0xFF, 0x01, 0x02}));

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = error(response);
        assertThat(error.get("code").asText()).isEqualTo("invalid_argument");
        assertThat(error.get("message").asText()).startsWith("cannot decode the request body");
    }

    @Test
    void anUnknownProcedureIsUnimplementedWith404() throws IOException {
        HttpResponse<byte[]> response = client.sendRaw(proto(client, "/datasets.v1.DatasetService/Nope", new byte[0]));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(error(response).get("code").asText()).isEqualTo("unimplemented");
    }

    @Test
    void onlyPostIsAllowed() throws IOException {
        HttpResponse<byte[]> response = client.sendRaw(client.post(LIST).GET().build());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("POST");
        assertThat(error(response).get("message").asText()).contains("GET");
    }

    @Test
    void aContentTypeOtherThanProtoIs415() throws IOException {
        HttpResponse<byte[]> response = client.sendRaw(client.post(LIST).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{}")).build());

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(error(response).get("message").asText()).contains("application/proto");
    }

    @Test
    void errorsCarryTheirStatusAndNoStackTrace() throws IOException {
        HttpResponse<byte[]> response = client.sendRaw(proto(client, GET,
                GetDatasetRequest.newBuilder().setSlug("open_data.nothing_here").build().toByteArray()));

        assertThat(response.statusCode()).isEqualTo(404);
        JsonNode error = error(response);
        assertThat(error.get("code").asText()).isEqualTo("not_found");
        assertThat(error.get("message").asText()).isEqualTo("no such dataset 'open_data.nothing_here'");
        assertThat(new String(response.body())).doesNotContain("at dev.skyloom");
    }

    @Test
    void responsesAreGzippedWhenTheClientAcceptsGzip() throws IOException {
        HttpRequest request = client.post(GET).header("Content-Type", "application/proto")
                .header("Accept-Encoding", "gzip")
                .POST(BodyPublishers.ofByteArray(GetDatasetRequest.newBuilder().setSlug("x").build().toByteArray()))
                .build();
        HttpResponse<byte[]> response = client.sendRaw(request);

        assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(response.body()[0]).isEqualTo((byte) 0x1f);
        assertThat(error(response).get("code").asText()).isEqualTo("not_found");
    }

    @Test
    void gzipRequestBodiesAreDecompressed() throws IOException {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            gzip.write(GetDatasetRequest.newBuilder().setSlug("zipped").build().toByteArray());
        }
        HttpResponse<byte[]> response = client.sendRaw(client.post(GET).header("Content-Type", "application/proto")
                .header("Content-Encoding", "gzip").POST(BodyPublishers.ofByteArray(compressed.toByteArray())).build());

        assertThat(error(response).get("message").asText()).isEqualTo("no such dataset 'zipped'");
    }

    @Test
    void anApiKeyIsRequiredWhenConfigured() throws IOException {
        try (LocalServer guarded = LocalServer.start(LocalServerConfig.defaults().withApiKey("tbx-secret"))) {
            byte[] list = ListDatasetsRequest.getDefaultInstance().toByteArray();
            ConnectTestClient anonymous = new ConnectTestClient(guarded.url());
            ConnectTestClient wrong = new ConnectTestClient(guarded.url(), "tbx-wrong");
            ConnectTestClient right = new ConnectTestClient(guarded.url(), "tbx-secret");

            HttpResponse<byte[]> denied = anonymous.sendRaw(proto(anonymous, LIST, list));
            assertThat(denied.statusCode()).isEqualTo(401);
            JsonNode deniedError = error(denied);
            assertThat(deniedError.get("code").asText()).isEqualTo("unauthenticated");
            JsonNode detail = deniedError.get("details").get(0);
            assertThat(detail.get("type").asText()).isEqualTo("google.rpc.ErrorInfo");
            assertThat(ErrorInfo.parseFrom(Base64.getDecoder().decode(detail.get("value").asText())).getReason())
                    .isEqualTo("API_KEY_MISSING");
            assertThat(new String(denied.body())).doesNotContain("tbx-secret");
            assertThat(wrong.sendRaw(proto(wrong, LIST, list)).statusCode()).isEqualTo(401);
            assertThat(right.sendRaw(proto(right, LIST, list)).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void theConfigNeverShowsTheApiKey() {
        assertThat(LocalServerConfig.defaults().withApiKey("tbx-secret").toString())
                .doesNotContain("tbx-secret").contains("apiKey=(set)");
    }

    @Test
    void aFaultRateOfOneAnswersEveryRequestUnavailable() throws IOException {
        try (LocalServer faulty = LocalServer.start(LocalServerConfig.defaults().withFaultRate(1))) {
            ConnectTestClient faultyClient = new ConnectTestClient(faulty.url());
            HttpResponse<byte[]> response = faultyClient.sendRaw(proto(faultyClient, LIST, new byte[0]));

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(error(response).get("code").asText()).isEqualTo("unavailable");
        }
    }

    @Test
    void latencyBeyondTheConnectTimeoutIsDeadlineExceeded() throws IOException {
        try (LocalServer slow = LocalServer.start(LocalServerConfig.defaults().withLatency(Duration.ofSeconds(30)))) {
            ConnectTestClient slowClient = new ConnectTestClient(slow.url());
            HttpResponse<byte[]> response = slowClient.sendRaw(slowClient.post(LIST)
                    .header("Content-Type", "application/proto").header("Connect-Timeout-Ms", "50")
                    .POST(BodyPublishers.noBody()).build());

            assertThat(response.statusCode()).isEqualTo(504);
            assertThat(error(response).get("code").asText()).isEqualTo("deadline_exceeded");
        }
    }

    @Test
    void anEmptyListIsAnEmptyProtoBody() {
        ListDatasetsResponse response = client.call(LIST, ListDatasetsRequest.getDefaultInstance(),
                ListDatasetsResponse.parser());
        assertThat(response.getDatasetsList()).isEmpty();
    }
}
