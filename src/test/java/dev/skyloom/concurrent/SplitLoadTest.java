package dev.skyloom.concurrent;

import dev.skyloom.Collection;
import dev.skyloom.Datapoint;
import dev.skyloom.Query;
import dev.skyloom.QueryProgress;
import dev.skyloom.TimeInterval;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class SplitLoadTest extends FakeTileboxTests {

    private static final Instant T0 = Instant.parse("2020-01-01T00:00:00Z");
    private static final Instant T1 = T0.plusMillis(997);

    @Test
    void aSplitLoadReturnsExactlyTheDatapointsOfTheUnsplitLoadInTheSameOrder() {
        server.collection("L1TP", seamyTimes());
        Collection l1tp = client.dataset(FakeTilebox.SLUG).collection("L1TP");
        for (boolean startExclusive : new boolean[] {false, true}) {
            for (boolean endInclusive : new boolean[] {false, true}) {
                Query query = Query.of(new TimeInterval(T0, T1, startExclusive, endInclusive)).withPageSize(7);
                List<UUID> whole = ids(ConcurrentLoader.create().withSplit(1), l1tp, query);
                assertThat(whole).as("unsplit %s", query.timeInterval())
                        .hasSize(expectedCount(query.timeInterval())).doesNotHaveDuplicates();
                for (int k = 2; k <= 7; k++) {
                    assertThat(ids(ConcurrentLoader.create().withSplit(k), l1tp, query))
                            .as("%s in %d slices", query.timeInterval(), k).isEqualTo(whole);
                    assertThat(server.sliceStarts("L1TP")).as("slices of %s", query.timeInterval()).hasSize(k);
                    server.reset();
                    server.collection("L1TP", seamyTimes());
                }
            }
        }
    }

    @Test
    void progressOfTheSlicesAddsUpPerCollection() {
        server.collection("L1GT", seamyTimes()).collection("L2SP", seamyTimes().subList(0, 20));
        List<Collection> both = Stream.of("L1GT", "L2SP").map(client.dataset(FakeTilebox.SLUG)::collection).toList();
        Map<String, List<QueryProgress>> reports = new ConcurrentHashMap<>();

        LoadResult result = ConcurrentLoader.create().withSplit(4)
                .withProgress(c -> p -> reports.computeIfAbsent(c.name(), n -> new ArrayList<>()).add(p))
                .load(both, Query.of(TimeInterval.of(T0, T1)).withPageSize(3));

        for (CollectionLoad load : result.loads()) {
            List<QueryProgress> seen = reports.get(load.collection().name());
            assertThat(seen.getLast()).isEqualTo(new QueryProgress(load.stats().pages(),
                    load.datapoints().size(), load.stats().bytes(), 1));
            for (int i = 1; i < seen.size(); i++) {
                assertThat(seen.get(i).datapoints()).isGreaterThanOrEqualTo(seen.get(i - 1).datapoints());
                assertThat(seen.get(i).fraction()).isGreaterThanOrEqualTo(seen.get(i - 1).fraction());
            }
        }
        assertThat(result.totals().pages()).isGreaterThanOrEqualTo(8);
    }

    private static List<UUID> ids(ConcurrentLoader loader, Collection collection, Query query) {
        return loader.load(List.of(collection), query).loads().getFirst().datapoints().stream()
                .map(Datapoint::id).toList();
    }

    /** Datapoints on both ends, on every possible cut point of small k, and several in one millisecond. */
    private static List<Instant> seamyTimes() {
        List<Instant> times = new ArrayList<>();
        for (long ms : new long[] {0, 0, 1, 142, 199, 249, 332, 333, 398, 499, 500, 568, 664, 665, 747, 830, 854,
                996, 997, 997}) {
            times.add(T0.plusMillis(ms));
            times.add(T0.plusMillis(ms));
        }
        for (int i = 0; i < 40; i++) {
            times.add(T0.plusMillis(i * 25L + 3));
        }
        times.add(T0.minusMillis(1));
        times.add(T1.plusMillis(1));
        return times;
    }

    private static int expectedCount(TimeInterval interval) {
        return (int) seamyTimes().stream().filter(interval::contains).count();
    }
}
