package dev.skyloom.concurrent;

import dev.skyloom.SkyloomException;

import java.time.Duration;
import java.util.List;

/** Builds the loader's error messages: a collection's failure named after it, and the deadline error. */
final class LoadErrors {

    private LoadErrors() {
    }

    /**
     * The failure of loading {@code collection}, as an error of the same kind whose message starts with
     * {@code "loading <collection> failed: "}; the original is the cause. A failure that is no
     * {@link SkyloomException} (a consumer's own error, or a bug) becomes {@link SkyloomException.Internal} with the
     * failure's message (its class name if it has none).
     *
     * @throws Error if {@code failure} is an {@link Error}: it is rethrown unchanged
     */
    static SkyloomException naming(String collection, Throwable failure) {
        if (failure instanceof Error error) {
            throw error;
        }
        String prefix = "loading " + collection + " failed: ";
        if (failure instanceof SkyloomException e) {
            return e.withMessage(prefix + e.getMessage());
        }
        String message = failure.getMessage() != null ? failure.getMessage() : failure.getClass().getSimpleName();
        return new SkyloomException.Internal("internal", prefix + message, failure);
    }

    /** The error of a load whose deadline passed, e.g. "deadline of 2s passed; unfinished: L1GT, L1TP". */
    static SkyloomException.DeadlineExceeded deadlinePassed(Duration deadline, List<String> unfinished) {
        return new SkyloomException.DeadlineExceeded("deadline_exceeded",
                "deadline of " + describe(deadline) + " passed; unfinished: " + String.join(", ", unfinished), null);
    }

    /** The error of a caller interrupted while waiting for a load. */
    static SkyloomException.Cancelled interrupted(InterruptedException e) {
        Thread.currentThread().interrupt();
        return new SkyloomException.Cancelled("canceled", "the load was cancelled: its thread was interrupted", e);
    }

    /** A short form of a duration: "2s", "1500ms", "2m", "1h30m". */
    static String describe(Duration d) {
        if (d.toMillisPart() != 0 || d.isZero() || d.toNanosPart() % 1_000_000 != 0) {
            return d.toMillis() + "ms";
        }
        StringBuilder s = new StringBuilder();
        if (d.toHours() > 0) {
            s.append(d.toHours()).append('h');
        }
        if (d.toMinutesPart() > 0) {
            s.append(d.toMinutesPart()).append('m');
        }
        if (d.toSecondsPart() > 0) {
            s.append(d.toSecondsPart()).append('s');
        }
        return s.toString();
    }
}
