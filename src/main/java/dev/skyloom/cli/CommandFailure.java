package dev.skyloom.cli;

/** A command could not do its work for a reason the user can fix; the message says what and how. */
final class CommandFailure extends RuntimeException {

    /** @param message one line saying what failed and what to do  @param cause the underlying error, or null */
    CommandFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
