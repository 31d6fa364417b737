package dev.skyloom.local;

import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.AbstractMetaDataConnection;
import org.eclipse.jetty.util.thread.Scheduler;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Closes HTTP/1.1 connections whose request headers trickle in: a client sending a byte now and then never trips the
 * idle timeout, so each connection's progress is looked at a few times per read timeout, and one that has had bytes of
 * a request but not its complete headers for longer than the read timeout is closed (slowloris). Connections that are
 * idle between requests are left to the idle timeout, requests being handled (whose bodies have their own deadline) to
 * the handler. HTTP/2 connections are not watched: their frames are length-prefixed and idle-timed.
 */
final class SlowHeaderGuard implements Connection.Listener {

    private static final System.Logger LOG = System.getLogger(RpcHandler.LOGGER);

    /** What a connection had done when last looked at, and since when it has been receiving incomplete headers. */
    private record Progress(long messagesOut, long bytesIn, long headersSinceNanos) {
    }

    private final Map<Connection, Progress> watched = new ConcurrentHashMap<>();
    private final long timeoutNanos;
    private final Scheduler scheduler;
    private final long periodNanos;
    private volatile boolean stopped;

    SlowHeaderGuard(Duration readTimeout, Scheduler scheduler) {
        this.timeoutNanos = readTimeout.toNanos();
        this.scheduler = scheduler;
        this.periodNanos = Math.clamp(timeoutNanos / 4, 1_000_000L, 1_000_000_000L);
    }

    /** Starts the periodic look at the watched connections. */
    void start() {
        scheduler.schedule(this::sweep, periodNanos, TimeUnit.NANOSECONDS);
    }

    /** Stops looking. */
    void stop() {
        stopped = true;
    }

    @Override
    public void onOpened(Connection connection) {
        if (connection instanceof AbstractMetaDataConnection) {
            watched.put(connection, new Progress(0, 0, -1));
        }
    }

    @Override
    public void onClosed(Connection connection) {
        watched.remove(connection);
    }

    private void sweep() {
        if (stopped) {
            return;
        }
        long now = System.nanoTime();
        List<Connection> slow = new ArrayList<>();
        watched.replaceAll((connection, before) -> {
            Progress next = next(before, connection, now);
            if (next == null) {
                slow.add(connection);
                return before;
            }
            return next;
        });
        for (Connection connection : slow) {
            LOG.log(System.Logger.Level.DEBUG, () -> "refused a connection from "
                    + connection.getEndPoint().getRemoteSocketAddress() + ": its request headers did not arrive within "
                    + Duration.ofNanos(timeoutNanos).toMillis() + " ms");
            connection.getEndPoint().close();
        }
        scheduler.schedule(this::sweep, periodNanos, TimeUnit.NANOSECONDS);
    }

    /** The connection's progress now, or null if it has been receiving one request's headers for too long. */
    private Progress next(Progress before, Connection connection, long now) {
        long in = connection.getMessagesIn();
        long out = connection.getMessagesOut();
        long bytes = connection.getBytesIn();
        if (in > out || out != before.messagesOut()) {
            return new Progress(out, bytes, -1);
        }
        if (bytes == before.bytesIn() && before.headersSinceNanos() < 0) {
            return before;
        }
        long since = before.headersSinceNanos() < 0 ? now : before.headersSinceNanos();
        if (now - since > timeoutNanos) {
            return null;
        }
        return new Progress(out, before.bytesIn(), since);
    }
}
