package dev.skyloom.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;
import org.locationtech.jts.geom.Geometry;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.UUID;

/**
 * How one datapoint field is stored in a Parquet column, chosen from the Java type of its first value (see
 * {@code Datapoint}): every column is optional, so an unset field is a null.
 */
enum ParquetKind {
    /** {@link Instant}: INT64 TIMESTAMP(NANOS, UTC); instants outside 1677-2262 do not fit. */
    TIMESTAMP,
    /** {@link UUID}: FIXED_LEN_BYTE_ARRAY(16) annotated UUID, big-endian as RFC 4122 lays it out. */
    UUID_BYTES,
    /**
     * A JTS {@link Geometry}: BINARY holding 2D ISO WKB, little-endian; {@link #write} takes the WKB bytes, which the
     * writer encodes once for the column and the {@code geo} metadata.
     */
    WKB,
    /** {@link String} (enums arrive as their names): BINARY STRING; a value of another type is written as text. */
    STRING,
    /** {@link Long}, or an {@link Integer} widened: INT64. */
    INT64,
    /** {@link BigInteger} (a uint64 value, 0 to 2<sup>64</sup>−1): INT64 annotated INTEGER(64, unsigned). */
    UINT64,
    /** {@link Integer}: INT32. */
    INT32,
    /** {@link Double}, or a {@link Float} widened: DOUBLE. */
    DOUBLE,
    /** {@link Float}: FLOAT. */
    FLOAT,
    /** {@link Boolean}: BOOLEAN. */
    BOOLEAN,
    /** {@code byte[]}: plain BINARY. */
    BYTES,
    /** Anything else (lists, maps, nested messages, durations): BINARY JSON text, as the jsonl format writes it. */
    JSON;

    /**
     * @return whether a column of this kind is worth dictionary encoding: not for kinds whose values are mostly
     *         unique (times, ids, WKB, bytes, JSON), where building the dictionary costs time and saves nothing
     */
    boolean dictionary() {
        return switch (this) {
            case TIMESTAMP, UUID_BYTES, WKB, BYTES, JSON -> false;
            default -> true;
        };
    }

    /** The first and last epoch seconds whose instants a {@link #TIMESTAMP} column holds, nanoseconds included. */
    private static final long FIRST_NANOS = -9_223_372_036L;
    private static final long LAST_NANOS = 9_223_372_035L;

    /** @return the kind for a column whose first value is {@code value} */
    static ParquetKind of(Object value) {
        return switch (value) {
            case Instant _ -> TIMESTAMP;
            case UUID _ -> UUID_BYTES;
            case Geometry _ -> WKB;
            case String _ -> STRING;
            case Long _ -> INT64;
            case BigInteger _ -> UINT64;
            case Integer _ -> INT32;
            case Double _ -> DOUBLE;
            case Float _ -> FLOAT;
            case Boolean _ -> BOOLEAN;
            case byte[] _ -> BYTES;
            default -> JSON;
        };
    }

    /** @return the optional Parquet column of this kind named {@code name} */
    Type type(String name) {
        return switch (this) {
            case TIMESTAMP -> Types.optional(PrimitiveTypeName.INT64)
                    .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.NANOS)).named(name);
            case UUID_BYTES -> Types.optional(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY).length(16)
                    .as(LogicalTypeAnnotation.uuidType()).named(name);
            case WKB, BYTES -> Types.optional(PrimitiveTypeName.BINARY).named(name);
            case STRING -> Types.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(name);
            case JSON -> Types.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.jsonType()).named(name);
            case INT64 -> Types.optional(PrimitiveTypeName.INT64).named(name);
            case UINT64 -> Types.optional(PrimitiveTypeName.INT64).as(LogicalTypeAnnotation.intType(64, false))
                    .named(name);
            case INT32 -> Types.optional(PrimitiveTypeName.INT32).named(name);
            case DOUBLE -> Types.optional(PrimitiveTypeName.DOUBLE).named(name);
            case FLOAT -> Types.optional(PrimitiveTypeName.FLOAT).named(name);
            case BOOLEAN -> Types.optional(PrimitiveTypeName.BOOLEAN).named(name);
        };
    }

    /** @return whether a column of this kind can hold {@code value} (never null) */
    boolean accepts(Object value) {
        return switch (this) {
            case STRING, JSON -> true;
            case TIMESTAMP -> value instanceof Instant instant && holdsNanos(instant.getEpochSecond());
            case INT64 -> value instanceof Long || value instanceof Integer;
            case UINT64 -> value instanceof BigInteger big && big.signum() >= 0 && big.bitLength() <= 64;
            case DOUBLE -> value instanceof Double || value instanceof Float;
            // as of(value) == this, without its type switch in the way of every value
            case UUID_BYTES -> value instanceof UUID;
            case WKB -> value instanceof Geometry;
            case INT32 -> value instanceof Integer;
            case FLOAT -> value instanceof Float;
            case BOOLEAN -> value instanceof Boolean;
            case BYTES -> value instanceof byte[];
        };
    }

    /**
     * @param epochSecond an instant's epoch second (any nanoseconds)
     * @return whether a {@link #TIMESTAMP} column holds the instant: nanoseconds since the epoch fit a long from
     *         1677-09-21T00:12:44Z to 2262-04-11T23:47:15.999999999Z
     */
    static boolean holdsNanos(long epochSecond) {
        return epochSecond >= FIRST_NANOS && epochSecond <= LAST_NANOS;
    }

    /**
     * Adds {@code value}, which this kind {@linkplain #accepts accepts}, to the current field of {@code out}; for
     * {@link #WKB}, its WKB bytes.
     */
    void write(RecordConsumer out, Object value) {
        switch (this) {
            case TIMESTAMP -> {
                Instant instant = (Instant) value;
                out.addLong(instant.getEpochSecond() * 1_000_000_000L + instant.getNano());
            }
            case UUID_BYTES -> {
                UUID uuid = (UUID) value;
                ByteBuffer bytes = ByteBuffer.allocate(16)
                        .putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
                out.addBinary(Binary.fromConstantByteArray(bytes.array()));
            }
            case WKB, BYTES -> out.addBinary(Binary.fromConstantByteArray((byte[]) value));
            case STRING -> out.addBinary(Binary.fromString(CellText.of(value)));
            case JSON -> out.addBinary(Binary.fromString(json(value)));
            case INT64 -> out.addLong(((Number) value).longValue());
            case UINT64 -> out.addLong(((BigInteger) value).longValue());
            case INT32 -> out.addInteger((Integer) value);
            case DOUBLE -> out.addDouble(((Number) value).doubleValue());
            case FLOAT -> out.addFloat((Float) value);
            case BOOLEAN -> out.addBoolean((Boolean) value);
        }
    }

    private static String json(Object value) {
        try {
            return FieldJson.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render a field value as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
