package dev.skyloom.connect;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.skyloom.RetryPolicy;
import dev.skyloom.SkyloomException;
import dev.skyloom.wire.datasets.v1.Dataset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.skyloom.connect.TransportTesting.DATASET;
import static dev.skyloom.connect.TransportTesting.PATH;
import static dev.skyloom.connect.TransportTesting.config;
import static dev.skyloom.connect.TransportTesting.getDataset;
import static dev.skyloom.connect.TransportTesting.getDatasetFails;
import static dev.skyloom.connect.TransportTesting.gzip;
import static org.assertj.core.api.Assertions.assertThat;

class ConnectResponseDecodingTest {

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

    private static void respond(ResponseDefinitionBuilder response) {
        server.stubFor(post(urlEqualTo(PATH)).willReturn(response));
    }

    private static ResponseDefinitionBuilder proto() {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/proto");
    }

    @Test
    void decodesAGzipResponseAndReportsItsSizeOnTheWire() {
        byte[] compressed = gzip(DATASET.toByteArray());
        respond(proto().withHeader("Content-Encoding", "gzip").withBody(compressed));

        ConnectResponse<Dataset> response = getDataset(transport);

        assertThat(response.message()).isEqualTo(DATASET);
        assertThat(response.bodyBytes()).isEqualTo(compressed.length);
    }

    @Test
    void decodesAnIdentityResponse() {
        respond(proto().withHeader("Content-Encoding", "identity").withBody(DATASET.toByteArray()));

        ConnectResponse<Dataset> response = getDataset(transport);

        assertThat(response.message()).isEqualTo(DATASET);
        assertThat(response.bodyBytes()).isEqualTo(DATASET.getSerializedSize());
    }

    @Test
    void readsAMultiMegabyteGzipBodyWhole() {
        Dataset large = DATASET.toBuilder().setDescription("footprint ".repeat(400_000)).build();
        respond(proto().withHeader("Content-Encoding", "gzip").withBody(gzip(large.toByteArray())));

        assertThat(getDataset(transport).message().getDescription()).hasSize(4_000_000);
    }

    @Test
    void anEmptyBodyIsTheEmptyMessage() {
        respond(proto());

        ConnectResponse<Dataset> response = getDataset(transport);

        assertThat(response.message()).isEqualTo(Dataset.getDefaultInstance());
        assertThat(response.bodyBytes()).isZero();
    }

    @Test
    void aJsonSuccessIsInternalBecauseProtoWasRequested() {
        respond(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{}"));

        SkyloomException failure = getDatasetFails(transport);

        assertThat(failure).isInstanceOf(SkyloomException.Internal.class);
        assertThat(failure.code()).isEqualTo("internal");
        assertThat(failure).hasMessage("GetDataset failed (internal): the server answered HTTP 200 with "
                + "Content-Type 'application/json' but application/proto was requested");
    }

    @Test
    void aNonApplicationContentTypeIsUnknown() {
        respond(aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody("<html></html>"));

        SkyloomException failure = getDatasetFails(transport);

        assertThat(failure).isInstanceOf(SkyloomException.Internal.class);
        assertThat(failure.code()).isEqualTo("unknown");
        assertThat(failure).hasMessage("GetDataset failed (unknown): the server answered HTTP 200 with "
                + "Content-Type 'text/html', not a Connect response; is the URL a Tilebox server?");
    }

    @Test
    void anUndecodableBodyIsInternalNamingTheExpectedMessage() {
        // Field 1 as length-delimited, claiming 127 bytes that never come.
        respond(proto().withBody(new byte[]{0x0a, 0x7f, 0x01}));

        SkyloomException failure = getDatasetFails(transport);

        assertThat(failure).isInstanceOf(SkyloomException.Internal.class);
        assertThat(failure.code()).isEqualTo("internal");
        assertThat(failure.getMessage())
                .startsWith("GetDataset failed (internal): the response could not be decoded as datasets.v1.Dataset");
    }

    @Test
    void aCorruptGzipBodyIsInternal() {
        respond(proto().withHeader("Content-Encoding", "gzip").withBody(DATASET.toByteArray()));

        SkyloomException failure = getDatasetFails(transport);

        assertThat(failure).isInstanceOf(SkyloomException.Internal.class);
        assertThat(failure.getMessage())
                .startsWith("GetDataset failed (internal): the response body could not be decompressed");
    }

    @Test
    void anUnsupportedContentEncodingIsInternal() {
        respond(proto().withHeader("Content-Encoding", "br").withBody(DATASET.toByteArray()));

        SkyloomException failure = getDatasetFails(transport);

        assertThat(failure).isInstanceOf(SkyloomException.Internal.class);
        assertThat(failure).hasMessage("GetDataset failed (internal): the response body could not be "
                + "decompressed (unsupported Content-Encoding 'br')");
    }
}
