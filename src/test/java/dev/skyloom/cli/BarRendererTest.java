package dev.skyloom.cli;

import org.jline.utils.AttributedString;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class BarRendererTest {

    private static final BarRenderer.Line HALF = new BarRenderer.Line("L1TP", 0.5, 65_313, 12_500_000,
            Duration.ofSeconds(5), false);

    private static String plain(BarRenderer.Line line, int width) {
        AttributedString rendered = BarRenderer.render(line, width, false);
        assertThat(rendered.columnLength()).as("width %d", width).isLessThanOrEqualTo(width);
        assertThat(rendered.toAnsi()).doesNotContain("\u001b");
        return rendered.toString();
    }

    @Test
    void aWideLineShowsEveryFieldLikeTqdm() {
        String line = plain(HALF, 120);

        assertThat(line).startsWith("L1TP  50%|").contains("|  65,313 datapoints    2.5 MB/s  0:05<0:05");
        assertThat(line).hasSize(120);
        assertThat(line.chars().filter(c -> c == '█').count()).isEqualTo(33);
        assertThat(line).contains("█▌ ");
    }

    @Test
    void narrowingDropsWholeFieldsLeastImportantFirstAndNeverCutsOne() {
        assertThat(plain(HALF, 80)).endsWith("|  65,313 datapoints    2.5 MB/s  0:05<0:05");
        String at60 = plain(HALF, 60);
        assertThat(at60).doesNotContain("MB/s").endsWith("|  65,313 datapoints  0:05<0:05");
        String at40 = plain(HALF, 40);
        assertThat(at40).doesNotContain("datapoints").doesNotContain("MB/s").endsWith("|  0:05<0:05");
        String at30 = plain(HALF, 30);
        assertThat(at30).startsWith("L1TP  50%|").endsWith("|").doesNotContain("0:05");
        assertThat(plain(HALF, 14)).isEqualTo("L1TP  50%");
        assertThat(plain(new BarRenderer.Line("a_very_long_collection_name", 0.5, 1, 1, Duration.ofSeconds(1),
                false), 12)).isEqualTo("a_very…  50%");
    }

    @Test
    void theEtaIsUnknownAtTheStartAndZeroWhenDone() {
        assertThat(plain(new BarRenderer.Line("L1GT", 0, 0, 0, Duration.ZERO, false), 100)).endsWith("0:00<?");
        assertThat(plain(new BarRenderer.Line("L1GT", 1, 19_624, 1, Duration.ofSeconds(75), true), 100))
                .contains("100%|" + "█".repeat(47) + "|").endsWith("1:15<0:00");
        assertThat(BarRenderer.clock(Duration.ofSeconds(3725))).isEqualTo("1:02:05");
    }

    @Test
    void aLineThatTransferredNothingShowsNoRate() {
        String generating = plain(new BarRenderer.Line("demo catalogue", 0.25, 43_523, 0, Duration.ofSeconds(2),
                false), 120);

        assertThat(generating).doesNotContain("MB/s").endsWith("|  43,523 datapoints  0:02<0:06");
    }

    @Test
    void colourIsAddedOnlyWhenAskedFor() {
        assertThat(BarRenderer.render(HALF, 100, true).toAnsi()).contains("\u001b[");
        assertThat(BarRenderer.render(HALF, 100, true).toString()).isEqualTo(plain(HALF, 100));
    }
}
