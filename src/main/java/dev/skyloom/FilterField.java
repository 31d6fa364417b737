package dev.skyloom;

import dev.skyloom.Filter.Comparison;
import dev.skyloom.Filter.Operator;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Builds conditions on one field; obtained from {@link Filter#field(String)}. Each method returns a {@link Filter}.
 * The overloads choose the literal's kind: {@code long} (and {@code int}) → int64, {@code double} → double,
 * {@code String} → string, {@link Instant} → timestamp, {@link Duration} → duration, {@code byte[]} → bytes,
 * {@code boolean} → bool (only {@link #eq(boolean)} and {@link #ne(boolean)}); pass a {@link FilterValue} for
 * uint64 ({@link Filter#unsigned(BigInteger)}) and enums ({@link Filter#enumValue(String)}).
 * {@snippet :
 * Filter f = Filter.field("cloud_cover").between(0, 20);   // cloud_cover >= 0 AND cloud_cover <= 20
 * }
 * The methods taking a {@code double} throw {@link IllegalArgumentException} if it is not finite, those taking a
 * {@code String} if it is longer than 1,024 characters.
 */
public final class FilterField {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");
    private static final int MAX_NAME_LENGTH = 100;

    private final String name;

    FilterField(String name) {
        this.name = checkName(name);
    }

    /** {@return the field name} */
    public String name() {
        return name;
    }

    /**
     * {@return {@code field = value}}
     *
     * @param value the literal
     */
    public Filter eq(FilterValue value) {
        return compare(Operator.EQ, value);
    }

    /**
     * {@return {@code field = value}}
     *
     * @param value the literal, a bool
     */
    public Filter eq(boolean value) {
        return eq(new FilterValue.Bool(value));
    }

    /**
     * {@return {@code field = value}}
     *
     * @param value the literal, an int64
     */
    public Filter eq(long value) {
        return eq(new FilterValue.Int64(value));
    }

    /**
     * {@return {@code field = value}}
     *
     * @param value the literal, a double
     * @throws IllegalArgumentException if it is not finite
     */
    public Filter eq(double value) {
        return eq(new FilterValue.Real(value));
    }

    /**
     * {@return {@code field = value}}
     *
     * @param value the literal, a string
     * @throws IllegalArgumentException if it is longer than 1,024 characters
     */
    public Filter eq(String value) {
        return eq(new FilterValue.Text(value));
    }

    /**
     * {@return {@code field = value}}
     *
     * @param value the literal, a timestamp
     */
    public Filter eq(Instant value) {
        return eq(new FilterValue.Timestamp(value));
    }

    /**
     * {@return {@code field = value}}
     *
     * @param value the literal, a duration
     */
    public Filter eq(Duration value) {
        return eq(new FilterValue.Duration(value));
    }

    /**
     * {@return {@code field = value}}
     *
     * @param value the literal, bytes
     */
    public Filter eq(byte[] value) {
        return eq(new FilterValue.Bytes(value));
    }

    /**
     * {@return {@code field <> value}} (unknown, so not matching, when the field is unset)
     *
     * @param value the literal
     */
    public Filter ne(FilterValue value) {
        return compare(Operator.NE, value);
    }

    /**
     * {@return {@code field <> value}}
     *
     * @param value the literal, a bool
     */
    public Filter ne(boolean value) {
        return ne(new FilterValue.Bool(value));
    }

    /**
     * {@return {@code field <> value}}
     *
     * @param value the literal, an int64
     */
    public Filter ne(long value) {
        return ne(new FilterValue.Int64(value));
    }

    /**
     * {@return {@code field <> value}}
     *
     * @param value the literal, a double
     * @throws IllegalArgumentException if it is not finite
     */
    public Filter ne(double value) {
        return ne(new FilterValue.Real(value));
    }

    /**
     * {@return {@code field <> value}}
     *
     * @param value the literal, a string
     * @throws IllegalArgumentException if it is longer than 1,024 characters
     */
    public Filter ne(String value) {
        return ne(new FilterValue.Text(value));
    }

    /**
     * {@return {@code field < value}}
     *
     * @param value the literal
     * @throws IllegalArgumentException if it is a bool (bools are not ordered)
     */
    public Filter lessThan(FilterValue value) {
        return compare(Operator.LT, value);
    }

    /**
     * {@return {@code field < value}}
     *
     * @param value the literal, an int64
     */
    public Filter lessThan(long value) {
        return lessThan(new FilterValue.Int64(value));
    }

    /**
     * {@return {@code field < value}}
     *
     * @param value the literal, a double
     * @throws IllegalArgumentException if it is not finite
     */
    public Filter lessThan(double value) {
        return lessThan(new FilterValue.Real(value));
    }

    /**
     * {@return {@code field < value}}
     *
     * @param value the literal, a string
     * @throws IllegalArgumentException if it is longer than 1,024 characters
     */
    public Filter lessThan(String value) {
        return lessThan(new FilterValue.Text(value));
    }

    /**
     * {@return {@code field < value}}
     *
     * @param value the literal, a timestamp
     */
    public Filter lessThan(Instant value) {
        return lessThan(new FilterValue.Timestamp(value));
    }

    /**
     * {@return {@code field <= value}}
     *
     * @param value the literal
     * @throws IllegalArgumentException if it is a bool (bools are not ordered)
     */
    public Filter atMost(FilterValue value) {
        return compare(Operator.LE, value);
    }

    /**
     * {@return {@code field <= value}}
     *
     * @param value the literal, an int64
     */
    public Filter atMost(long value) {
        return atMost(new FilterValue.Int64(value));
    }

    /**
     * {@return {@code field <= value}}
     *
     * @param value the literal, a double
     * @throws IllegalArgumentException if it is not finite
     */
    public Filter atMost(double value) {
        return atMost(new FilterValue.Real(value));
    }

    /**
     * {@return {@code field > value}}
     *
     * @param value the literal
     * @throws IllegalArgumentException if it is a bool (bools are not ordered)
     */
    public Filter greaterThan(FilterValue value) {
        return compare(Operator.GT, value);
    }

    /**
     * {@return {@code field > value}}
     *
     * @param value the literal, an int64
     */
    public Filter greaterThan(long value) {
        return greaterThan(new FilterValue.Int64(value));
    }

    /**
     * {@return {@code field > value}}
     *
     * @param value the literal, a double
     * @throws IllegalArgumentException if it is not finite
     */
    public Filter greaterThan(double value) {
        return greaterThan(new FilterValue.Real(value));
    }

    /**
     * {@return {@code field > value}}
     *
     * @param value the literal, a timestamp
     */
    public Filter greaterThan(Instant value) {
        return greaterThan(new FilterValue.Timestamp(value));
    }

    /**
     * {@return {@code field >= value}}
     *
     * @param value the literal
     * @throws IllegalArgumentException if it is a bool (bools are not ordered)
     */
    public Filter atLeast(FilterValue value) {
        return compare(Operator.GE, value);
    }

    /**
     * {@return {@code field >= value}}
     *
     * @param value the literal, an int64
     */
    public Filter atLeast(long value) {
        return atLeast(new FilterValue.Int64(value));
    }

    /**
     * {@return {@code field >= value}}
     *
     * @param value the literal, a double
     * @throws IllegalArgumentException if it is not finite
     */
    public Filter atLeast(double value) {
        return atLeast(new FilterValue.Real(value));
    }

    /**
     * {@return {@code field >= low AND field <= high}}
     *
     * @param low  the lowest value that matches
     * @param high the highest value that matches
     * @throws IllegalArgumentException if either is not finite
     */
    public Filter between(double low, double high) {
        return atLeast(low).and(atMost(high));
    }

    /** {@return a condition true when the datapoint leaves the field unset} */
    public Filter isNull() {
        return new Filter.IsNull(name);
    }

    /** {@return a condition true when the datapoint sets the field: {@code NOT (field IS NULL)}} */
    public Filter isNotNull() {
        return Filter.not(isNull());
    }

    /**
     * Any comparison.
     *
     * @param operator the comparison
     * @param value    the literal
     * @return {@code field <operator> value}
     * @throws IllegalArgumentException if a boolean literal is ordered
     */
    public Filter compare(Operator operator, FilterValue value) {
        return new Comparison(name, operator, value);
    }

    static String checkName(String field) {
        Objects.requireNonNull(field, "field");
        if (field.length() > MAX_NAME_LENGTH || !NAME.matcher(field).matches()) {
            throw new IllegalArgumentException("'" + field + "' is not a field name: use snake_case such as "
                    + "cloud_cover (a lower-case letter, then lower-case letters, digits or _, at most "
                    + MAX_NAME_LENGTH + ")");
        }
        return field;
    }

    /** {@return e.g. {@code FilterField[cloud_cover]}} */
    @Override
    public String toString() {
        return "FilterField[" + name + "]";
    }
}
