package dev.skyloom;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import dev.skyloom.codec.Wkb;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Converts one Java value into the protobuf value of a datapoint field: {@link Instant} (or an offset/zoned date-time,
 * a {@link Date}, an ISO-8601 string) for Timestamp; {@link Duration} (or ISO-8601 text) for Duration; {@link UUID}
 * (or its text) for UUID fields; a JTS {@link Geometry} (sent as EWKB), WKB bytes or WKT text for Geometry; an enum's
 * value name (full, or without the enum's prefix), a Java enum constant or the number; numbers (integral for integer
 * fields, range-checked: 0 to 2<sup>64</sup>−1 for uint64 and 0 to 2<sup>32</sup>−1 for uint32, so the values
 * {@link Datapoint} returns fit and a negative number does not) or their text; a {@code Map} for other message types;
 * a {@code Collection} or array for repeated fields.
 */
final class FieldValueEncoder {

    private static final BigInteger MAX_UNSIGNED = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    private static final BigInteger MAX_UNSIGNED_32 = BigInteger.ONE.shiftLeft(32).subtract(BigInteger.ONE);
    /** Longer integer text cannot be in range (2^64 has 20 digits); parsing it is not worth the time. */
    private static final int MAX_INTEGER_TEXT = 40;

    private FieldValueEncoder() {
    }

    /**
     * @throws IllegalArgumentException saying what the field expects and what it got
     */
    static Object value(FieldDescriptor field, Object value) {
        if (!field.isRepeated()) {
            return single(field, value);
        }
        List<Object> values = new ArrayList<>();
        switch (value) {
            case Collection<?> collection -> collection.forEach(element -> values.add(element(field, element)));
            case Object[] array -> {
                for (Object element : array) {
                    values.add(element(field, element));
                }
            }
            default -> throw mismatch("a list", value);
        }
        return values;
    }

    private static Object element(FieldDescriptor field, Object element) {
        if (element == null) {
            throw new IllegalArgumentException("a list may not hold null");
        }
        return single(field, element);
    }

    private static Object single(FieldDescriptor field, Object value) {
        return switch (field.getJavaType()) {
            case STRING -> value instanceof CharSequence text ? text.toString() : fail("text", value);
            case BOOLEAN -> bool(value);
            case INT -> unsigned(field) ? (int) integer(value, BigInteger.ZERO, MAX_UNSIGNED_32, true)
                    : (int) integer(value, BigInteger.valueOf(Integer.MIN_VALUE),
                            BigInteger.valueOf(Integer.MAX_VALUE), false);
            case LONG -> unsigned(field) ? integer(value, BigInteger.ZERO, MAX_UNSIGNED, true)
                    : integer(value, BigInteger.valueOf(Long.MIN_VALUE), BigInteger.valueOf(Long.MAX_VALUE), false);
            case DOUBLE -> real(value);
            case FLOAT -> (float) real(value);
            case BYTE_STRING -> switch (value) {
                case byte[] bytes -> ByteString.copyFrom(bytes);
                case ByteString bytes -> bytes;
                default -> fail("bytes", value);
            };
            case ENUM -> enumValue(field.getEnumType(), value);
            case MESSAGE -> message(field.getMessageType(), value);
        };
    }

    private static boolean unsigned(FieldDescriptor field) {
        return switch (field.getType()) {
            case UINT32, FIXED32, UINT64, FIXED64 -> true;
            default -> false;
        };
    }

    private static boolean bool(Object value) {
        return switch (value) {
            case Boolean b -> b;
            case String s when s.equalsIgnoreCase("true") -> true;
            case String s when s.equalsIgnoreCase("false") -> false;
            default -> fail("true or false", value);
        };
    }

    private static long integer(Object value, BigInteger min, BigInteger max, boolean unsigned) {
        BigInteger number;
        try {
            number = switch (value) {
                case Long l -> BigInteger.valueOf(l);
                case Integer i -> BigInteger.valueOf(i);
                case Short s -> BigInteger.valueOf(s);
                case Byte b -> BigInteger.valueOf(b);
                case BigInteger big -> big;
                case Number n -> new BigDecimal(n.toString()).toBigIntegerExact();
                case String s when s.strip().length() > MAX_INTEGER_TEXT -> fail("an integer of at most "
                        + MAX_INTEGER_TEXT + " characters", value);
                case String s -> new BigInteger(s.strip());
                default -> fail("an integer", value);
            };
        } catch (NumberFormatException | ArithmeticException e) {
            throw mismatch("an integer", value);
        }
        if (number.compareTo(min) < 0 || number.compareTo(max) > 0) {
            String shown = number.bitLength() > 128 ? "a number of " + number.toString().length() + " digits"
                    : number.toString();
            throw new IllegalArgumentException(shown + " is out of range " + min + ".." + max);
        }
        return unsigned ? number.longValue() : number.longValueExact();
    }

    private static double real(Object value) {
        try {
            return switch (value) {
                case Number n -> n.doubleValue();
                case String s -> Double.parseDouble(s.strip());
                default -> fail("a number", value);
            };
        } catch (NumberFormatException e) {
            throw mismatch("a number", value);
        }
    }

    private static EnumValueDescriptor enumValue(EnumDescriptor type, Object value) {
        String name = switch (value) {
            case Enum<?> constant -> constant.name();
            case String s -> s.strip();
            case Integer number -> {
                yield type.findValueByNumberCreatingIfUnknown(number).getName();
            }
            default -> fail("a value of " + type.getFullName(), value);
        };
        EnumValueDescriptor found = type.findValueByName(name);
        if (found == null) {
            String prefix = prefix(type);
            found = type.findValueByName(prefix + name);
        }
        if (found == null) {
            throw new IllegalArgumentException("'" + name + "' is not a value of " + type.getFullName() + " ("
                    + String.join(", ", type.getValues().stream().map(EnumValueDescriptor::getName).toList()) + ")");
        }
        return found;
    }

    /** The prefix shared by an enum's value names, e.g. {@code PROCESSING_LEVEL_}. */
    private static String prefix(EnumDescriptor type) {
        String first = type.getValues().getFirst().getName();
        int end = first.lastIndexOf('_') + 1;
        String prefix = first.substring(0, end);
        return type.getValues().stream().allMatch(v -> v.getName().startsWith(prefix)) ? prefix : "";
    }

    private static DynamicMessage message(Descriptor type, Object value) {
        DynamicMessage.Builder message = DynamicMessage.newBuilder(type);
        switch (type.getFullName()) {
            case "google.protobuf.Timestamp" -> {
                Instant instant = instant(value);
                message.setField(type.findFieldByName("seconds"), instant.getEpochSecond())
                        .setField(type.findFieldByName("nanos"), instant.getNano());
            }
            case "google.protobuf.Duration" -> {
                Duration duration = duration(value);
                message.setField(type.findFieldByName("seconds"), duration.getSeconds())
                        .setField(type.findFieldByName("nanos"), duration.getNano());
            }
            case "datasets.v1.UUID", "tilebox.v1.ID" -> {
                UUID uuid = uuid(value);
                byte[] bytes = ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                        .putLong(uuid.getLeastSignificantBits()).array();
                message.setField(type.findFieldByName("uuid"), ByteString.copyFrom(bytes));
            }
            case "datasets.v1.Geometry" -> message.setField(type.findFieldByName("wkb"), ByteString.copyFrom(wkb(value)));
            default -> {
                if (!(value instanceof Map<?, ?> map)) {
                    throw mismatch("a map of the fields of " + type.getFullName(), value);
                }
                map.forEach((key, element) -> {
                    FieldDescriptor field = type.findFieldByName(String.valueOf(key));
                    if (field == null) {
                        throw new IllegalArgumentException(type.getFullName() + " has no field '" + key + "'");
                    }
                    if (element != null) {
                        message.setField(field, value(field, element));
                    }
                });
            }
        }
        return message.build();
    }

    private static Instant instant(Object value) {
        try {
            return switch (value) {
                case Instant i -> i;
                case OffsetDateTime t -> t.toInstant();
                case ZonedDateTime t -> t.toInstant();
                case Date d -> d.toInstant();
                case String s -> OffsetDateTime.parse(s.strip()).toInstant();
                default -> fail("an Instant", value);
            };
        } catch (DateTimeParseException e) {
            throw mismatch("an ISO-8601 time with offset (e.g. 2025-01-01T00:00:00Z)", value);
        }
    }

    private static Duration duration(Object value) {
        try {
            return switch (value) {
                case Duration d -> d;
                case String s -> Duration.parse(s.strip());
                default -> fail("a Duration", value);
            };
        } catch (DateTimeParseException e) {
            throw mismatch("an ISO-8601 duration such as PT1H30M", value);
        }
    }

    private static UUID uuid(Object value) {
        try {
            return switch (value) {
                case UUID u -> u;
                case String s -> UUID.fromString(s.strip());
                default -> fail("a UUID", value);
            };
        } catch (IllegalArgumentException e) {
            throw mismatch("a UUID", value);
        }
    }

    private static byte[] wkb(Object value) {
        return switch (value) {
            case Geometry g -> Wkb.writeEwkb(g);
            case byte[] bytes -> {
                Wkb.read(bytes);
                yield bytes;
            }
            case String wkt -> {
                try {
                    yield Wkb.writeEwkb(new WKTReader().read(wkt));
                } catch (ParseException e) {
                    throw mismatch("a geometry as WKT (e.g. POINT (13.4 52.5))", value);
                }
            }
            default -> fail("a JTS Geometry", value);
        };
    }

    private static <T> T fail(String expected, Object value) {
        throw mismatch(expected, value);
    }

    private static IllegalArgumentException mismatch(String expected, Object value) {
        String shown = String.valueOf(value);
        return new IllegalArgumentException("expected " + expected + ", got " + kind(value) + " '"
                + (shown.length() > 60 ? shown.substring(0, 60) + "…" : shown) + "'");
    }

    /**
     * The kind of {@code value} in words, as whoever wrote a CSV, JSON or GeoJSON file thinks of it ({@code text},
     * {@code a whole number}, {@code a list}, ...); only a value of a type no file gives (a Java caller's own class)
     * is named by its type.
     */
    private static String kind(Object value) {
        return switch (value) {
            case CharSequence _ -> "text";
            case Boolean _ -> "true or false";
            case Byte _, Short _, Integer _, Long _, BigInteger _ -> "a whole number";
            case Number _ -> "a number";
            case Collection<?> _ -> "a list";
            case Map<?, ?> _ -> "an object";
            case byte[] _, ByteString _, ByteBuffer _ -> "bytes";
            case Geometry _ -> "a geometry";
            case Instant _, OffsetDateTime _, ZonedDateTime _, Date _ -> "a time";
            case Duration _ -> "a duration";
            case UUID _ -> "a UUID";
            case Enum<?> _ -> "an enum constant";
            default -> value.getClass().isArray() ? "a list" : "a " + value.getClass().getSimpleName();
        };
    }
}
