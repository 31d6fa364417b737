package dev.skyloom;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimeIntervalTest {

    private static final Instant T = Instant.parse("2025-03-01T12:00:00Z");

    @Test
    void parsesDatesAndDateTimesAsUtc() {
        assertThat(TimeInterval.parseInstant("2025-03-01")).isEqualTo(Instant.parse("2025-03-01T00:00:00Z"));
        assertThat(TimeInterval.parseInstant("2025-03-01T12:00:00Z")).isEqualTo(T);
        assertThat(TimeInterval.parseInstant("2025-03-01T12:00:00")).isEqualTo(T);
        assertThat(TimeInterval.parseInstant("2025-03-01T14:00:00+02:00")).isEqualTo(T);
        assertThat(TimeInterval.parseInstant("2025-03-01T12:00:00.024Z")).isEqualTo(T.plusMillis(24));
    }

    @Test
    void rejectsUnreadableTimesNamingTheText() {
        assertThatThrownBy(() -> TimeInterval.parseInstant("yesterday"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'yesterday'").hasMessageContaining("2025-03-01");
        assertThatThrownBy(() -> TimeInterval.parseInstant("2025-13-01"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void isHalfOpenByDefault() {
        TimeInterval i = TimeInterval.parse("2020-01-01", "2021-01-01");
        assertThat(i.contains(Instant.parse("2020-01-01T00:00:00Z"))).isTrue();
        assertThat(i.contains(Instant.parse("2021-01-01T00:00:00Z"))).isFalse();
        assertThat(i.contains(Instant.parse("2020-12-31T23:59:59.999Z"))).isTrue();
        assertThat(i).hasToString("[2020-01-01T00:00:00Z, 2021-01-01T00:00:00Z)");
    }

    @Test
    void respectsExplicitInclusivity() {
        Instant end = T.plusSeconds(60);
        TimeInterval open = new TimeInterval(T, end, true, false);
        TimeInterval closed = new TimeInterval(T, end, false, true);
        assertThat(open.contains(T)).isFalse();
        assertThat(closed.contains(T)).isTrue();
        assertThat(closed.contains(end)).isTrue();
        assertThat(open.contains(end)).isFalse();
        assertThat(open).hasToString("(" + T + ", " + end + ")");
    }

    @Test
    void anInstantIntervalHoldsExactlyThatInstant() {
        TimeInterval at = TimeInterval.at(T);
        assertThat(at.contains(T)).isTrue();
        assertThat(at.isEmpty()).isFalse();
        assertThat(TimeInterval.of(T, T).isEmpty()).isTrue();
    }

    @Test
    void rejectsAnEndBeforeItsStart() {
        assertThatThrownBy(() -> TimeInterval.parse("2021-01-01", "2020-01-01"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("before its start");
    }
}
