package dev.skyloom.concurrent;

import dev.skyloom.CollectionInfo;
import dev.skyloom.TimeInterval;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimeSlicesTest {

    private static final Instant T0 = Instant.parse("2020-01-01T00:00:00Z");

    @Test
    void cutsAtWholeMillisecondsWithHalfOpenInnerSeams() {
        TimeInterval second = TimeInterval.of(T0, T0.plusMillis(1000));

        assertThat(TimeSlices.split(second, 4)).containsExactly(
                TimeInterval.of(T0, T0.plusMillis(250)),
                TimeInterval.of(T0.plusMillis(250), T0.plusMillis(500)),
                TimeInterval.of(T0.plusMillis(500), T0.plusMillis(750)),
                TimeInterval.of(T0.plusMillis(750), T0.plusMillis(1000)));
    }

    @Test
    void theFirstSliceKeepsTheStartFlagAndTheLastTheEndFlag() {
        TimeInterval openClosed = new TimeInterval(T0, T0.plusMillis(30), true, true);

        assertThat(TimeSlices.split(openClosed, 3)).containsExactly(
                new TimeInterval(T0, T0.plusMillis(10), true, false),
                new TimeInterval(T0.plusMillis(10), T0.plusMillis(20), false, false),
                new TimeInterval(T0.plusMillis(20), T0.plusMillis(30), false, true));
    }

    @Test
    void everyInstantOfTheIntervalLiesInExactlyOneSliceForAnyKAndFlags() {
        Instant start = T0.plusNanos(400_000);
        for (long lengthMillis : new long[] {0, 1, 2, 5, 23, 97}) {
            Instant end = T0.plusMillis(lengthMillis).plusNanos(700_000);
            for (boolean startExclusive : new boolean[] {false, true}) {
                for (boolean endInclusive : new boolean[] {false, true}) {
                    TimeInterval interval = new TimeInterval(start, end, startExclusive, endInclusive);
                    for (int k = 1; k <= 7; k++) {
                        List<TimeInterval> slices = TimeSlices.split(interval, k);
                        assertThat(slices).as("%s in %d", interval, k).hasSizeBetween(1, k);
                        for (long ms = -2; ms <= lengthMillis + 2; ms++) {
                            for (Instant t : List.of(T0.plusMillis(ms), start, end)) {
                                long holding = slices.stream().filter(s -> s.contains(t)).count();
                                assertThat(holding).as("%s in %s cut %d", t, interval, k)
                                        .isEqualTo(interval.contains(t) ? 1 : 0);
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void intervalsShorterThanKMillisecondsGiveFewerSlices() {
        assertThat(TimeSlices.split(TimeInterval.of(T0, T0.plusMillis(3)), 7)).hasSize(3);
        assertThat(TimeSlices.split(TimeInterval.at(T0), 7)).containsExactly(TimeInterval.at(T0));
        assertThat(TimeSlices.split(TimeInterval.of(T0, T0), 5)).containsExactly(TimeInterval.of(T0, T0));
        assertThat(TimeSlices.split(TimeInterval.of(T0, T0.plusNanos(900_000)), 5)).hasSize(1);
    }

    @Test
    void intervalsBeyondTheMillisecondRangeAreNotCut() {
        TimeInterval everything = TimeInterval.of(Instant.MIN, Instant.MAX);

        assertThat(TimeSlices.split(everything, 4)).containsExactly(everything);
    }

    @Test
    void theNumberOfSlicesMustBePositive() {
        assertThatThrownBy(() -> TimeSlices.split(TimeInterval.at(T0), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the number of slices must be at least 1, got 0");
    }

    @Test
    void autoCountAimsAtAboutFiveThousandDatapointsPerSlice() {
        TimeInterval year = TimeInterval.parse("2020-01-01", "2021-01-01");
        CollectionInfo l1tp = info(year, 65_313);

        assertThat(TimeSlices.autoCount(l1tp, year)).isEqualTo(14);
        assertThat(TimeSlices.autoCount(l1tp, TimeInterval.parse("2020-01-01", "2020-07-01"))).isEqualTo(7);
        assertThat(TimeSlices.autoCount(info(year, 1_281), year)).isEqualTo(1);
    }

    @Test
    void autoCountIsCappedAtSixteen() {
        TimeInterval year = TimeInterval.parse("2020-01-01", "2021-01-01");

        assertThat(TimeSlices.autoCount(info(year, 32_435_380), year)).isEqualTo(16);
    }

    @Test
    void autoCountIsOneWithoutCountOrAvailabilityOrOverlap() {
        TimeInterval year = TimeInterval.parse("2020-01-01", "2021-01-01");
        UUID id = UUID.randomUUID();

        assertThat(TimeSlices.autoCount(new CollectionInfo("c", id, Optional.of(year), OptionalLong.empty()), year))
                .isEqualTo(1);
        assertThat(TimeSlices.autoCount(new CollectionInfo("c", id, Optional.empty(), OptionalLong.of(1_000_000)),
                year)).isEqualTo(1);
        assertThat(TimeSlices.autoCount(info(year, 1_000_000), TimeInterval.parse("2022-01-01", "2023-01-01")))
                .isEqualTo(1);
    }

    private static CollectionInfo info(TimeInterval availability, long count) {
        return new CollectionInfo("c", UUID.randomUUID(), Optional.of(availability), OptionalLong.of(count));
    }
}
