package dev.skyloom.local;

import dev.skyloom.wire.datasets.v1.CollectionInfo;
import dev.skyloom.wire.datasets.v1.Dataset;
import dev.skyloom.wire.datasets.v1.DatasetKind;
import dev.skyloom.wire.datasets.v1.GetDatasetRequest;
import dev.skyloom.wire.datasets.v1.GetCollectionByNameRequest;
import dev.skyloom.wire.tilebox.v1.ID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class DurabilityTest {

    private static final Instant T = Instant.parse("2025-01-01T00:00:00Z");
    private static final int BATCH = 200;

    @TempDir
    Path dataDir;

    @Test
    void everyAcknowledgedIngestSurvivesAKillMinusNine() throws Exception {
        LocalServerProcess first = LocalServerProcess.launch(dataDir);
        TestCatalog catalog = new TestCatalog(new ConnectTestClient(first.url()));
        Dataset dataset = catalog.dataset("durable", DatasetKind.DATASET_KIND_TEMPORAL);
        CollectionInfo collection = catalog.collection(dataset, "stream");
        List<ID> acknowledged = new CopyOnWriteArrayList<>();
        Thread stream = Thread.ofVirtual().start(() -> {
            for (int batch = 0; ; batch++) {
                List<byte[]> values = new ArrayList<>();
                for (int i = 0; i < BATCH; i++) {
                    values.add(TestCatalog.datapoint(dataset, T.plusMillis(batch * BATCH + i), "d", null));
                }
                try {
                    acknowledged.addAll(catalog.ingest(collection, values, true).getDatapointIdsList());
                } catch (RuntimeException killed) {
                    return;
                }
            }
        });
        while (acknowledged.size() < 10 * BATCH) {
            Thread.sleep(5);
        }
        first.process().destroyForcibly().waitFor();
        stream.join(Duration.ofSeconds(30));
        assertThat(stream.isAlive()).isFalse();

        LocalServerProcess second = LocalServerProcess.launch(dataDir);
        try {
            TestCatalog restarted = new TestCatalog(new ConnectTestClient(second.url()));
            Dataset reopened = restarted.client.call("/datasets.v1.DatasetService/GetDataset",
                    GetDatasetRequest.newBuilder().setSlug("my_org.durable").build(), Dataset.parser());
            long count = restarted.client.call("/datasets.v1.CollectionService/GetCollectionByName",
                    GetCollectionByNameRequest.newBuilder().setDatasetId(reopened.getId()).setCollectionName("stream")
                            .setWithCount(true).build(), CollectionInfo.parser()).getCount();
            Set<ID> stored = new HashSet<>();
            restarted.queryAll(reopened, TestCatalog.during(T, T.plus(Duration.ofDays(1))), null, new int[1])
                    .forEach(d -> stored.add(TestCatalog.id(d)));

            assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(10 * BATCH);
            assertThat(stored).containsAll(acknowledged);
            assertThat(count).isEqualTo(stored.size()).isGreaterThanOrEqualTo(acknowledged.size());
        } finally {
            second.process().destroy();
            second.process().waitFor();
        }
    }
}
