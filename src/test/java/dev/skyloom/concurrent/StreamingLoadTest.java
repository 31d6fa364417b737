package dev.skyloom.concurrent;

import dev.skyloom.Collection;
import dev.skyloom.Query;
import dev.skyloom.SkyloomException;
import dev.skyloom.TimeInterval;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Every promise of {@code load}, kept by {@code stream}, plus what is its own: order, back-pressure, sink errors. */
class StreamingLoadTest extends FakeTileboxTests {

    private static final Instant T0 = Instant.parse("2020-01-01T00:00:00Z");
    private static final Query YEAR = Query.of(TimeInterval.parse("2020-01-01", "2021-01-01"));
    private static final List<String> LANDSAT = List.of("L1GT", "L1T", "L1TP", "L2SP");

    @Test
    void eachCollectionsPagesArriveInTimeOrderWhateverTheSplit() {
        server.collection("C1", times(400, 90_000)).collection("C2", times(150, 200_000));
        Query query = YEAR.withPageSize(7);
        LoadResult expected = ConcurrentLoader.create().withSplit(1).load(collections(List.of("C1", "C2")), query);

        for (ConcurrentLoader loader : List.of(ConcurrentLoader.create().withSplit(1),
                ConcurrentLoader.create().withSplit(5), ConcurrentLoader.create().withMaxBufferedPages(2))) {
            RecordingSinks sinks = new RecordingSinks();

            StreamResult result = loader.stream(collections(List.of("C1", "C2")), query, sinks);

            for (CollectionLoad load : expected.loads()) {
                String name = load.collection().name();
                assertThat(sinks.ids(name)).as("%s with %s", name, loader)
                        .isEqualTo(load.datapoints().stream().map(d -> d.id()).toList());
            }
            assertThat(sinks.overlaps()).isZero();
            assertThat(sinks.trail()).containsExactlyInAnyOrder("open C1", "open C2", "complete C1", "complete C2");
            assertThat(result.completed()).extracting(c -> c.stats().datapoints()).containsExactly(400L, 150L);
        }
    }

    @Test
    void aFailureCancelsTheOtherCollectionsAndAbortsEverySinkThatWasOpened() {
        LANDSAT.forEach(n -> server.collection(n, times(10, 1_000)));
        server.awaitInFlight(4, Duration.ofSeconds(5)).failQueries("L1T", 404, "not_found", "no such collection");
        List.of("L1GT", "L1TP", "L2SP").forEach(server::holdQueries);
        RecordingSinks sinks = new RecordingSinks();

        Throwable thrown = catchThrowable(() -> ConcurrentLoader.create().stream(collections(LANDSAT), YEAR, sinks));

        assertThat(thrown).isInstanceOf(SkyloomException.NotFound.class)
                .hasMessageStartingWith("loading L1T failed: ").hasMessageContaining("no such collection");
        assertThat(sinks.trail()).filteredOn(e -> e.startsWith("abort")).containsExactlyInAnyOrder(
                "abort L1T: NotFound", "abort L1GT: Cancelled", "abort L1TP: Cancelled", "abort L2SP: Cancelled");
        assertThat(sinks.trail()).noneMatch(e -> e.startsWith("complete"));
        assertThat(sinks.abortedWith("L1T")).hasMessageStartingWith("loading L1T failed: ");
    }

    @Test
    void collectModeCompletesTheOthersAndReportsTheFailure() {
        LANDSAT.forEach(n -> server.collection(n, times(10, 1_000)));
        server.failQueries("L1T", 404, "not_found", "no such collection");
        RecordingSinks sinks = new RecordingSinks();

        StreamResult result = ConcurrentLoader.create().withMode(LoadMode.COLLECT)
                .stream(collections(LANDSAT), YEAR, sinks);

        assertThat(result.outcomes()).extracting(StreamOutcome::collection).extracting(Collection::name)
                .containsExactlyElementsOf(LANDSAT);
        assertThat(result.completed()).extracting(c -> c.collection().name()).containsExactly("L1GT", "L1TP", "L2SP");
        assertThat(result.failures()).singleElement().satisfies(f -> assertThat(f.error())
                .isInstanceOf(SkyloomException.NotFound.class).hasMessageStartingWith("loading L1T failed: "));
        assertThat(result.totals().datapoints()).isEqualTo(30);
        assertThat(sinks.trail()).contains("complete L1GT", "complete L1TP", "complete L2SP", "abort L1T: NotFound");
    }

    @Test
    void aPassedDeadlineAbortsTheUnfinishedSinksAndNamesTheirCollections() {
        LANDSAT.forEach(n -> server.collection(n, times(3, 1_000)));
        server.holdQueries("L1GT").holdQueries("L1TP");
        RecordingSinks sinks = new RecordingSinks();

        Throwable thrown = catchThrowable(() -> ConcurrentLoader.create().withDeadline(Duration.ofSeconds(2))
                .stream(collections(LANDSAT), YEAR, sinks));

        assertThat(thrown).isInstanceOf(SkyloomException.DeadlineExceeded.class)
                .hasMessage("deadline of 2s passed; unfinished: L1GT, L1TP");
        assertThat(sinks.trail()).contains("complete L1T", "complete L2SP")
                .filteredOn(e -> e.startsWith("abort")).containsExactlyInAnyOrder("abort L1GT: Cancelled",
                        "abort L1TP: Cancelled");
    }

    @Test
    void aSinkThatThrowsFailsItsCollectionLikeAServerError() {
        LANDSAT.forEach(n -> server.collection(n, times(30, 1_000)));
        Query query = YEAR.withPageSize(10);
        RecordingSinks.PageHook diskFull = (name, pages) -> {
            if (name.equals("L1T") && pages == 1) {
                throw new IOException("no space left on device");
            }
        };

        Throwable thrown = catchThrowable(() -> ConcurrentLoader.create()
                .stream(collections(LANDSAT), query, new RecordingSinks().onPage(diskFull)));
        RecordingSinks collecting = new RecordingSinks().onPage(diskFull);
        StreamResult result = ConcurrentLoader.create().withMode(LoadMode.COLLECT)
                .stream(collections(LANDSAT), query, collecting);

        assertThat(thrown).isInstanceOf(SkyloomException.Internal.class)
                .hasMessage("loading L1T failed: no space left on device").hasRootCauseInstanceOf(IOException.class);
        assertThat(result.failures()).singleElement().satisfies(f -> assertThat(f.error())
                .hasMessage("loading L1T failed: no space left on device"));
        assertThat(result.completed()).hasSize(3);
        assertThat(collecting.trail()).contains("abort L1T: Internal");
    }

    @Test
    void aSinkThatCannotCompleteFailsItsCollectionAndIsAborted() {
        server.collection("C1", times(5, 1_000));
        AtomicInteger aborted = new AtomicInteger();

        Throwable thrown = catchThrowable(() -> ConcurrentLoader.create().stream(collections(List.of("C1")), YEAR,
                c -> new CollectionSink() {
                    @Override
                    public void page(dev.skyloom.Page page) {
                    }

                    @Override
                    public void complete(LoadStats stats) throws IOException {
                        throw new IOException("rename failed");
                    }

                    @Override
                    public void abort(SkyloomException error) {
                        aborted.incrementAndGet();
                    }
                }));

        assertThat(thrown).hasMessage("loading C1 failed: rename failed");
        assertThat(aborted).hasValue(1);
    }

    @Test
    void neverMoreRequestsInFlightThanTheLimitWhileStreaming() {
        List<String> names = IntStream.rangeClosed(1, 6).mapToObj(i -> "C" + i).toList();
        names.forEach(n -> server.collection(n, times(40, 1_000)));
        server.awaitInFlight(3, Duration.ofMillis(200));
        RecordingSinks sinks = new RecordingSinks();

        StreamResult result = ConcurrentLoader.create().withMaxConcurrentRequests(3).withSplit(2)
                .stream(collections(names), YEAR.withPageSize(5), sinks);

        assertThat(server.maxInFlight()).isEqualTo(3);
        assertThat(result.totals().datapoints()).isEqualTo(6 * 40);
        assertThat(result.totals().pages()).isEqualTo(server.queries());
    }

    @Test
    void aSlowSinkHoldsAtMostTheBoundOfPagesWhileItsSlicesLoadAhead() {
        server.collection("big", times(200, 1_000));
        int bound = 3;
        int queriesBefore = server.queries();
        AtomicInteger mostHeld = new AtomicInteger();
        RecordingSinks slow = new RecordingSinks().onPage((name, delivered) -> {
            // give the loader every chance to run ahead, then count what it holds: requested minus taken
            awaitUntil(() -> server.queries() - queriesBefore >= delivered + bound, 300);
            mostHeld.accumulateAndGet(server.queries() - queriesBefore - delivered, Math::max);
        });

        ConcurrentLoader.create().withSplit(4).withMaxBufferedPages(bound)
                .stream(collections(List.of("big")), YEAR.withPageSize(5), slow);

        assertThat(slow.ids("big")).hasSize(200);
        assertThat(mostHeld.get()).isEqualTo(bound);
    }

    @Test
    void aSlowSinkHoldsNoRequestPermitSoTheOtherCollectionsGoOn() {
        server.collection("slow", times(20, 1_000)).collection("other", times(20, 1_000));
        CountDownLatch otherDone = new CountDownLatch(1);
        RecordingSinks sinks = new RecordingSinks();
        CollectionSink.Factory slowFirst = collection -> {
            CollectionSink sink = sinks.open(collection);
            return new CollectionSink() {
                @Override
                public void page(dev.skyloom.Page page) throws Exception {
                    if (collection.name().equals("slow") && !otherDone.await(10, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("the other collection never finished");
                    }
                    sink.page(page);
                }

                @Override
                public void complete(LoadStats stats) throws Exception {
                    sink.complete(stats);
                    otherDone.countDown();
                }
            };
        };

        ConcurrentLoader.create().withMaxConcurrentRequests(1).withSplit(1)
                .stream(collections(List.of("slow", "other")), YEAR.withPageSize(5), slowFirst);

        assertThat(sinks.trail()).containsSubsequence("complete other", "complete slow");
    }

    @Test
    void progressReachesOneOnlyOnceTheSinkHasCompleted() {
        server.collection("C1", times(50, 1_000));
        RecordingSinks sinks = new RecordingSinks();

        ConcurrentLoader.create().withSplit(3).withProgress(c -> p -> {
            if (p.fraction() == 1) {
                sinks.trail().add("progress " + c.name() + " 1");
            }
        }).stream(collections(List.of("C1")), YEAR.withPageSize(4), sinks);

        assertThat(sinks.trail()).containsExactly("open C1", "complete C1", "progress C1 1");
    }

    @Test
    void aStreamNestsInASubtaskAndAnOuterFailureAbortsItsSinks() throws Exception {
        LANDSAT.forEach(n -> server.collection(n, times(5, 1_000)));
        LANDSAT.forEach(server::holdQueries);
        RecordingSinks sinks = new RecordingSinks();

        Scopes.Joined<Object> joined = Scopes.forkAll("outer", List.of(
                new Scopes.Task<>("streaming", () -> ConcurrentLoader.create().stream(collections(LANDSAT), YEAR,
                        sinks)),
                new Scopes.Task<>("failing", () -> {
                    while (server.inFlight() < 4 && !Thread.currentThread().isInterrupted()) {
                        Thread.sleep(5);
                    }
                    throw new IllegalStateException("workflow step failed");
                })), Optional.empty(), true, Integer.MAX_VALUE);

        assertThat(joined.failures()).containsExactly(1);
        assertThat(sinks.trail()).filteredOn(e -> e.startsWith("abort")).hasSize(4)
                .allMatch(e -> e.endsWith(": Cancelled"));
        assertThat(LANDSAT).allSatisfy(n -> assertThat(server.answered(n)).isZero());
    }

    /** {@code n} times from {@code T0}, {@code stepMillis} apart. */
    private static List<Instant> times(int n, long stepMillis) {
        return IntStream.range(0, n).mapToObj(i -> T0.plusMillis(stepMillis * i)).toList();
    }

    private static void awaitUntil(java.util.function.BooleanSupplier condition, long millis)
            throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (!condition.getAsBoolean() && System.nanoTime() < until) {
            Thread.sleep(2);
        }
    }
}
