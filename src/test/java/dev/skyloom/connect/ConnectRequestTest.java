package dev.skyloom.connect;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.skyloom.RetryPolicy;
import dev.skyloom.wire.datasets.v1.Dataset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.skyloom.connect.TransportTesting.API_KEY;
import static dev.skyloom.connect.TransportTesting.DATASET;
import static dev.skyloom.connect.TransportTesting.PATH;
import static dev.skyloom.connect.TransportTesting.REQUEST;
import static dev.skyloom.connect.TransportTesting.USER_AGENT;
import static dev.skyloom.connect.TransportTesting.config;
import static dev.skyloom.connect.TransportTesting.getDataset;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConnectRequestTest {

    @RegisterExtension
    static WireMockExtension server = TransportTesting.wireMock();

    @BeforeEach
    void serveTheDataset() {
        server.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/proto").withBody(DATASET.toByteArray())));
    }

    @Test
    void sendsTheConnectHeadersTheBearerKeyAndTheRawRequest() {
        try (ConnectTransport transport = ConnectTransport.create(config(server.baseUrl(), RetryPolicy.none()))) {
            assertThat(getDataset(transport).message()).isEqualTo(DATASET);
        }
        server.verify(1, postRequestedFor(urlEqualTo(PATH))
                .withHeader("Content-Type", equalTo("application/proto"))
                .withHeader("Connect-Protocol-Version", equalTo("1"))
                .withHeader("Accept-Encoding", equalTo("gzip"))
                .withHeader("User-Agent", equalTo(USER_AGENT))
                .withHeader("Authorization", equalTo("Bearer " + API_KEY))
                .withoutHeader("Connect-Timeout-Ms")
                .withoutHeader("Content-Encoding")
                .withRequestBody(binaryEqualTo(REQUEST.toByteArray())));
    }

    @Test
    void sendsNoAuthorizationHeaderWithoutAKey() {
        ConnectConfig anonymous = config(server.baseUrl(), null, RetryPolicy.none(), null, null);
        try (ConnectTransport transport = ConnectTransport.create(anonymous)) {
            getDataset(transport);
        }
        server.verify(1, postRequestedFor(urlEqualTo(PATH))
                .withHeader("Connect-Protocol-Version", equalTo("1"))
                .withoutHeader("Authorization"));
    }

    @Test
    void sendsTheRemainingCallTimeInConnectTimeoutMsOnlyWithACallTimeout() {
        ConnectConfig bounded = config(server.baseUrl(), API_KEY, RetryPolicy.none(), null, Duration.ofSeconds(30));
        try (ConnectTransport transport = ConnectTransport.create(bounded)) {
            getDataset(transport);
        }
        List<LoggedRequest> requests = server.findAll(postRequestedFor(urlEqualTo(PATH)));
        assertThat(requests).hasSize(1);
        long timeoutMs = Long.parseLong(requests.getFirst().getHeader("Connect-Timeout-Ms"));
        assertThat(timeoutMs).isBetween(20_000L, 30_000L);
    }

    @Test
    void offersHttp2ToTheServer() {
        try (ConnectTransport transport = ConnectTransport.create(config(server.baseUrl(), RetryPolicy.none()))) {
            getDataset(transport);
        }
        // Over cleartext HTTP a client that prefers HTTP/2 asks to upgrade; WireMock declines and HTTP/1.1 is used.
        server.verify(1, postRequestedFor(urlEqualTo(PATH)).withHeader("Upgrade", equalTo("h2c")));
    }

    @Test
    void servesManyVirtualThreadsAtOnce() {
        int calls = 100;
        try (ConnectTransport transport = ConnectTransport.create(config(server.baseUrl(), RetryPolicy.none()));
             ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Dataset>> results = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                results.add(threads.submit(() -> getDataset(transport).message()));
            }
            for (Future<Dataset> result : results) {
                assertThat(result).succeedsWithin(Duration.ofSeconds(30)).isEqualTo(DATASET);
            }
        }
        server.verify(calls, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void stripsOneTrailingSlashAndKeepsTheBasePath() {
        server.stubFor(post(urlEqualTo("/public" + PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/proto").withBody(DATASET.toByteArray())));
        ConnectConfig prefixed = config(server.baseUrl() + "/public/", RetryPolicy.none());
        try (ConnectTransport transport = ConnectTransport.create(prefixed)) {
            assertThat(getDataset(transport).message()).isEqualTo(DATASET);
        }
        server.verify(1, postRequestedFor(urlEqualTo("/public" + PATH)));
        server.verify(0, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void rejectsServiceAndMethodNamesThatAreNotProtobufNames() {
        try (ConnectTransport transport = ConnectTransport.create(config(server.baseUrl(), RetryPolicy.none()))) {
            assertThatThrownBy(() -> transport.unary("../admin", "GetDataset", REQUEST, Dataset.parser()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("service must be a protobuf name such as datasets.v1.DataAccessService, got '../admin'");
            assertThatThrownBy(() -> transport.unary("datasets.v1.DatasetService", "Get/Dataset", REQUEST,
                    Dataset.parser()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("method must be a protobuf name such as Query, got 'Get/Dataset'");
        }
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    @Test
    void aClosedTransportRefusesCallsAndLeavesASuppliedClientOpen() {
        try (HttpClient supplied = HttpClient.newHttpClient()) {
            ConnectConfig withClient = new ConnectConfig(URI.create(server.baseUrl()), API_KEY, supplied,
                    Duration.ofSeconds(1), null, null, RetryPolicy.none(), USER_AGENT);
            ConnectTransport transport = ConnectTransport.create(withClient);
            assertThat(getDataset(transport).message()).isEqualTo(DATASET);
            transport.close();

            assertThatThrownBy(() -> getDataset(transport))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("the Connect transport to localhost:" + server.getPort() + " is closed");
            assertThat(supplied.isTerminated()).isFalse();
        }
    }
}
