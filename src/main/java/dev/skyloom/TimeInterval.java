package dev.skyloom;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * A time range to query, with explicit inclusivity of each end.
 *
 * <p>The default is half-open, {@code [start, end)}, as in the Tilebox service: {@code startExclusive} and
 * {@code endInclusive} are both false. The service compares times at millisecond resolution.
 * {@snippet :
 * TimeInterval year = TimeInterval.parse("2020-01-01", "2021-01-01");   // [2020-01-01T00:00Z, 2021-01-01T00:00Z)
 * TimeInterval instant = TimeInterval.at(Instant.parse("2025-01-01T00:00:19.024Z")); // [t, t]
 * }
 *
 * @param start          the start of the interval
 * @param end            the end of the interval; not before {@code start}
 * @param startExclusive whether {@code start} itself is excluded (default false)
 * @param endInclusive   whether {@code end} itself is included (default false)
 */
public record TimeInterval(Instant start, Instant end, boolean startExclusive, boolean endInclusive) {

    /**
     * Validates the interval.
     *
     * @throws NullPointerException     if start or end is null
     * @throws IllegalArgumentException if end is before start
     */
    public TimeInterval {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("time interval end " + end + " is before its start " + start
                    + "; swap the two or fix the end");
        }
    }

    /**
     * The half-open interval {@code [start, end)}.
     *
     * @param start the first instant in the interval
     * @param end the first instant after it
     * @return the interval
     * @throws IllegalArgumentException if end is before start
     */
    public static TimeInterval of(Instant start, Instant end) {
        return new TimeInterval(start, end, false, false);
    }

    /**
     * The interval holding exactly one instant, {@code [t, t]}: all datapoints at that millisecond.
     *
     * @param t the instant
     * @return the interval
     */
    public static TimeInterval at(Instant t) {
        return new TimeInterval(t, t, false, true);
    }

    /**
     * Parses the half-open interval {@code [from, to)} from two dates or date-times (see {@link #parseInstant}).
     *
     * @param from the start, included
     * @param to the end, excluded
     * @return the interval
     * @throws IllegalArgumentException if either cannot be parsed, or {@code to} is before {@code from}
     */
    public static TimeInterval parse(String from, String to) {
        return of(parseInstant(from), parseInstant(to));
    }

    /**
     * Parses an instant from an ISO-8601 date ({@code 2025-03-01}, midnight UTC), a date-time with a zone or offset
     * ({@code 2025-03-01T12:00:00Z}, {@code 2025-03-01T14:00:00+02:00}) or a local date-time, taken as UTC
     * ({@code 2025-03-01T12:00:00}).
     *
     * @param text the date or date-time
     * @return the instant
     * @throws IllegalArgumentException naming the text if it is none of these
     */
    public static Instant parseInstant(String text) {
        Objects.requireNonNull(text, "text");
        String s = text.strip();
        try {
            if (s.length() == 10) {
                return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            if (s.endsWith("Z") || s.endsWith("z")) {
                return Instant.parse(s.substring(0, s.length() - 1) + "Z");
            }
            if (s.matches(".*[+-]\\d\\d:?\\d\\d$") && s.indexOf('T') > 0) {
                return OffsetDateTime.parse(s).toInstant();
            }
            return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("cannot read '" + text + "' as a time: use a date like 2025-03-01"
                    + " or a date-time like 2025-03-01T12:00:00Z", e);
        }
    }

    /**
     * Whether {@code t} lies in this interval, respecting both inclusivity flags (at full precision).
     *
     * @param t the instant
     * @return true if it lies in the interval
     */
    public boolean contains(Instant t) {
        int s = t.compareTo(start);
        int e = t.compareTo(end);
        return (startExclusive ? s > 0 : s >= 0) && (endInclusive ? e <= 0 : e < 0);
    }

    /**
     * Whether no instant lies in this interval ({@code [t, t)}, {@code (t, t]} or {@code (t, t)}).
     *
     * @return true if the interval holds no instant
     */
    public boolean isEmpty() {
        return start.equals(end) && (startExclusive || !endInclusive);
    }

    /**
     * The length of the interval, {@code end - start}.
     *
     * @return the length
     */
    public Duration duration() {
        return Duration.between(start, end);
    }

    /**
     * A copy with another start and start flag, keeping the end and its flag.
     *
     * @param newStart the new start
     * @param exclusive whether the new start is excluded from the interval
     * @return the copy
     */
    public TimeInterval withStart(Instant newStart, boolean exclusive) {
        return new TimeInterval(newStart, end, exclusive, endInclusive);
    }

    /**
     * A copy with another end and end flag, keeping the start and its flag.
     *
     * @param newEnd the new end
     * @param inclusive whether the new end is included in the interval
     * @return the copy
     */
    public TimeInterval withEnd(Instant newEnd, boolean inclusive) {
        return new TimeInterval(start, newEnd, startExclusive, inclusive);
    }

    /** Mathematical notation, e.g. {@code [2020-01-01T00:00:00Z, 2021-01-01T00:00:00Z)}. */
    @Override
    public String toString() {
        return (startExclusive ? "(" : "[") + start + ", " + end + (endInclusive ? "]" : ")");
    }
}
