package dev.skyloom.local;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Flushes a file that is being written to disk every so often, on a thread of its own, so that the final fsync
 * finds little left to write: the disk works while the cores generate, instead of after them. Best effort: a flush
 * that fails ends the flushing quietly (the final fsync, which the writer makes itself, is what counts).
 */
final class WritebackFlusher implements AutoCloseable {

    /** One flush; may throw, which stops the flushing. */
    @FunctionalInterface
    interface Flush {
        void run() throws IOException;
    }

    private final CountDownLatch closed = new CountDownLatch(1);
    private final Thread thread;
    private final Closeable resource;

    private WritebackFlusher(Flush flush, Duration interval, Closeable resource) {
        this.resource = resource;
        this.thread = Thread.ofPlatform().daemon().name("skyloom-writeback").start(() -> {
            try {
                while (!closed.await(interval.toMillis(), TimeUnit.MILLISECONDS)) {
                    flush.run();
                }
            } catch (IOException | InterruptedException | RuntimeException stop) {
                // best effort: the writer's own fsync at the end makes the file durable
            }
        });
    }

    /**
     * Starts flushing {@code file}'s data to disk every {@code interval} until closed.
     *
     * @throws IOException if the file cannot be opened
     */
    static WritebackFlusher of(Path file, Duration interval) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
        return new WritebackFlusher(() -> channel.force(false), interval, channel);
    }

    /** Starts running {@code flush} every {@code interval} until closed. */
    static WritebackFlusher every(Duration interval, Flush flush) {
        return new WritebackFlusher(flush, interval, () -> { });
    }

    /** Stops flushing and waits for a flush in progress to end. */
    @Override
    public void close() {
        closed.countDown();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            resource.close();
        } catch (IOException ignored) {
            // nothing was written through it
        }
    }
}
