package dev.skyloom.cli;

import dev.skyloom.ProgressListener;
import dev.skyloom.QueryProgress;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressDisplayTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @Test
    void plainLinesAppearAtEachQuarterPerCollection() {
        try (ProgressDisplay display = new ProgressDisplay(ProgressDisplay.Mode.LINES, err, List.of("L1GT", "L2SP"), false)) {
            ProgressListener a = display.listenerFor("L1GT");
            ProgressListener b = display.listenerFor("L2SP");
            a.onProgress(new QueryProgress(1, 100, 1_000_000, 0.1));
            a.onProgress(new QueryProgress(2, 300, 3_000_000, 0.3));
            b.onProgress(new QueryProgress(1, 50, 500_000, 0.6));
            a.onProgress(new QueryProgress(3, 310, 3_100_000, 0.35));
            b.onProgress(new QueryProgress(2, 80, 800_000, 1.0));
        }

        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("L1GT: 25% (300 datapoints, 3.0 MB, ");
        assertThat(lines.get(1)).startsWith("L2SP: 50% (50 datapoints, 0.5 MB, ");
        assertThat(lines.get(2)).startsWith("L2SP: 100% (80 datapoints, 0.8 MB, ");
        assertThat(bytes.toString(StandardCharsets.UTF_8)).doesNotContain("\u001b");
    }

    @Test
    void offShowsNothing() {
        try (ProgressDisplay display = new ProgressDisplay(ProgressDisplay.Mode.OFF, err, List.of("L1GT"), false)) {
            display.listenerFor("L1GT").onProgress(new QueryProgress(1, 10, 100, 1.0));
        }
        assertThat(bytes.size()).isZero();
    }
}
