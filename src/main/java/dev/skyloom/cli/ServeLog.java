package dev.skyloom.cli;

import java.io.PrintStream;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Shows the local server's log on {@code serve}'s standard error while it runs: one line per record, including the
 * one line the server logs for every refused request; a failure's stack trace only with {@code --verbose}. Other
 * commands, which run the server in-process for the demo catalogue, leave the server's log at its quiet default.
 */
final class ServeLog implements AutoCloseable {

    private static final String SERVER_LOGGERS = "dev.skyloom.local";

    private final Logger logger = Logger.getLogger(SERVER_LOGGERS);
    private final Level previousLevel = logger.getLevel();
    private final boolean previousUseParent = logger.getUseParentHandlers();
    private final Handler handler;

    private ServeLog(PrintStream err, boolean verbose) {
        handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (!isLoggable(record)) {
                    return;
                }
                String message = record.getMessage();
                Throwable thrown = record.getThrown();
                synchronized (err) {
                    err.println("skyloom serve: " + message + (thrown == null ? "" : ": " + thrown.getMessage()));
                    if (thrown != null && verbose) {
                        thrown.printStackTrace(err);
                    }
                    err.flush();
                }
            }

            @Override
            public void flush() {
                err.flush();
            }

            @Override
            public void close() {
                flush();
            }
        };
        handler.setLevel(Level.ALL);
        logger.setLevel(Level.FINE);
        logger.setUseParentHandlers(false);
        logger.addHandler(handler);
    }

    /**
     * Starts showing the server's log.
     *
     * @param err     where the lines go
     * @param verbose whether to print stack traces of failures
     * @return the running log; close it to restore the default
     */
    static ServeLog to(PrintStream err, boolean verbose) {
        return new ServeLog(err, verbose);
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
        logger.setUseParentHandlers(previousUseParent);
        logger.setLevel(previousLevel);
    }
}
