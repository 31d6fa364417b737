package dev.skyloom.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The training run the build makes for the JDK's ahead-of-time cache ({@code -XX:AOTCacheOutput}, JEP 483, 514 and
 * 515): it runs what users run most, in one JVM, so that the cache holds those classes loaded and linked and their
 * methods' profiles, and a later {@code skyloom} process starts warm. It generates the demo catalogue into a private
 * cache directory (never the user's), then lists, queries, and loads demo collections into every output format
 * against the embedded demo server, and deletes what it wrote.
 *
 * <p>Run by {@code mvn package} (the {@code aot-cache} execution of the pom) as
 * {@code java -XX:AOTCacheOutput=target/skyloom.aot <the launcher's options> -cp <cli jar> dev.skyloom.cli.AotTraining};
 * the launcher then passes {@code -XX:AOTCache=target/skyloom.aot} when that file is newer than the jar.
 */
final class AotTraining {

    private static final String LANDSAT = "open_data.copernicus.landsat8_oli_tirs";
    private static final String SENTINEL2 = "open_data.copernicus.sentinel2_msi";

    private AotTraining() {
    }

    /**
     * Runs the training commands.
     *
     * @param args none
     * @throws IOException if the scratch directory cannot be made or removed
     */
    public static void main(String[] args) throws IOException {
        Main.silenceLibraryLogging();
        Path scratch = Files.createTempDirectory("skyloom-aot-training");
        try {
            Environment environment = new Environment(Map.of("XDG_CACHE_HOME", scratch.resolve("cache").toString(),
                    "NO_COLOR", "1"), nowhere(), nowhere(), false, false);
            List<List<String>> commands = new ArrayList<>(List.of(
                    List.of("datasets"),
                    List.of("collections", LANDSAT),
                    List.of("query", LANDSAT, "L1TP", "--from", "2020-01-01", "--to", "2020-01-08", "--format", "csv"),
                    List.of("query", SENTINEL2, "S2B_S2MSI1C", "--from", "2020-01-01", "--to", "2020-01-03",
                            "--format", "table")));
            for (String format : List.of("csv", "parquet", "jsonl", "geojson")) {
                commands.add(List.of("load", LANDSAT, "L1GT", "L1T", "L1TP", "L2SP", "--from", "2020-01-01", "--to",
                        "2020-04-01", "--format", format, "--output-dir", scratch.resolve(format).toString()));
            }
            for (List<String> command : commands) {
                int exit = Main.commandLine(environment).execute(command.toArray(String[]::new));
                if (exit != 0) {
                    throw new IllegalStateException("training command " + command + " exited with " + exit);
                }
            }
        } finally {
            deleteTree(scratch);
        }
    }

    private static PrintStream nowhere() {
        return new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
