package dev.skyloom.cli;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The files one command writes into a directory, each written under a temporary name beside its final one and
 * renamed to it atomically once complete, so that no file under a final name is ever incomplete.
 *
 * <p>A temporary file is named {@code .<final name>.<random>.part}. It is deleted when its writing fails, when the
 * command ends without committing it ({@link #close}), and when the JVM shuts down (Ctrl-C, SIGTERM): the shutdown
 * hook refuses new files, interrupts the command's thread so that the load cancels and its writers close, waits a few
 * seconds for the command to close this, and deletes whatever temporary file is still there.
 */
final class AtomicFiles implements AutoCloseable {

    private static final long SHUTDOWN_WAIT_SECONDS = 5;

    private final Path dir;
    private final Thread owner;
    private final Set<Path> parts = ConcurrentHashMap.newKeySet();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Thread hook;
    private volatile boolean shuttingDown;

    /**
     * Starts writing into {@code dir}; the calling thread is the one a shutdown interrupts.
     *
     * @param dir an existing, writable directory
     */
    AtomicFiles(Path dir) {
        this.dir = dir;
        this.owner = Thread.currentThread();
        this.hook = new Thread(this::onShutdown, "skyloom-discard-partial-files");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** One file being written: {@link #temp()} is where to write, {@link #commit()} gives it its final name. */
    final class Part {
        private final Path target;
        private final Path temp;

        private Part(Path target, Path temp) {
            this.target = target;
            this.temp = temp;
        }

        /** @return the temporary file to write */
        Path temp() {
            return temp;
        }

        /** @return the final file */
        Path target() {
            return target;
        }

        /**
         * Renames the complete temporary file to its final name, replacing any file there.
         *
         * @throws IOException if the rename fails; the temporary file is deleted then
         */
        void commit() throws IOException {
            try {
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                discard();
            }
        }

        /** Deletes the temporary file, if it is still there. */
        void discard() {
            delete(temp);
            parts.remove(temp);
        }
    }

    /**
     * Creates an empty temporary file for the final file {@code name} in the directory.
     *
     * @throws IOException if it cannot be created, or the JVM is shutting down
     */
    Part create(String name) throws IOException {
        Path temp = newPart(name);
        parts.add(temp);
        if (shuttingDown) {
            parts.remove(temp);
            delete(temp);
            throw new IOException("not writing " + name + ": the command is being stopped");
        }
        return new Part(dir.resolve(name), temp);
    }

    /**
     * A new empty file {@code .<name>.<random>.part}, made with the permissions any new file of the process gets (the
     * umask's, as a file the user writes by hand), not {@code createTempFile}'s owner-only ones: it becomes the
     * user's output file.
     */
    private Path newPart(String name) throws IOException {
        for (int attempt = 1; ; attempt++) {
            Path candidate = dir.resolve("." + name + "." + Long.toUnsignedString(
                    ThreadLocalRandom.current().nextLong(), 36) + ".part");
            try {
                return Files.createFile(candidate);
            } catch (FileAlreadyExistsException taken) {
                if (attempt == 100) {
                    throw taken;
                }
            }
        }
    }

    /** Deletes every temporary file not committed and forgets the shutdown hook. */
    @Override
    public void close() {
        parts.forEach(AtomicFiles::delete);
        parts.clear();
        closed.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shutdownUnderWay) {
            // the hook is running and waits for the countdown above
        }
    }

    private void onShutdown() {
        shuttingDown = true;
        owner.interrupt();
        try {
            closed.await(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        parts.forEach(AtomicFiles::delete);
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // nothing more to do about a file that cannot be deleted while giving up
        }
    }
}
