package dev.skyloom.connect;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.skyloom.RetryPolicy;
import dev.skyloom.SkyloomException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.skyloom.connect.TransportTesting.API_KEY;
import static dev.skyloom.connect.TransportTesting.DATASET;
import static dev.skyloom.connect.TransportTesting.PATH;
import static dev.skyloom.connect.TransportTesting.config;
import static dev.skyloom.connect.TransportTesting.getDataset;
import static dev.skyloom.connect.TransportTesting.getDatasetFails;
import static dev.skyloom.connect.TransportTesting.quickRetries;
import static org.assertj.core.api.Assertions.assertThat;

class ConnectCancellationTest {

    private static final Duration SLOW = Duration.ofSeconds(10);

    @RegisterExtension
    static WireMockExtension server = TransportTesting.wireMock();

    /** Loads the HTTP classes of client and server once, so that the first timed test measures only itself. */
    @BeforeAll
    static void warmUp() {
        respondAfter(Duration.ZERO);
        try (ConnectTransport transport = ConnectTransport.create(config(server.baseUrl(), RetryPolicy.none()))) {
            getDataset(transport);
        }
    }

    private Thread interrupter;

    @AfterEach
    void stopTheInterrupterAndClearTheFlag() throws InterruptedException {
        Thread.interrupted();
        if (interrupter != null) {
            interrupter.interrupt();
            interrupter.join();
        }
    }

    private static void respondAfter(Duration delay) {
        server.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/proto").withBody(DATASET.toByteArray())
                .withFixedDelay((int) delay.toMillis())));
    }

    private static int requests() {
        return server.findAll(postRequestedFor(urlEqualTo(PATH))).size();
    }

    /** Interrupts {@code target} from another thread, {@code delay} after the server has seen the request. */
    private void interruptAfterTheRequestArrives(Thread target, Duration delay) {
        interrupter = Thread.ofVirtual().start(() -> {
            try {
                while (requests() == 0) {
                    Thread.sleep(5);
                }
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                return;
            }
            target.interrupt();
        });
    }

    @Test
    void interruptingTheCallerAbortsTheExchangeAtOnce() {
        respondAfter(SLOW);
        try (ConnectTransport transport = ConnectTransport.create(config(server.baseUrl(), quickRetries(5)))) {
            interruptAfterTheRequestArrives(Thread.currentThread(), Duration.ofMillis(200));
            long start = System.nanoTime();

            SkyloomException failure = getDatasetFails(transport);

            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(Thread.currentThread().isInterrupted()).as("interrupt flag").isTrue();
            assertThat(failure).isExactlyInstanceOf(SkyloomException.Cancelled.class)
                    .hasMessage("GetDataset failed (canceled): the calling thread was interrupted");
            assertThat(failure.code()).isEqualTo("canceled");
            assertThat(took).isLessThan(SLOW.dividedBy(2));
            Thread.interrupted();
        }
        assertThat(requests()).as("requests the server saw").isEqualTo(1);
    }

    @Test
    void anAlreadyInterruptedCallerSendsNothing() {
        respondAfter(Duration.ZERO);
        try (ConnectTransport transport = ConnectTransport.create(config(server.baseUrl(), quickRetries(5)))) {
            // many calls: a request started and then cancelled reaches the server only now and then
            for (int call = 0; call < 50; call++) {
                Thread.currentThread().interrupt();

                SkyloomException failure = getDatasetFails(transport);

                assertThat(Thread.currentThread().isInterrupted()).isTrue();
                assertThat(failure).isExactlyInstanceOf(SkyloomException.Cancelled.class);
                Thread.interrupted();
            }
        }
        assertThat(requests()).isZero();
    }

    @Test
    void interruptingABackoffWaitCancelsWithoutAnotherAttempt() {
        server.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(503)));
        RetryPolicy patient = new RetryPolicy(5, SLOW, SLOW);
        try (ConnectTransport transport = ConnectTransport.create(config(server.baseUrl(), patient))) {
            interruptAfterTheRequestArrives(Thread.currentThread(), Duration.ofMillis(100));

            SkyloomException failure = getDatasetFails(transport);

            assertThat(Thread.currentThread().isInterrupted()).isTrue();
            assertThat(failure).isExactlyInstanceOf(SkyloomException.Cancelled.class);
            Thread.interrupted();
        }
        assertThat(requests()).isEqualTo(1);
    }

    @Test
    void theCallTimeoutEndsASlowAttempt() {
        respondAfter(SLOW);
        ConnectConfig bounded = config(server.baseUrl(), API_KEY, quickRetries(5), null, Duration.ofMillis(300));
        try (ConnectTransport transport = ConnectTransport.create(bounded)) {
            SkyloomException failure = getDatasetFails(transport);

            assertThat(failure).isExactlyInstanceOf(SkyloomException.DeadlineExceeded.class)
                    .hasMessage("GetDataset failed (deadline_exceeded): the call timeout of 300 ms passed "
                            + "after 1 attempt");
            assertThat(failure.code()).isEqualTo("deadline_exceeded");
        }
        assertThat(requests()).isEqualTo(1);
    }

    @Test
    void theCallTimeoutCoversBackoffWaits() {
        server.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(503)));
        RetryPolicy patient = new RetryPolicy(5, SLOW, SLOW);
        ConnectConfig bounded = config(server.baseUrl(), API_KEY, patient, null, Duration.ofMillis(400));
        try (ConnectTransport transport = ConnectTransport.create(bounded)) {
            long start = System.nanoTime();
            SkyloomException failure = getDatasetFails(transport);
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            // Backoffs are drawn from [0, 10 s], so now and then a second attempt fits into the 400 ms; either way
            // the call ends at its deadline instead of sitting out a backoff.
            assertThat(failure).isExactlyInstanceOf(SkyloomException.DeadlineExceeded.class);
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("GetDataset failed \\(deadline_exceeded\\): "
                    + "the call timeout of 400 ms passed after (\\d+) attempts?; last error: HTTP 503 from localhost:\\d+")
                    .matcher(failure.getMessage());
            assertThat(m.lookingAt()).as(failure.getMessage()).isTrue();
            assertThat(requests()).isEqualTo(Integer.parseInt(m.group(1)));
            assertThat(took).isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void anAttemptTimeoutIsNotRetried() {
        respondAfter(SLOW);
        ConnectConfig perAttempt = config(server.baseUrl(), API_KEY, quickRetries(5), Duration.ofMillis(250), null);
        try (ConnectTransport transport = ConnectTransport.create(perAttempt)) {
            SkyloomException failure = getDatasetFails(transport);

            assertThat(failure).isExactlyInstanceOf(SkyloomException.DeadlineExceeded.class)
                    .hasMessage("GetDataset failed (deadline_exceeded): no response from localhost:"
                            + server.getPort() + " within the attempt timeout of 250 ms");
        }
        assertThat(requests()).isEqualTo(1);
    }
}
