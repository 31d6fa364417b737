package dev.skyloom.concurrent;

import dev.skyloom.TimeInterval;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

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
    void theDensitySeenIsExtrapolatedOverTheSpanLeft() {
        Instant first = T0;
        Instant last = T0.plusSeconds(1_000);

        assertThat(TimeSlices.expectedAfter(1_000, first, last, T0.plusSeconds(10_000))).isEqualTo(9_000, offset());
        assertThat(TimeSlices.expectedAfter(1_000, first, last, last)).isZero();
        assertThat(TimeSlices.expectedAfter(0, first, last, T0.plusSeconds(10_000))).isZero();
    }

    @Test
    void datapointsInOneMillisecondCountAsADensityPerMillisecond() {
        assertThat(TimeSlices.expectedAfter(500, T0, T0, T0.plusMillis(10))).isEqualTo(5_000, offset());
    }

    @Test
    void autoCountRoundsUpToWholeSlicesBetweenOneAndTheCap() {
        assertThat(TimeSlices.autoCount(65_313, 4_000)).isEqualTo(17);
        assertThat(TimeSlices.autoCount(3_999, 4_000)).isEqualTo(1);
        assertThat(TimeSlices.autoCount(0, 4_000)).isEqualTo(1);
        assertThat(TimeSlices.autoCount(1e12, 4_000)).isEqualTo(TimeSlices.MAX_AUTO_SLICES);
    }

    private static org.assertj.core.data.Offset<Double> offset() {
        return org.assertj.core.data.Offset.offset(1e-6);
    }
}
