package dev.skyloom.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.skyloom.DatasetKind;
import dev.skyloom.DatasetsClient;
import dev.skyloom.FieldSpec;
import dev.skyloom.FieldType;
import dev.skyloom.local.LocalServer;
import dev.skyloom.local.LocalServerConfig;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * uint64 values of 2^63 and more, end to end through the CLI: ingested from CSV, JSON Lines and GeoJSON, stored and
 * filtered by the local server, and written by every output format and {@code find} as the unsigned decimal they are.
 */
class UnsignedValuesTest {

    private static final String DATASET = "my_org.sizes";
    private static final String MAX = "18446744073709551615";
    private static final String HALF = "9223372036854775808";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static LocalServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws IOException {
        server = LocalServer.start(LocalServerConfig.defaults());
        try (DatasetsClient client = DatasetsClient.builder().url(server.url().toString()).apiKey(null).build()) {
            client.createOrUpdateDataset(DatasetKind.SPATIOTEMPORAL, "sizes", List.of(
                    FieldSpec.of("name", FieldType.STRING), FieldSpec.of("file_size", FieldType.UINT64).asQueryable()),
                    "Sizes").getOrCreateCollection("files");
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Cli.Result run(String... args) {
        List<String> all = new ArrayList<>(List.of("--url", server.url().toString()));
        all.addAll(List.of(args));
        return Cli.run(all.toArray(String[]::new));
    }

    private static Cli.Result query(String... more) {
        List<String> args = new ArrayList<>(List.of("query", DATASET, "files", "--from", "2025-01-01", "--to",
                "2025-01-02", "--no-progress"));
        args.addAll(List.of(more));
        Cli.Result result = run(args.toArray(String[]::new));
        assertThat(result.exit()).as(result.err()).isZero();
        return result;
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private void ingest(String name, String content) throws IOException {
        Cli.Result result = run("ingest", DATASET, "files", "--input", file(name, content).toString());
        assertThat(result.exit()).as(result.err()).isZero();
    }

    @Test
    void largeUnsignedValuesSurviveEveryFormatAndFilter() throws Exception {
        ingest("sizes.csv", "time,name,file_size\n2025-01-01T00:00:01Z,max," + MAX + "\n"
                + "2025-01-01T00:00:02Z,half," + HALF + "\n2025-01-01T00:00:03Z,small,5\n");
        ingest("sizes.jsonl", "{\"time\": \"2025-01-01T00:00:04Z\", \"name\": \"max_jsonl\", \"file_size\": " + MAX
                + "}\n");
        ingest("sizes.geojson", "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", "
                + "\"geometry\": {\"type\": \"Point\", \"coordinates\": [1, 2]}, \"properties\": {\"time\": "
                + "\"2025-01-01T00:00:05Z\", \"name\": \"max_geojson\", \"file_size\": " + MAX + "}}]}");

        List<String> csv = query("--format", "csv").out().lines().toList();
        int column = List.of(csv.getFirst().split(",")).indexOf("file_size");
        assertThat(csv.subList(1, csv.size())).extracting(line -> line.split(",")[column])
                .containsExactly(MAX, HALF, "5", MAX, MAX);

        List<String> jsonl = query("--format", "jsonl").out().lines().toList();
        assertThat(jsonl).extracting(line -> JSON.readTree(line).get("file_size").bigIntegerValue().toString())
                .containsExactly(MAX, HALF, "5", MAX, MAX);
        assertThat(jsonl.getFirst()).contains("\"file_size\":" + MAX);

        JsonNode geojson = JSON.readTree(query("--format", "geojson").out());
        assertThat(geojson.get("features").get(1).get("properties").get("file_size").bigIntegerValue().toString())
                .isEqualTo(HALF);

        String table = query("--format", "table").out();
        assertThat(table).as("grouped for people, as every count in a table")
                .contains(Numbers.grouped(new BigInteger(MAX))).contains(Numbers.grouped(new BigInteger(HALF)))
                .doesNotContain("-1 ").doesNotContain("-9,223,372,036,854,775,808");

        Path parquet = dir.resolve("sizes.parquet");
        query("--format", "parquet", "--output", parquet.toString());
        ParquetFiles.Contents contents = ParquetFiles.read(parquet);
        assertThat(contents.schema().getType("file_size").getLogicalTypeAnnotation())
                .isEqualTo(LogicalTypeAnnotation.intType(64, false));
        assertThat(contents.rows()).extracting(row -> Long.toUnsignedString((Long) row.get("file_size")))
                .containsExactly(MAX, HALF, "5", MAX, MAX);

        String firstId = JSON.readTree(jsonl.getFirst()).get("id").asText();
        Cli.Result found = run("find", DATASET, "files", firstId, "--format", "jsonl");
        assertThat(found.exit()).as(found.err()).isZero();
        assertThat(JSON.readTree(found.out()).get("file_size").bigIntegerValue().toString()).isEqualTo(MAX);

        // the server orders uint64 values unsigned, and the CLI sends literals above 2^63 - 1 as uint64
        assertThat(names(query("--format", "jsonl", "--filter", "file_size > 9223372036854775807")))
                .containsExactly("max", "half", "max_jsonl", "max_geojson");
        assertThat(names(query("--format", "jsonl", "--filter", "file_size = " + MAX)))
                .containsExactly("max", "max_jsonl", "max_geojson");
        assertThat(names(query("--format", "jsonl", "--filter", "file_size < " + HALF))).containsExactly("small");
        assertThat(names(query("--format", "jsonl", "--filter", "file_size >= 0"))).hasSize(5);
    }

    @Test
    void valuesOutsideTheUnsignedRangeAreRejectedWithTheLineNamed() throws IOException {
        Path negative = file("negative.csv", "time,name,file_size\n2025-01-02T00:00:00Z,bad,-1\n");
        Cli.Result tooSmall = run("ingest", DATASET, "files", "--input", negative.toString());
        assertThat(tooSmall.exit()).isEqualTo(1);
        assertThat(tooSmall.err()).contains("line 2").contains("file_size")
                .contains("-1 is out of range 0..18446744073709551615").doesNotContain("Exception");

        Path tooLarge = file("large.jsonl", "{\"time\": \"2025-01-02T00:00:00Z\", \"file_size\": "
                + "18446744073709551616}\n");
        Cli.Result above = run("ingest", DATASET, "files", "--input", tooLarge.toString());
        assertThat(above.exit()).isEqualTo(1);
        assertThat(above.err()).contains("line 1")
                .contains("18446744073709551616 is out of range 0..18446744073709551615");
    }

    private static List<String> names(Cli.Result result) {
        return result.out().lines().map(line -> {
            try {
                return JSON.readTree(line).get("name").asText();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
