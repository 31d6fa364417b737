package dev.skyloom.connect;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.google.protobuf.ByteString;
import dev.skyloom.RetryPolicy;
import dev.skyloom.SkyloomException;
import dev.skyloom.wire.datasets.v1.Dataset;
import dev.skyloom.wire.datasets.v1.GetDatasetRequest;
import dev.skyloom.wire.tilebox.v1.ID;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.zip.GZIPOutputStream;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Shared pieces of the transport tests: a WireMock server, real protobuf messages, and key-leak checks. */
final class TransportTesting {

    static final String API_KEY = "tbx-api-5e1f0c3a-do-not-leak";
    static final String USER_AGENT = "skyloom/0.1.0-test";
    static final String SERVICE = "datasets.v1.DatasetService";
    static final String METHOD = "GetDataset";
    static final String PATH = "/" + SERVICE + "/" + METHOD;

    static final GetDatasetRequest REQUEST = GetDatasetRequest.newBuilder()
            .setSlug("open_data.copernicus.sentinel2_msi")
            .build();
    static final Dataset DATASET = Dataset.newBuilder()
            .setId(ID.newBuilder().setUuid(ByteString.copyFrom(new byte[]{
                    0x34, (byte) 0xd7, (byte) 0xb0, (byte) 0x8b, (byte) 0x8a, 0x27, 0x4b, 0x40,
                    (byte) 0x81, (byte) 0x9b, (byte) 0xb1, 0x1c, 0x61, (byte) 0x89, 0x69, 0x5a})))
            .setCodeName("sentinel2_msi")
            .setName("Sentinel-2 MSI")
            .setSlug("open_data.copernicus.sentinel2_msi")
            .build();

    private TransportTesting() {
    }

    /**
     * A WireMock server on a free port that never compresses on its own, so each test decides the encoding, and speaks
     * HTTP/1.1 only (the bundled WireMock would otherwise accept the client's h2c upgrade).
     */
    static WireMockExtension wireMock() {
        return WireMockExtension.newInstance()
                .options(wireMockConfig().dynamicPort().gzipDisabled(true).http2PlainDisabled(true))
                .build();
    }

    static ConnectConfig config(String baseUrl, String apiKey, RetryPolicy retries, Duration attemptTimeout,
                                Duration callTimeout) {
        return new ConnectConfig(URI.create(baseUrl), apiKey, null, Duration.ofSeconds(2), attemptTimeout,
                callTimeout, retries, USER_AGENT);
    }

    static ConnectConfig config(String baseUrl, RetryPolicy retries) {
        return config(baseUrl, API_KEY, retries, null, null);
    }

    /** Retries with waits of a few milliseconds at most. */
    static RetryPolicy quickRetries(int maxRetries) {
        return new RetryPolicy(maxRetries, Duration.ofMillis(1), Duration.ofMillis(4));
    }

    static ConnectResponse<Dataset> getDataset(ConnectTransport transport) {
        return transport.unary(SERVICE, METHOD, REQUEST, Dataset.parser());
    }

    /** Calls GetDataset expecting a failure, and checks that the failure does not leak the API key anywhere. */
    static SkyloomException getDatasetFails(ConnectTransport transport) {
        SkyloomException failure = catchThrowableOfType(SkyloomException.class, () -> getDataset(transport));
        assertThat(failure).as("GetDataset should have failed").isNotNull();
        assertKeyAbsent(failure);
        return failure;
    }

    /** Asserts that the API key appears in no message, toString() or cause of {@code failure}. */
    static void assertKeyAbsent(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain(API_KEY);
            assertThat(t.toString()).doesNotContain(API_KEY);
            for (Throwable suppressed : t.getSuppressed()) {
                assertKeyAbsent(suppressed);
            }
        }
    }

    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
