package dev.skyloom.cli;

import java.io.IOException;
import java.io.Writer;

/**
 * A reusable, growing buffer of characters for one output row, with the appends the fast CSV path needs: text,
 * numbers as {@code StringBuilder} renders them, ASCII bytes, lower-case hexadecimal.
 */
final class CharRow {

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final double[] POWERS = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8};

    private final StringBuilder number = new StringBuilder(32);
    private char[] chars = new char[4096];
    private int length;

    /** {@return how many characters the row holds} */
    int length() {
        return length;
    }

    /** Cuts the row back to its first {@code length} characters. */
    void setLength(int length) {
        this.length = length;
    }

    /** {@return the character at {@code index}} */
    char charAt(int index) {
        return chars[index];
    }

    /** Makes room for {@code count} more characters. */
    void reserve(int count) {
        if (chars.length - length < count) {
            char[] grown = new char[Math.max(chars.length * 2, length + count)];
            System.arraycopy(chars, 0, grown, 0, length);
            chars = grown;
        }
    }

    CharRow append(char c) {
        reserve(1);
        chars[length++] = c;
        return this;
    }

    CharRow append(String text) {
        reserve(text.length());
        text.getChars(0, text.length(), chars, length);
        length += text.length();
        return this;
    }

    CharRow append(CharSequence text) {
        if (text instanceof String string) {
            return append(string);
        }
        int count = text.length();
        reserve(count);
        for (int i = 0; i < count; i++) {
            chars[length++] = text.charAt(i);
        }
        return this;
    }

    /**
     * Appends {@code count} ASCII bytes from {@code bytes} at {@code from} as characters, if they need no CSV quotes.
     *
     * @return false (nothing appended) if they hold a comma, quote or line break
     */
    boolean appendPlainAscii(byte[] bytes, int from, int count) {
        reserve(count);
        char[] to = chars;
        int at = length;
        boolean plain = true;
        for (int i = 0; i < count; i++) {
            byte b = bytes[from + i];
            plain &= b != ',' & b != '"' & b != '\n' & b != '\r';
            to[at + i] = (char) b;
        }
        if (plain) {
            length += count;
        }
        return plain;
    }

    CharRow append(long value) {
        number.setLength(0);
        return appendNumber(number.append(value));
    }

    /** Appends {@code value} as {@link Double#toString(double)} reads. */
    CharRow append(double value) {
        if (appendShortDecimal(value)) {
            return this;
        }
        number.setLength(0);
        return appendNumber(number.append(value));
    }

    CharRow append(float value) {
        number.setLength(0);
        return appendNumber(number.append(value));
    }

    /** Appends {@code value} as {@link WktText#number} does: shortest decimal, no exponent, no trailing ".0". */
    CharRow appendOrdinate(double value) {
        // not appendShortDecimal: footprint ordinates have 15-17 digits, where it would try every length in vain
        number.setLength(0);
        WktText.number(number, value);
        return appendNumber(number);
    }

    /** Appends the time {@code seconds} and {@code nanos} after the epoch as {@link InstantText} does. */
    CharRow appendTime(long seconds, int nanos) {
        reserve(InstantText.LONGEST);
        int end = InstantText.write(chars, length, seconds, nanos);
        if (end < 0) {
            return append(java.time.Instant.ofEpochSecond(seconds, nanos).toString());
        }
        length = end;
        return this;
    }

    /**
     * Appends {@code value} as {@link Double#toString(double)} reads if it is at least 0.001 and below 10<sup>7</sup>
     * in magnitude (where that text has no exponent) and has at most 8 fraction digits and 15 significant ones, as
     * coordinates and measurements do, without the general shortest-decimal search.
     *
     * <p>The text is the decimal m&times;10<sup>-k</sup> with the smallest k that reads back to {@code value}. Decimals
     * of at most 15 significant digits read back to distinct doubles, so no shorter decimal and no other of the same
     * length reads back to {@code value}: it is the one {@code Double.toString} chooses. The multiplication by
     * 10<sup>k</sup> is off by far less than half a unit for such values, so the rounding finds m; the division is
     * exact IEEE division of two exact numbers, the double the decimal reads as.
     *
     * @return false (nothing appended) for any other value
     */
    private boolean appendShortDecimal(double value) {
        double magnitude = Math.abs(value);
        if (!(magnitude >= 1e-3 && magnitude < 1e7)) {
            return false;
        }
        for (int k = 0; k < POWERS.length; k++) {
            double scaled = magnitude * POWERS[k];
            if (scaled >= 1e15) {
                return false;
            }
            double digits = Math.rint(scaled);
            if (digits / POWERS[k] == magnitude) {
                long all = (long) digits;
                long unit = (long) POWERS[k];
                reserve(32);
                if (value < 0) {
                    chars[length++] = '-';
                }
                length = whole(all / unit, chars, length);
                chars[length++] = '.';
                if (k == 0) {
                    chars[length++] = '0';
                } else {
                    long fraction = all % unit;
                    for (int i = length + k - 1; i >= length; i--) {
                        chars[i] = (char) ('0' + fraction % 10);
                        fraction /= 10;
                    }
                    length += k;
                }
                return true;
            }
        }
        return false;
    }

    /** Writes a non-negative whole number; returns where it ends. */
    private static int whole(long value, char[] to, int at) {
        int digits = 1;
        for (long rest = value / 10; rest > 0; rest /= 10) {
            digits++;
        }
        long rest = value;
        for (int i = at + digits - 1; i >= at; i--) {
            to[i] = (char) ('0' + rest % 10);
            rest /= 10;
        }
        return at + digits;
    }

    /** Appends {@code count} bytes from {@code bytes} at {@code from} as two lower-case hex digits each. */
    CharRow appendHex(byte[] bytes, int from, int count) {
        reserve(2 * count);
        for (int i = from; i < from + count; i++) {
            chars[length++] = HEX[bytes[i] >> 4 & 0xF];
            chars[length++] = HEX[bytes[i] & 0xF];
        }
        return this;
    }

    /**
     * Appends {@code text} as one CSV cell: as it is, or in double quotes (with its quotes doubled) if it holds a
     * comma, quote or line break.
     */
    CharRow appendCsvCell(CharSequence text) {
        int count = text.length();
        boolean quote = false;
        for (int i = 0; i < count && !quote; i++) {
            char c = text.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) {
            return append(text);
        }
        append('"');
        for (int i = 0; i < count; i++) {
            char c = text.charAt(i);
            if (c == '"') {
                append('"');
            }
            append(c);
        }
        return append('"');
    }

    /** Ends a CSV row whose every cell was followed by a comma: the last comma becomes the CRLF line end. */
    CharRow endCsvRow() {
        length--;
        return append("\r\n");
    }

    /** Appends a copy of the row's characters from {@code from} (inclusive) to {@code to} (exclusive). */
    CharRow appendCopy(int from, int to) {
        reserve(to - from);
        System.arraycopy(chars, from, chars, length, to - from);
        length += to - from;
        return this;
    }

    /** Removes the character at {@code index}. */
    void removeCharAt(int index) {
        System.arraycopy(chars, index + 1, chars, index, length - index - 1);
        length--;
    }

    /** Writes the row to {@code out}. */
    void writeTo(Writer out) throws IOException {
        out.write(chars, 0, length);
    }

    private CharRow appendNumber(StringBuilder text) {
        reserve(text.length());
        text.getChars(0, text.length(), chars, length);
        length += text.length();
        return this;
    }
}
