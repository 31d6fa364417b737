package dev.skyloom.local.demo;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;

/** Shared naming helpers of the demo catalogue: compact timestamps, seeded and name-derived UUIDs. */
final class DemoFormats {

    private DemoFormats() {
    }

    /** {@code 20250101T000019}. */
    static String compact(long epochMillis) {
        LocalDateTime t = utc(epochMillis);
        StringBuilder text = new StringBuilder(15);
        date(text, t, "");
        text.append('T');
        pad(text, t.getHour(), 2);
        pad(text, t.getMinute(), 2);
        pad(text, t.getSecond(), 2);
        return text.toString();
    }

    /** {@code 20250101}. */
    static String date(long epochMillis) {
        return date(new StringBuilder(8), utc(epochMillis), "").toString();
    }

    /** {@code 2025/01/01}, as in archive paths. */
    static String pathDate(long epochMillis) {
        return date(new StringBuilder(10), utc(epochMillis), "/").toString();
    }

    private static LocalDateTime utc(long epochMillis) {
        return LocalDateTime.ofEpochSecond(Math.floorDiv(epochMillis, 1000L), 0, ZoneOffset.UTC);
    }

    private static StringBuilder date(StringBuilder text, LocalDateTime t, String separator) {
        pad(text, t.getYear(), 4);
        text.append(separator);
        pad(text, t.getMonthValue(), 2);
        text.append(separator);
        pad(text, t.getDayOfMonth(), 2);
        return text;
    }

    private static void pad(StringBuilder text, int value, int width) {
        for (int divisor = width == 4 ? 1000 : 10; divisor > 0; divisor /= 10) {
            text.append((char) ('0' + value / divisor % 10));
        }
    }

    /** A random (version 4) UUID drawn from {@code random}. */
    static UUID randomUuid(SplittableRandom random) {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }

    /** A stable UUID for a catalogue object that has no id from the real service. */
    static UUID nameUuid(String name) {
        return UUID.nameUUIDFromBytes(("skyloom-demo:" + name).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Creates the named collections of a dataset, each with an id derived from {@code codeName.name}.
     *
     * @return the collections' ids, in the order of {@code names}
     */
    static UUID[] collections(DemoSink sink, UUID datasetId, String codeName, List<String> names) {
        UUID[] ids = new UUID[names.size()];
        for (int c = 0; c < ids.length; c++) {
            ids[c] = nameUuid(codeName + "." + names.get(c));
            sink.collection(ids[c], datasetId, names.get(c));
        }
        return ids;
    }

    /** {@code value} in decimal, zero-padded to {@code width} digits. */
    static String digits(long value, int width) {
        String text = Long.toString(value);
        return text.length() >= width ? text : "0".repeat(width - text.length()) + text;
    }

    /** {@code value} in upper-case hexadecimal, zero-padded to {@code width} digits. */
    static String hex(long value, int width) {
        String text = Long.toHexString(value).toUpperCase(Locale.ROOT);
        return text.length() >= width ? text : "0".repeat(width - text.length()) + text;
    }
}
