package dev.skyloom.concurrent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.StructuredTaskScope;
import java.util.concurrent.StructuredTaskScope.Joiner;
import java.util.concurrent.StructuredTaskScope.Subtask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The only place that touches {@link StructuredTaskScope}, a preview API whose shape changes with each JDK: moving
 * to the next JDK means changing this file alone.
 *
 * <p>{@link #forkAll} runs tasks in one scope and returns when all have finished, when (fail-fast) the first has
 * failed, when the deadline passes, or when the calling thread is interrupted. In every case the scope is closed
 * before it returns or throws: no thread outlives the call.
 *
 * <p>The scope holds at most {@code maxRunning} subtasks, its workers, each a virtual thread that takes the next task
 * in order and runs it, renamed after that task, until none is left: ten thousand tasks do not mean ten thousand
 * parked threads. Nothing waits for a place and nothing polls: the owner forks the workers and joins, and the scope
 * alone enforces cancellation and time (a failure, the deadline or the owner's interrupt cancels it, interrupting
 * the workers, and a worker takes no task once it is cancelled).
 */
final class Scopes {

    private Scopes() {
    }

    /**
     * One unit of work.
     *
     * @param threadName the name of the virtual thread while it runs the task (shows up in thread dumps)
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

        /** It had not finished (or not started) when the scope was cancelled (by a failure, the deadline or an
         * interrupt). */
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

        /**
         * The first failure, as thrown.
         *
         * @throws Exception the first failed task's exception, if any task failed
         */
        void throwFirstFailure() throws Exception {
            if (!failures.isEmpty()) {
                Throwable first = ((Result.Failed<T>) results.get(failures.getFirst())).error();
                if (first instanceof Exception e) {
                    throw e;
                }
                throw (Error) first;
            }
        }
    }

    /**
     * Runs every task in a new scope, at most {@code maxRunning} at a time, in order, and joins them.
     *
     * @param scopeName  the scope's name (the thread container's name in thread dumps)
     * @param tasks      the tasks, started in order
     * @param deadline   if present, the scope is cancelled when it passes and the result says {@code timedOut};
     *                   tasks not yet started then never start
     * @param failFast   if true the first failure cancels every other task and no further task starts; if false
     *                   every task runs to its end
     * @param maxRunning the most tasks running at once; at least 1
     * @return what became of each task
     * @throws InterruptedException if the calling thread is interrupted while waiting; the tasks are cancelled and
     *                              have ended when this is thrown
     */
    static <T> Joined<T> forkAll(String scopeName, List<Task<T>> tasks, Optional<Duration> deadline,
                                 boolean failFast, int maxRunning) throws InterruptedException {
        if (maxRunning < 1) {
            throw new IllegalArgumentException("maxRunning must be at least 1, got " + maxRunning);
        }
        Run<T> run = new Run<>(List.copyOf(tasks), failFast);
        boolean timedOut = false;
        try (var scope = StructuredTaskScope.open(new CancelOnFailure(), config -> {
            var named = config.withName(scopeName).withThreadFactory(r -> Thread.ofVirtual().name(scopeName)
                    .unstarted(r));
            return deadline.map(named::withTimeout).orElse(named);
        })) {
            for (int i = Math.min(maxRunning, tasks.size()); i > 0; i--) {
                scope.fork(() -> run.work(scope));
            }
            try {
                scope.join();
            } catch (StructuredTaskScope.TimeoutException e) {
                timedOut = true;
            }
        }
        // read only after close: every worker has ended, so no recording is still under way
        return run.joined(timedOut);
    }

    /**
     * The shared state of one {@link #forkAll}: the next task to start and what became of each. A worker records a
     * task's failure only while the scope is not cancelled, so a task that fails because a cancellation interrupted
     * it stays unfinished instead of showing up as a failure.
     */
    private static final class Run<T> {
        private final List<Task<T>> tasks;
        private final boolean failFast;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicReferenceArray<Result<T>> results;
        private final ConcurrentLinkedQueue<Integer> failures = new ConcurrentLinkedQueue<>();

        Run(List<Task<T>> tasks, boolean failFast) {
            this.tasks = tasks;
            this.failFast = failFast;
            this.results = new AtomicReferenceArray<>(tasks.size());
        }

        /** A worker: runs tasks in order until none is left or the scope is cancelled. */
        Void work(StructuredTaskScope<?, ?> scope) throws Exception {
            for (int i = next.getAndIncrement(); i < tasks.size() && !scope.isCancelled();
                 i = next.getAndIncrement()) {
                Task<T> task = tasks.get(i);
                Thread.currentThread().setName(task.threadName());
                try {
                    results.set(i, new Result.Done<>(task.body().call()));
                } catch (Throwable e) {
                    if (scope.isCancelled()) {
                        return null;
                    }
                    results.set(i, new Result.Failed<>(e));
                    failures.add(i);
                    if (failFast) { // the joiner cancels the scope
                        if (e instanceof Exception exception) {
                            throw exception;
                        }
                        throw (Error) e;
                    }
                }
            }
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

    /** Cancels the scope when a worker fails, which a worker does only for a fail-fast task failure. */
    private static final class CancelOnFailure implements Joiner<Void, Void> {
        @Override
        public boolean onComplete(Subtask<? extends Void> subtask) {
            return subtask.state() == Subtask.State.FAILED;
        }

        @Override
        public Void result() {
            return null;
        }
    }
}
