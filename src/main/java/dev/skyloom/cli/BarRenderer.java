package dev.skyloom.cli;

import me.tongfei.progressbar.ProgressBarRenderer;
import me.tongfei.progressbar.ProgressState;

import java.time.Duration;
import java.util.Locale;

/**
 * Renders one progress bar line: {@code name [#####.....]  45%  12,345 datapoints  3.2 MB/s  0:07}, where the
 * percentage is the fraction of the time interval covered and the rest is the bar's extra message and elapsed time.
 * The elapsed time stops when the bar is full, so a collection that finished early keeps showing its own time. One
 * renderer per bar.
 */
final class BarRenderer implements ProgressBarRenderer {

    private static final int BAR_WIDTH = 30;

    private Duration finishedAfter;

    @Override
    public String render(ProgressState state, int maxLength) {
        double fraction = Math.clamp(state.getNormalizedProgress(), 0, 1);
        int filled = (int) Math.round(fraction * BAR_WIDTH);
        if (finishedAfter == null && fraction >= 1) {
            finishedAfter = state.getTotalElapsed();
        }
        long seconds = (finishedAfter != null ? finishedAfter : state.getTotalElapsed()).toSeconds();
        String line = String.format(Locale.ROOT, "%s [%s%s] %3d%%  %s  %d:%02d", state.getTaskName(),
                "#".repeat(filled), ".".repeat(BAR_WIDTH - filled), Math.round(fraction * 100),
                state.getExtraMessage(), seconds / 60, seconds % 60);
        return maxLength > 0 && line.length() > maxLength ? line.substring(0, maxLength) : line;
    }
}
