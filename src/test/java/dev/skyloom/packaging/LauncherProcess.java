package dev.skyloom.packaging;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs a {@code skyloom} launcher as its own process, for the launcher's checks. */
final class LauncherProcess {

    /** The build directory under test ({@code target}). */
    static final Path BUILD = Path.of(System.getProperty("skyloom.build", "target")).toAbsolutePath();
    /** The launcher of the build under test. */
    static final Path LAUNCHER = BUILD.getParent().resolve("skyloom");

    /** What a run printed, and how it ended. */
    record Result(int exit, String out, String err) {
    }

    private LauncherProcess() {
    }

    /**
     * Runs {@code launcher} with {@code args} and {@code environment} added to this process's, waiting at most two
     * minutes for it to end.
     */
    static Result run(Path launcher, Map<String, String> environment, String... args) throws Exception {
        Path out = Files.createTempFile("launcher", ".out");
        Path err = Files.createTempFile("launcher", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(launcher.toString()).redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            builder.command().addAll(List.of(args));
            builder.environment().putAll(environment);
            Process process = builder.start();
            assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("the launcher ends").isTrue();
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
