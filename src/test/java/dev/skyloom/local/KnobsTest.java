package dev.skyloom.local;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class KnobsTest {

    private static List<Duration> delays(LocalServerConfig config, int n) {
        Knobs knobs = new Knobs(config);
        List<Duration> delays = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            delays.add(knobs.nextDelay());
        }
        return delays;
    }

    @Test
    void jitterSpreadsDelaysAroundTheLatencyReproduciblyPerSeed() {
        LocalServerConfig config = LocalServerConfig.defaults().withLatency(Duration.ofMillis(50))
                .withJitter(Duration.ofMillis(10)).withSeed(7);

        List<Duration> delays = delays(config, 200);

        assertThat(delays).allSatisfy(d -> assertThat(d).isBetween(Duration.ofMillis(40), Duration.ofMillis(60)));
        assertThat(delays).anySatisfy(d -> assertThat(d).isLessThan(Duration.ofMillis(48)));
        assertThat(delays).anySatisfy(d -> assertThat(d).isGreaterThan(Duration.ofMillis(52)));
        assertThat(delays(config, 200)).isEqualTo(delays);
    }

    @Test
    void delaysNeverGoBelowZero() {
        assertThat(delays(LocalServerConfig.defaults().withJitter(Duration.ofMillis(10)), 100))
                .allSatisfy(d -> assertThat(d.isNegative()).isFalse());
    }

    @Test
    void theFaultRateIsTheFractionOfFailedRequests() {
        Knobs knobs = new Knobs(LocalServerConfig.defaults().withFaultRate(0.3).withSeed(1));
        int faults = 0;
        for (int i = 0; i < 10_000; i++) {
            faults += knobs.nextFault() ? 1 : 0;
        }
        assertThat(faults).isBetween(2_700, 3_300);
        assertThat(new Knobs(LocalServerConfig.defaults()).nextFault()).isFalse();
    }

    @Test
    void aBandwidthLimitStillWritesTheWholeBody() throws Exception {
        byte[] body = new byte[20_000];
        body[19_999] = 42;
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        new Knobs(LocalServerConfig.defaults().withBandwidthMbps(100)).write(out, body);

        assertThat(out.toByteArray()).isEqualTo(body);
    }
}
