package dev.skyloom.concurrent;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Timestamp;
import dev.skyloom.wire.datasets.v1.CollectionInfo;
import dev.skyloom.wire.datasets.v1.GetCollectionByNameRequest;
import dev.skyloom.wire.datasets.v1.ListCollectionsResponse;
import dev.skyloom.wire.datasets.v1.QueryRequest;
import dev.skyloom.wire.datasets.v1.QueryResultPage;
import dev.skyloom.wire.datasets.v1.RepeatedAny;
import dev.skyloom.wire.tilebox.v1.Pagination;
import dev.skyloom.wire.tilebox.v1.TimeInterval;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.skyloom.concurrent.FakeTileboxWire.TYPE_URL;
import static dev.skyloom.concurrent.FakeTileboxWire.datapoint;
import static dev.skyloom.concurrent.FakeTileboxWire.dataset;
import static dev.skyloom.concurrent.FakeTileboxWire.error;
import static dev.skyloom.concurrent.FakeTileboxWire.id;
import static dev.skyloom.concurrent.FakeTileboxWire.millis;
import static dev.skyloom.concurrent.FakeTileboxWire.proto;
import static dev.skyloom.concurrent.FakeTileboxWire.timestamp;
import static dev.skyloom.concurrent.FakeTileboxWire.uuid;

/**
 * A Tilebox Datasets service on loopback, made of WireMock and one transformer that answers from memory with real
 * binary protobuf: GetDataset (a temporal dataset whose type ships as a descriptor set), GetCollectionByName,
 * ListCollections and Query (honouring the interval flags at millisecond resolution, ordered by id, paginated with
 * {@code limit} and {@code starting_after}). Query requests can wait for company, be held, or fail per collection, and the
 * server counts the Query requests in flight and the most seen at once.
 */
final class FakeTilebox implements ResponseDefinitionTransformerV2, AutoCloseable {

    static final String SLUG = FakeTileboxWire.SLUG;
    private static final int DEFAULT_PAGE_SIZE = 100;
    private static final long HOLD_AT_MOST_SECONDS = 10;

    private record Stored(UUID id, Instant time) {
    }

    private record Failure(int status, String code, String message) {
    }

    private final WireMockServer server;
    private final Map<String, UUID> ids = new ConcurrentHashMap<>();
    private final Map<UUID, String> names = new ConcurrentHashMap<>();
    private final Map<UUID, List<Stored>> datapoints = new ConcurrentHashMap<>();
    private final Map<String, Failure> failures = new ConcurrentHashMap<>();
    private final Map<String, Boolean> held = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> answered = new ConcurrentHashMap<>();
    private final Map<String, Set<Instant>> sliceStarts = new ConcurrentHashMap<>();
    private volatile CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicInteger queries = new AtomicInteger();
    private volatile int awaitInFlight;
    private volatile Duration awaitAtMost = Duration.ZERO;
    private volatile Consumer<String> onQuery = name -> { };

    FakeTilebox() {
        // HTTP/1.1 only, as the bundled WireMock would otherwise accept the client's h2c upgrade.
        server = new WireMockServer(options().dynamicPort().http2PlainDisabled(true).containerThreads(96)
                .jettyStopTimeout(100L).extensions(this));
        server.start();
        server.stubFor(any(anyUrl()).willReturn(ok()));
    }

    /** The base URL to give the client. */
    String url() {
        return server.baseUrl();
    }

    /** Adds a collection holding one datapoint per given time (several may share a millisecond). */
    FakeTilebox collection(String name, List<Instant> times) {
        UUID id = UUID.nameUUIDFromBytes(name.getBytes());
        List<Stored> stored = new ArrayList<>();
        for (int i = 0; i < times.size(); i++) {
            long ms = times.get(i).toEpochMilli();
            stored.add(new Stored(new UUID(ms << 16 | (id.hashCode() & 0xffff), i), times.get(i)));
        }
        stored.sort(Comparator.comparing(Stored::id));
        ids.put(name, id);
        names.put(id, name);
        datapoints.put(id, List.copyOf(stored));
        answered.put(name, new AtomicInteger());
        sliceStarts.put(name, ConcurrentHashMap.newKeySet());
        return this;
    }

    /**
     * Releases held requests, waits for every Query in flight to end, then forgets every collection and behaviour
     * and resets the counters.
     */
    void reset() {
        release.countDown();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(HOLD_AT_MOST_SECONDS);
        while (inFlight.get() > 0 && System.nanoTime() < until) {
            Thread.onSpinWait();
            Thread.yield();
        }
        release = new CountDownLatch(1);
        ids.clear();
        names.clear();
        datapoints.clear();
        failures.clear();
        held.clear();
        answered.clear();
        sliceStarts.clear();
        maxInFlight.set(0);
        queries.set(0);
        awaitInFlight = 0;
        awaitAtMost = Duration.ZERO;
        onQuery = name -> { };
    }

    /** Makes every Query of {@code name} fail with a Connect error. */
    FakeTilebox failQueries(String name, int status, String code, String message) {
        failures.put(name, new Failure(status, code, message));
        return this;
    }

    /** Makes every Query of {@code name} wait until {@link #close} (at most 10 s) before it is answered. */
    FakeTilebox holdQueries(String name) {
        held.put(name, true);
        return this;
    }

    /**
     * Makes every Query wait until {@code n} Query requests have been in flight at once (since the last reset), or
     * {@code atMost} passed.
     */
    FakeTilebox awaitInFlight(int n, Duration atMost) {
        awaitInFlight = n;
        awaitAtMost = atMost;
        return this;
    }

    /** Runs {@code action} with the collection's name inside each Query, while the request is in flight. */
    FakeTilebox onQuery(Consumer<String> action) {
        onQuery = action;
        return this;
    }

    int maxInFlight() {
        return maxInFlight.get();
    }

    int inFlight() {
        return inFlight.get();
    }

    int queries() {
        return queries.get();
    }

    /** The distinct interval starts of the first-page Query requests for {@code name}: one per slice. */
    Set<Instant> sliceStarts(String name) {
        return Set.copyOf(sliceStarts.get(name));
    }

    /** How many Query responses for {@code name} the server finished and sent. */
    int answered(String name) {
        return answered.get(name).get();
    }

    @Override
    public void close() {
        release.countDown();
        server.stop();
    }

    @Override
    public String getName() {
        return "fake-tilebox";
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        String path = event.getRequest().getUrl();
        byte[] body = event.getRequest().getBody();
        try {
            return switch (path.substring(path.lastIndexOf('/') + 1)) {
                case "GetDataset" -> proto(dataset());
                case "GetCollectionByName" -> collectionInfo(GetCollectionByNameRequest.parseFrom(body)
                        .getCollectionName());
                case "ListCollections" -> proto(ListCollectionsResponse.newBuilder()
                        .addAllData(ids.keySet().stream().sorted().map(this::info).toList()).build());
                case "Query" -> query(QueryRequest.parseFrom(body));
                default -> error(404, "unimplemented", "no method " + path);
            };
        } catch (InvalidProtocolBufferException e) {
            return error(400, "invalid_argument", "bad request body: " + e.getMessage());
        }
    }

    private ResponseDefinition query(QueryRequest request) {
        UUID id = uuid(request.getCollectionIds(0));
        String name = names.get(id);
        if (name == null) {
            return error(404, "not_found", "no such collection");
        }
        queries.incrementAndGet();
        if (!request.hasPage() || !request.getPage().hasStartingAfter()) {
            Timestamp start = request.getFilters().getTimeInterval().getStartTime();
            sliceStarts.get(name).add(Instant.ofEpochSecond(start.getSeconds(), start.getNanos()));
        }
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
            onQuery.accept(name);
            waitForCompany();
            if (held.containsKey(name)) {
                CountDownLatch release = this.release;
                release.await(HOLD_AT_MOST_SECONDS, TimeUnit.SECONDS);
            }
            Failure failure = failures.get(name);
            if (failure != null) {
                return error(failure.status(), failure.code(), failure.message());
            }
            ResponseDefinition page = proto(page(id, request));
            answered.get(name).incrementAndGet();
            return page;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return error(503, "unavailable", "server stopping");
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private void waitForCompany() throws InterruptedException {
        long until = System.nanoTime() + awaitAtMost.toNanos();
        // once reached, the barrier stays open: requests answered early must not strand the others
        while (maxInFlight.get() < awaitInFlight && System.nanoTime() < until) {
            Thread.sleep(5);
        }
    }

    private QueryResultPage page(UUID collection, QueryRequest request) {
        TimeInterval interval = request.getFilters().getTimeInterval();
        long start = millis(interval.getStartTime());
        long end = millis(interval.getEndTime());
        int limit = request.hasPage() && request.getPage().hasLimit() ? (int) request.getPage().getLimit()
                : DEFAULT_PAGE_SIZE;
        UUID after = request.hasPage() && request.getPage().hasStartingAfter()
                ? uuid(request.getPage().getStartingAfter()) : null;
        List<Stored> selected = datapoints.get(collection).stream()
                .filter(d -> {
                    long t = d.time().toEpochMilli();
                    return (interval.getStartExclusive() ? t > start : t >= start)
                            && (interval.getEndInclusive() ? t <= end : t < end);
                })
                .filter(d -> after == null || d.id().compareTo(after) > 0)
                .toList();
        List<Stored> page = selected.subList(0, Math.min(limit, selected.size()));
        RepeatedAny.Builder data = RepeatedAny.newBuilder().setTypeUrl(TYPE_URL);
        page.forEach(d -> data.addValue(datapoint(d.id(), d.time())));
        QueryResultPage.Builder result = QueryResultPage.newBuilder().setData(data);
        if (selected.size() > page.size()) {
            result.setNextPage(Pagination.newBuilder().setLimit(limit).setStartingAfter(id(page.getLast().id())));
        }
        return result.build();
    }

    private ResponseDefinition collectionInfo(String name) {
        return ids.containsKey(name) ? proto(info(name)) : error(404, "not_found", "no such collection");
    }

    private CollectionInfo info(String name) {
        UUID id = ids.get(name);
        List<Stored> stored = datapoints.get(id);
        CollectionInfo.Builder info = CollectionInfo.newBuilder()
                .setCollection(dev.skyloom.wire.datasets.v1.Collection.newBuilder().setName(name).setId(id(id)))
                .setCount(stored.size());
        if (!stored.isEmpty()) {
            Instant first = stored.stream().map(Stored::time).min(Comparator.naturalOrder()).orElseThrow();
            Instant last = stored.stream().map(Stored::time).max(Comparator.naturalOrder()).orElseThrow();
            info.setAvailability(TimeInterval.newBuilder().setStartTime(timestamp(first))
                    .setEndTime(timestamp(last)).setEndInclusive(true));
        }
        return info.build();
    }
}
