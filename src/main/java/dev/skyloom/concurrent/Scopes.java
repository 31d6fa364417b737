package dev.skyloom.concurrent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.StructuredTaskScope;
import java.util.concurrent.StructuredTaskScope.Joiner;
import java.util.concurrent.StructuredTaskScope.Subtask;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The only place that touches {@link StructuredTaskScope}, a preview API whose shape changes with each JDK: moving
 * to the next JDK means changing this file alone.
 *
 * <p>{@link #forkAll} runs tasks as subtasks of one scope, each on its own named virtual thread, and returns when
 * all have finished, when (fail-fast) the first has failed, when the deadline passes, or when the calling thread is
 * interrupted. In every case the scope is closed before it returns or throws: no subtask thread outlives the call.
 * At most {@code maxRunning} subtasks are alive at once: the owner forks the next task when one ends, so ten thousand
 * tasks do not mean ten thousand parked threads.
 */
final class Scopes {

    /** How often a waiting owner rechecks for cancellation; a normal admission happens as soon as a task ends. */
    private static final long ADMISSION_STEP_MILLIS = 50;

    private Scopes() {
    }

    /**
     * One unit of work.
     *
     * @param threadName the name of the virtual thread that runs it (shows up in thread dumps)
     * @param body       the work
     */
    record Task<T>(String threadName, Callable<? extends T> body) {
        Task {
            Objects.requireNonNull(threadName, "threadName");
            Objects.requireNonNull(body, "body");
        }
    }

    /** What became of one task. */
    sealed interface Result<T> {
        /** It returned {@code value}. */
        record Done<T>(T value) implements Result<T> {
        }

        /** It threw {@code error} before the scope was cancelled. */
        record Failed<T>(Throwable error) implements Result<T> {
        }

        /** It had not finished when the scope was cancelled (by a failure, the deadline or an interrupt). */
        record Unfinished<T>() implements Result<T> {
        }
    }

    /**
     * The results of one {@link #forkAll}.
     *
     * @param results  one per task, in task order
     * @param failures indexes of the failed tasks, in the order they failed
     * @param timedOut whether the deadline passed before all tasks finished
     */
    record Joined<T>(List<Result<T>> results, List<Integer> failures, boolean timedOut) {
        Joined {
            results = List.copyOf(results);
            failures = List.copyOf(failures);
        }
    }

    /**
     * Forks every task in a new scope, at most {@code maxRunning} at a time, and joins them.
     *
     * @param scopeName  the scope's name (the thread container's name in thread dumps)
     * @param tasks      the tasks, forked in order; each runs on a new virtual thread named after it
     * @param deadline   if present, the scope is cancelled when it passes and the result says {@code timedOut}; tasks
     *                   not yet forked then are never forked
     * @param failFast   if true the first failure cancels every other task and no further task is forked; if false
     *                   every task runs to its end
     * @param maxRunning the most subtasks alive at once; at least 1
     * @return what became of each task
     * @throws InterruptedException if the calling thread is interrupted while waiting; the tasks are cancelled and
     *                              have ended when this is thrown
     */
    static <T> Joined<T> forkAll(String scopeName, List<Task<T>> tasks, Optional<Duration> deadline,
                                 boolean failFast, int maxRunning) throws InterruptedException {
        if (maxRunning < 1) {
            throw new IllegalArgumentException("maxRunning must be at least 1, got " + maxRunning);
        }
        Semaphore running = new Semaphore(maxRunning);
        Recorder<T> recorder = new Recorder<>(tasks.size(), failFast, running);
        NamingThreadFactory threads = new NamingThreadFactory();
        long startNanos = System.nanoTime();
        boolean timedOut = false;
        try (var scope = StructuredTaskScope.open(recorder, config -> {
            var named = config.withName(scopeName).withThreadFactory(threads);
            return deadline.map(named::withTimeout).orElse(named);
        })) {
            for (Task<T> task : tasks) {
                if (!admit(running, recorder, deadline, startNanos)) {
                    break;
                }
                threads.nextName = task.threadName();
                scope.fork(task.body());
            }
            try {
                scope.join();
            } catch (StructuredTaskScope.TimeoutException e) {
                timedOut = true;
            }
        }
        // read only after close: every subtask thread has ended, so no recording is still under way
        return recorder.joined(timedOut);
    }

    /**
     * Waits until fewer than the allowed number of subtasks are alive and takes a place for the next one; false if
     * the scope is being cancelled (a fail-fast failure or the deadline) and nothing more should be forked. It waits
     * in short steps because a task forked just as the scope is cancelled never runs and so never gives its place
     * back: the next step then sees the cancellation instead of waiting for that place forever.
     */
    private static boolean admit(Semaphore running, Recorder<?> recorder, Optional<Duration> deadline,
                                 long startNanos) throws InterruptedException {
        while (true) {
            if (recorder.cancelled() || deadline.isPresent()
                    && System.nanoTime() - startNanos >= deadline.get().toNanos()) {
                return false;
            }
            if (running.tryAcquire(ADMISSION_STEP_MILLIS, TimeUnit.MILLISECONDS)) {
                // the place may have come from the failure that cancels the scope: the recorder marks it first
                if (recorder.cancelled()) {
                    running.release();
                    return false;
                }
                return true;
            }
        }
    }

    /**
     * Records each subtask's outcome as it completes (completions after a cancellation are not reported by the
     * scope, so cancelled siblings never show up as failures), in fail-fast mode asks the scope to cancel on the
     * first failure, and then gives the subtask's place back to the owner. Recording first means the owner, once
     * admitted, already sees a failure that ended the previous task. After a cancellation no place comes back; the
     * owner notices the cancellation instead.
     */
    private static final class Recorder<T> implements Joiner<T, Void> {
        private final Map<Subtask<? extends T>, Integer> indexes = new ConcurrentHashMap<>();
        private final AtomicReferenceArray<Result<T>> results;
        private final ConcurrentLinkedQueue<Integer> failures = new ConcurrentLinkedQueue<>();
        private final boolean failFast;
        private final Semaphore running;
        private volatile boolean cancelled;
        private int forked;

        Recorder(int size, boolean failFast, Semaphore running) {
            this.results = new AtomicReferenceArray<>(size);
            this.failFast = failFast;
            this.running = running;
        }

        /** Called by the owner inside {@code fork}, before the subtask's thread starts: numbers it in fork order. */
        @Override
        public boolean onFork(Subtask<? extends T> subtask) {
            indexes.put(subtask, forked++);
            return false;
        }

        @Override
        public boolean onComplete(Subtask<? extends T> subtask) {
            int index = indexes.get(subtask);
            boolean cancel = false;
            if (subtask.state() == Subtask.State.SUCCESS) {
                results.set(index, new Result.Done<>(subtask.get()));
            } else {
                results.set(index, new Result.Failed<>(subtask.exception()));
                failures.add(index);
                cancel = failFast;
                if (cancel) {
                    cancelled = true;
                }
            }
            running.release();
            return cancel;
        }

        /** {@return whether a fail-fast failure has cancelled (or is about to cancel) the scope} */
        boolean cancelled() {
            return cancelled;
        }

        @Override
        public Void result() {
            return null;
        }

        Joined<T> joined(boolean timedOut) {
            List<Result<T>> list = new ArrayList<>(results.length());
            for (int i = 0; i < results.length(); i++) {
                Result<T> r = results.get(i);
                list.add(r != null ? r : new Result.Unfinished<>());
            }
            return new Joined<>(list, new ArrayList<>(failures), timedOut);
        }
    }

    /**
     * Names each subtask's virtual thread: the scope calls {@link #newThread} inside {@code fork}, on the owner
     * thread, right after the owner has set {@link #nextName}.
     */
    private static final class NamingThreadFactory implements ThreadFactory {
        private String nextName = "";

        @Override
        public Thread newThread(Runnable task) {
            return Thread.ofVirtual().name(nextName).unstarted(task);
        }
    }
}
