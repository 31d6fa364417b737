package dev.skyloom.cli;

import dev.skyloom.ProgressListener;
import dev.skyloom.QueryProgress;
import org.jline.utils.AttributedString;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

/** The live bars: drawn in the order given, fed from many threads, fitted to the terminal as it changes size. */
class ProgressBarsTest {

    /** A terminal that records every frame; its width can be changed while the bars run. */
    private static final class RecordingArea implements LiveArea {
        volatile int columns;
        final List<List<String>> frames = new ArrayList<>();
        boolean closed;

        RecordingArea(int columns) {
            this.columns = columns;
        }

        @Override
        public int columns() {
            return columns;
        }

        @Override
        public int rows() {
            return 40;
        }

        @Override
        public synchronized void draw(List<AttributedString> lines) {
            frames.add(lines.stream().map(AttributedString::toString).toList());
            lines.forEach(line -> assertThat(line.columnLength()).isLessThanOrEqualTo(columns));
        }

        @Override
        public synchronized void close() {
            closed = true;
        }

        synchronized List<String> last() {
            return frames.getLast();
        }
    }

    private static final PrintStream NOWHERE = new PrintStream(OutputStream.nullOutputStream());

    @Test
    void barsKeepTheOrderGivenWhateverOrderUpdatesArriveIn() throws InterruptedException {
        RecordingArea area = new RecordingArea(100);
        List<String> names = List.of("L2SP", "L1GT", "L1TP", "L1T");
        try (ProgressDisplay display = new ProgressDisplay(ProgressDisplay.Mode.BARS, NOWHERE, names, false,
                () -> area)) {
            CountDownLatch done = new CountDownLatch(names.size());
            for (String name : names.reversed()) {
                ProgressListener listener = display.listenerFor(name);
                Thread.ofVirtual().start(() -> {
                    for (int page = 1; page <= 100; page++) {
                        listener.onProgress(new QueryProgress(page, page * 10L, page * 1000L, page / 100.0));
                    }
                    done.countDown();
                });
            }
            done.await();
            display.written(400, 2_000_000);
        }

        assertThat(area.closed).isTrue();
        List<String> last = area.last();
        assertThat(last).hasSize(5);
        assertThat(last.stream().map(line -> line.substring(0, 5)).toList())
                .containsExactly("L2SP ", "L1GT ", "L1TP ", "L1T  ", "total");
        assertThat(last.getFirst()).contains("100%").contains("1,000 datapoints");
        assertThat(last.stream().map(line -> line.indexOf('|', line.indexOf('|') + 1)).distinct())
                .as("the bars line up").hasSize(1);
        assertThat(last.getLast()).contains("100%").contains("4,000 datapoints").endsWith("400 written (2.0 MB)");
    }

    @Test
    void theBarsFollowTheTerminalWidthAsItChanges() {
        RecordingArea area = new RecordingArea(120);
        try (ProgressDisplay display = new ProgressDisplay(ProgressDisplay.Mode.BARS, NOWHERE,
                List.of("S2A_S2MSI1C"), false, () -> area)) {
            display.listenerFor("S2A_S2MSI1C").onProgress(new QueryProgress(3, 3_000, 4_000_000, 0.25));
            assertThat(display.frame(area.columns(), 40).getFirst().columnLength()).isEqualTo(120);
            area.columns = 60;
            List<AttributedString> narrow = display.frame(area.columns(), 40);
            assertThat(narrow.getFirst().columnLength()).isEqualTo(60);
            assertThat(narrow.getFirst().toString()).contains("3,000 datapoints").doesNotContain("MB/s");
        }
        assertThat(area.last().getFirst()).hasSize(60);
    }

    @Test
    void moreBarsThanRowsKeepTheTotalLine() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            names.add("c" + i);
        }
        try (ProgressDisplay display = new ProgressDisplay(ProgressDisplay.Mode.OFF, NOWHERE, names, false)) {
            List<AttributedString> frame = display.frame(80, 10);
            assertThat(frame).hasSize(9);
            assertThat(frame.getLast().toString()).startsWith("total");
        }
    }
}
