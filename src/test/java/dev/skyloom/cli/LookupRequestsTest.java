package dev.skyloom.cli;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The requests a command makes before it loads: against the remote service each one is a round trip, paid before the
 * first page. The demo server is behind a recording WireMock proxy.
 */
class LookupRequestsTest {

    private static final String LANDSAT = "open_data.copernicus.landsat8_oli_tirs";

    private WireMockServer proxy;

    @BeforeEach
    void startProxy() {
        proxy = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        proxy.start();
        proxy.stubFor(any(anyUrl()).willReturn(aResponse().proxiedFrom(DemoFixture.url())));
    }

    @AfterEach
    void stopProxy() {
        proxy.stop();
    }

    @Test
    void loadingSeveralCollectionsLooksThemUpWithOneListingNotOneRequestEach(@TempDir Path dir) throws Exception {
        Cli.Result result = Cli.run("--url", proxy.baseUrl(), "load", LANDSAT, "L1T", "L1GT", "L2SP", "--from",
                "2020-01-01", "--to", "2020-01-03", "--no-progress", "--output-dir", dir.toString());

        assertThat(result.exit()).as(result.err()).isZero();
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted())
                    .containsExactly("L1GT.csv", "L1T.csv", "L2SP.csv");
        }
        List<String> lookups = proxy.getAllServeEvents().stream().map(e -> e.getRequest())
                .map(LoggedRequest::getUrl).filter(url -> !url.endsWith("/Query")).sorted().toList();
        assertThat(lookups).containsExactly("/datasets.v1.CollectionService/ListCollections",
                "/datasets.v1.DatasetService/GetDataset");
    }
}
