package dev.skyloom;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryPolicyTest {

    private static final int SAMPLES = 2000;

    private static List<Duration> samples(RetryPolicy policy, int retry) {
        return IntStream.range(0, SAMPLES).mapToObj(i -> policy.backoff(retry)).toList();
    }

    @Test
    void defaultsMakeSixAttemptsWithBackoffsFrom50MillisecondsUpTo5Seconds() {
        assertThat(RetryPolicy.defaults())
                .isEqualTo(new RetryPolicy(5, Duration.ofMillis(50), Duration.ofSeconds(5)));
        assertThat(RetryPolicy.none().maxRetries()).isZero();
    }

    @Test
    void theFirstBackoffIsJitteredOverTheWholeInitialRange() {
        List<Duration> waits = samples(RetryPolicy.defaults(), 1);

        assertThat(waits).allSatisfy(wait -> assertThat(wait).isBetween(Duration.ZERO, Duration.ofMillis(50)));
        assertThat(waits).anySatisfy(wait -> assertThat(wait).isLessThan(Duration.ofMillis(10)));
        assertThat(waits).anySatisfy(wait -> assertThat(wait).isGreaterThan(Duration.ofMillis(40)));
    }

    @Test
    void theCeilingDoublesWithEachRetry() {
        List<Duration> waits = samples(RetryPolicy.defaults(), 4);

        assertThat(waits).allSatisfy(wait -> assertThat(wait).isBetween(Duration.ZERO, Duration.ofMillis(400)));
        assertThat(waits).anySatisfy(wait -> assertThat(wait).isGreaterThan(Duration.ofMillis(350)));
    }

    @Test
    void theCeilingStopsAtTheMaximumEvenForVeryLateRetries() {
        RetryPolicy policy = new RetryPolicy(Integer.MAX_VALUE, Duration.ofMillis(50), Duration.ofSeconds(5));

        for (int retry : new int[]{8, 64, 1000, Integer.MAX_VALUE}) {
            List<Duration> waits = samples(policy, retry);
            assertThat(waits).allSatisfy(wait -> assertThat(wait).isBetween(Duration.ZERO, Duration.ofSeconds(5)));
            assertThat(waits).anySatisfy(wait -> assertThat(wait).isGreaterThan(Duration.ofMillis(4500)));
        }
    }

    @Test
    void zeroBackoffsNeverWait() {
        assertThat(samples(new RetryPolicy(3, Duration.ZERO, Duration.ZERO), 3)).containsOnly(Duration.ZERO);
    }

    @Test
    void rejectsSettingsThatMakeNoSense() {
        assertThatThrownBy(() -> new RetryPolicy(-1, Duration.ZERO, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxRetries must be 0 or more, got -1");
        assertThatThrownBy(() -> new RetryPolicy(1, Duration.ofMillis(-1), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("backoffs must not be negative");
        assertThatThrownBy(() -> new RetryPolicy(1, Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("initialBackoff PT2S is larger than maxBackoff PT1S");
        assertThatThrownBy(() -> new RetryPolicy(1, null, Duration.ZERO))
                .isInstanceOf(NullPointerException.class).hasMessage("initialBackoff");
        assertThatThrownBy(() -> RetryPolicy.defaults().backoff(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("retry numbers start at 1, got 0");
    }
}
