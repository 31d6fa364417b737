package dev.skyloom;

/**
 * The value types a custom dataset field can have, with the Java values {@link Collection#ingest(java.util.List)}
 * accepts for them and {@link Datapoint} returns.
 */
public enum FieldType {
    /** Text ({@code string}); Java {@code String}. Queryable. */
    STRING,
    /** Raw bytes ({@code bytes}); Java {@code byte[]}. */
    BYTES,
    /** {@code bool}; Java {@code Boolean}. Queryable. */
    BOOL,
    /** Signed 64-bit integer ({@code int64}); Java {@code Long} (any integral number on ingest). Queryable. */
    INT64,
    /**
     * Unsigned 64-bit integer ({@code uint64}), 0 to 2<sup>64</sup>−1; Java {@link java.math.BigInteger} (any
     * integral number in range on ingest). Queryable.
     */
    UINT64,
    /** {@code double}; Java {@code Double} (any number on ingest). Queryable. */
    DOUBLE,
    /** A length of time ({@code google.protobuf.Duration}); Java {@link java.time.Duration}. */
    DURATION,
    /** A point in time ({@code google.protobuf.Timestamp}); Java {@link java.time.Instant}. */
    TIMESTAMP,
    /** An identifier ({@code datasets.v1.UUID}); Java {@link java.util.UUID}. */
    UUID,
    /** A shape in WGS84 longitude/latitude ({@code datasets.v1.Geometry}, WKB); a JTS geometry. */
    GEOMETRY;

    /** {@return whether fields of this type may be marked queryable (used in server-side filters)} */
    public boolean queryable() {
        return this == STRING || this == BOOL || this == INT64 || this == UINT64 || this == DOUBLE;
    }
}
