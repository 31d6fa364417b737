package dev.skyloom.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Notices an HTTP/1.1 client hanging up while its call runs. Jetty reads an HTTP/1.1 connection only when it wants the
 * next request, so a client that closes its socket while a long query runs goes unnoticed until the answer is
 * written. Here the socket is also registered, for reading, with a selector of our own while the call runs: when it
 * turns readable with no bytes to read, the client has closed it. Nothing is read, so a (non-conforming) client that
 * pipelines its next request loses nothing; its call goes on. HTTP/2 needs none of this: a cancelled stream reaches
 * the request's failure listeners.
 */
final class HangupWatcher implements AutoCloseable {

    /** One watched call; closing it stops the watch. */
    interface Watch extends AutoCloseable {
        @Override
        void close();
    }

    private final Selector selector;
    private final Queue<Runnable> changes = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    private volatile boolean open = true;

    HangupWatcher() {
        try {
            selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector", e);
        }
        thread = Thread.ofPlatform().daemon().name("skyloom-hangups").start(this::loop);
    }

    /**
     * Watches a connection until the returned watch is closed.
     *
     * @param channel  the call's connection
     * @param onHangup run once, on the watcher's thread, if the client closes the connection while watched
     * @return the watch
     */
    Watch watch(SocketChannel channel, Runnable onHangup) {
        AtomicBoolean done = new AtomicBoolean();
        SelectionKey[] key = new SelectionKey[1];
        changes.add(() -> {
            if (done.get()) {
                return;
            }
            try {
                key[0] = channel.register(selector, SelectionKey.OP_READ, (Runnable) () -> {
                    if (done.compareAndSet(false, true)) {
                        onHangup.run();
                    }
                });
            } catch (ClosedChannelException e) {
                if (done.compareAndSet(false, true)) {
                    onHangup.run();
                }
            }
        });
        selector.wakeup();
        return () -> {
            done.set(true);
            changes.add(() -> {
                if (key[0] != null) {
                    key[0].cancel();
                }
            });
            selector.wakeup();
        };
    }

    private void loop() {
        while (open) {
            try {
                selector.select();
                for (Runnable change; (change = changes.poll()) != null; ) {
                    change.run();
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    key.cancel();
                    if (hungUp((SocketChannel) key.channel())) {
                        ((Runnable) key.attachment()).run();
                    }
                }
                selector.selectedKeys().clear();
            } catch (IOException | RuntimeException e) {
                // The selector itself failed: go on watching the connections registered with it.
            }
        }
    }

    /** Whether a readable connection has been closed by its client (readable with nothing to read, or reset). */
    private static boolean hungUp(SocketChannel channel) {
        try {
            return !channel.isOpen() || channel.socket().getInputStream().available() == 0;
        } catch (IOException e) {
            return true;
        }
    }

    @Override
    public void close() {
        open = false;
        selector.wakeup();
        try {
            thread.join(1000);
            selector.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
