package dev.skyloom.codec;

import com.google.protobuf.ByteString;
import org.locationtech.jts.geom.Geometry;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compares what {@link MessageReader} makes of some bytes with what protobuf's parser and {@link MessageValues} make of
 * them, down to the Java class of every value, the order of every map and the content of every byte array.
 */
final class FieldOutcomes {

    static final UUID ID = UUID.fromString("0197a491-1520-7000-8000-0000000000aa");

    private FieldOutcomes() {
    }

    /** Asserts that the reader reads {@code bytes} without declining, exactly as protobuf does. */
    static void assertReadsAsProtobuf(DatapointType type, ByteString bytes) {
        Map<String, Object> expected = type.parsed(bytes, ID);
        FieldMap actual;
        try {
            actual = type.reader().readDatapoint(bytes);
        } catch (Exception e) {
            throw new AssertionError("the reader declined bytes protobuf reads as " + expected, e);
        }
        assertThat(canonical(actual)).isEqualTo(canonical(expected));
        assertThat(actual).hasSameSizeAs(expected);
        expected.forEach((name, value) -> assertThat(actual.containsKey(name)).as(name).isTrue());
    }

    /**
     * Asserts that the type's field decoding (the reader, falling back to protobuf) ends as protobuf's alone does: the
     * same values, or an exception of the same class with the same message. If protobuf fails, the reader must have
     * failed too (not read something).
     *
     * @return whether protobuf read the bytes
     */
    static boolean assertSameOutcome(DatapointType type, ByteString bytes) {
        Object expected = outcome(() -> type.parsed(bytes, ID));
        assertThat(outcome(() -> type.fields(bytes, ID))).isEqualTo(expected);
        if (expected instanceof String failure && failure.startsWith("failed ")) {
            Object reader = outcome(() -> type.reader().readDatapoint(bytes));
            assertThat(reader).asString().as("the reader's outcome where protobuf " + failure).startsWith("failed ");
            return false;
        }
        return true;
    }

    private static Object outcome(Read read) {
        try {
            return canonical(read.fields());
        } catch (Exception e) {
            return "failed " + e.getClass().getName() + ": " + e.getMessage();
        }
    }

    /** A value's content and Java class, as nested lists: maps as lists of [key, value] pairs in their order. */
    static Object canonical(Object value) {
        return switch (value) {
            case null -> "null";
            case Map<?, ?> map -> {
                List<Object> pairs = new ArrayList<>();
                map.forEach((key, element) -> pairs.add(List.of(canonical(key), canonical(element))));
                yield List.of("map", pairs);
            }
            case List<?> list -> List.of("list", list.stream().map(FieldOutcomes::canonical).toList());
            case byte[] bytes -> "bytes " + HexFormat.of().formatHex(bytes);
            case Geometry geometry -> "geometry " + geometry.toText() + " srid " + geometry.getSRID();
            default -> value.getClass().getSimpleName() + " " + value;
        };
    }

    @FunctionalInterface
    private interface Read {
        Map<String, Object> fields() throws Exception;
    }
}
