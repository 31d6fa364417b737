package dev.skyloom.cli;

/**
 * Makes text from elsewhere (a server's names and messages, a file's values) safe to print on a terminal: control
 * characters, escape sequences and bidirectional overrides are shown escaped ({@code \e}, {@code \n}, {@code \x07},
 * {@code \u202e}) instead of being obeyed, so a collection name cannot set the window title, colours or cursor, or
 * make a line read backwards. Everything else, other scripts and emoji included, is left alone.
 */
final class TerminalText {

    private TerminalText() {
    }

    /** {@return {@code text} with every control character escaped; null as the empty string} */
    static String safe(String text) {
        if (text == null) {
            return "";
        }
        int i = 0;
        while (i < text.length() && !unsafe(text.charAt(i))) {
            i++;
        }
        if (i == text.length()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 8).append(text, 0, i);
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!unsafe(c)) {
                out.append(c);
                continue;
            }
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\u001b' -> out.append("\\e");
                default -> out.append(c < 0x100 ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c));
            }
        }
        return out.toString();
    }

    private static boolean unsafe(char c) {
        return c < 0x20 || c >= 0x7f && c <= 0x9f || c >= '\u202a' && c <= '\u202e' || c >= '\u2066' && c <= '\u2069';
    }
}
