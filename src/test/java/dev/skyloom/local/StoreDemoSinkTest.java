package dev.skyloom.local;

import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import dev.skyloom.local.schema.DatasetFields;
import dev.skyloom.local.store.CanonicalDatapoint;
import dev.skyloom.local.store.CatalogStore;
import dev.skyloom.local.store.Database;
import dev.skyloom.local.store.DatapointIds;
import dev.skyloom.local.store.DatapointStore;
import dev.skyloom.local.store.Ingestor;
import dev.skyloom.wire.datasets.v1.CollectionInfo;
import dev.skyloom.wire.datasets.v1.Dataset;
import dev.skyloom.wire.datasets.v1.DatasetKind;
import dev.skyloom.wire.datasets.v1.DatasetType;
import dev.skyloom.wire.datasets.v1.GetCollectionByNameRequest;
import dev.skyloom.wire.datasets.v1.GetDatasetRequest;
import dev.skyloom.wire.datasets.v1.ListDatasetsRequest;
import dev.skyloom.wire.datasets.v1.ListDatasetsResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class StoreDemoSinkTest {

    private static final UUID ROOT = UUID.fromString("019039b5-9f7b-5e94-bb3e-40049e28280a");
    private static final UUID CHILD = UUID.fromString("019039b5-c894-a3db-09e1-49ee36fe4983");
    private static final UUID DATASET = UUID.fromString("34d7b08b-8a27-4b40-819b-b11c6189695a");
    private static final UUID COLLECTION = UUID.fromString("9b92c84f-5e2f-4d4a-9278-1ce96cedb970");

    @TempDir
    Path dataDir;

    @Test
    void aCatalogueWrittenToTheSinkIsServedWithNestedSlugsAndIdempotentIngest() {
        Database database = Database.open(dataDir);
        CatalogStore catalog = new CatalogStore(database);
        List<Long> progress = new ArrayList<>();
        StoreDemoSink sink = new StoreDemoSink(catalog, new Ingestor(new DatapointStore(database), Clock.systemUTC()),
                (stored, expected) -> progress.add(stored * 1_000_000 + expected), 20_000);
        DatasetType type = DatasetType.newBuilder().setKind(DatasetKind.DATASET_KIND_TEMPORAL)
                .addFields(DatasetFields.field("label", FieldDescriptorProto.Type.TYPE_STRING, false, "", "")).build();

        sink.group(ROOT, null, "open_data", "Open data");
        sink.group(CHILD, ROOT, "copernicus", "Copernicus");
        sink.dataset(DATASET, CHILD, "sentinel2_msi", "Sentinel-2 MSI", "summary", "description", type);
        sink.collection(COLLECTION, DATASET, "S2B_S2MSI1C");
        Dataset wireType = Dataset.newBuilder().setType(catalog.dataset(DATASET).orElseThrow().type()).build();
        List<CanonicalDatapoint> datapoints = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            Instant time = Instant.parse("2025-01-01T00:00:00Z").plusSeconds(i);
            datapoints.add(new CanonicalDatapoint(time.toEpochMilli(), TestCatalog.datapoint(wireType, time, "p" + i,
                    null), null));
        }
        sink.ingest(COLLECTION, datapoints.subList(0, 8192));
        sink.ingest(COLLECTION, datapoints.subList(8192, 10_000));
        sink.ingest(COLLECTION, datapoints.subList(0, 10));
        assertThat(progress).containsExactly(8192 * 1_000_000L + 20_000, 10_000 * 1_000_000L + 20_000,
                10_010 * 1_000_000L + 20_000);
        database.close();

        try (LocalServer server = LocalServer.start(LocalServerConfig.defaults().withDataDir(dataDir))) {
            ConnectTestClient client = new ConnectTestClient(server.url());
            Dataset dataset = client.call("/datasets.v1.DatasetService/GetDataset", GetDatasetRequest.newBuilder()
                    .setSlug("open_data.copernicus.sentinel2_msi").build(), Dataset.parser());
            assertThat(dataset.getId()).isEqualTo(DatapointIds.wire(DATASET));
            CollectionInfo info = client.call("/datasets.v1.CollectionService/GetCollectionByName",
                    GetCollectionByNameRequest.newBuilder().setDatasetId(dataset.getId())
                            .setCollectionName("S2B_S2MSI1C").setWithCount(true).build(), CollectionInfo.parser());
            assertThat(info.getCount()).isEqualTo(10_000);
            ListDatasetsResponse list = client.call("/datasets.v1.DatasetService/ListDatasets",
                    ListDatasetsRequest.getDefaultInstance(), ListDatasetsResponse.parser());
            assertThat(list.getGroupsList()).extracting(g -> g.getCodeName())
                    .containsExactly("open_data", "copernicus");
        }
    }

    @Test
    void aBatchReadyWhileAnotherIsWrittenIsQueuedForTheWriterUpToTheBound() throws Exception {
        CountDownLatch firstWriteReported = new CountDownLatch(1);
        CountDownLatch releaseWriter = new CountDownLatch(1);
        List<Long> progress = new ArrayList<>();
        try (Database database = Database.open(null)) {
            StoreDemoSink sink = new StoreDemoSink(new CatalogStore(database),
                    new Ingestor(new DatapointStore(database), Clock.systemUTC()), (stored, expected) -> {
                        progress.add(stored);
                        if (stored == 10) {
                            // the first batch's writer is held here, still writing as far as the sink knows
                            firstWriteReported.countDown();
                            await(releaseWriter);
                        }
                    }, 60);
            Dataset wireType = temporalDataset(sink, database);
            CompletableFuture<Void> writer = CompletableFuture.runAsync(
                    () -> sink.ingest(COLLECTION, batch(wireType, 0)));
            assertThat(firstWriteReported.await(30, TimeUnit.SECONDS)).isTrue();

            // Queued for the writer: these calls return while it is busy (they would wait for it before).
            for (int b = 1; b <= StoreDemoSink.MAX_QUEUED; b++) {
                sink.ingest(COLLECTION, batch(wireType, b));
            }
            CompletableFuture<Void> beyondTheBound = CompletableFuture.runAsync(
                    () -> sink.ingest(COLLECTION, batch(wireType, StoreDemoSink.MAX_QUEUED + 1)));
            Thread.sleep(200);
            assertThat(beyondTheBound).isNotDone();
            assertThat(progress).containsExactly(10L);

            releaseWriter.countDown();
            writer.get(30, TimeUnit.SECONDS);
            beyondTheBound.get(30, TimeUnit.SECONDS);
            assertThat(sink.stored()).isEqualTo(10L * (StoreDemoSink.MAX_QUEUED + 2));
            assertThat(progress).hasSize(StoreDemoSink.MAX_QUEUED + 2).isSorted();
        }
    }

    private static Dataset temporalDataset(StoreDemoSink sink, Database database) {
        DatasetType type = DatasetType.newBuilder().setKind(DatasetKind.DATASET_KIND_TEMPORAL)
                .addFields(DatasetFields.field("label", FieldDescriptorProto.Type.TYPE_STRING, false, "", "")).build();
        sink.group(ROOT, null, "open_data", "Open data");
        sink.dataset(DATASET, ROOT, "sentinel2_msi", "Sentinel-2 MSI", "summary", "description", type);
        sink.collection(COLLECTION, DATASET, "S2B_S2MSI1C");
        return Dataset.newBuilder().setType(new CatalogStore(database).dataset(DATASET).orElseThrow().type()).build();
    }

    /** Ten datapoints, distinct for each {@code b}. */
    private static List<CanonicalDatapoint> batch(Dataset wireType, int b) {
        List<CanonicalDatapoint> datapoints = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Instant time = Instant.parse("2025-01-01T00:00:00Z").plusSeconds(100L * b + i);
            datapoints.add(new CanonicalDatapoint(time.toEpochMilli(), TestCatalog.datapoint(wireType, time,
                    "b" + b + "-" + i, null), null));
        }
        return datapoints;
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
