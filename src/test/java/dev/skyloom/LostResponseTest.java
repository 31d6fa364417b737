package dev.skyloom;

import dev.skyloom.local.LocalServer;
import dev.skyloom.local.LocalServerConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Ingest and delete through a proxy that loses a response after the local server applied the request. */
class LostResponseTest {

    private static final Instant T = Instant.parse("2025-05-01T00:00:00Z");
    private static LocalServer server;
    private static LostResponseProxy proxy;
    private static DatasetsClient direct;
    private static DatasetsClient proxied;

    @BeforeAll
    static void start() throws Exception {
        server = LocalServer.start(LocalServerConfig.defaults());
        proxy = new LostResponseProxy(server.url());
        direct = DatasetsClient.builder().url(server.url().toString()).apiKey(null).build();
        proxied = DatasetsClient.builder().url(proxy.url()).apiKey(null)
                .retryPolicy(new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(5))).build();
        direct.createOrUpdateDataset(DatasetKind.TEMPORAL, "readings",
                List.of(FieldSpec.of("value", FieldType.DOUBLE)), "Readings");
    }

    @AfterAll
    static void stop() {
        proxied.close();
        direct.close();
        proxy.close();
        server.close();
    }

    private static List<Map<String, Object>> readings(int from, int to) {
        return IntStream.range(from, to).<Map<String, Object>>mapToObj(i -> Map.of("time", T.plusSeconds(i),
                "value", i * 1.5)).toList();
    }

    @Test
    void writesWhoseResponsesAreLostReportWhatTheyDid() throws InterruptedException {
        direct.dataset("readings").createCollection("lost");
        Collection collection = proxied.dataset("readings").collection("lost");
        IngestResult before = collection.ingest(readings(0, 2));
        // older than the reconciliation's clock tolerance, so these count as existing before the call
        Thread.sleep(Ingestion.CLOCK_TOLERANCE.plusMillis(200));

        proxy.loseNextResponseTo("/Ingest");
        IngestResult result = collection.ingest(readings(0, 5));

        assertThat(result.created()).isEqualTo(3);
        assertThat(result.existing()).isEqualTo(2);
        assertThat(result.ids()).hasSize(5).startsWith(before.ids().toArray(new java.util.UUID[0]));
        assertThat(collection.info().count()).hasValue(5);

        proxy.loseNextResponseTo("/Delete");
        assertThat(collection.delete(result.ids())).isEqualTo(5);
        assertThat(collection.info().count()).hasValue(0);
    }
}
