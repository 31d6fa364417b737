package dev.skyloom.concurrent;

import dev.skyloom.concurrent.Scopes.Result;
import dev.skyloom.concurrent.Scopes.Task;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScopesTest {

    private final Queue<String> trail = new ConcurrentLinkedQueue<>();
    private final Queue<Thread> threads = new ConcurrentLinkedQueue<>();

    @Test
    void resultsComeBackInTaskOrderWhateverTheOrderTheyFinishIn() throws Exception {
        CountDownLatch secondDone = new CountDownLatch(1);
        List<Task<String>> tasks = List.of(
                new Task<>("a", () -> {
                    secondDone.await();
                    trail.add("a");
                    return "A";
                }),
                new Task<>("b", () -> {
                    trail.add("b");
                    secondDone.countDown();
                    return "B";
                }));

        Scopes.Joined<String> joined = Scopes.forkAll("test", tasks, Optional.empty(), true);

        assertThat(trail).containsExactly("b", "a");
        assertThat(joined.results()).containsExactly(new Result.Done<>("A"), new Result.Done<>("B"));
        assertThat(joined.failures()).isEmpty();
        assertThat(joined.timedOut()).isFalse();
    }

    @Test
    void eachTaskRunsOnAVirtualThreadNamedAfterIt() throws Exception {
        List<Task<String>> tasks = List.of(
                new Task<>("skyloom-load/ds/L1GT", () -> describeCurrentThread()),
                new Task<>("skyloom-load/ds/L1TP#slice-2of4", () -> describeCurrentThread()));

        Scopes.Joined<String> joined = Scopes.forkAll("test", tasks, Optional.empty(), true);

        assertThat(joined.results()).containsExactly(
                new Result.Done<>("skyloom-load/ds/L1GT virtual"),
                new Result.Done<>("skyloom-load/ds/L1TP#slice-2of4 virtual"));
    }

    @Test
    void firstFailureCancelsTheOthersInFailFastMode() throws Exception {
        CountDownLatch othersStarted = new CountDownLatch(2);
        List<Task<String>> tasks = List.of(
                new Task<>("slow-1", () -> blockUntilInterrupted("slow-1", othersStarted)),
                new Task<>("failing", () -> {
                    othersStarted.await();
                    throw new IllegalStateException("boom");
                }),
                new Task<>("slow-2", () -> blockUntilInterrupted("slow-2", othersStarted)));

        Scopes.Joined<String> joined = Scopes.forkAll("test", tasks, Optional.empty(), true);

        assertThat(joined.results().get(0)).isEqualTo(new Result.Unfinished<>());
        assertThat(joined.results().get(2)).isEqualTo(new Result.Unfinished<>());
        assertThat(((Result.Failed<String>) joined.results().get(1)).error()).hasMessage("boom");
        assertThat(joined.failures()).containsExactly(1);
        assertThat(trail).containsExactlyInAnyOrder("slow-1 interrupted", "slow-2 interrupted");
        assertThat(threads).allSatisfy(t -> assertThat(t.isAlive()).isFalse());
    }

    @Test
    void collectModeLetsEveryTaskFinishAndKeepsEachFailure() throws Exception {
        CountDownLatch failed = new CountDownLatch(1);
        List<Task<String>> tasks = List.of(
                new Task<>("ok", () -> {
                    failed.await();
                    return "fine";
                }),
                new Task<>("failing", () -> {
                    failed.countDown();
                    throw new IllegalArgumentException("bad");
                }),
                new Task<>("also-failing", () -> {
                    failed.await();
                    throw new IllegalArgumentException("worse");
                }));

        Scopes.Joined<String> joined = Scopes.forkAll("test", tasks, Optional.empty(), false);

        assertThat(joined.results().get(0)).isEqualTo(new Result.Done<>("fine"));
        assertThat(((Result.Failed<String>) joined.results().get(1)).error()).hasMessage("bad");
        assertThat(((Result.Failed<String>) joined.results().get(2)).error()).hasMessage("worse");
        assertThat(joined.failures()).containsExactly(1, 2);
    }

    @Test
    void aPassedDeadlineCancelsWhatIsUnfinishedAndKeepsWhatFinished() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        List<Task<String>> tasks = List.of(
                new Task<>("quick", () -> "done"),
                new Task<>("stuck", () -> blockUntilInterrupted("stuck", started)));

        Scopes.Joined<String> joined = Scopes.forkAll("test", tasks, Optional.of(Duration.ofMillis(200)), true);

        assertThat(joined.timedOut()).isTrue();
        assertThat(joined.results()).containsExactly(new Result.Done<>("done"), new Result.Unfinished<>());
        assertThat(trail).containsExactly("stuck interrupted");
        assertThat(threads).allSatisfy(t -> assertThat(t.isAlive()).isFalse());
    }

    @Test
    void interruptingTheCallerCancelsTheTasksAndWaitsForThemToEnd() throws Exception {
        CountDownLatch started = new CountDownLatch(2);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread caller = Thread.ofVirtual().start(() -> {
            try {
                Scopes.forkAll("test", List.of(
                        new Task<>("a", () -> blockUntilInterrupted("a", started)),
                        new Task<>("b", () -> ignoreInterruptBriefly("b", started))), Optional.empty(), true);
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        caller.interrupt();
        caller.join();

        assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
        assertThat(trail).containsExactlyInAnyOrder("a interrupted", "b interrupted", "b finished cleaning up");
        assertThat(threads).hasSize(2).allSatisfy(t -> assertThat(t.isAlive()).isFalse());
    }

    @Test
    void aFailureAtTheOuterLevelCancelsAScopeNestedInASibling() throws Exception {
        CountDownLatch innerStarted = new CountDownLatch(2);
        List<Task<String>> outer = List.of(
                new Task<>("outer-1", () -> {
                    Scopes.forkAll("inner", List.of(
                            new Task<String>("inner-1", () -> blockUntilInterrupted("inner-1", innerStarted)),
                            new Task<String>("inner-2", () -> blockUntilInterrupted("inner-2", innerStarted))),
                            Optional.empty(), true);
                    return "inner returned";
                }),
                new Task<>("outer-2", () -> {
                    innerStarted.await();
                    throw new IllegalStateException("outer boom");
                }));

        Scopes.Joined<String> joined = Scopes.forkAll("outer", outer, Optional.empty(), true);

        assertThat(joined.results().get(0)).isEqualTo(new Result.Unfinished<>());
        assertThat(joined.failures()).containsExactly(1);
        assertThat(trail).containsExactlyInAnyOrder("inner-1 interrupted", "inner-2 interrupted");
        assertThat(threads).allSatisfy(t -> assertThat(t.isAlive()).isFalse());
    }

    @Test
    void anEmptyTaskListJoinsAtOnce() throws Exception {
        assertThat(Scopes.<String>forkAll("test", List.of(), Optional.empty(), true).results()).isEmpty();
    }

    @Test
    void taskNamesAreRequired() {
        assertThatThrownBy(() -> new Task<>(null, () -> "x")).isInstanceOf(NullPointerException.class);
    }

    private String describeCurrentThread() {
        Thread t = Thread.currentThread();
        return t.getName() + (t.isVirtual() ? " virtual" : " platform");
    }

    private String blockUntilInterrupted(String name, CountDownLatch started) {
        threads.add(Thread.currentThread());
        started.countDown();
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            trail.add(name + " interrupted");
        }
        return name;
    }

    /** Like a task that, once interrupted, still needs a moment to release what it holds. */
    private String ignoreInterruptBriefly(String name, CountDownLatch started) {
        threads.add(Thread.currentThread());
        started.countDown();
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            trail.add(name + " interrupted");
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            trail.add(name + " finished cleaning up");
        }
        return name;
    }
}
