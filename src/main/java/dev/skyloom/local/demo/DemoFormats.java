package dev.skyloom.local.demo;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;

/** Shared naming helpers of the demo catalogue: compact timestamps, seeded and name-derived UUIDs. */
final class DemoFormats {

    private static final DateTimeFormatter COMPACT =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter PATH_DATE =
            DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);

    private DemoFormats() {
    }

    /** {@code 20250101T000019}. */
    static String compact(long epochMillis) {
        return COMPACT.format(Instant.ofEpochMilli(epochMillis));
    }

    /** {@code 20250101}. */
    static String date(long epochMillis) {
        return DATE.format(Instant.ofEpochMilli(epochMillis));
    }

    /** {@code 2025/01/01}, as in archive paths. */
    static String pathDate(long epochMillis) {
        return PATH_DATE.format(Instant.ofEpochMilli(epochMillis));
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
