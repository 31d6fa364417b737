package dev.skyloom.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@link LocalServerMain} in its own JVM over a data directory, and the URL it printed.
 *
 * @param process the server's process
 * @param url     the URL it serves on
 */
record LocalServerProcess(Process process, URI url) {

    /** Starts a server process on a free port over {@code dataDir} and waits until it serves. */
    static LocalServerProcess launch(Path dataDir) throws IOException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process process = new ProcessBuilder(java, "--enable-preview", "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), LocalServerMain.class.getName(),
                "--data", dataDir.toString(), "--port", "0")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertThat(line).startsWith("skyloom local server listening on http://127.0.0.1:");
        return new LocalServerProcess(process, URI.create(line.substring(line.indexOf("http://"))));
    }
}
