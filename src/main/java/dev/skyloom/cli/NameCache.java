package dev.skyloom.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

/**
 * Names fetched from a server for shell completion (dataset slugs, collection names, field names), kept in files of
 * the cache directory for a short while so that pressing Tab again answers at once. A file is named by a hash of
 * what it answers (server, key, question); the API key itself is never written.
 */
final class NameCache {

    /** How long fetched names are used before they are fetched again. */
    static final Duration TTL = Duration.ofMinutes(2);

    private final Path dir;
    private final Duration ttl;

    /**
     * @param dir where the files go, created when first needed
     * @param ttl how long a file is used
     */
    NameCache(Path dir, Duration ttl) {
        this.dir = dir;
        this.ttl = ttl;
    }

    /**
     * @param key   what the names answer, e.g. the URL, a hash of the key and {@code collections <slug>}
     * @param fetch asked for the names when there is no fresh file
     * @return the names, from the file or fetched (and then stored; a cache that cannot be written is skipped)
     */
    List<String> names(String key, Supplier<List<String>> fetch) {
        Path file = dir.resolve(hash(key) + ".names");
        try {
            if (Files.isRegularFile(file)
                    && Files.getLastModifiedTime(file).toInstant().isAfter(Instant.now().minus(ttl))) {
                return Files.readAllLines(file, StandardCharsets.UTF_8);
            }
        } catch (IOException unreadable) {
            // fetch again
        }
        List<String> names = fetch.get();
        try {
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, "names", ".tmp");
            Files.write(temp, names, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException unwritable) {
            // completion still answers, only not from the cache next time
        }
        return names;
    }

    /** {@return the hex SHA-256 of {@code text}, for file names and keys that must not show a secret} */
    static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8))).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
