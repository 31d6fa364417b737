package dev.skyloom.concurrent;

import dev.skyloom.Page;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Puts the pages of one collection's slices, which arrive out of order, back into time order for its sink, holding
 * at most a bounded number of pages.
 *
 * <p>The slice being delivered is the head; the slices after it load ahead and their pages wait here. A slice
 * {@linkplain #reserve reserves} a place before it requests a page and the place is freed once the sink has taken
 * the page, so the pages requested, waiting or being delivered never exceed the bound. Slices other than the head
 * may fill all places but one, which stays free for the head: the head can always go on, so the sink always gets
 * its next page. A slice waiting for a place holds no request permit, so a slow sink stalls only its own collection.
 *
 * <p>{@link #deliverAll} runs on one thread of its own and hands the pages to the sink in order; every wait is
 * interruptible, so a cancelled collection stops at once.
 */
final class PageOrder {

    /** A sink call, which may throw anything its sink throws. */
    @FunctionalInterface
    interface Delivery {
        void accept(Page page) throws Exception;
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final int slices;
    private final int bound;
    private final Map<Integer, ArrayDeque<Page>> waiting = new HashMap<>();
    private final boolean[] finished;
    private int head;
    private int held;

    /**
     * @param slices the number of slices, in time order
     * @param bound  the most pages held at once; at least 1 (1: only the head loads, one page at a time)
     */
    PageOrder(int slices, int bound) {
        if (bound < 1) {
            throw new IllegalArgumentException("the page bound must be at least 1, got " + bound);
        }
        this.slices = slices;
        this.bound = bound;
        this.finished = new boolean[slices];
    }

    /**
     * Waits until slice {@code slice} may request one more page, and takes a place for it.
     *
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    void reserve(int slice) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (slice == head ? held >= bound : held >= bound - 1) {
                changed.await();
            }
            held++;
        } finally {
            lock.unlock();
        }
    }

    /** Adds the page that slice {@code slice} reserved a place for. */
    void put(int slice, Page page) {
        lock.lock();
        try {
            waiting.computeIfAbsent(slice, s -> new ArrayDeque<>()).add(page);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Records that slice {@code slice} has put its last page. */
    void finish(int slice) {
        lock.lock();
        try {
            finished[slice] = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Hands every page to {@code sink}, slice by slice in order, each slice's pages in the order they were put; returns
     * when the last slice has finished and its pages are delivered.
     *
     * @throws Exception what the sink throws; {@link InterruptedException} if the thread is interrupted
     */
    Void deliverAll(Delivery sink) throws Exception {
        while (true) {
            Page page;
            lock.lockInterruptibly();
            try {
                ArrayDeque<Page> queue;
                while ((queue = waiting.get(head)) == null || queue.isEmpty()) {
                    if (finished[head]) {
                        waiting.remove(head);
                        head++;
                        changed.signalAll();
                        if (head == slices) {
                            return null;
                        }
                    } else {
                        changed.await();
                    }
                }
                page = queue.poll();
            } finally {
                lock.unlock();
            }
            sink.accept(page);
            lock.lock();
            try {
                held--;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }
}
