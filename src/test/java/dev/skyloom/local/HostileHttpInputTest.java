package dev.skyloom.local;

import dev.skyloom.Collection;
import dev.skyloom.DatasetKind;
import dev.skyloom.DatasetsClient;
import dev.skyloom.FieldSpec;
import dev.skyloom.FieldType;
import dev.skyloom.local.GrpcTestClient.Transport;
import dev.skyloom.wire.datasets.v1.FieldComparison;
import dev.skyloom.wire.datasets.v1.FieldComparisonOperator;
import dev.skyloom.wire.datasets.v1.FieldQueryValue;
import dev.skyloom.wire.datasets.v1.FilterExpression;
import dev.skyloom.wire.datasets.v1.ListDatasetsRequest;
import dev.skyloom.wire.datasets.v1.ListDatasetsResponse;
import dev.skyloom.wire.datasets.v1.QueryFilters;
import dev.skyloom.wire.datasets.v1.QueryRequest;
import dev.skyloom.wire.datasets.v1.QueryResultPage;
import dev.skyloom.wire.tilebox.v1.ID;
import dev.skyloom.wire.tilebox.v1.Pagination;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests meant to hurt the server, against a server in its own JVM with a 64 MiB heap and a 1 MiB request limit:
 * each is refused with a 4xx (or its gRPC code) and one log line, the server stays up and answers a normal query
 * right after, and the big ones would not fit in its heap if they were read or inflated in full.
 */
class HostileHttpInputTest {

    private static final String KEY = "tbx-hostile";
    private static final int LIMIT = 1 << 20;
    private static final String LIST = "/datasets.v1.DatasetService/ListDatasets";
    private static final String QUERY = "/datasets.v1.DataAccessService/Query";
    private static final String PROTO = "Content-Type: application/proto";
    private static final String BEARER = "Authorization: Bearer " + KEY;

    private static ChildServer server;
    private static int markers;

    @BeforeAll
    static void start() throws Exception {
        server = new ChildServer("64m", "--api-key", KEY, "--max-request-bytes", Integer.toString(LIMIT),
                "--read-timeout", "2s");
    }

    @AfterAll
    static void stop() throws InterruptedException {
        try {
            assertThat(server.isAlive()).isTrue();
            assertThat(server.log()).noneMatch(line -> line.startsWith("\tat ") || line.contains("Exception"));
        } finally {
            server.close();
        }
    }

    /** Runs a hostile action and returns the log lines it caused (ended by a marker request's own line). */
    private static List<String> logOf(ThrowingAction action) throws Exception {
        int before = server.log().size();
        action.run();
        String marker = "/marker-" + ++markers;
        assertThat(RawHttp.exchange(server.url(), RawHttp.head("GET", marker)).status()).isEqualTo(405);
        List<String> lines = server.logUntil(line -> line.contains("GET " + marker + " "));
        return lines.subList(before, lines.size() - 1);
    }

    private static void answersANormalQuery() {
        ListDatasetsResponse response = new ConnectTestClient(server.url(), KEY).call(LIST,
                ListDatasetsRequest.getDefaultInstance(), ListDatasetsResponse.parser());
        assertThat(response).isNotNull();
    }

    @Test
    void anUnauthenticatedHugeBodyIsRefusedBeforeItIsRead() throws Exception {
        RawHttp.Reply[] reply = new RawHttp.Reply[1];
        List<String> log = logOf(() -> reply[0] = RawHttp.exchange(server.url(),
                RawHttp.head("POST", LIST, PROTO, "Content-Length: 400000000")));

        assertThat(reply[0].status()).isEqualTo(401);
        assertThat(reply[0].body()).contains("\"code\":\"unauthenticated\"");
        assertThat(log).singleElement().asString().contains("unauthenticated");
        answersANormalQuery();
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeItIsRead() throws Exception {
        RawHttp.Reply[] reply = new RawHttp.Reply[1];
        List<String> log = logOf(() -> reply[0] = RawHttp.exchange(server.url(),
                RawHttp.head("POST", LIST, PROTO, BEARER, "Content-Length: " + (LIMIT + 1))));

        assertThat(reply[0].status()).isEqualTo(413);
        assertThat(reply[0].body()).contains("\"code\":\"resource_exhausted\"");
        assertThat(log).singleElement().asString().contains("resource_exhausted");
        answersANormalQuery();
    }

    @Test
    void aChunkedBodyIsCutOffWhenItGrowsPastTheLimit() throws Exception {
        RawHttp.Reply[] reply = new RawHttp.Reply[1];
        long[] sent = new long[1];
        List<String> log = logOf(() -> {
            try (Socket socket = RawHttp.connect(server.url())) {
                OutputStream out = socket.getOutputStream();
                out.write(RawHttp.head("POST", LIST, PROTO, BEARER, "Transfer-Encoding: chunked"));
                Future<Long> writing = Executors.newVirtualThreadPerTaskExecutor().submit(
                        () -> RawHttp.writeChunked(out, 256L << 20));
                reply[0] = RawHttp.read(socket.getInputStream());
                socket.close();
                sent[0] = writing.get();
            }
        });

        assertThat(reply[0].status()).isEqualTo(413);
        assertThat(sent[0]).as("bytes the client got to send").isLessThan(256L << 20);
        assertThat(log).singleElement().asString().contains("resource_exhausted");
        answersANormalQuery();
    }

    @Test
    void aGzipBombIsStoppedWhileItInflates() throws Exception {
        byte[] bomb = gzipOfZeros(256 << 20);
        assertThat(bomb.length).isLessThan(LIMIT);
        HttpResponse<byte[]>[] reply = new HttpResponse[1];
        ConnectTestClient client = new ConnectTestClient(server.url(), KEY);
        List<String> log = logOf(() -> reply[0] = client.sendRaw(client.post(LIST).header("Content-Type",
                "application/proto").header("Content-Encoding", "gzip").POST(BodyPublishers.ofByteArray(bomb))
                .build()));

        assertThat(reply[0].statusCode()).isEqualTo(413);
        assertThat(new String(reply[0].body())).contains("inflates to more than the 1048576-byte request limit");
        assertThat(log).singleElement().asString().contains("resource_exhausted");
        answersANormalQuery();
    }

    @Test
    void aGzipBombInAGrpcMessageIsStoppedWhileItInflates() throws Exception {
        byte[] bomb = gzipOfZeros(256 << 20);
        GrpcTestClient.Reply[] reply = new GrpcTestClient.Reply[1];
        List<String> log = logOf(() -> {
            try (GrpcTestClient client = new GrpcTestClient(server.url(), Transport.H2C)) {
                reply[0] = client.post(LIST, Map.of("content-type", "application/grpc", "grpc-encoding", "gzip",
                        "authorization", "Bearer " + KEY), GrpcTestClient.frame(1, bomb));
            }
        });

        assertThat(reply[0].headers().get("grpc-status")).isEqualTo("8");
        assertThat(log).singleElement().asString().contains("resource_exhausted");
        answersANormalQuery();
    }

    @Test
    void aMalformedRequestIsA400() throws Exception {
        RawHttp.Reply[] reply = new RawHttp.Reply[1];
        List<String> log = logOf(() -> reply[0] = RawHttp.exchange(server.url(),
                "POST /x HTTP/1.1\r\nHost: localhost\r\nContent-Length: twelve\r\n\r\n".getBytes()));

        assertThat(reply[0].status()).isEqualTo(400);
        assertThat(reply[0].body()).doesNotContain("jetty").doesNotContain("Exception");
        assertThat(log).singleElement().asString().contains("refused").contains("400");
        answersANormalQuery();
    }

    @Test
    void headersThatTrickleInAreTimedOut() throws Exception {
        boolean[] closed = new boolean[1];
        List<String> log = logOf(() -> {
            try (Socket socket = RawHttp.connect(server.url())) {
                OutputStream out = socket.getOutputStream();
                out.write("POST /datasets.v1.DatasetService/ListDatasets HTTP/1.1\r\nX-Slow: ".getBytes());
                long until = System.nanoTime() + 60_000_000_000L;
                while (!closed[0] && System.nanoTime() < until) {
                    try {
                        out.write('a');
                        out.flush();
                        Thread.sleep(100);
                    } catch (java.io.IOException e) {
                        closed[0] = true;
                    }
                }
            }
        });

        assertThat(closed[0]).as("the server closed the connection").isTrue();
        assertThat(log).singleElement().asString().contains("request headers did not arrive within 2000 ms");
        answersANormalQuery();
    }

    @Test
    void aDeadlineCancelsASlowFullScanAndANormalQueryStillAnswersPromptly() throws Exception {
        UUID collection = scanTarget();
        byte[] scan = nothingMatches(collection).toByteArray();
        ConnectTestClient client = new ConnectTestClient(server.url(), KEY);
        long start = System.nanoTime();
        assertThat(client.call(QUERY, nothingMatches(collection), QueryResultPage.parser()).getData().getValueCount())
                .isZero();
        long fullScanNanos = System.nanoTime() - start;

        int slow = 10;
        List<String> log = logOf(() -> {
            try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<Long>> cancelled = new ArrayList<>();
                for (int i = 0; i < slow; i++) {
                    cancelled.add(threads.submit(() -> {
                        long sent = System.nanoTime();
                        HttpResponse<byte[]> reply = client.sendRaw(client.post(QUERY).header("Content-Type",
                                "application/proto").header("Connect-Timeout-Ms", "100")
                                .POST(BodyPublishers.ofByteArray(scan)).build());
                        assertThat(reply.statusCode()).isEqualTo(504);
                        return System.nanoTime() - sent;
                    }));
                }
                Thread.sleep(50);
                long normal = System.nanoTime();
                answersANormalQuery();
                long normalNanos = System.nanoTime() - normal;
                long slowest = 0;
                for (Future<Long> reply : cancelled) {
                    slowest = Math.max(slowest, reply.get());
                }
                System.out.printf("full scan %d ms; with a 100 ms deadline, %d scans answered within %d ms, and a "
                        + "normal query beside them took %d ms%n", fullScanNanos / 1_000_000, slow,
                        slowest / 1_000_000, normalNanos / 1_000_000);
                assertThat(slowest).as("the slowest deadline answer").isLessThan(fullScanNanos / 2);
                assertThat(normalNanos).as("a normal query beside the scans").isLessThan(fullScanNanos / 2);
            }
        });

        assertThat(log).hasSize(slow).allMatch(line -> line.contains("deadline_exceeded"));
    }

    @Test
    void aClientThatGoesAwayCancelsItsScan() throws Exception {
        UUID collection = scanTarget();
        byte[] scan = nothingMatches(collection).toByteArray();
        List<String> log = logOf(() -> {
            try (Socket socket = RawHttp.connect(server.url())) {
                socket.getOutputStream().write(RawHttp.head("POST", QUERY, PROTO, BEARER,
                        "Content-Length: " + scan.length));
                socket.getOutputStream().write(scan);
                socket.getOutputStream().flush();
                Thread.sleep(100);
            }
            server.logUntil(line -> line.contains("canceled: the client went away"));
        });

        assertThat(log).singleElement().asString().contains("canceled: the client went away");
        answersANormalQuery();
    }

    private static UUID scanTargetId;

    /** A collection of 60,000 datapoints, made once. */
    private static synchronized UUID scanTarget() {
        if (scanTargetId == null) {
            try (DatasetsClient client = DatasetsClient.builder().url(server.url().toString()).apiKey(KEY).build()) {
                Collection rows = client.createOrUpdateDataset(DatasetKind.TEMPORAL, "hostile_scan",
                        List.of(FieldSpec.of("label", FieldType.STRING).asQueryable()), "rows to scan")
                        .getOrCreateCollection("rows");
                List<Map<String, Object>> items = new ArrayList<>();
                for (int i = 0; i < 60_000; i++) {
                    items.add(Map.of("time", Instant.ofEpochSecond(1_600_000_000L + i), "label", "row"));
                }
                rows.ingest(items);
                scanTargetId = rows.id();
            }
        }
        return scanTargetId;
    }

    /** A query over all time that scans every row: its filter matches none, and it asks for one. */
    private static QueryRequest nothingMatches(UUID collection) {
        ByteBuffer uuid = ByteBuffer.allocate(16).putLong(collection.getMostSignificantBits())
                .putLong(collection.getLeastSignificantBits());
        return QueryRequest.newBuilder()
                .addCollectionIds(ID.newBuilder().setUuid(com.google.protobuf.ByteString.copyFrom(uuid.array())))
                .setFilters(QueryFilters.newBuilder()
                        .setTimeInterval(TestCatalog.interval(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"),
                                false, false))
                        .addExpressions(FilterExpression.newBuilder().setComparison(FieldComparison.newBuilder()
                                .setFieldName("label").setOperator(FieldComparisonOperator.FIELD_COMPARISON_OPERATOR_EQUAL)
                                .setValue(FieldQueryValue.newBuilder().setStringValue("no such label")))))
                .setPage(Pagination.newBuilder().setLimit(1))
                .build();
    }

    private static byte[] gzipOfZeros(int size) throws java.io.IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < size / zeros.length; i++) {
                gzip.write(zeros);
            }
        }
        return out.toByteArray();
    }

    @FunctionalInterface
    private interface ThrowingAction {
        void run() throws Exception;
    }
}
