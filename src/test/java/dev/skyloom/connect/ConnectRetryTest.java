package dev.skyloom.connect;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.skyloom.RetryPolicy;
import dev.skyloom.SkyloomException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.skyloom.connect.TransportTesting.API_KEY;
import static dev.skyloom.connect.TransportTesting.DATASET;
import static dev.skyloom.connect.TransportTesting.PATH;
import static dev.skyloom.connect.TransportTesting.config;
import static dev.skyloom.connect.TransportTesting.getDataset;
import static dev.skyloom.connect.TransportTesting.getDatasetFails;
import static dev.skyloom.connect.TransportTesting.quickRetries;
import static org.assertj.core.api.Assertions.assertThat;

class ConnectRetryTest {

    @RegisterExtension
    static WireMockExtension server = TransportTesting.wireMock();

    private static ResponseDefinitionBuilder dataset() {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/proto")
                .withBody(DATASET.toByteArray());
    }

    private static ResponseDefinitionBuilder error(int status, String code) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"code\":\"" + code + "\",\"message\":\"try again\"}");
    }

    /** Serves the given responses one after another; the last one repeats. */
    private static void respondInTurn(ResponseDefinitionBuilder... responses) {
        for (int i = 0; i < responses.length; i++) {
            String state = i == 0 ? STARTED : "after " + i;
            server.stubFor(post(urlEqualTo(PATH)).inScenario("in turn").whenScenarioStateIs(state)
                    .willReturn(responses[i])
                    .willSetStateTo(i + 1 < responses.length ? "after " + (i + 1) : state));
        }
    }

    private static int requests() {
        return server.findAll(postRequestedFor(urlEqualTo(PATH))).size();
    }

    private static ConnectTransport transport(RetryPolicy retries) {
        return ConnectTransport.create(config(server.baseUrl(), retries));
    }

    @Test
    void retriesUnavailableUntilTheServerAnswers() {
        respondInTurn(error(503, "unavailable"), error(503, "unavailable"), dataset());

        try (ConnectTransport transport = transport(quickRetries(5))) {
            assertThat(getDataset(transport).message()).isEqualTo(DATASET);
        }
        assertThat(requests()).isEqualTo(3);
    }

    @Test
    void retriesAnInternalError500() {
        respondInTurn(error(500, "internal"), dataset());

        try (ConnectTransport transport = transport(quickRetries(5))) {
            assertThat(getDataset(transport).message()).isEqualTo(DATASET);
        }
        assertThat(requests()).isEqualTo(2);
    }

    @Test
    void doesNotRetryAClientError() {
        server.stubFor(post(urlEqualTo(PATH)).willReturn(error(400, "invalid_argument")));

        try (ConnectTransport transport = transport(quickRetries(5))) {
            SkyloomException failure = getDatasetFails(transport);
            assertThat(failure).isExactlyInstanceOf(SkyloomException.InvalidArgument.class)
                    .hasMessage("GetDataset failed (invalid_argument): try again");
        }
        assertThat(requests()).isEqualTo(1);
    }

    @Test
    void doesNotRetryA429ThatIsAQuotaError() {
        server.stubFor(post(urlEqualTo(PATH)).willReturn(error(429, "resource_exhausted")));

        try (ConnectTransport transport = transport(quickRetries(5))) {
            SkyloomException failure = getDatasetFails(transport);
            assertThat(failure).isExactlyInstanceOf(SkyloomException.QuotaExhausted.class);
            assertThat(failure.code()).isEqualTo("resource_exhausted");
        }
        assertThat(requests()).isEqualTo(1);
    }

    @Test
    void retriesA429WithoutAConnectBody() {
        respondInTurn(aResponse().withStatus(429).withBody("slow down"), dataset());

        try (ConnectTransport transport = transport(quickRetries(5))) {
            assertThat(getDataset(transport).message()).isEqualTo(DATASET);
        }
        assertThat(requests()).isEqualTo(2);
    }

    @Test
    void aPlain429ThatNeverEndsIsRateLimitedAfterEveryAttempt() {
        server.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(429)));

        try (ConnectTransport transport = transport(quickRetries(2))) {
            SkyloomException failure = getDatasetFails(transport);
            assertThat(failure).isExactlyInstanceOf(SkyloomException.RateLimited.class)
                    .hasMessage("GetDataset failed (unavailable): HTTP 429 from localhost:" + server.getPort()
                            + "; the server is rate limiting requests; slow down or retry later"
                            + "; giving up after 3 attempts");
        }
        assertThat(requests()).isEqualTo(3);
    }

    @Test
    void givesUpWithTheLastErrorWhenRetriesAreExhausted() {
        respondInTurn(error(502, "unknown"), error(503, "unavailable"));

        try (ConnectTransport transport = transport(quickRetries(3))) {
            SkyloomException failure = getDatasetFails(transport);
            assertThat(failure).isExactlyInstanceOf(SkyloomException.Unavailable.class)
                    .hasMessage("GetDataset failed (unavailable): try again; giving up after 4 attempts");
        }
        assertThat(requests()).isEqualTo(4);
    }

    @Test
    void theDefaultPolicyMakesSixAttempts() {
        server.stubFor(post(urlEqualTo(PATH)).willReturn(error(503, "unavailable")));
        RetryPolicy defaults = RetryPolicy.defaults();
        RetryPolicy quickDefaults = new RetryPolicy(defaults.maxRetries(), Duration.ofMillis(1), Duration.ofMillis(2));

        try (ConnectTransport transport = transport(quickDefaults)) {
            assertThat(getDatasetFails(transport)).hasMessageEndingWith("giving up after 6 attempts");
        }
        assertThat(requests()).isEqualTo(6);
    }

    @Test
    void aRefusedConnectionIsUnavailableAfterRetries() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ConnectConfig refused = config("http://127.0.0.1:" + closedPort, API_KEY, quickRetries(2), null, null);

        try (ConnectTransport transport = ConnectTransport.create(refused)) {
            SkyloomException failure = getDatasetFails(transport);
            assertThat(failure).isExactlyInstanceOf(SkyloomException.Unavailable.class);
            assertThat(failure.code()).isEqualTo("unavailable");
            assertThat(failure.getMessage())
                    .startsWith("GetDataset failed (unavailable): could not reach 127.0.0.1:" + closedPort + " (")
                    .endsWith("; giving up after 3 attempts");
            assertThat(failure).hasCauseInstanceOf(java.net.ConnectException.class);
        }
    }
}
