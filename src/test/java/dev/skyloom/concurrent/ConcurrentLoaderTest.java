package dev.skyloom.concurrent;

import dev.skyloom.Collection;
import dev.skyloom.Query;
import dev.skyloom.SkyloomException;
import dev.skyloom.TimeInterval;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class ConcurrentLoaderTest extends FakeTileboxTests {

    /** No bound on the subtasks alive at once. */
    private static final int ALL = Integer.MAX_VALUE;

    private static final Instant T0 = Instant.parse("2020-01-01T00:00:00Z");
    private static final Query YEAR = Query.of(TimeInterval.parse("2020-01-01", "2021-01-01"));
    private static final List<String> LANDSAT = List.of("L1GT", "L1T", "L1TP", "L2SP");
    private static final String THREAD_PREFIX = "skyloom-load/" + FakeTilebox.SLUG + "/";

    @Test
    void eightCollectionsAreRequestedAtOnce() {
        List<String> names = IntStream.rangeClosed(1, 8).mapToObj(i -> "C" + i).toList();
        names.forEach(n -> server.collection(n, times(10)));
        server.awaitInFlight(8, Duration.ofSeconds(5));

        LoadResult result = ConcurrentLoader.create().load(collections(names), YEAR);

        assertThat(server.maxInFlight()).isEqualTo(8);
        assertThat(result.loads()).extracting(l -> l.collection().name()).containsExactlyElementsOf(names);
        assertThat(result.loads()).allSatisfy(l -> {
            assertThat(l.datapoints()).hasSize(10);
            assertThat(l.stats().pages()).isEqualTo(1);
            assertThat(l.stats().datapoints()).isEqualTo(10);
            assertThat(l.stats().bytes()).isPositive();
        });
    }

    @Test
    void failureInOneCollectionCancelsTheOthers() {
        LANDSAT.forEach(n -> server.collection(n, times(10)));
        server.awaitInFlight(4, Duration.ofSeconds(5)).failQueries("L1T", 404, "not_found", "no such collection");
        List.of("L1GT", "L1TP", "L2SP").forEach(server::holdQueries);

        Throwable thrown = catchThrowable(() -> ConcurrentLoader.create().load(collections(LANDSAT), YEAR));

        assertThat(thrown).isInstanceOf(SkyloomException.NotFound.class)
                .hasMessageStartingWith("loading L1T failed: ")
                .hasMessageContaining("no such collection");
        assertThat(thrown.getSuppressed()).isEmpty();
        // the held requests are still open on the server: the load returned without their answers
        assertThat(List.of("L1GT", "L1TP", "L2SP")).allSatisfy(n -> assertThat(server.answered(n)).isZero());
    }

    @Test
    void collectModeReturnsTheFailureWithTheSuccesses() {
        LANDSAT.forEach(n -> server.collection(n, times(10)));
        server.failQueries("L1T", 404, "not_found", "no such collection");

        LoadResult result = ConcurrentLoader.create().withMode(LoadMode.COLLECT).load(collections(LANDSAT), YEAR);

        assertThat(result.outcomes()).extracting(o -> o.collection().name()).containsExactlyElementsOf(LANDSAT);
        assertThat(result.loads()).extracting(l -> l.collection().name()).containsExactly("L1GT", "L1TP", "L2SP");
        assertThat(result.loads()).allSatisfy(l -> assertThat(l.datapoints()).hasSize(10));
        assertThat(result.failures()).singleElement().satisfies(f -> {
            assertThat(f.collection().name()).isEqualTo("L1T");
            assertThat(f.error()).isInstanceOf(SkyloomException.NotFound.class)
                    .hasMessageStartingWith("loading L1T failed: ").hasMessageContaining("no such collection");
        });
        assertThat(result.totals().datapoints()).isEqualTo(30);
    }

    @Test
    void aPassedDeadlineCancelsEverythingAndNamesTheUnfinishedCollections() {
        LANDSAT.forEach(n -> server.collection(n, times(3)));
        server.holdQueries("L1GT").holdQueries("L1TP");

        Throwable thrown = catchThrowable(() -> ConcurrentLoader.create().withDeadline(Duration.ofSeconds(3))
                .load(collections(LANDSAT), YEAR));

        assertThat(thrown).isInstanceOf(SkyloomException.DeadlineExceeded.class)
                .hasMessage("deadline of 3s passed; unfinished: L1GT, L1TP");
        assertThat(server.answered("L1GT") + server.answered("L1TP")).isZero();
    }

    @Test
    void inCollectModeAPassedDeadlineFailsOnlyTheUnfinishedCollections() {
        LANDSAT.forEach(n -> server.collection(n, times(3)));
        server.holdQueries("L1TP");

        LoadResult result = ConcurrentLoader.create().withMode(LoadMode.COLLECT).withDeadline(Duration.ofSeconds(2))
                .load(collections(LANDSAT), YEAR);

        assertThat(result.loads()).extracting(l -> l.collection().name()).containsExactly("L1GT", "L1T", "L2SP");
        assertThat(result.failures()).singleElement().satisfies(f -> {
            assertThat(f.collection().name()).isEqualTo("L1TP");
            assertThat(f.error()).isInstanceOf(SkyloomException.DeadlineExceeded.class)
                    .hasMessage("deadline of 2s passed; unfinished: L1TP");
        });
        assertThat(server.answered("L1TP")).isZero();
    }

    @Test
    void neverMoreRequestsInFlightThanTheLimit() {
        List<String> names = IntStream.rangeClosed(1, 8).mapToObj(i -> "C" + i).toList();
        names.forEach(n -> server.collection(n, times(40)));
        server.awaitInFlight(3, Duration.ofMillis(200));

        LoadResult result = ConcurrentLoader.create().withMaxConcurrentRequests(3).withSplit(2)
                .load(collections(names), YEAR.withPageSize(5));

        assertThat(server.maxInFlight()).isEqualTo(3);
        assertThat(result.totals().datapoints()).isEqualTo(8 * 40);
        assertThat(server.queries()).isGreaterThanOrEqualTo(8 * 8);
    }

    @Test
    void eachCollectionAndSliceLoadsOnAThreadNamedAfterItAndAnInterruptStopsTheLoad() throws Exception {
        server.collection("L1TP", times(10)).holdQueries("L1TP").awaitInFlight(2, Duration.ofSeconds(5));
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread caller = Thread.ofVirtual().start(() -> {
            try {
                ConcurrentLoader.create().withSplit(2).load(collections(List.of("L1TP")), YEAR);
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        while (server.inFlight() < 2 && caller.isAlive()) {
            Thread.sleep(5);
        }

        ThreadDump dump = ThreadDump.take();
        caller.interrupt();
        caller.join();

        assertThat(dump.threadsStartingWith(THREAD_PREFIX)).containsExactlyInAnyOrder(
                THREAD_PREFIX + "L1TP", THREAD_PREFIX + "L1TP#slice-1of2", THREAD_PREFIX + "L1TP#slice-2of2",
                THREAD_PREFIX + "L1TP#delivery");
        assertThat(dump.containers()).anyMatch(c -> c.startsWith("skyloom-load/"));
        assertThat(thrown.get()).isInstanceOf(SkyloomException.Cancelled.class);
        assertThat(server.answered("L1TP")).isZero();
    }

    @Test
    void loadsNestInsideSubtasksOfAnotherScope() throws Exception {
        LANDSAT.forEach(n -> server.collection(n, times(5)));

        Scopes.Joined<Integer> joined = Scopes.forkAll("outer", List.of(
                new Scopes.Task<>("first-half", () -> datapoints(List.of("L1GT", "L1T"))),
                new Scopes.Task<>("second-half", () -> datapoints(List.of("L1TP", "L2SP")))),
                Optional.empty(), true, ALL);

        assertThat(joined.results()).containsExactly(new Scopes.Result.Done<>(10), new Scopes.Result.Done<>(10));
    }

    @Test
    void anOuterCancellationStopsANestedLoad() throws Exception {
        LANDSAT.forEach(n -> server.collection(n, times(5)));
        LANDSAT.forEach(server::holdQueries);

        Scopes.Joined<Integer> joined = Scopes.forkAll("outer", List.of(
                new Scopes.Task<>("loading", () -> datapoints(LANDSAT)),
                new Scopes.Task<>("failing", () -> {
                    while (server.inFlight() < 4 && !Thread.currentThread().isInterrupted()) {
                        Thread.sleep(5);
                    }
                    throw new IllegalStateException("workflow step failed");
                })), Optional.empty(), true, ALL);

        assertThat(joined.failures()).containsExactly(1);
        assertThat(joined.results().getFirst()).isEqualTo(new Scopes.Result.Unfinished<>());
        assertThat(LANDSAT).allSatisfy(n -> assertThat(server.answered(n)).isZero());
    }

    private static int datapoints(List<String> names) {
        return (int) ConcurrentLoader.create().load(collections(names), YEAR).totals().datapoints();
    }

    private static List<Instant> times(int n) {
        return IntStream.range(0, n).mapToObj(i -> T0.plusSeconds(3600L * i)).toList();
    }
}
