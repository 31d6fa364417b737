package dev.skyloom.local.store;

import dev.skyloom.local.error.RpcException;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * Stops a request's queries early: the server cancels it when the request's deadline passes or its client goes away,
 * and the store's scans look at it between rows and, through SQLite's progress handler, while SQLite steps. The server
 * binds one to each request's thread ({@link #call}), so the RPCs in between stay unaware of it.
 *
 * <p>Thread-safe: {@link #cancel} is called from a timer or the HTTP layer while the request's thread works.
 */
public final class Cancellation {

    private static final ScopedValue<Cancellation> CURRENT = ScopedValue.newInstance();
    private static final Cancellation NEVER = new Cancellation();

    private volatile RpcException reason;

    /** A cancellation that has not happened yet. */
    public Cancellation() {
    }

    /**
     * The cancellation bound to this thread by {@link #call}, or one that never happens.
     *
     * @return the current cancellation
     */
    public static Cancellation current() {
        return CURRENT.isBound() ? CURRENT.get() : NEVER;
    }

    /**
     * Runs work with this cancellation bound to the thread, so that the store's queries in it can be cancelled.
     *
     * @param work the work
     * @param <T>  its result type
     * @return what the work returns
     */
    public <T> T call(Supplier<T> work) {
        return ScopedValue.where(CURRENT, this).call(work::get);
    }

    /**
     * Cancels: later checks throw {@code reason}. Only the first call counts.
     *
     * @param reason the error the cancelled work ends with, e.g. deadline_exceeded
     */
    public synchronized void cancel(RpcException reason) {
        Objects.requireNonNull(reason, "reason");
        if (this != NEVER && this.reason == null) {
            this.reason = reason;
        }
    }

    /**
     * Whether {@link #cancel} has been called.
     *
     * @return true once cancelled
     */
    public boolean isCancelled() {
        return reason != null;
    }

    /**
     * Throws the cancellation's reason if it has been cancelled.
     *
     * @throws RpcException the reason given to {@link #cancel}
     */
    public void check() {
        RpcException cancelled = reason;
        if (cancelled != null) {
            throw cancelled;
        }
    }
}
