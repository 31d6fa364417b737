package dev.skyloom.concurrent;

import dev.skyloom.QueryProgress;
import dev.skyloom.TimeInterval;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

class CollectionProgressTest {

    private static final Instant T0 = Instant.parse("2020-01-01T00:00:00Z");
    private static final Instant AFTER_EVERY_SLICE = Instant.parse("2030-01-01T00:00:00Z");

    private final List<QueryProgress> reports = Collections.synchronizedList(new ArrayList<>());

    @Test
    void oneSliceCoversTheSpanUpToItsLatestDatapointAndIsWholeOnlyWhenComplete() {
        var progress = new CollectionProgress(List.of(TimeInterval.of(T0, T0.plusSeconds(100))), AFTER_EVERY_SLICE,
                reports::add);

        progress.onPage(0, 10, 1_000, T0.plusSeconds(25));
        progress.onPage(0, 0, 20, null);
        progress.onSliceDone(0);
        progress.complete();

        assertThat(reports).containsExactly(
                new QueryProgress(1, 10, 1_000, 0.25),
                new QueryProgress(2, 10, 1_020, 0.25),
                new QueryProgress(2, 10, 1_020, Math.nextDown(1.0)),
                new QueryProgress(2, 10, 1_020, 1));
    }

    @Test
    void reslicingGoesOnFromTheTotalsSoFarAndTheFractionKeepsGrowing() {
        TimeInterval whole = TimeInterval.of(T0, T0.plusSeconds(100));
        var progress = new CollectionProgress(List.of(whole), AFTER_EVERY_SLICE, reports::add);
        progress.onPage(0, 10, 1_000, T0.plusSeconds(10));

        var resliced = progress.resliced(List.of(TimeInterval.of(T0, T0.plusSeconds(40)),
                TimeInterval.of(T0.plusSeconds(40), T0.plusSeconds(100))));
        resliced.onPage(1, 5, 500, T0.plusSeconds(70));

        assertThat(reports).containsExactly(
                new QueryProgress(1, 10, 1_000, 0.1),
                new QueryProgress(2, 15, 1_500, 0.4));
        assertThat(resliced.stats(java.time.Duration.ofSeconds(3))).isEqualTo(
                new LoadStats(2, 15, 1_500, 2, java.time.Duration.ofSeconds(3)));
    }

    @Test
    void slicesAddUpWeightedByTheirLength() {
        List<TimeInterval> slices = TimeSlices.split(TimeInterval.of(T0, T0.plusSeconds(400)), 4);
        var progress = new CollectionProgress(slices, AFTER_EVERY_SLICE, reports::add);

        progress.onPage(0, 5, 500, T0.plusSeconds(50));
        progress.onSliceDone(0);
        progress.onPage(3, 7, 700, T0.plusSeconds(350));

        assertThat(reports).containsExactly(
                new QueryProgress(1, 5, 500, 0.125),
                new QueryProgress(1, 5, 500, 0.25),
                new QueryProgress(2, 12, 1_200, 0.375));
    }

    @Test
    void theFutureIsNotExpectedToHoldDataYet() {
        Instant now = T0.plusSeconds(50);
        var progress = new CollectionProgress(List.of(TimeInterval.of(T0, T0.plusSeconds(100))), now, reports::add);

        progress.onPage(0, 1, 10, T0.plusSeconds(25));

        assertThat(reports).containsExactly(new QueryProgress(1, 1, 10, 0.5));
    }

    @Test
    void reportsFromManyThreadsArriveAsGrowingTotalsEndingAtOne() {
        List<TimeInterval> slices = TimeSlices.split(TimeInterval.of(T0, T0.plusSeconds(800)), 8);
        var progress = new CollectionProgress(slices, AFTER_EVERY_SLICE, reports::add);

        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int s = 0; s < 8; s++) {
                int slice = s;
                executor.submit(() -> {
                    for (int page = 1; page <= 100; page++) {
                        progress.onPage(slice, 3, 100, slices.get(slice).start().plusMillis(page * 999L));
                    }
                    progress.onSliceDone(slice);
                });
            }
        }
        progress.complete();

        assertThat(reports).hasSize(809);
        for (int i = 1; i < reports.size(); i++) {
            assertThat(reports.get(i).datapoints()).isGreaterThanOrEqualTo(reports.get(i - 1).datapoints());
            assertThat(reports.get(i).fraction()).isGreaterThanOrEqualTo(reports.get(i - 1).fraction());
        }
        assertThat(reports.getLast()).isEqualTo(new QueryProgress(800, 2_400, 80_000, 1));
    }
}
