package dev.skyloom;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;

/**
 * A recursive-descent parser for the CQL2-text subset of {@link Filter#parse(String)}. Precedence, loosest first:
 * {@code OR}, {@code AND}, {@code NOT}, then comparisons, null checks and parentheses. Errors name the 1-based column
 * and what was expected there. Parentheses and {@code NOT}s may nest at most {@value #MAX_NESTING} deep, so that no
 * text, however built, can exhaust the parser's stack.
 */
final class FilterParser {

    private static final BigInteger MIN_LONG = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger MAX_LONG = BigInteger.valueOf(Long.MAX_VALUE);
    private static final BigInteger MAX_UNSIGNED = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    /** How deep parentheses and NOTs may nest, together; the service accepts filters 8 levels deep. */
    static final int MAX_NESTING = 64;

    private final String text;
    private int pos;
    private int nesting;

    private FilterParser(String text) {
        this.text = text;
    }

    static Filter parse(String cql2) {
        FilterParser parser = new FilterParser(Objects.requireNonNull(cql2, "cql2"));
        parser.skipSpace();
        if (parser.atEnd()) {
            throw new IllegalArgumentException("empty filter: expected a condition such as cloud_cover < 10");
        }
        Filter filter = parser.or();
        parser.skipSpace();
        if (!parser.atEnd()) {
            throw parser.error("AND, OR or the end of the filter");
        }
        return filter;
    }

    private Filter or() {
        Filter left = and();
        while (keyword("OR")) {
            left = left.or(and());
        }
        return left;
    }

    private Filter and() {
        Filter left = not();
        while (keyword("AND")) {
            left = left.and(not());
        }
        return left;
    }

    private Filter not() {
        int start = skipSpace();
        if (!keyword("NOT")) {
            return primary();
        }
        enter(start);
        Filter negated = Filter.not(not());
        nesting--;
        return negated;
    }

    private void enter(int at) {
        if (++nesting > MAX_NESTING) {
            throw new IllegalArgumentException("column " + (at + 1) + ": the filter nests parentheses and NOT more"
                    + " than " + MAX_NESTING + " deep; simplify it");
        }
    }

    private Filter primary() {
        skipSpace();
        if (peek('(')) {
            enter(pos);
            pos++;
            Filter inner = or();
            nesting--;
            skipSpace();
            if (!peek(')')) {
                throw error("')' to close the '(' ");
            }
            pos++;
            return inner;
        }
        int start = pos;
        String name = identifier();
        if (name == null || name.equalsIgnoreCase("AND") || name.equalsIgnoreCase("OR")) {
            pos = start;
            throw error("a field name, NOT or '('");
        }
        String field;
        try {
            field = FilterField.checkName(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("column " + (start + 1) + ": " + e.getMessage(), e);
        }
        if (keyword("IS")) {
            boolean negated = keyword("NOT");
            if (!keyword("NULL")) {
                throw error("NULL after IS" + (negated ? " NOT" : ""));
            }
            Filter isNull = new Filter.IsNull(field);
            return negated ? Filter.not(isNull) : isNull;
        }
        Filter.Operator operator = operator(field);
        int valueStart = skipSpace();
        FilterValue value = literal();
        try {
            return new Filter.Comparison(field, operator, value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("column " + (valueStart + 1) + ": " + e.getMessage(), e);
        }
    }

    private Filter.Operator operator(String field) {
        skipSpace();
        for (String symbol : new String[] {"<=", ">=", "<>", "=", "<", ">"}) {
            if (text.startsWith(symbol, pos)) {
                pos += symbol.length();
                for (Filter.Operator op : Filter.Operator.values()) {
                    if (op.symbol().equals(symbol)) {
                        return op;
                    }
                }
            }
        }
        if (text.startsWith("!=", pos)) {
            throw error("a comparison operator (write <> for not equal)");
        }
        throw error("a comparison operator (=, <>, <, <=, >, >=) or IS after '" + field + "'");
    }

    private FilterValue literal() {
        if (atEnd()) {
            throw error("a value (a number, 'string', TRUE, FALSE, TIMESTAMP('...') or an enum name)");
        }
        char c = text.charAt(pos);
        if (c == '\'') {
            return new FilterValue.Text(quoted());
        }
        if (c == '-' || c == '+' || c == '.' || Character.isDigit(c)) {
            return number();
        }
        int start = pos;
        String word = identifier();
        if (word == null) {
            throw error("a value (a number, 'string', TRUE, FALSE, TIMESTAMP('...') or an enum name)");
        }
        switch (word.toUpperCase(Locale.ROOT)) {
            case "TRUE" -> {
                return new FilterValue.Bool(true);
            }
            case "FALSE" -> {
                return new FilterValue.Bool(false);
            }
            case "NULL" -> throw new IllegalArgumentException("column " + (start + 1)
                    + ": NULL cannot be compared; write IS NULL or IS NOT NULL");
            case "TIMESTAMP" -> {
                return timestamp();
            }
            default -> {
                return new FilterValue.EnumName(word);
            }
        }
    }

    private FilterValue timestamp() {
        skipSpace();
        if (!peek('(')) {
            throw error("'(' after TIMESTAMP");
        }
        pos++;
        skipSpace();
        if (!peek('\'')) {
            throw error("a quoted time after TIMESTAMP(, e.g. TIMESTAMP('2025-01-01T00:00:00Z')");
        }
        int start = pos;
        String time = quoted();
        skipSpace();
        if (!peek(')')) {
            throw error("')' to close TIMESTAMP(");
        }
        pos++;
        try {
            return new FilterValue.Timestamp(Instant.parse(time));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("column " + (start + 1) + ": '" + time + "' is not a UTC time such as "
                    + "2025-01-01T00:00:00Z", e);
        }
    }

    private FilterValue number() {
        int start = pos;
        if (peek('-') || peek('+')) {
            pos++;
        }
        while (!atEnd() && (Character.isLetterOrDigit(text.charAt(pos)) || peek('.')
                || (peek('-') || peek('+')) && Character.toLowerCase(text.charAt(pos - 1)) == 'e')) {
            pos++;
        }
        String token = text.substring(start, pos);
        try {
            if (token.matches("[-+]?\\d+")) {
                BigInteger value = token.length() > 40 ? MAX_UNSIGNED.add(BigInteger.ONE) : new BigInteger(token);
                if (value.compareTo(MIN_LONG) < 0 || value.compareTo(MAX_UNSIGNED) > 0) {
                    throw new IllegalArgumentException("column " + (start + 1) + ": " + shortened(token)
                            + " does not fit a 64-bit integer (" + MIN_LONG + " to " + MAX_UNSIGNED + ")");
                }
                // above the signed range only a uint64 field can hold it: send it as an unsigned literal
                return value.compareTo(MAX_LONG) > 0 ? FilterValue.Uint64.of(value)
                        : new FilterValue.Int64(value.longValueExact());
            }
            if (token.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) {
                return new FilterValue.Real(new BigDecimal(token).doubleValue());
            }
        } catch (NumberFormatException e) {
            // falls through to the error below
        }
        pos = start;
        throw error("a number");
    }

    private String quoted() {
        int start = pos;
        pos++;
        StringBuilder value = new StringBuilder();
        while (!atEnd()) {
            char c = text.charAt(pos++);
            if (c == '\'') {
                if (peek('\'')) {
                    value.append('\'');
                    pos++;
                } else {
                    return value.toString();
                }
            } else {
                value.append(c);
            }
        }
        throw new IllegalArgumentException("column " + (start + 1) + ": the string starting here has no closing '");
    }

    private String identifier() {
        skipSpace();
        int start = pos;
        while (!atEnd() && (Character.isLetterOrDigit(text.charAt(pos)) || peek('_'))) {
            pos++;
        }
        if (start == pos || Character.isDigit(text.charAt(start))) {
            pos = start;
            return null;
        }
        return text.substring(start, pos);
    }

    private boolean keyword(String word) {
        int start = skipSpace();
        String found = identifier();
        if (found != null && found.equalsIgnoreCase(word)) {
            return true;
        }
        pos = start;
        return false;
    }

    private int skipSpace() {
        while (!atEnd() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
        return pos;
    }

    private boolean peek(char c) {
        return !atEnd() && text.charAt(pos) == c;
    }

    private boolean atEnd() {
        return pos >= text.length();
    }

    private static String shortened(String token) {
        return token.length() <= 30 ? token : token.substring(0, 20) + "… (" + token.length() + " digits)";
    }

    private IllegalArgumentException error(String expected) {
        skipSpace();
        String found = atEnd() ? "the end of the filter" : "'" + text.substring(pos, Math.min(text.length(), pos + 12))
                + "'";
        return new IllegalArgumentException("column " + (pos + 1) + ": expected " + expected + ", found " + found
                + " in: " + text);
    }
}
