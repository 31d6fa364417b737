package dev.skyloom.cli;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Appends instants as {@link Instant#toString()} does (ISO-8601 in UTC, {@code 2020-01-01T00:57:11.864Z}: seconds
 * always, the fraction in groups of three digits, none when zero), without the formatter machinery that made it a
 * visible share of writing a CSV row. Years outside 0000-9999 go through {@code Instant.toString()}.
 */
final class InstantText {

    private static final long FIRST = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
    private static final long AFTER_LAST = Instant.parse("+10000-01-01T00:00:00Z").getEpochSecond();

    private InstantText() {
    }

    /** Appends {@code instant} to {@code out} exactly as {@code instant.toString()} reads. */
    static void append(StringBuilder out, Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < FIRST || seconds >= AFTER_LAST) {
            out.append(instant);
            return;
        }
        long day = Math.floorDiv(seconds, 86_400);
        int secondOfDay = (int) Math.floorMod(seconds, 86_400);
        LocalDate date = LocalDate.ofEpochDay(day);
        digits(out, date.getYear(), 4);
        out.append('-');
        digits(out, date.getMonthValue(), 2);
        out.append('-');
        digits(out, date.getDayOfMonth(), 2);
        out.append('T');
        digits(out, secondOfDay / 3600, 2);
        out.append(':');
        digits(out, secondOfDay / 60 % 60, 2);
        out.append(':');
        digits(out, secondOfDay % 60, 2);
        int nanos = instant.getNano();
        if (nanos != 0) {
            out.append('.');
            if (nanos % 1_000_000 == 0) {
                digits(out, nanos / 1_000_000, 3);
            } else if (nanos % 1000 == 0) {
                digits(out, nanos / 1000, 6);
            } else {
                digits(out, nanos, 9);
            }
        }
        out.append('Z');
    }

    private static void digits(StringBuilder out, int value, int width) {
        int start = out.length();
        for (int i = 0; i < width; i++) {
            out.append('0');
        }
        for (int i = start + width - 1; i >= start; i--) {
            out.setCharAt(i, (char) ('0' + value % 10));
            value /= 10;
        }
    }
}
