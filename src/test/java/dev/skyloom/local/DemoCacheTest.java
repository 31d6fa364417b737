package dev.skyloom.local;

import com.google.protobuf.ByteString;
import dev.skyloom.local.demo.DemoCatalog;
import dev.skyloom.local.store.Database;
import dev.skyloom.wire.datasets.v1.CollectionInfo;
import dev.skyloom.wire.datasets.v1.CreateCollectionRequest;
import dev.skyloom.wire.datasets.v1.Dataset;
import dev.skyloom.wire.datasets.v1.GetDatasetRequest;
import dev.skyloom.wire.datasets.v1.ListCollectionsRequest;
import dev.skyloom.wire.datasets.v1.ListCollectionsResponse;
import dev.skyloom.wire.datasets.v1.QueryRequest;
import dev.skyloom.wire.datasets.v1.QueryResultPage;
import dev.skyloom.wire.tilebox.v1.Pagination;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DemoCacheTest {

    private static final String LANDSAT = "open_data.copernicus.landsat8_oli_tirs";
    /** Reads the children's output: blocking reads, one thread each. */
    private static final Executor READERS = Executors.newVirtualThreadPerTaskExecutor();

    @TempDir
    Path root;

    /** A LocalServerMain in its own JVM serving the cached demo catalogue read-only, with its stderr. */
    private record Child(Process process, CompletableFuture<URI> url, CompletableFuture<String> err) {
        void stop() throws InterruptedException {
            process.destroy();
            process.waitFor();
        }
    }

    private Child launch() throws IOException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process process = new ProcessBuilder(java, "--enable-preview", "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), LocalServerMain.class.getName(),
                "--demo", "--read-only", "--demo-cache", root.toString(), "--port", "0").start();
        CompletableFuture<URI> url = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader out = process.inputReader(StandardCharsets.UTF_8)) {
                String line = out.readLine();
                return line == null ? null : URI.create(line.substring(line.indexOf("http://")));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }, READERS);
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                    StandardCharsets.UTF_8))) {
                return String.join("\n", lines.lines().toList());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }, READERS);
        return new Child(process, url, err);
    }

    @Timeout(600)
    @Test
    void twoProcessesRacingTheFirstRunBuildItOnceAndServeTheSameCatalogueWhileAThirdReadsIt() throws Exception {
        long seed = DemoCatalog.DEFAULT_SEED;
        Path leftover = Files.createDirectories(root.resolve("demo-" + seed + "-v" + DemoCache.VERSION
                + ".partial-killed"));
        Files.writeString(leftover.resolve("skyloom.db"), "half a catalogue");

        Child first = launch();
        Child second = launch();
        URI firstUrl = first.url().get();
        URI secondUrl = second.url().get();
        assertThat(firstUrl).as(() -> "first child: " + first.err().getNow("(running)")).isNotNull();
        assertThat(secondUrl).as(() -> "second child: " + second.err().getNow("(running)")).isNotNull();
        try (LocalServer third = LocalServer.start(LocalServerConfig.defaults().withDemo(true).withReadOnly(true)
                .withDemoCache(root))) {
            // All three have the catalogue open at once.
            String seenByFirst = catalogue(firstUrl);
            String seenBySecond = catalogue(secondUrl);
            String seenByThird = catalogue(third.url());

            assertThat(seenByFirst).contains("L1T 2020: 1281 ").isEqualTo(seenBySecond).isEqualTo(seenByThird);
        } finally {
            first.stop();
            second.stop();
        }
        List<String> errs = List.of(first.err().get(), second.err().get());
        assertThat(errs).filteredOn(err -> err.contains("skyloom: demo catalogue 100%")).hasSize(1);
        assertThat(errs).noneMatch(err -> err.contains("Exception"));
        try (Stream<Path> entries = Files.list(root)) {
            assertThat(entries.filter(Files::isDirectory).map(p -> p.getFileName().toString()))
                    .containsExactly("demo-" + seed + "-v" + DemoCache.VERSION);
        }
        assertThat(DemoCache.find(root, seed)).contains(DemoCache.directory(root, seed));
        try (Stream<Path> files = Files.list(DemoCache.directory(root, seed))) {
            assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("skyloom.db");
        }
    }

    @Test
    void aReadOnlyServerRefusesWritesWhileAnInMemoryCopyTakesThemWithoutTouchingTheCache() throws Exception {
        Path cache = DemoCache.defaultRoot();
        Path file = Database.file(DemoCache.ensure(cache, DemoCatalog.DEFAULT_SEED, DemoProgress.NONE));
        FileTime modified = Files.getLastModifiedTime(file);
        long size = Files.size(file);

        try (LocalServer shared = LocalServer.start(LocalServerConfig.defaults().withDemo(true).withReadOnly(true)
                .withDemoCache(cache));
             LocalServer copy = LocalServer.start(LocalServerConfig.defaults().withDemo(true).withDemoCache(cache))) {
            ConnectTestClient sharedClient = new ConnectTestClient(shared.url());
            ConnectTestClient copyClient = new ConnectTestClient(copy.url());
            Dataset landsat = dataset(sharedClient);
            CreateCollectionRequest create = CreateCollectionRequest.newBuilder().setDatasetId(landsat.getId())
                    .setName("mine").build();

            assertThatThrownBy(() -> sharedClient.call(TestCatalog.CREATE_COLLECTION, create,
                    CollectionInfo.parser()))
                    .isInstanceOfSatisfying(ConnectTestClient.Failure.class, f -> {
                        assertThat(f.status).isEqualTo(403);
                        assertThat(f.code).isEqualTo("permission_denied");
                        assertThat(f.message()).contains("read-only").contains("--data");
                    });
            assertThat(copyClient.call(TestCatalog.CREATE_COLLECTION, create, CollectionInfo.parser())
                    .getCollection().getName()).isEqualTo("mine");
            assertThat(catalogue(shared.url())).doesNotContain("mine");
        }
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(modified);
        assertThat(Files.size(file)).isEqualTo(size);
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files).hasSize(1);
        }
    }

    @Test
    void aCatalogueIsFoundOnlyUnderItsVersionedNameAndOnlyWhenComplete() throws IOException {
        assertThat(DemoCache.directory(root, 7)).isEqualTo(root.resolve("demo-7-v" + DemoCache.VERSION));
        Files.createDirectories(root.resolve("demo-7"));
        Files.writeString(root.resolve("demo-7").resolve("skyloom.db"), "an older catalogue");
        Files.createDirectories(DemoCache.directory(root, 7));

        assertThat(DemoCache.find(root, 7)).isEmpty();
        assertThat(DemoCache.root("/x/cache", "/home/u")).isEqualTo(Path.of("/x/cache/skyloom"));
        assertThat(DemoCache.root(null, "/home/u")).isEqualTo(Path.of("/home/u/.cache/skyloom"));
        assertThat(DemoCache.root(" ", "/home/u")).isEqualTo(Path.of("/home/u/.cache/skyloom"));
    }

    private static Dataset dataset(ConnectTestClient client) {
        return client.call("/datasets.v1.DatasetService/GetDataset",
                GetDatasetRequest.newBuilder().setSlug(LANDSAT).build(), Dataset.parser());
    }

    /**
     * What a server holds of the Landsat dataset: each collection's count and availability, and a digest of every
     * byte of L1T's 2020 datapoints (ids and ingestion times included, so two catalogues generated apart differ).
     */
    private static String catalogue(URI url) throws NoSuchAlgorithmException {
        ConnectTestClient client = new ConnectTestClient(url);
        Dataset landsat = dataset(client);
        ListCollectionsResponse collections = client.call("/datasets.v1.CollectionService/ListCollections",
                ListCollectionsRequest.newBuilder().setDatasetId(landsat.getId()).setWithCount(true)
                        .setWithAvailability(true).build(), ListCollectionsResponse.parser());
        List<String> lines = new ArrayList<>();
        for (CollectionInfo info : collections.getDataList()) {
            lines.add(info.getCollection().getName() + " " + info.getCount() + " "
                    + info.getAvailability().getStartTime() + info.getAvailability().getEndTime());
        }
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        CollectionInfo l1t = collections.getDataList().stream()
                .filter(c -> c.getCollection().getName().equals("L1T")).findFirst().orElseThrow();
        int datapoints = 0;
        Pagination page = null;
        do {
            QueryRequest.Builder request = QueryRequest.newBuilder().addCollectionIds(l1t.getCollection().getId())
                    .setFilters(TestCatalog.during(Instant.parse("2020-01-01T00:00:00Z"),
                            Instant.parse("2021-01-01T00:00:00Z")));
            if (page != null) {
                request.setPage(page);
            }
            QueryResultPage result = client.call(TestCatalog.QUERY, request.build(), QueryResultPage.parser());
            for (ByteString value : result.getData().getValueList()) {
                digest.update(value.toByteArray());
                datapoints++;
            }
            page = result.hasNextPage() ? result.getNextPage() : null;
        } while (page != null);
        lines.add("L1T 2020: " + datapoints + " " + HexFormat.of().formatHex(digest.digest()));
        return String.join("\n", lines);
    }
}
