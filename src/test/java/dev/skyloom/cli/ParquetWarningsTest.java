package dev.skyloom.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CLI in a JVM of its own, as the {@code skyloom} launcher starts it, writing GeoParquet in every codec: the JDK
 * prints nothing on stderr (JDK 25 warns once per run about {@code sun.misc.Unsafe} memory access and about native
 * libraries loaded without native access enabled, and such a line would land between the user's output).
 */
class ParquetWarningsTest {

    @TempDir
    Path dir;

    private String run(List<String> jvmOptions, String compression) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "--enable-preview"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--url", DemoFixture.url(), "query", "open_data.copernicus.landsat8_oli_tirs", "L1T",
                "--from", "2020-01-01", "--to", "2020-02-01", "--no-progress", "--format", "parquet",
                "--compression", compression, "--output", dir.resolve(compression + ".parquet").toString()));
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(err).isZero();
        return err;
    }

    @Test
    void writingGeoParquetPrintsNoJdkWarningWithTheLaunchersOptions() throws Exception {
        for (ParquetCompression compression : ParquetCompression.values()) {
            String err = run(List.of("--enable-native-access=ALL-UNNAMED"), compression.toString());

            assertThat(err).as(compression.toString()).doesNotContain("WARNING");
            assertThat(Files.size(dir.resolve(compression + ".parquet"))).isPositive();
        }
        // The check sees the JDK's warnings: without native access, loading zstd's library is one.
        assertThat(run(List.of(), "zstd")).contains("WARNING: A restricted method");
    }
}
