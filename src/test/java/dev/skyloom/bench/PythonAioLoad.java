package dev.skyloom.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The official Tilebox Python client's concurrent load ({@code asyncio.gather} over the collections with its aio
 * client, over HTTP/1.1), run where a Python with {@code tilebox-datasets} is found: the one named by
 * {@code SKYLOOM_TILEBOX_PYTHON} (as for {@code OfficialPythonClientTest}), else {@code python3}.
 */
final class PythonAioLoad {

    private static final String SCRIPT = "python_aio_load.py";

    /**
     * What the Python client reported.
     *
     * @param seconds how long its {@code asyncio.gather} took
     * @param counts  the datapoints of each collection, in order
     */
    record Result(double seconds, long[] counts) {
    }

    private PythonAioLoad() {
    }

    /** {@return the Python to use, if one with {@code tilebox-datasets} is found} */
    static Optional<String> find() throws InterruptedException {
        String python = System.getenv().getOrDefault("SKYLOOM_TILEBOX_PYTHON", "python3");
        try {
            Process check = new ProcessBuilder(python, "-c", "import tilebox.datasets.aio")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return check.waitFor(2, TimeUnit.MINUTES) && check.exitValue() == 0 ? Optional.of(python)
                    : Optional.empty();
        } catch (IOException notInstalled) {
            return Optional.empty();
        }
    }

    /**
     * Loads {@code names} of dataset {@code slug} between {@code from} and {@code to} with the aio client.
     *
     * @param log where the script and its output go
     * @throws IOException if the script fails or prints no result
     */
    static Result run(String python, URI url, String slug, String from, String to, List<String> names, Path log)
            throws IOException, InterruptedException {
        Files.createDirectories(log.getParent());
        Path script = log.resolveSibling(SCRIPT);
        try (InputStream in = PythonAioLoad.class.getResourceAsStream(SCRIPT)) {
            Files.write(script, in.readAllBytes());
        }
        List<String> command = new ArrayList<>(List.of(python, script.toString(), url.toString(), slug, from, to));
        command.addAll(names);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IOException("the Python aio load did not finish within 10 minutes; see " + log);
        }
        List<String> output = Files.readAllLines(log);
        String json = output.stream().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElseThrow(() ->
                new IOException("the Python aio load exited with " + process.exitValue() + " and no result: "
                        + String.join(" | ", output.subList(Math.max(0, output.size() - 5), output.size()))));
        JsonNode result = new ObjectMapper().readTree(json);
        long[] counts = new long[result.get("counts").size()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = result.get("counts").get(i).asLong();
        }
        return new Result(result.get("seconds").asDouble(), counts);
    }
}
