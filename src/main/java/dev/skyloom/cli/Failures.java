package dev.skyloom.cli;

import dev.skyloom.SkyloomException;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Turns whatever stopped a command into one line saying what went wrong and, where possible, what to do: never a
 * Java class name, never the API key, each hint once, and server text shown escaped ({@link TerminalText}).
 */
final class Failures {

    /** How far down a cause chain is looked (a chain may, in principle, be endless). */
    private static final int MAX_CAUSES = 16;

    private Failures() {
    }

    /**
     * @param url     the service URL the command talked to, or null if it did not get that far
     * @param verbose whether the stack trace follows (then the line does not point to --verbose)
     * @return a one-line description of {@code failure}, never containing the API key
     */
    static String describe(Throwable failure, String url, boolean verbose) {
        if (failure instanceof SkyloomException.Unavailable e && url != null && causedByIo(e)) {
            return safeLine("cannot reach " + url + ": " + e.getMessage());
        }
        String text = describe(failure);
        return unexpected(failure) && !verbose ? text + " (--verbose shows where it happened)" : text;
    }

    /**
     * @param url the service URL the command talked to, or null if it did not get that far
     * @return a one-line description of {@code failure}, never containing the API key
     */
    static String describe(Throwable failure, String url) {
        return describe(failure, url, true);
    }

    /** @return a one-line description of {@code failure}, never containing the API key */
    static String describe(Throwable failure) {
        String text = switch (failure) {
            case SkyloomException.Unauthenticated e -> e.getMessage().contains("TILEBOX_API_KEY")
                    ? e.getMessage().replace("pass an API key", "pass --api-key")
                    : e.getMessage() + " (check TILEBOX_API_KEY or --api-key)";
            case SkyloomException.DeadlineExceeded e when e.getMessage().contains("attempt timeout") ->
                    e.getMessage() + " (--timeout sets it)";
            case SkyloomException e -> e.getMessage();
            case CommandFailure e -> e.getMessage();
            case OutOfMemoryError e -> "out of memory; query a shorter time interval or use --max, or give the JVM"
                    + " more memory with -Xmx";
            case StackOverflowError e -> "the input nests too deeply to be processed";
            default -> inWords(failure);
        };
        return safeLine(withoutClassNames(text, failure));
    }

    /** A throwable that is none of ours, said without its class name. */
    private static String inWords(Throwable failure) {
        return switch (failure) {
            case UncheckedIOException e -> "I/O error: " + message(e.getCause());
            case IOException e -> "I/O error: " + message(e);
            case IllegalArgumentException e -> message(e);
            default -> "unexpected error: " + message(failure);
        };
    }

    /**
     * Says in words each throwable of the cause chain that {@code text} quotes by its {@code toString()}, which starts
     * with the class name: the loader's {@code loading L1GT failed: java.lang.IllegalStateException: ...}, or the
     * message of a {@code new RuntimeException(cause)}.
     */
    private static String withoutClassNames(String text, Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < MAX_CAUSES; t = t.getCause(), depth++) {
            String quoted = t.toString();
            if (!(t instanceof SkyloomException) && quoted.startsWith(t.getClass().getName())
                    && text.contains(quoted)) {
                text = text.replace(quoted, inWords(t));
            }
        }
        return text;
    }

    /**
     * Whether {@code failure} is a bug rather than bad input or a service error: none of ours and no I/O error,
     * looking through our own errors to what they wrap (the loader wraps a bug in a collection's load).
     */
    private static boolean unexpected(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < MAX_CAUSES; t = t.getCause(), depth++) {
            if (!(t instanceof SkyloomException || t instanceof CommandFailure || t instanceof IOException
                    || t instanceof UncheckedIOException || t instanceof OutOfMemoryError
                    || t instanceof IllegalArgumentException)) {
                return true;
            }
            if (!(t instanceof SkyloomException)) {
                return false;
            }
        }
        return false;
    }

    private static String safeLine(String text) {
        return TerminalText.safe(text.strip().replaceAll("\\s*\\R\\s*", " "));
    }

    private static boolean causedByIo(Throwable failure) {
        for (Throwable t = failure.getCause(); t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    private static String message(Throwable t) {
        return t.getMessage() == null || t.getMessage().isBlank() ? "no details" : t.getMessage();
    }
}
