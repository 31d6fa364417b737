package dev.skyloom.packaging;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Checks the ahead-of-time cache {@code package} trains ({@code target/skyloom.aot}, see {@code AotTraining}): the
 * {@code skyloom} launcher starts the CLI from it, and a cache the JVM cannot use is passed over without a word.
 */
class LauncherAotIT {

    private static final Path BUILD = Path.of(System.getProperty("skyloom.build", "target")).toAbsolutePath();
    private static final String NAME = System.getProperty("skyloom.finalName", "skyloom-0.1.0-SNAPSHOT");
    private static final Path ROOT = BUILD.getParent();
    private static final String FROM_CACHE = "dev.skyloom.cli.Main source: shared objects file";

    private record Result(int exit, String out, String err) {
    }

    private static Result launch(Path launcher, String javaOptions, String... args) throws Exception {
        Path out = Files.createTempFile("launcher", ".out");
        Path err = Files.createTempFile("launcher", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(launcher.toString()).redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            builder.command().addAll(List.of(args));
            builder.environment().put("SKYLOOM_JAVA_OPTS", javaOptions);
            Process process = builder.start();
            assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("the launcher ends").isTrue();
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static Path cache() {
        Path cache = BUILD.resolve("skyloom.aot");
        assumeTrue(Files.isRegularFile(cache), "the AOT cache was not trained (-Dskyloom.aot.skip)");
        return cache;
    }

    @Test
    void theLauncherStartsTheCliFromTheCacheThePackageTrained() throws Exception {
        cache();
        Result result = launch(ROOT.resolve("skyloom"), "-Xlog:class+load=info", "--version");

        assertThat(result.exit()).isZero();
        assertThat(result.out()).contains(FROM_CACHE).contains("skyloom ");
    }

    @Test
    void aCacheTheJvmCannotUseIsPassedOverQuietly(@TempDir Path copy) throws Exception {
        Path cache = cache();
        // The same launcher, jar and cache in another directory: the cache names the jar where it was trained.
        Files.copy(ROOT.resolve("skyloom"), copy.resolve("skyloom"), StandardCopyOption.COPY_ATTRIBUTES);
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
