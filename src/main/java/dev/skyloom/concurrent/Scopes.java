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
import java.util.concurrent.StructuredTaskScope;
import java.util.concurrent.StructuredTaskScope.Joiner;
import java.util.concurrent.StructuredTaskScope.Subtask;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The only place that touches {@link StructuredTaskScope}, a preview API whose shape changes with each JDK: moving
 * to the next JDK means changing this file alone.
 *
 * <p>{@link #forkAll} runs tasks as subtasks of one scope, each on its own named virtual thread, and returns when
 * all have finished, when (fail-fast) the first has failed, when the deadline passes, or when the calling thread is
 * interrupted. In every case the scope is closed before it returns or throws: no subtask thread outlives the call.
 */
final class Scopes {

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
     * Forks every task in a new scope and joins them.
     *
     * @param scopeName the scope's name (the thread container's name in thread dumps)
     * @param tasks     the tasks; each runs on a new virtual thread named after it
     * @param deadline  if present, the scope is cancelled when it passes and the result says {@code timedOut}
     * @param failFast  if true the first failure cancels every other task; if false every task runs to its end
     * @return what became of each task
     * @throws InterruptedException if the calling thread is interrupted while waiting; the tasks are cancelled and
     *                              have ended when this is thrown
     */
    static <T> Joined<T> forkAll(String scopeName, List<Task<T>> tasks, Optional<Duration> deadline,
                                 boolean failFast) throws InterruptedException {
        Recorder<T> recorder = new Recorder<>(tasks.size(), failFast);
        NamingThreadFactory threads = new NamingThreadFactory();
        boolean timedOut = false;
        try (var scope = StructuredTaskScope.open(recorder, config -> {
            var named = config.withName(scopeName).withThreadFactory(threads);
            return deadline.map(named::withTimeout).orElse(named);
        })) {
            for (Task<T> task : tasks) {
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
     * Records each subtask's outcome as it completes (completions after a cancellation are not reported by the
     * scope, so cancelled siblings never show up as failures) and, in fail-fast mode, asks the scope to cancel on
     * the first failure.
     */
    private static final class Recorder<T> implements Joiner<T, Void> {
        private final Map<Subtask<? extends T>, Integer> indexes = new ConcurrentHashMap<>();
        private final AtomicReferenceArray<Result<T>> results;
        private final ConcurrentLinkedQueue<Integer> failures = new ConcurrentLinkedQueue<>();
        private final boolean failFast;
        private int forked;

        Recorder(int size, boolean failFast) {
            this.results = new AtomicReferenceArray<>(size);
            this.failFast = failFast;
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
            if (subtask.state() == Subtask.State.SUCCESS) {
                results.set(index, new Result.Done<>(subtask.get()));
                return false;
            }
            results.set(index, new Result.Failed<>(subtask.exception()));
            failures.add(index);
            return failFast;
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
