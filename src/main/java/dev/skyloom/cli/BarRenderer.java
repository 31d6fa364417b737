package dev.skyloom.cli;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders one progress line in the manner of tqdm, fitted to a width:
 * {@code L1GT   45%|█████▌      | 12,345 datapoints  3.2 MB/s  0:07<0:09}. The fields are the name, the percentage
 * of the time interval covered, the bar, the datapoints, the transfer rate, elapsed&lt;remaining time and an optional
 * note. When the width is short, whole fields are dropped, least important first (rate, note, datapoints, time,
 * bar), so no number is ever cut; the name is shortened last. Colour only when asked for.
 */
final class BarRenderer {

    private static final String[] EIGHTHS = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
    private static final int MIN_BAR = 10;

    /**
     * What one line shows.
     *
     * @param name       the collection, padded by the caller to align bars
     * @param fraction   the share done, 0 to 1
     * @param datapoints datapoints so far
     * @param bytes      bytes so far
     * @param elapsed    time since the start (frozen once done)
     * @param done       whether it finished
     * @param note       a last field, e.g. what was written so far; empty for none
     */
    record Line(String name, double fraction, long datapoints, long bytes, Duration elapsed, boolean done,
                String note) {

        /** A line without a note. */
        Line(String name, double fraction, long datapoints, long bytes, Duration elapsed, boolean done) {
            this(name, fraction, datapoints, bytes, elapsed, done, "");
        }
    }

    private BarRenderer() {
    }

    /**
     * @param width  the columns available; the line never has more
     * @param colour whether to add colour (the caller checked NO_COLOR and the terminal)
     * @return the line, its visible length at most {@code width}
     */
    static AttributedString render(Line line, int width, boolean colour) {
        return render(line, width, colour, 0, 0, line.note().length());
    }

    /**
     * Renders a line whose datapoints and time fields are padded to the given widths, so that the bars of several
     * lines rendered with the same widths line up.
     *
     * @param countWidth the width of the datapoint count (see {@link #countText})
     * @param timeWidth  the width of the time field (see {@link #timeText})
     * @param noteWidth  the width of the note field, 0 for none (a line without a note leaves the room blank)
     * @return the line, its visible length at most {@code width}
     */
    static AttributedString render(Line line, int width, boolean colour, int countWidth, int timeWidth,
                                   int noteWidth) {
        double fraction = Math.clamp(line.fraction(), 0, 1);
        String percent = String.format(Locale.ROOT, "%3d%%", (int) Math.floor(fraction * 100));
        List<String> tail = new ArrayList<>(List.of(
                padded(countText(line), countWidth) + " datapoints",
                String.format(Locale.ROOT, "%5.1f MB/s", rate(line)),
                padded(timeText(line), timeWidth),
                line.note() + " ".repeat(Math.max(0, noteWidth - line.note().length()))));
        // Indices into tail in the order they are given up: rate, note, datapoints, then the time.
        int[] dropOrder = {1, 3, 0, 2};
        // a line that has transferred nothing (the demo catalogue's generation) has no rate to show
        boolean[] kept = {true, line.bytes() > 0, true, noteWidth > 0};
        boolean bar = true;
        String name = line.name();
        for (int dropped = 0; ; dropped++) {
            int fixed = name.length() + 1 + percent.length() + tailLength(tail, kept);
            int barWidth = width - fixed - 2;
            if (bar && barWidth >= MIN_BAR || !bar && fixed <= width) {
                return build(name, percent, bar ? barWidth : -1, fraction, tail, kept, line.done(), colour);
            }
            if (dropped < dropOrder.length) {
                kept[dropOrder[dropped]] = false;
            } else if (bar) {
                bar = false;
            } else {
                int room = Math.max(1, width - 1 - percent.length());
                name = name.strip().length() <= room ? name.strip() : name.strip().substring(0, room - 1) + "…";
                String shortLine = name + " " + percent;
                return new AttributedString(shortLine.length() <= width ? shortLine : percent.strip());
            }
        }
    }

    /** {@return the datapoint count as the line shows it, e.g. {@code 19,624}} */
    static String countText(Line line) {
        return Numbers.grouped(line.datapoints());
    }

    /** {@return the time field as the line shows it: elapsed&lt;remaining, e.g. {@code 0:07<0:09}} */
    static String timeText(Line line) {
        return clock(line.elapsed()) + "<" + remaining(line, Math.clamp(line.fraction(), 0, 1));
    }

    private static String padded(String text, int width) {
        return text.length() >= width ? text : " ".repeat(width - text.length()) + text;
    }

    private static int tailLength(List<String> tail, boolean[] kept) {
        int length = 0;
        for (int i = 0; i < tail.size(); i++) {
            if (kept[i]) {
                length += 2 + tail.get(i).length();
            }
        }
        return length;
    }

    private static AttributedString build(String name, String percent, int barWidth, double fraction,
                                          List<String> tail, boolean[] kept, boolean done, boolean colour) {
        AttributedStringBuilder out = new AttributedStringBuilder();
        AttributedStyle barStyle = colour ? AttributedStyle.DEFAULT.foreground(done ? AttributedStyle.GREEN
                : AttributedStyle.CYAN) : AttributedStyle.DEFAULT;
        out.append(name).append(' ').append(percent, colour && done ? barStyle : AttributedStyle.DEFAULT);
        if (barWidth > 0) {
            int eighths = (int) Math.floor(fraction * barWidth * 8);
            String filled = "█".repeat(eighths / 8) + EIGHTHS[eighths % 8];
            out.append('|').append(filled, barStyle).append(" ".repeat(barWidth - filled.length())).append('|');
        }
        for (int i = 0; i < tail.size(); i++) {
            if (kept[i]) {
                out.append("  ");
                out.append(tail.get(i), colour && i == 2 ? AttributedStyle.DEFAULT.faint() : AttributedStyle.DEFAULT);
            }
        }
        return out.toAttributedString();
    }

    private static double rate(Line line) {
        double seconds = line.elapsed().toNanos() / 1e9;
        return seconds <= 0 ? 0 : line.bytes() / 1e6 / seconds;
    }

    private static String remaining(Line line, double fraction) {
        if (line.done() || fraction >= 1) {
            return clock(Duration.ZERO);
        }
        if (fraction <= 0 || line.elapsed().isZero()) {
            return "?";
        }
        return clock(Duration.ofNanos((long) (line.elapsed().toNanos() * (1 - fraction) / fraction)));
    }

    /** {@return {@code m:ss}, or {@code h:mm:ss} from an hour on} */
    static String clock(Duration d) {
        long seconds = d.toSeconds();
        return seconds >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }
}
