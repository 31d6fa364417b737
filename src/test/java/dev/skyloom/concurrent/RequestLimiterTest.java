package dev.skyloom.concurrent;

import dev.skyloom.SkyloomException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestLimiterTest {

    @Test
    void neverMoreCallsRunAtOnceThanTheLimit() throws Exception {
        RequestLimiter limiter = new RequestLimiter(3);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger max = new AtomicInteger();

        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 20; i++) {
                executor.submit(() -> limiter.call(() -> {
                    max.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    awaitUntil(() -> inFlight.get() >= 3, 1000);
                    inFlight.decrementAndGet();
                    return null;
                }));
            }
        }

        assertThat(max.get()).isEqualTo(3);
    }

    @Test
    void aPermitIsHeldWhileARequestIsInFlight() throws Exception {
        RequestLimiter limiter = new RequestLimiter(1);
        Queue<String> trail = new ConcurrentLinkedQueue<>();
        CountDownLatch fetching = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Iterator<String> pages = new Iterator<>() {
            private boolean fetched;

            @Override
            public boolean hasNext() {
                return !fetched;
            }

            @Override
            public String next() {
                trail.add("fetch starts");
                fetching.countDown();
                await(release);
                trail.add("fetch ends");
                fetched = true;
                return "page";
            }
        };

        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<List<String>> consumer = executor.submit(() -> {
                List<String> got = new ArrayList<>();
                while (pages.hasNext()) {
                    got.add(limiter.call(pages::next));
                }
                return got;
            });
            fetching.await();
            Thread other = Thread.ofVirtual().start(() -> limiter.call(() -> trail.add("other request")));
            awaitUntil(() -> other.getState() == Thread.State.WAITING || !other.isAlive(), 5000);
            trail.add("released");
            release.countDown();
            other.join();
            assertThat(consumer.get()).containsExactly("page");
        }

        assertThat(trail).containsExactly("fetch starts", "released", "fetch ends", "other request");
    }

    @Test
    void aThreadInterruptedWhileWaitingForAPermitGetsCancelledWithItsFlagSet() throws Exception {
        RequestLimiter limiter = new RequestLimiter(1);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean flagSet = new AtomicBoolean();

        Thread holder = Thread.ofVirtual().start(() -> limiter.call(() -> {
            holding.countDown();
            await(release);
            return null;
        }));
        holding.await();
        Thread waiter = Thread.ofVirtual().start(() -> {
            try {
                limiter.call(() -> "never");
            } catch (Throwable e) {
                thrown.set(e);
                flagSet.set(Thread.currentThread().isInterrupted());
            }
        });
        awaitUntil(() -> waiter.getState() == Thread.State.WAITING, 5000);
        waiter.interrupt();
        waiter.join();
        release.countDown();
        holder.join();

        assertThat(thrown.get()).isInstanceOf(SkyloomException.Cancelled.class)
                .hasMessage("cancelled while waiting to send a request");
        assertThat(flagSet).isTrue();
    }

    @Test
    void theLimitMustBePositive() {
        assertThatThrownBy(() -> new RequestLimiter(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the request limit must be at least 1, got 0");
    }

    private static void awaitUntil(BooleanSupplier condition, long millis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            Thread.yield();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
