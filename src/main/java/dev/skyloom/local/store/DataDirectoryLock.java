package dev.skyloom.local.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * Keeps two servers from using one data directory at once: a lock on the file {@code skyloom.lock} in it, held for as
 * long as the server's database is open and released by the operating system if the process dies.
 *
 * <p>A server normally holds the directory <em>exclusively</em>. A directory opened as <em>shared</em> (the CLI's
 * demo catalogue cache, which several short-lived commands read at once) may be opened by any number of shared
 * holders, in this and other processes, but not together with an exclusive one. Within one JVM the operating system
 * lock cannot be taken twice, so holders in this JVM are counted here.
 */
final class DataDirectoryLock implements AutoCloseable {

    /** The lock file's name in the data directory. */
    static final String FILE_NAME = "skyloom.lock";

    /** The locks this JVM holds, by real directory path; guarded by itself. */
    private static final Map<Path, Held> HELD = new HashMap<>();

    private static final class Held {
        final FileChannel channel;
        final FileLock lock;
        final boolean shared;
        int holders = 1;

        Held(FileChannel channel, FileLock lock, boolean shared) {
            this.channel = channel;
            this.lock = lock;
            this.shared = shared;
        }
    }

    private final Path directory;
    private boolean closed;

    private DataDirectoryLock(Path directory) {
        this.directory = directory;
    }

    /**
     * Takes the lock of an existing directory.
     *
     * @param directory the data directory
     * @param shared    whether other shared holders may use the directory at the same time
     * @return the held lock; close it to release it
     * @throws UncheckedIOException saying that another server uses the directory (with its process id when known),
     *                              or why the lock file cannot be written
     */
    static DataDirectoryLock acquire(Path directory, boolean shared) {
        Path key;
        try {
            key = directory.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use the data directory " + directory + ": " + e.getMessage(), e);
        }
        synchronized (HELD) {
            Held held = HELD.get(key);
            if (held != null) {
                if (held.shared && shared) {
                    held.holders++;
                    return new DataDirectoryLock(key);
                }
                throw inUse(directory, "another Skyloom server in this process");
            }
            FileChannel channel = null;
            try {
                channel = FileChannel.open(key.resolve(FILE_NAME), StandardOpenOption.CREATE, StandardOpenOption.READ,
                        StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock(0, Long.MAX_VALUE, shared);
                if (lock == null) {
                    String owner = owner(channel);
                    channel.close();
                    throw inUse(directory, "a Skyloom server in "
                            + (owner == null ? "another process" : "process " + owner));
                }
                if (!shared) {
                    channel.truncate(0).write(ByteBuffer.wrap(
                            Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII)), 0);
                }
                HELD.put(key, new Held(channel, lock, shared));
                return new DataDirectoryLock(key);
            } catch (IOException e) {
                closeQuietly(channel);
                throw new UncheckedIOException("cannot lock the data directory " + directory + " (" + FILE_NAME
                        + "): " + e.getMessage(), e);
            }
        }
    }

    /** Releases the lock (this holder's share of it). Idempotent. */
    @Override
    public void close() {
        synchronized (HELD) {
            if (closed) {
                return;
            }
            closed = true;
            Held held = HELD.get(directory);
            if (held != null && --held.holders == 0) {
                HELD.remove(directory);
                closeQuietly(held.channel);
            }
        }
    }

    private static UncheckedIOException inUse(Path directory, String by) {
        String message = "the data directory " + directory + " is already used by " + by + "; stop that server"
                + " first or use another data directory";
        return new UncheckedIOException(message, new IOException(message));
    }

    /** The process id an exclusive holder wrote into the lock file, or null. */
    private static String owner(FileChannel channel) throws IOException {
        ByteBuffer content = ByteBuffer.allocate(20);
        channel.read(content, 0);
        String text = new String(content.array(), 0, content.position(), StandardCharsets.US_ASCII).strip();
        return text.matches("[0-9]{1,19}") ? text : null;
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // releasing: nothing useful to do
            }
        }
    }
}
