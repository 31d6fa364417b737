package dev.skyloom.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One server per data directory, in this JVM and across processes, unless every holder opens it shared. */
class DataDirectoryTest {

    @TempDir
    Path dir;

    private LocalServer start(boolean shared) {
        return LocalServer.start(LocalServerConfig.defaults().withDataDir(dir).withSharedDataDir(shared));
    }

    @Test
    void aSecondServerInThisProcessFailsUntilTheFirstCloses() {
        try (LocalServer first = start(false)) {
            assertThat(first.port()).isPositive();
            assertThatThrownBy(() -> start(false)).isInstanceOf(UncheckedIOException.class)
                    .hasMessage("the data directory " + dir + " is already used by another Skyloom server in this "
                            + "process; stop that server first or use another data directory");
            assertThatThrownBy(() -> start(true)).hasMessageContaining("already used by another Skyloom server");
        }
        try (LocalServer again = start(false)) {
            assertThat(again.port()).isPositive();
        }
    }

    @Test
    void sharedServersUseTheDirectoryTogetherButNotWithAnExclusiveOne() {
        try (LocalServer first = start(true); LocalServer second = start(true)) {
            assertThat(second.port()).isNotEqualTo(first.port());
            assertThatThrownBy(() -> start(false)).hasMessageContaining("already used by another Skyloom server");
        }
        try (LocalServer alone = start(false)) {
            assertThat(alone.port()).isPositive();
        }
    }

    @Test
    void aServerInAnotherProcessIsNamedByItsProcessIdAndItsDeathFreesTheDirectory() throws Exception {
        LocalServerProcess other = LocalServerProcess.launch(dir);
        try {
            assertThatThrownBy(() -> start(false)).isInstanceOf(UncheckedIOException.class)
                    .hasMessage("the data directory " + dir + " is already used by a Skyloom server in process "
                            + other.process().pid() + "; stop that server first or use another data directory");
            assertThatThrownBy(() -> start(true)).hasMessageContaining("a Skyloom server in ");
        } finally {
            other.process().destroyForcibly().waitFor();
        }
        try (LocalServer after = start(false)) {
            assertThat(after.port()).isPositive();
        }
    }

    @Test
    void aDirectoryThatCannotBeCreatedIsNamedWithTheReason() throws Exception {
        Path file = Files.writeString(dir.resolve("file"), "x");
        assertThatThrownBy(() -> LocalServer.start(LocalServerConfig.defaults().withDataDir(file.resolve("data"))))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessage("cannot create the data directory " + file.resolve("data") + ": " + file
                        + " exists and is not a directory");
    }
}
