package dev.skyloom.local.error;

/**
 * How the server shows text a client sent inside an error message or a log line: quoted, cut to a readable length
 * with the full length said, and with control, bidi-control and lone surrogate characters escaped as Java writes them
 * in source (a backslash, {@code u} and the four hexadecimal digits of the character), so that any input makes one
 * short, unambiguous line.
 */
public final class InputText {

    /** The most characters of the input shown. */
    static final int SHOWN = 60;

    private InputText() {
    }

    /**
     * Quotes client input for a message.
     *
     * @param text the input
     * @return e.g. {@code 'S2A'}, {@code 'a\u0000b'} or {@code 'xxxx…' (600000 characters)}
     */
    public static String quoted(String text) {
        StringBuilder shown = new StringBuilder(Math.min(text.length(), SHOWN) + 24).append('\'');
        int end = Math.min(text.length(), SHOWN);
        if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (needsEscape(text, i)) {
                shown.append(String.format("\\u%04x", (int) c));
            } else {
                shown.append(c);
            }
        }
        shown.append(text.length() > SHOWN ? "…'" : "'");
        if (text.length() > SHOWN) {
            shown.append(" (").append(text.length()).append(" characters)");
        }
        return shown.toString();
    }

    /** Whether the character at {@code index} is a control, a bidi control or half of a broken surrogate pair. */
    static boolean needsEscape(String text, int index) {
        char c = text.charAt(index);
        return Character.isISOControl(c) || isBidiControl(c) || isBrokenSurrogate(text, index);
    }

    /**
     * Whether the character at {@code index} is half of a surrogate pair whose other half is missing.
     *
     * @param text  a text
     * @param index a position in it
     * @return true for a high surrogate not followed by a low one, or a low surrogate not preceded by a high one
     */
    public static boolean isBrokenSurrogate(String text, int index) {
        char c = text.charAt(index);
        if (Character.isHighSurrogate(c)) {
            return index + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(index + 1));
        }
        return Character.isLowSurrogate(c) && (index == 0 || !Character.isHighSurrogate(text.charAt(index - 1)));
    }

    /**
     * Whether {@code c} changes the direction text is displayed in (the marks and embedding, override and isolate
     * controls), so that a name with one can look like another name.
     *
     * @param c a character
     * @return true for U+061C, U+200E, U+200F, U+202A..U+202E and U+2066..U+2069
     */
    public static boolean isBidiControl(char c) {
        return c == '\u061c' || c == '\u200e' || c == '\u200f' || (c >= '\u202a' && c <= '\u202e')
                || (c >= '\u2066' && c <= '\u2069');
    }
}
