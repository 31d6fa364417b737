package dev.skyloom.concurrent;

import dev.skyloom.concurrent.Scopes.Result;
import dev.skyloom.concurrent.Scopes.Task;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScopesTest {

    /** No bound on the subtasks alive at once. */
    private static final int ALL = Integer.MAX_VALUE;

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

        Scopes.Joined<String> joined = Scopes.forkAll("test", tasks, Optional.empty(), true, ALL);

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

        Scopes.Joined<String> joined = Scopes.forkAll("test", tasks, Optional.empty(), true, ALL);

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

        Scopes.Joined<String> joined = Scopes.forkAll("test", tasks, Optional.empty(), true, ALL);

        assertThat(joined.results().get(0)).isEqualTo(new Result.Unfinished<>());
        assertThat(joined.results().get(2)).isEqualTo(new Result.Unfinished<>());
        assertThat(((Result.Failed<String>) joined.results().get(1)).error()).hasMessage("boom");
        assertThat(joined.failures()).containsExactly(1);
        assertThat(trail).containsExactlyInAnyOrder("slow-1 interrupted", "slow-2 interrupted");
        assertThat(threads).allSatisfy(t -> assertThat(t.isAlive()).isFalse());
    }

    @Test
    void aTaskThatStillReturnsAfterTheCancellationCountsAsDone() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        List<Task<String>> tasks = List.of(
                new Task<>("returns-anyway", () -> ignoreInterruptBriefly("returns-anyway", started)),
                new Task<>("failing", () -> {
                    started.await();
                    throw new IllegalStateException("boom");
                }));

        Scopes.Joined<String> joined = Scopes.forkAll("test", tasks, Optional.empty(), true, ALL);

        assertThat(joined.results().getFirst()).isEqualTo(new Result.Done<>("returns-anyway"));
        assertThat(joined.failures()).containsExactly(1);
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

        Scopes.Joined<String> joined = Scopes.forkAll("test", tasks, Optional.empty(), false, ALL);

        assertThat(joined.results().get(0)).isEqualTo(new Result.Done<>("fine"));
        assertThat(((Result.Failed<String>) joined.results().get(1)).error()).hasMessage("bad");
        assertThat(((Result.Failed<String>) joined.results().get(2)).error()).hasMessage("worse");
        // "also-failing" may end before "failing" has finished throwing: the order between them is not fixed
        assertThat(joined.failures()).containsExactlyInAnyOrder(1, 2);
    }

    @Test
    void aPassedDeadlineCancelsWhatIsUnfinishedAndKeepsWhatFinished() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        List<Task<String>> tasks = List.of(
                new Task<>("quick", () -> "done"),
                new Task<>("stuck", () -> blockUntilInterrupted("stuck", started)));

        Scopes.Joined<String> joined = Scopes.forkAll("test", tasks, Optional.of(Duration.ofMillis(200)), true, ALL);

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
                        new Task<>("b", () -> ignoreInterruptBriefly("b", started))), Optional.empty(), true, ALL);
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
                            Optional.empty(), true, ALL);
                    return "inner returned";
                }),
                new Task<>("outer-2", () -> {
                    innerStarted.await();
                    throw new IllegalStateException("outer boom");
                }));

        Scopes.Joined<String> joined = Scopes.forkAll("outer", outer, Optional.empty(), true, ALL);

        assertThat(joined.results().get(0)).isEqualTo(new Result.Unfinished<>());
        assertThat(joined.failures()).containsExactly(1);
        assertThat(trail).containsExactlyInAnyOrder("inner-1 interrupted", "inner-2 interrupted");
        assertThat(threads).allSatisfy(t -> assertThat(t.isAlive()).isFalse());
    }

    @Test
    void noMoreThanMaxRunningTasksAreAliveAtOnceAndAllOfThemRun() throws Exception {
        AtomicInteger alive = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        List<Task<Integer>> tasks = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int n = i;
            tasks.add(new Task<>("t" + i, () -> {
                peak.accumulateAndGet(alive.incrementAndGet(), Math::max);
                Thread.sleep(10);
                alive.decrementAndGet();
                return n;
            }));
        }

        Scopes.Joined<Integer> joined = Scopes.forkAll("test", tasks, Optional.empty(), true, 3);

        assertThat(peak.get()).isEqualTo(3);
        assertThat(joined.results()).extracting(r -> ((Result.Done<Integer>) r).value())
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 20).boxed().toList());
    }

    @Test
    void aFailFastFailureStopsForkingTheTasksStillWaiting() throws Exception {
        List<Task<String>> tasks = aFailureThenNine(name -> () -> {
            trail.add(name);
            return name;
        });

        Scopes.Joined<String> joined = Scopes.forkAll("test", tasks, Optional.empty(), true, 1);

        assertThat(joined.failures()).containsExactly(0);
        assertThat(trail).isEmpty();
        assertThat(joined.results().subList(1, 10)).containsOnly(new Result.Unfinished<>());
    }

    @Test
    void inCollectModeEveryTaskRunsDespiteAFailure() throws Exception {
        List<Task<String>> tasks = aFailureThenNine(name -> () -> name);

        Scopes.Joined<String> joined = Scopes.forkAll("test", tasks, Optional.empty(), false, 2);

        assertThat(joined.failures()).containsExactly(0);
        assertThat(joined.results().subList(1, 10)).allMatch(r -> r instanceof Result.Done<String>);
    }

    @Test
    void theDeadlineStopsForkingTheTasksStillWaiting() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        List<Task<String>> tasks = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String name = "t" + i;
            tasks.add(new Task<>(name, () -> blockUntilInterrupted(name, started)));
        }

        Scopes.Joined<String> joined = Scopes.forkAll("test", tasks, Optional.of(Duration.ofMillis(200)), true, 1);

        assertThat(joined.timedOut()).isTrue();
        assertThat(trail).containsExactly("t0 interrupted");
        assertThat(joined.results()).containsOnly(new Result.Unfinished<>());
        assertThat(threads).hasSize(1).allSatisfy(t -> assertThat(t.isAlive()).isFalse());
    }

    @Test
    void maxRunningMustBePositive() {
        assertThatThrownBy(() -> Scopes.<String>forkAll("test", List.of(), Optional.empty(), true, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
    }

    @Test
    void anEmptyTaskListJoinsAtOnce() throws Exception {
        assertThat(Scopes.<String>forkAll("test", List.of(), Optional.empty(), true, ALL).results()).isEmpty();
    }

    @Test
    void taskNamesAreRequired() {
        assertThatThrownBy(() -> new Task<>(null, () -> "x")).isInstanceOf(NullPointerException.class);
    }

    private String describeCurrentThread() {
        Thread t = Thread.currentThread();
        return t.getName() + (t.isVirtual() ? " virtual" : " platform");
    }

    /** A task that throws, then tasks t1 to t9 whose bodies {@code body} makes from their names. */
    private static List<Task<String>> aFailureThenNine(Function<String, Callable<String>> body) {
        List<Task<String>> tasks = new ArrayList<>();
        tasks.add(new Task<>("first", () -> {
            throw new IllegalStateException("boom");
        }));
        for (int i = 1; i < 10; i++) {
            String name = "t" + i;
            tasks.add(new Task<>(name, body.apply(name)));
        }
        return tasks;
    }

    /** Like a task that waits for a response: it throws when a cancellation interrupts it. */
    private String blockUntilInterrupted(String name, CountDownLatch started) throws InterruptedException {
        threads.add(Thread.currentThread());
        started.countDown();
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            trail.add(name + " interrupted");
            throw e;
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
