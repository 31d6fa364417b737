package dev.skyloom.packaging;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks how the {@code skyloom} launcher picks its JDK: a {@code JAVA_HOME} whose {@code release} file names
 * release 25 is taken without starting its {@code java} to ask (a JVM start costs about 80 ms on every command), and
 * one of another release is passed over for a JDK 25 under {@code /usr/lib/jvm}.
 */
class LauncherJdkIT {

    @TempDir
    Path dir;

    /** A JDK folder with a {@code release} file of {@code version} whose {@code bin/java} only logs its arguments. */
    private Path fakeJdk(String version, Path log) throws Exception {
        Path home = Files.createDirectories(dir.resolve("jdk-" + version));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + version + "\"\n");
        Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\necho \"$*\" >> '" + log + "'\necho fake java\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return home;
    }

    /** Runs {@code skyloom --version} with {@code javaHome}; returns what it printed, on stdout and stderr. */
    private static String version(Path javaHome) throws Exception {
        LauncherProcess.Result result = LauncherProcess.run(LauncherProcess.LAUNCHER,
                Map.of("JAVA_HOME", javaHome.toString()), "--version");
        String output = result.out() + result.err();
        assertThat(result.exit()).as(output).isZero();
        return output;
    }

    @Test
    void aJavaHomeOfRelease25IsTakenFromItsReleaseFileWithoutStartingItsJava() throws Exception {
        Path log = dir.resolve("calls.log");
        Path home = fakeJdk("25.0.1", log);

        String output = version(home);

        assertThat(output).isEqualTo("fake java\n");
        List<String> calls = Files.readAllLines(log);
        assertThat(calls).as("one call, the command itself; no version probe").hasSize(1);
        assertThat(calls.getFirst()).contains("-jar").endsWith("--version");
    }

    @Test
    void aJavaHomeOfAnotherReleaseIsPassedOver() throws Exception {
        Path log = dir.resolve("calls.log");
        Path home = fakeJdk("17.0.9", log);

        String output = version(home);

        assertThat(output).startsWith("skyloom ");
        assertThat(log).doesNotExist();
    }
}
