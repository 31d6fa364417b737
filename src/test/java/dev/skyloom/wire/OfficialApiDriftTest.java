package dev.skyloom.wire;

import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.FileDescriptor;
import dev.skyloom.wire.datasets.v1.AnnotatedType;
import dev.skyloom.wire.datasets.v1.CreateCollectionRequest;
import dev.skyloom.wire.datasets.v1.Geometry;
import dev.skyloom.wire.datasets.v1.IngestRequest;
import dev.skyloom.wire.datasets.v1.ListDatasetsRequest;
import dev.skyloom.wire.datasets.v1.QueryRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * Our {@code .proto} files against the descriptors of the installed official Python package ({@code tilebox-datasets},
 * whose generated modules carry them): fails on any difference {@link DescriptorDiff} lists, so the next change of the
 * service's API is caught here. Runs where a Python with the package is available, named by
 * {@code SKYLOOM_TILEBOX_PYTHON} (default {@code python3}); skipped, saying so, elsewhere.
 */
class OfficialApiDriftTest {

    /** One message of each of our files; the diff follows their imports. */
    static final List<FileDescriptor> OUR_FILES = List.of(ListDatasetsRequest.getDescriptor().getFile(),
            CreateCollectionRequest.getDescriptor().getFile(), QueryRequest.getDescriptor().getFile(),
            IngestRequest.getDescriptor().getFile(), AnnotatedType.getDescriptor().getFile(),
            Geometry.getDescriptor().getFile());

    @TempDir
    Path dir;

    @Test
    void ourProtoFilesMatchTheOfficialPackagesDescriptors() throws Exception {
        String python = System.getenv().getOrDefault("SKYLOOM_TILEBOX_PYTHON", "python3");
        Path script = dir.resolve("official_descriptors.py");
        try (InputStream in = getClass().getResourceAsStream("official_descriptors.py")) {
            Files.write(script, in.readAllBytes());
        }
        PythonRun run = PythonRun.of(List.of(python, script.toString()), dir.resolve("stderr.txt"), 120);
        if (run.exit() != 0) {
            abort("no Python with tilebox-datasets (set SKYLOOM_TILEBOX_PYTHON): " + run.problem());
        }
        List<String> lines = run.output().lines().toList();
        String version = lines.get(lines.size() - 2);
        FileDescriptorSet official = FileDescriptorSet.parseFrom(Base64.getDecoder().decode(lines.getLast()));

        List<String> differences = DescriptorDiff.between(OUR_FILES, DescriptorDiff.build(official));

        assertThat(differences).as("differences between src/main/proto and the descriptors of %s", version)
                .isEmpty();
    }

    /**
     * A finished process: its exit status, standard output, and the last line of its standard error (or why it did
     * not run).
     */
    record PythonRun(int exit, String output, String problem) {

        static PythonRun of(List<String> command, Path stderr, int seconds) throws IOException,
                InterruptedException {
            Process process;
            try {
                process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
            } catch (IOException e) {
                return new PythonRun(-1, "", e.getMessage());
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new PythonRun(-1, output, "timed out after " + seconds + " s");
            }
            String problem = Files.readAllLines(stderr).stream().reduce((a, b) -> b).orElse("(no message)");
            return new PythonRun(process.exitValue(), output, problem);
        }
    }
}
