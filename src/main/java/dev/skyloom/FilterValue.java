package dev.skyloom;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A typed literal on the right side of a field comparison in a {@link Filter}; each kind becomes one of the typed
 * values the service understands. Usually created through {@link FilterField}'s overloads ({@code eq(10)},
 * {@code lessThan(2.5)}, {@code eq("S2B")}); use {@link Filter#unsigned(BigInteger)} and
 * {@link Filter#enumValue(String)} for the kinds Java has no literal for.
 */
public sealed interface FilterValue {

    /**
     * A boolean; it may only be compared with {@code =} and {@code <>}.
     *
     * @param value the value
     */
    record Bool(boolean value) implements FilterValue {
    }

    /**
     * A signed 64-bit integer.
     *
     * @param value the value
     */
    record Int64(long value) implements FilterValue {
    }

    /**
     * An unsigned 64-bit integer, for {@code uint64} fields.
     *
     * @param bits the value's bits, read as unsigned (see {@link Long#toUnsignedString(long)})
     */
    record Uint64(long bits) implements FilterValue {
        private static final BigInteger LIMIT = BigInteger.ONE.shiftLeft(64);

        /**
         * The literal of an unsigned value.
         *
         * @param value 0 to 2<sup>64</sup>−1
         * @return the literal
         * @throws IllegalArgumentException if the value is negative or above 2<sup>64</sup>−1
         */
        public static Uint64 of(BigInteger value) {
            if (value.signum() < 0 || value.compareTo(LIMIT) >= 0) {
                throw new IllegalArgumentException("an unsigned 64-bit value must be from 0 to "
                        + LIMIT.subtract(BigInteger.ONE) + ", got " + value);
            }
            return new Uint64(value.longValue());
        }

        /** {@return the value, 0 to 2<sup>64</sup>−1} */
        public BigInteger value() {
            return new BigInteger(Long.toUnsignedString(bits));
        }

        /** {@return the value in decimal} */
        @Override
        public String toString() {
            return "Uint64[" + Long.toUnsignedString(bits) + "]";
        }
    }

    /**
     * A finite double.
     *
     * @param value the value
     */
    record Real(double value) implements FilterValue {
        /**
         * Checks the value is finite.
         *
         * @throws IllegalArgumentException if the value is NaN or infinite
         */
        public Real {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("a filter number must be finite, got " + value);
            }
        }
    }

    /**
     * A string of at most 1,024 code points.
     *
     * @param value the value
     */
    record Text(String value) implements FilterValue {
        /** The most code points a string literal may have (a limit of the service). */
        public static final int MAX_CODE_POINTS = 1024;

        /**
         * Checks the length.
         *
         * @throws IllegalArgumentException if the string is longer than {@value #MAX_CODE_POINTS} code points
         */
        public Text {
            Objects.requireNonNull(value, "value");
            int length = value.codePointCount(0, value.length());
            if (length > MAX_CODE_POINTS) {
                throw new IllegalArgumentException("a filter string may have at most " + MAX_CODE_POINTS
                        + " characters, got " + length);
            }
        }
    }

    /**
     * A point in time, for timestamp fields.
     *
     * @param value the instant
     */
    record Timestamp(Instant value) implements FilterValue {
        /** Checks the instant is not null. */
        public Timestamp {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * A length of time, for duration fields.
     *
     * @param value the duration
     */
    record Duration(java.time.Duration value) implements FilterValue {
        /** Checks the duration is not null. */
        public Duration {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * An enum value by its full name, e.g. {@code PROCESSING_LEVEL_L1C}.
     *
     * @param name the value's name as the dataset's enum declares it
     */
    record EnumName(String name) implements FilterValue {
        private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

        /**
         * Checks the name.
         *
         * @throws IllegalArgumentException if the name is not an identifier
         */
        public EnumName {
            Objects.requireNonNull(name, "name");
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("an enum value name is an identifier such as PROCESSING_LEVEL_L1C, "
                        + "got '" + name + "'");
            }
        }
    }

    /**
     * Raw bytes; the array is copied on the way in and out.
     *
     * @param value the bytes
     */
    record Bytes(byte[] value) implements FilterValue {
        /** Copies the bytes. */
        public Bytes {
            value = Objects.requireNonNull(value, "value").clone();
        }

        /** {@return a copy of the bytes} */
        @Override
        public byte[] value() {
            return value.clone();
        }

        /** Compares the bytes by content. */
        @Override
        public boolean equals(Object other) {
            return other instanceof Bytes that && Arrays.equals(value, that.value);
        }

        /** A hash of the content. */
        @Override
        public int hashCode() {
            return Arrays.hashCode(value);
        }

        /** {@return the bytes in hex} */
        @Override
        public String toString() {
            return "Bytes[" + HexFormat.of().formatHex(value) + "]";
        }
    }
}
