package dev.skyloom.local.store;

import dev.skyloom.local.error.InputText;
import dev.skyloom.local.error.RpcException;

/**
 * The rules for the names and texts clients give the catalogue, checked before anything is looked up or stored; a
 * name that breaks one is refused with invalid_argument naming the rule. Lengths are counted in characters (code
 * points) and checked first, so that checking any input takes time proportional to at most the limit.
 *
 * <p>A name (a collection's, a dataset's display name) has 1 to {@value #MAX_NAME} characters (the service's limit
 * for dataset names, applied to collections too), no control characters (NUL, tab, line breaks, ...), no bidi
 * controls (they make one name display as another), no broken surrogate pairs, and no space at either end. Code
 * names and slugs follow the service's patterns ({@code ^[a-z][a-z0-9_]*$}; dot-separated
 * {@code [a-zA-Z0-9_]+}). Summaries and descriptions keep the service's lengths and may hold tabs and line breaks,
 * but no other control characters.
 */
public final class Names {

    /** The most characters of a name. */
    public static final int MAX_NAME = 100;
    /** The most characters of a slug: a chain of code names. */
    public static final int MAX_SLUG = 1000;
    /** The most characters of a dataset summary. */
    public static final int MAX_SUMMARY = 50_000;
    /** The most characters of a dataset description. */
    public static final int MAX_DESCRIPTION = 1_000_000;

    private Names() {
    }

    /**
     * Checks a name, e.g. of a collection.
     *
     * @param what what the name names, for the message, e.g. {@code "collection name"}
     * @param name the name
     * @return the name
     * @throws RpcException invalid_argument saying which rule the name breaks
     */
    public static String name(String what, String name) {
        if (name.isEmpty()) {
            throw RpcException.invalidArgument(what + " is required");
        }
        requireLength(what, name, MAX_NAME);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isISOControl(c) || InputText.isBidiControl(c)
                    || InputText.isBrokenSurrogate(name, i)) {
                throw RpcException.invalidArgument(what + " " + InputText.quoted(name) + " holds character "
                        + String.format("U+%04X", (int) c) + " at position " + (i + 1) + ": names may not hold "
                        + "control characters, bidi controls or broken surrogate pairs");
            }
        }
        if (isSpace(name.codePointAt(0)) || isSpace(name.codePointBefore(name.length()))) {
            throw RpcException.invalidArgument(what + " " + InputText.quoted(name) + " starts or ends with a space");
        }
        return name;
    }

    /**
     * Checks a code name: 1 to {@value #MAX_NAME} characters matching {@code ^[a-z][a-z0-9_]*$}.
     *
     * @param what what it names, for the message, e.g. {@code "code name"}
     * @param codeName the code name
     * @return the code name
     * @throws RpcException invalid_argument if it breaks the rule
     */
    public static String codeName(String what, String codeName) {
        boolean valid = !codeName.isEmpty() && codeName.length() <= MAX_NAME && isLower(codeName.charAt(0));
        for (int i = 1; valid && i < codeName.length(); i++) {
            char c = codeName.charAt(i);
            valid = isLower(c) || isDigit(c) || c == '_';
        }
        if (!valid) {
            throw RpcException.invalidArgument("invalid " + what + " " + InputText.quoted(codeName) + ": use 1 to "
                    + MAX_NAME + " lower-case letters, digits and underscores, starting with a letter");
        }
        return codeName;
    }

    /**
     * Checks a dataset slug: at most {@value #MAX_SLUG} characters, code names of letters, digits and underscores
     * joined by single dots ({@code ^[a-zA-Z0-9_]+(?:\.[a-zA-Z0-9_]+)*$}), checked in one pass.
     *
     * @param slug the slug
     * @return the slug
     * @throws RpcException invalid_argument if it breaks the rule
     */
    public static String slug(String slug) {
        boolean valid = !slug.isEmpty() && slug.length() <= MAX_SLUG;
        boolean partStart = true;
        for (int i = 0; valid && i < slug.length(); i++) {
            char c = slug.charAt(i);
            if (c == '.') {
                valid = !partStart;
                partStart = true;
            } else {
                valid = isLower(c) || (c >= 'A' && c <= 'Z') || isDigit(c) || c == '_';
                partStart = false;
            }
        }
        if (!valid || partStart) {
            throw RpcException.invalidArgument("invalid dataset slug " + InputText.quoted(slug) + ": use code names"
                    + " of letters, digits and underscores joined by dots, at most " + MAX_SLUG + " characters");
        }
        return slug;
    }

    /**
     * Checks a free text such as a summary: at most {@code max} characters, tabs and line breaks allowed but no other
     * control characters.
     *
     * @param what what the text is, for the message
     * @param text the text
     * @param max  the most characters
     * @return the text
     * @throws RpcException invalid_argument if it breaks the rule
     */
    public static String text(String what, String text, int max) {
        requireLength(what, text, max);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                throw RpcException.invalidArgument(what + " holds control character "
                        + String.format("U+%04X", (int) c) + " at position " + (i + 1)
                        + "; only tabs and line breaks are allowed");
            }
        }
        return text;
    }

    private static void requireLength(String what, String text, int max) {
        // a UTF-16 length within the limit is within it in code points too; only longer texts need counting
        if (text.length() > max && text.codePointCount(0, text.length()) > max) {
            throw RpcException.invalidArgument(what + " " + InputText.quoted(text) + " is too long: at most "
                    + String.format("%,d", max) + " characters");
        }
    }

    private static boolean isSpace(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
    }

    private static boolean isLower(char c) {
        return c >= 'a' && c <= 'z';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
