package dev.skyloom.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.skyloom.Processes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * The official Tilebox Python client against the local server. Optional: it runs only where a Python with
 * {@code tilebox-datasets} is available, named by {@code SKYLOOM_TILEBOX_PYTHON} (default {@code python3}), and is
 * skipped elsewhere. Set up one with {@code python3 -m venv v && v/bin/pip install tilebox-datasets "protobuf-py<0.7"}.
 */
class OfficialPythonClientTest {

    @TempDir
    Path dir;

    @Test
    void theOfficialPythonClientWritesAndReadsThroughTheLocalServer() throws Exception {
        String python = System.getenv().getOrDefault("SKYLOOM_TILEBOX_PYTHON", "python3");
        if (Processes.run(List.of(python, "-c", "import tilebox.datasets"), 60).exit() != 0) {
            abort("no Python with tilebox-datasets (set SKYLOOM_TILEBOX_PYTHON)");
        }
        Path script = dir.resolve("check.py");
        try (InputStream in = getClass().getResourceAsStream("official_client_check.py")) {
            Files.write(script, in.readAllBytes());
        }
        try (LocalServer server = LocalServer.start(LocalServerConfig.defaults())) {
            Processes.Result result = Processes.run(List.of(python, script.toString(), server.url().toString()), 300);
            assertThat(result.exit()).as(result.output()).isZero();
            String json = result.output().lines().reduce((a, b) -> b).orElse("{}");
            JsonNode seen = new ObjectMapper().readTree(json);

            assertThat(seen.get("ingested").asInt()).isEqualTo(3);
            assertThat(seen.get("same_ids_on_repeat").asBoolean()).isTrue();
            assertThat(seen.get("sites").toString()).isEqualTo("[\"a\",\"b\",\"c\"]");
            assertThat(seen.get("depths").toString()).isEqualTo("[1.5,2.5,3.5]");
            assertThat(seen.get("sites_near_origin").toString()).isEqualTo("[\"a\",\"b\"]");
            assertThat(seen.get("found").asText()).isEqualTo("b");
            assertThat(seen.get("collections").toString()).isEqualTo("[\"trips\"]");
            assertThat(seen.get("deleted").asInt()).isEqualTo(3);
            assertThat(seen.get("missing_dataset").asText()).isEqualTo("NotFoundError");
        }
    }
}
