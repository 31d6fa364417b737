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

    /** The most characters {@link #write} writes. */
    static final int LONGEST = 30;

    private InstantText() {
    }

    /** Appends {@code instant} to {@code out} exactly as {@code instant.toString()} reads. */
    static void append(StringBuilder out, Instant instant) {
        char[] text = new char[LONGEST];
        int end = write(text, 0, instant.getEpochSecond(), instant.getNano());
        if (end < 0) {
            out.append(instant);
        } else {
            out.append(text, 0, end);
        }
    }

    /**
     * Writes the instant {@code seconds} and {@code nanos} after the epoch into {@code to} at {@code at}, as
     * {@code Instant.toString()} reads, if its year is within 0000-9999.
     *
     * @param nanos 0 to 999,999,999
     * @return where the text ends in {@code to}, or -1 (nothing written) for a year outside 0000-9999
     */
    static int write(char[] to, int at, long seconds, int nanos) {
        if (seconds < FIRST || seconds >= AFTER_LAST) {
            return -1;
        }
        long day = Math.floorDiv(seconds, 86_400);
        int secondOfDay = (int) Math.floorMod(seconds, 86_400);
        LocalDate date = LocalDate.ofEpochDay(day);
        int p = digits(to, at, date.getYear(), 4);
        to[p++] = '-';
        p = digits(to, p, date.getMonthValue(), 2);
        to[p++] = '-';
        p = digits(to, p, date.getDayOfMonth(), 2);
        to[p++] = 'T';
        p = digits(to, p, secondOfDay / 3600, 2);
        to[p++] = ':';
        p = digits(to, p, secondOfDay / 60 % 60, 2);
        to[p++] = ':';
        p = digits(to, p, secondOfDay % 60, 2);
        if (nanos != 0) {
            to[p++] = '.';
            if (nanos % 1_000_000 == 0) {
                p = digits(to, p, nanos / 1_000_000, 3);
            } else if (nanos % 1000 == 0) {
                p = digits(to, p, nanos / 1000, 6);
            } else {
                p = digits(to, p, nanos, 9);
            }
        }
        to[p++] = 'Z';
        return p;
    }

    private static int digits(char[] to, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            to[i] = (char) ('0' + value % 10);
            value /= 10;
        }
        return at + width;
    }
}
