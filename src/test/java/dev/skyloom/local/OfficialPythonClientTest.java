package dev.skyloom.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.skyloom.Processes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * The official Tilebox Python client against the local server, with each of its transports: {@code grpc} (its
 * default: gRPC over cleartext HTTP/2) and {@code http1} (Connect over HTTP/1.1). It runs where a Python with
 * {@code tilebox-datasets} is available, named by the system property or environment variable
 * {@code SKYLOOM_TILEBOX_PYTHON} (default {@code python3}; {@code .ci/run} points it at the virtual environment it
 * makes), and is skipped elsewhere, saying why. Set up one with
 * {@code python3 -m venv v && v/bin/pip install tilebox-datasets "protobuf-py<0.7"}.
 */
class OfficialPythonClientTest {

    private static final String PYTHON_SETTING = "SKYLOOM_TILEBOX_PYTHON";

    private static String python;

    @TempDir
    Path dir;

    @BeforeAll
    static void findPython() throws Exception {
        python = System.getProperty(PYTHON_SETTING, System.getenv().getOrDefault(PYTHON_SETTING, "python3"));
        Processes.Result probe = Processes.run(List.of(python, "-c", "import tilebox.datasets"), 60);
        if (probe.exit() != 0) {
            abort("skipped: no Python with tilebox-datasets at '" + python + "' (set " + PYTHON_SETTING + "): "
                    + probe.output().strip().lines().reduce((a, b) -> b).orElse(""));
        }
    }

    @ParameterizedTest(name = "transport={0}")
    @ValueSource(strings = {"grpc", "http1"})
    void theOfficialPythonClientWritesAndReadsThroughTheLocalServer(String transport) throws Exception {
        Path script = dir.resolve("check.py");
        try (InputStream in = getClass().getResourceAsStream("official_client_check.py")) {
            Files.write(script, in.readAllBytes());
        }
        try (LocalServer server = LocalServer.start(LocalServerConfig.defaults().withApiKey("tbx-official"))) {
            Processes.Result result = Processes.run(List.of(python, script.toString(), server.url().toString(),
                    transport, "tbx-official"), 300);
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
            assertThat(seen.get("wrong_key").asText()).isEqualTo("AuthenticationError");
        }
    }
}
