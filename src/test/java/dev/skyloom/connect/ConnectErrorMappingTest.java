package dev.skyloom.connect;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.skyloom.RetryPolicy;
import dev.skyloom.SkyloomException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.skyloom.connect.TransportTesting.API_KEY;
import static dev.skyloom.connect.TransportTesting.PATH;
import static dev.skyloom.connect.TransportTesting.config;
import static dev.skyloom.connect.TransportTesting.getDatasetFails;
import static dev.skyloom.connect.TransportTesting.gzip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class ConnectErrorMappingTest {

    @RegisterExtension
    static WireMockExtension server = TransportTesting.wireMock();

    private ConnectTransport transport;

    @BeforeEach
    void connect() {
        transport = ConnectTransport.create(config(server.baseUrl(), RetryPolicy.none()));
    }

    @AfterEach
    void disconnect() {
        transport.close();
    }

    private static void respond(int status, String body) {
        server.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    private static String host() {
        return "localhost:" + server.getPort();
    }

    static Stream<Arguments> everyConnectCode() {
        return Stream.of(
                arguments("canceled", 499, SkyloomException.Cancelled.class, ""),
                arguments("unknown", 500, SkyloomException.Internal.class, ""),
                arguments("invalid_argument", 400, SkyloomException.InvalidArgument.class, ""),
                arguments("deadline_exceeded", 504, SkyloomException.DeadlineExceeded.class, ""),
                arguments("not_found", 404, SkyloomException.NotFound.class, ""),
                arguments("already_exists", 409, SkyloomException.InvalidArgument.class, ""),
                arguments("permission_denied", 403, SkyloomException.PermissionDenied.class,
                        "; check that the API key has access to this"),
                arguments("resource_exhausted", 429, SkyloomException.QuotaExhausted.class,
                        "; a quota or subscription limit is reached; retrying does not help"),
                arguments("failed_precondition", 400, SkyloomException.InvalidArgument.class, ""),
                arguments("aborted", 409, SkyloomException.Unavailable.class, ""),
                arguments("out_of_range", 400, SkyloomException.InvalidArgument.class, ""),
                arguments("unimplemented", 501, SkyloomException.NotFound.class,
                        "; datasets.v1.DatasetService/GetDataset is not available at {host}; "
                                + "is the URL a Tilebox server?"),
                arguments("internal", 500, SkyloomException.Internal.class, ""),
                arguments("unavailable", 503, SkyloomException.Unavailable.class, ""),
                arguments("data_loss", 500, SkyloomException.Internal.class, ""),
                arguments("unauthenticated", 401, SkyloomException.Unauthenticated.class,
                        "; set TILEBOX_API_KEY or pass an API key"));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("everyConnectCode")
    void mapsEveryConnectCodeToItsErrorWithTheServerMessage(String code, int status,
                                                             Class<? extends SkyloomException> type, String hint) {
        respond(status, "{\"code\":\"" + code + "\",\"message\":\"no such dataset 'x'\"}");

        SkyloomException failure = getDatasetFails(transport);

        assertThat(failure).isExactlyInstanceOf(type);
        assertThat(failure.code()).isEqualTo(code);
        assertThat(failure).hasMessage("GetDataset failed (" + code + "): no such dataset 'x'"
                + hint.replace("{host}", host()));
    }

    static Stream<Arguments> fallbackTable() {
        return Stream.of(
                arguments(400, "", "internal", SkyloomException.Internal.class),
                arguments(401, "<html>Unauthorized</html>", "unauthenticated", SkyloomException.Unauthenticated.class),
                arguments(403, "", "permission_denied", SkyloomException.PermissionDenied.class),
                arguments(404, "page not found", "unimplemented", SkyloomException.NotFound.class),
                arguments(429, "", "unavailable", SkyloomException.RateLimited.class),
                arguments(502, "Bad Gateway", "unavailable", SkyloomException.Unavailable.class),
                arguments(503, "", "unavailable", SkyloomException.Unavailable.class),
                arguments(504, "{\"code\":\"teapot\"}", "unavailable", SkyloomException.Unavailable.class),
                arguments(500, "[1, 2]", "unknown", SkyloomException.Internal.class),
                arguments(418, "", "unknown", SkyloomException.Internal.class));
    }

    @ParameterizedTest(name = "HTTP {0} -> {2}")
    @MethodSource("fallbackTable")
    void derivesTheCodeFromTheStatusWhenTheBodyHasNone(int status, String body, String code,
                                                        Class<? extends SkyloomException> type) {
        respond(status, body);

        SkyloomException failure = getDatasetFails(transport);

        assertThat(failure).isExactlyInstanceOf(type);
        assertThat(failure.code()).isEqualTo(code);
        assertThat(failure.getMessage())
                .startsWith("GetDataset failed (" + code + "): HTTP " + status + " from " + host());
    }

    @Test
    void aPlain429SaysTheServerIsRateLimiting() {
        respond(429, "");

        assertThat(getDatasetFails(transport)).hasMessage("GetDataset failed (unavailable): HTTP 429 from " + host()
                + "; the server is rate limiting requests; slow down or retry later");
    }

    @Test
    void readsAGzipEncodedErrorBody() {
        byte[] body = gzip("{\"code\":\"not_found\",\"message\":\"no such dataset 'x'\"}"
                .getBytes(StandardCharsets.UTF_8));
        server.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withHeader("Content-Encoding", "gzip")
                .withBody(body)));

        SkyloomException failure = getDatasetFails(transport);

        assertThat(failure).isExactlyInstanceOf(SkyloomException.NotFound.class);
        assertThat(failure).hasMessage("GetDataset failed (not_found): no such dataset 'x'");
    }

    @Test
    void ignoresDetailsItDoesNotKnow() {
        respond(400, "{\"code\":\"invalid_argument\",\"message\":\"bad interval\",\"details\":"
                + "[{\"type\":\"google.rpc.BadRequest\",\"value\":\"CgA\",\"debug\":{}}]}");

        SkyloomException failure = getDatasetFails(transport);

        assertThat(failure).isExactlyInstanceOf(SkyloomException.InvalidArgument.class);
        assertThat(failure).hasMessage("GetDataset failed (invalid_argument): bad interval");
    }

    @Test
    void aServerMessageWithoutACodeStillFallsBackToTheStatus() {
        respond(403, "{\"message\":\"forbidden by policy\"}");

        SkyloomException failure = getDatasetFails(transport);

        assertThat(failure).isExactlyInstanceOf(SkyloomException.PermissionDenied.class);
        assertThat(failure).hasMessage("GetDataset failed (permission_denied): forbidden by policy; "
                + "check that the API key has access to this");
    }

    @Test
    void redactsTheApiKeyWhenTheServerEchoesIt() {
        respond(401, "{\"code\":\"unauthenticated\",\"message\":\"invalid key " + API_KEY + "\"}");

        SkyloomException failure = getDatasetFails(transport);

        assertThat(failure).hasMessage("GetDataset failed (unauthenticated): invalid key <redacted>; "
                + "set TILEBOX_API_KEY or pass an API key");
    }
}
