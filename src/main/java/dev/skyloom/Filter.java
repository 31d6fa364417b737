package dev.skyloom;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A condition on a dataset's custom fields, evaluated by the service (the fields must be marked queryable). Build one
 * with the typed builder or parse CQL2 text, then add it to a {@link Query} with {@link Query#withFilter(Filter)}.
 * {@snippet :
 * Filter clear = Filter.field("cloud_cover").lessThan(10).and(Filter.field("platform").eq("S2B"));
 * Filter same = Filter.parse("cloud_cover < 10 AND platform = 'S2B'");   // equal to clear
 * Filter l1c = Filter.field("processing_level").eq(Filter.enumValue("PROCESSING_LEVEL_L1C"));
 * Filter unknownCover = Filter.field("cloud_cover").isNull().or(Filter.not(clear));
 * }
 *
 * <p>Semantics are SQL's three-valued logic: a comparison with a field the datapoint leaves unset is unknown (for
 * {@code <>} too), {@code NOT} of unknown is unknown, and only datapoints for which the whole condition is true match.
 * Use {@link FilterField#isNull()} to ask for unset fields. Nested {@code AND}s (and nested {@code OR}s) are
 * flattened, so {@code a.and(b).and(c)} is one {@code And} of three operands.
 */
public sealed interface Filter permits Filter.And, Filter.Or, Filter.Not, Filter.Comparison, Filter.IsNull {

    /**
     * Starts a condition on one field.
     *
     * @param name the field name, snake_case ({@code ^[a-z][a-z0-9_]*$}, at most 100 characters)
     * @return a builder of comparisons on that field
     * @throws IllegalArgumentException if the name is not a valid field name
     */
    static FilterField field(String name) {
        return new FilterField(name);
    }

    /**
     * Parses a filter written in the CQL2-text subset the Tilebox CLI accepts: comparisons {@code = <> < <= > >=},
     * {@code AND}, {@code OR}, {@code NOT}, parentheses, {@code IS NULL}, {@code IS NOT NULL}; literals: integers
     * (int64), decimals (double), {@code 'strings'} ({@code ''} for a quote), {@code TRUE}/{@code FALSE},
     * {@code TIMESTAMP('2025-01-01T00:00:00Z')}, and enum values as bare names
     * ({@code processing_level = PROCESSING_LEVEL_L1C}). Keywords are case-insensitive.
     *
     * @param cql2 the filter text
     * @return the filter, equal to the one built with the typed builder
     * @throws IllegalArgumentException naming the column and what was expected, if the text is not such a filter
     */
    static Filter parse(String cql2) {
        return FilterParser.parse(cql2);
    }

    /**
     * Negates a condition (three-valued: the negation of unknown is unknown).
     *
     * @param operand the condition
     * @return {@code NOT operand}
     */
    static Filter not(Filter operand) {
        return new Not(operand);
    }

    /**
     * {@return an unsigned 64-bit literal for {@code uint64} fields, from the value's bits}
     *
     * @param bits the value's 64 bits, e.g. {@code Long.parseUnsignedLong("18446744073709551615")}
     */
    static FilterValue unsigned(long bits) {
        return new FilterValue.Uint64(bits);
    }

    /**
     * An unsigned 64-bit literal for {@code uint64} fields, from its value (as {@link Datapoint} returns uint64
     * values).
     *
     * @param value 0 to 2<sup>64</sup>−1
     * @return the literal
     * @throws IllegalArgumentException if the value is negative or above 2<sup>64</sup>−1
     */
    static FilterValue unsigned(BigInteger value) {
        return FilterValue.Uint64.of(value);
    }

    /**
     * An enum literal by the value's full name.
     *
     * @param name e.g. {@code PROCESSING_LEVEL_L1C}
     * @return the literal
     * @throws IllegalArgumentException if the name is not an identifier
     */
    static FilterValue enumValue(String name) {
        return new FilterValue.EnumName(name);
    }

    /**
     * Both conditions; nested ANDs are flattened.
     *
     * @param other the other condition
     * @return {@code this AND other}
     */
    default Filter and(Filter other) {
        return new And(join(this, other, And.class));
    }

    /**
     * Either condition; nested ORs are flattened.
     *
     * @param other the other condition
     * @return {@code this OR other}
     */
    default Filter or(Filter other) {
        return new Or(join(this, other, Or.class));
    }

    /**
     * All operands must be true.
     *
     * @param operands at least two conditions, none of them an {@code And} (use {@link #and(Filter)} to flatten)
     */
    record And(List<Filter> operands) implements Filter {
        /**
         * Checks the operands.
         *
         * @throws IllegalArgumentException if there are fewer than two operands
         */
        public And {
            operands = checkedOperands(operands, "AND");
        }
    }

    /**
     * At least one operand must be true.
     *
     * @param operands at least two conditions
     */
    record Or(List<Filter> operands) implements Filter {
        /**
         * Checks the operands.
         *
         * @throws IllegalArgumentException if there are fewer than two operands
         */
        public Or {
            operands = checkedOperands(operands, "OR");
        }
    }

    /**
     * The operand must be false.
     *
     * @param operand the negated condition
     */
    record Not(Filter operand) implements Filter {
        /** Checks the operand is not null. */
        public Not {
            Objects.requireNonNull(operand, "operand");
        }
    }

    /**
     * A field compared with a literal.
     *
     * @param field    the field name
     * @param operator the comparison
     * @param value    the literal
     */
    record Comparison(String field, Operator operator, FilterValue value) implements Filter {
        /**
         * Checks the field name and the operator.
         *
         * @throws IllegalArgumentException if the field name is invalid, or a boolean is ordered
         */
        public Comparison {
            FilterField.checkName(field);
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(value, "value");
            if (value instanceof FilterValue.Bool && operator != Operator.EQ && operator != Operator.NE) {
                throw new IllegalArgumentException("field '" + field + "': booleans can only be compared with = or "
                        + "<>, not " + operator.symbol());
            }
        }
    }

    /**
     * True when the field is unset.
     *
     * @param field the field name
     */
    record IsNull(String field) implements Filter {
        /**
         * Checks the field name.
         *
         * @throws IllegalArgumentException if the field name is invalid
         */
        public IsNull {
            FilterField.checkName(field);
        }
    }

    /** The comparison operators, with their CQL2 symbols. */
    enum Operator {
        /** {@code =} */
        EQ("="),
        /** {@code <>} */
        NE("<>"),
        /** {@code <} */
        LT("<"),
        /** {@code <=} */
        LE("<="),
        /** {@code >} */
        GT(">"),
        /** {@code >=} */
        GE(">=");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        /** {@return the CQL2 symbol, e.g. {@code <=}} */
        public String symbol() {
            return symbol;
        }
    }

    private static List<Filter> join(Filter left, Filter right, Class<? extends Filter> kind) {
        Objects.requireNonNull(right, "other");
        List<Filter> all = new ArrayList<>();
        for (Filter f : List.of(left, right)) {
            switch (f) {
                case And and when kind == And.class -> all.addAll(and.operands());
                case Or or when kind == Or.class -> all.addAll(or.operands());
                default -> all.add(f);
            }
        }
        return all;
    }

    private static List<Filter> checkedOperands(List<Filter> operands, String operator) {
        List<Filter> copy = List.copyOf(Objects.requireNonNull(operands, "operands"));
        if (copy.size() < 2) {
            throw new IllegalArgumentException(operator + " needs at least two operands, got " + copy.size());
        }
        return copy;
    }
}
