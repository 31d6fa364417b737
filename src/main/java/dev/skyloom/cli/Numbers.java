package dev.skyloom.cli;

import java.math.BigInteger;
import java.util.Locale;

/**
 * The one way counts are shown to people: grouped by thousands with commas ({@code 19,624}), in tables, summaries,
 * progress and messages. Machine formats (CSV, JSON) write plain numbers.
 */
final class Numbers {

    private Numbers() {
    }

    /** {@return {@code n} grouped by thousands, e.g. {@code 22,749}} */
    static String grouped(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** {@return {@code n} grouped by thousands, e.g. {@code 18,446,744,073,709,551,615}} */
    static String grouped(BigInteger n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
