package dev.skyloom.packaging;

import dev.skyloom.packaging.LauncherProcess.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Checks the ahead-of-time cache {@code package} trains ({@code target/skyloom.aot}, see {@code AotTraining}): the
 * {@code skyloom} launcher starts the CLI from it, and a cache the JVM cannot use is passed over without a word.
 */
class LauncherAotIT {

    private static final Path BUILD = LauncherProcess.BUILD;
    private static final String NAME = System.getProperty("skyloom.finalName", "skyloom-0.1.0-SNAPSHOT");
    private static final String FROM_CACHE = "dev.skyloom.cli.Main source: shared objects file";

    private static Result launch(Path launcher, String javaOptions, String... args) throws Exception {
        return LauncherProcess.run(launcher, Map.of("SKYLOOM_JAVA_OPTS", javaOptions), args);
    }

    private static Path cache() {
        Path cache = BUILD.resolve("skyloom.aot");
        assumeTrue(Files.isRegularFile(cache), "the AOT cache was not trained (-Dskyloom.aot.skip)");
        return cache;
    }

    @Test
    void theLauncherStartsTheCliFromTheCacheThePackageTrained() throws Exception {
        cache();
        Result result = launch(LauncherProcess.LAUNCHER, "-Xlog:class+load=info", "--version");

        assertThat(result.exit()).isZero();
        assertThat(result.out()).contains(FROM_CACHE).contains("skyloom ");
    }

    @Test
    void aCacheTheJvmCannotUseIsPassedOverQuietly(@TempDir Path copy) throws Exception {
        Path cache = cache();
        // The same launcher, jar and cache in another directory: the cache names the jar where it was trained.
        Files.copy(LauncherProcess.LAUNCHER, copy.resolve("skyloom"), StandardCopyOption.COPY_ATTRIBUTES);
        Path target = Files.createDirectory(copy.resolve("target"));
        Path jar = Files.copy(BUILD.resolve(NAME + "-cli.jar"), target.resolve(NAME + "-cli.jar"));
        Path moved = Files.copy(cache, target.resolve("skyloom.aot"));
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minusSeconds(60)));
        Files.setLastModifiedTime(moved, FileTime.from(Instant.now()));

        Result used = launch(copy.resolve("skyloom"), "-Xlog:class+load=info", "--version");
        Result plain = launch(copy.resolve("skyloom"), "", "--version");

        assertThat(used.exit()).isZero();
        assertThat(used.out()).doesNotContain(FROM_CACHE).contains("dev.skyloom.cli.Main source: file:");
        assertThat(plain.exit()).isZero();
        assertThat(plain.out().strip()).matches("skyloom \\S+");
        assertThat(plain.err()).isEmpty();
    }
}
