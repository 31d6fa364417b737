package dev.skyloom.cli;

import dev.skyloom.SkyloomException;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Turns whatever stopped a command into one line saying what went wrong and, where possible, what to do. */
final class Failures {

    private Failures() {
    }

    /**
     * @param url the service URL the command talked to, or null if it did not get that far
     * @return a one-line description of {@code failure}, never containing the API key
     */
    static String describe(Throwable failure, String url) {
        if (failure instanceof SkyloomException.Unavailable e && url != null && causedByIo(e)) {
            return oneLine("cannot reach " + url + ": " + e.getMessage());
        }
        return describe(failure);
    }

    /** @return a one-line description of {@code failure}, never containing the API key */
    static String describe(Throwable failure) {
        String text = switch (failure) {
            case SkyloomException.Unauthenticated e when !e.getMessage().contains("--api-key") -> e.getMessage()
                    + " (check TILEBOX_API_KEY or --api-key)";
            case SkyloomException e -> e.getMessage();
            case CommandFailure e -> e.getMessage();
            case UncheckedIOException e -> "I/O error: " + message(e.getCause());
            case IOException e -> "I/O error: " + message(e);
            case OutOfMemoryError e -> "out of memory (" + e.getMessage() + "); query a shorter time interval or"
                    + " use --max, or give the JVM more memory, e.g. SKYLOOM_JAVA_OPTS=-Xmx2g";
            default -> failure.getClass().getSimpleName() + ": " + message(failure);
        };
        return oneLine(text);
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s*\\R\\s*", " ");
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
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
