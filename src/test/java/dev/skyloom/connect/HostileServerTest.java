package dev.skyloom.connect;

import dev.skyloom.SkyloomException;
import dev.skyloom.testing.HostileServer;
import dev.skyloom.wire.datasets.v1.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.URI;
import java.time.Duration;

import static dev.skyloom.connect.TransportTesting.API_KEY;
import static dev.skyloom.connect.TransportTesting.METHOD;
import static dev.skyloom.connect.TransportTesting.REQUEST;
import static dev.skyloom.connect.TransportTesting.SERVICE;
import static dev.skyloom.connect.TransportTesting.USER_AGENT;
import static dev.skyloom.connect.TransportTesting.quickRetries;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The transport against servers that misbehave at the socket: each call ends within its bounds (time, bytes read,
 * bytes inflated) with a one-line error, and nothing is retried that would only misbehave again.
 */
@Timeout(30)
class HostileServerTest {

    private static SkyloomException call(HostileServer server, Duration attemptTimeout, long maxResponseBytes) {
        ConnectConfig config = new ConnectConfig(server.url(), API_KEY, null, Duration.ofSeconds(2), attemptTimeout,
                null, quickRetries(3), USER_AGENT, maxResponseBytes);
        try (ConnectTransport transport = ConnectTransport.create(config)) {
            SkyloomException failure = catchThrowableOfType(SkyloomException.class,
                    () -> transport.unary(SERVICE, METHOD, REQUEST, Dataset.parser()));
            assertThat(failure).as("the call should fail").isNotNull();
            assertThat(failure.getMessage()).doesNotContain("\n").doesNotContain(API_KEY);
            return failure;
        }
    }

    private static String host(HostileServer server) {
        URI url = server.url();
        return url.getHost() + ":" + url.getPort();
    }

    @Test
    void aServerThatNeverAnswersFailsTheAttemptAtItsTimeout() {
        try (HostileServer server = HostileServer.start(new HostileServer.Silent())) {
            SkyloomException failure = call(server, Duration.ofMillis(300), ConnectConfig.DEFAULT_MAX_RESPONSE_BYTES);

            assertThat(failure).isExactlyInstanceOf(SkyloomException.DeadlineExceeded.class)
                    .hasMessage("GetDataset failed (deadline_exceeded): no response from " + host(server)
                            + " within the attempt timeout of 300 ms");
            assertThat(server.requests()).isEqualTo(1);
        }
    }

    @Test
    void aBodyThatTricklesForeverIsCutAtTheAttemptTimeout() {
        // The HTTP client's own request timeout stops counting once the headers are in; the body must be bounded too.
        try (HostileServer server = HostileServer.start(new HostileServer.TrickleBody(50))) {
            SkyloomException failure = call(server, Duration.ofMillis(500), ConnectConfig.DEFAULT_MAX_RESPONSE_BYTES);

            assertThat(failure).isExactlyInstanceOf(SkyloomException.DeadlineExceeded.class)
                    .hasMessageContaining("within the attempt timeout of 500 ms");
        }
    }

    @Test
    void aBodyThatNeverEndsStopsAtTheResponseCap() {
        try (HostileServer server = HostileServer.start(new HostileServer.EndlessBody())) {
            SkyloomException failure = call(server, Duration.ofSeconds(20), 1 << 20);

            assertThat(failure).isExactlyInstanceOf(SkyloomException.Internal.class)
                    .hasMessageStartingWith("GetDataset failed (internal): the response body is larger than the"
                            + " limit of 1 MiB");
            assertThat(server.requests()).as("an oversized answer is not asked for again").isEqualTo(1);
        }
    }

    @Test
    void aGzipBombStopsInflatingAtTheCap() {
        // 4 GiB of zeros in 4 MiB of gzip: inflated whole it would not even fit a Java array.
        Runtime runtime = Runtime.getRuntime();
        try (HostileServer server = HostileServer.start(new HostileServer.GzipBomb(4096))) {
            SkyloomException failure = call(server, Duration.ofSeconds(20), 8 << 20);

            assertThat(failure).isExactlyInstanceOf(SkyloomException.Internal.class)
                    .hasMessage("GetDataset failed (internal): the inflated response body is larger than the limit"
                            + " of 8 MiB");
            assertThat(server.requests()).isEqualTo(1);
        }
        assertThat(runtime.totalMemory() - runtime.freeMemory()).as("heap in use after the call")
                .isLessThan(1L << 30);
    }

    @Test
    void theDefaultCapIsSixtyFourMebibytes() {
        ConnectConfig config = new ConnectConfig(URI.create("http://127.0.0.1:1"), null, null, Duration.ofSeconds(1),
                null, null, quickRetries(0), USER_AGENT);
        assertThat(config.maxResponseBytes()).isEqualTo(64L << 20);
    }
}
