package dev.skyloom.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --format parquet} through the CLI against the demo server, read back with the Parquet library. */
class ParquetOutputTest {

    private static final String LANDSAT = "open_data.copernicus.landsat8_oli_tirs";
    private static final String[] QUERY = {"query", LANDSAT, "L1T", "--from", "2020-01-01", "--to", "2020-03-01",
            "--no-progress"};
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Cli.Result run(String... args) {
        List<String> all = new ArrayList<>(List.of("--url", DemoFixture.url()));
        all.addAll(List.of(args));
        return Cli.run(all.toArray(String[]::new));
    }

    private static String[] query(String... more) {
        List<String> all = new ArrayList<>(List.of(QUERY));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    @Test
    void queryWritesAGeoParquetFileHoldingEveryDatapointWithItsFootprint(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("l1t.parquet");
        Cli.Result written = run(query("--format", "parquet", "--output", file.toString()));
        Cli.Result jsonl = run(query("--format", "jsonl"));
        assertThat(written.exit()).as("stderr: %s", written.err()).isZero();
        assertThat(written.out()).isEmpty();
        List<JsonNode> expected = new ArrayList<>();
        for (String line : jsonl.out().lines().toList()) {
            expected.add(JSON.readTree(line));
        }

        ParquetFiles.Contents contents = ParquetFiles.read(file);

        assertThat(expected).isNotEmpty();
        assertThat(contents.rows()).hasSize(expected.size());
        assertThat(contents.schema().getType("time").asPrimitiveType().getLogicalTypeAnnotation())
                .isEqualTo(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.NANOS));
        assertThat(contents.schema().getType("id").asPrimitiveType().getLogicalTypeAnnotation())
                .isEqualTo(LogicalTypeAnnotation.uuidType());
        assertThat(contents.schema().getType("geometry").asPrimitiveType().getPrimitiveTypeName())
                .isEqualTo(PrimitiveTypeName.BINARY);
        expected.getFirst().fieldNames().forEachRemaining(name ->
                assertThat(contents.schema().containsField(name)).as("column %s", name).isTrue());

        Map<String, Geometry> footprints = new HashMap<>();
        Envelope all = new Envelope();
        for (Map<String, Object> row : contents.rows()) {
            Geometry footprint = ParquetFiles.wkb(row.get("geometry"));
            footprints.put(row.get("id").toString(), footprint);
            all.expandToInclude(footprint.getEnvelopeInternal());
        }
        for (JsonNode datapoint : expected) {
            Geometry footprint = GeoJsonGeometry.read(datapoint.get("geometry"));
            assertThat(footprints.get(datapoint.get("id").asText()).equalsExact(footprint))
                    .as("footprint of %s", datapoint.get("id")).isTrue();
        }

        JsonNode geo = JSON.readTree(contents.metadata().get("geo"));
        assertThat(geo.get("primary_column").asText()).isEqualTo("geometry");
        JsonNode column = geo.get("columns").get("geometry");
        assertThat(column.get("encoding").asText()).isEqualTo("WKB");
        assertThat(column.get("geometry_types")).extracting(JsonNode::asText).containsExactly("Polygon");
        JsonNode bbox = column.get("bbox");
        assertThat(new Envelope(bbox.get(0).asDouble(), bbox.get(2).asDouble(), bbox.get(1).asDouble(),
                bbox.get(3).asDouble())).isEqualTo(all);
    }

    @Test
    void loadWritesOneParquetFilePerCollection(@TempDir Path dir) throws Exception {
        Cli.Result result = run("load", LANDSAT, "L1T", "L1GT", "--from", "2020-01-01", "--to", "2020-02-01",
                "--format", "parquet", "--output-dir", dir.toString(), "--no-progress");

        assertThat(result.exit()).as("stderr: %s", result.err()).isZero();
        assertThat(Files.list(dir).map(path -> path.getFileName().toString()).toList())
                .containsExactlyInAnyOrder("L1T.parquet", "L1GT.parquet");
        int expected = run("query", LANDSAT, "L1T", "--from", "2020-01-01", "--to", "2020-02-01", "--format", "jsonl",
                "--no-progress").out().lines().toList().size();
        assertThat(ParquetFiles.read(dir.resolve("L1T.parquet")).rows()).hasSize(expected);
    }

    @Test
    void parquetToStdoutIsAUsageErrorNamingTheFileOption() {
        Cli.Result query = run(query("--format", "parquet"));
        Cli.Result load = run("load", LANDSAT, "L1T", "--from", "2020-01-01", "--to", "2020-02-01", "--format",
                "parquet");

        assertThat(query.exit()).isEqualTo(2);
        assertThat(query.out()).isEmpty();
        assertThat(query.err().lines().findFirst()).hasValueSatisfying(line ->
                assertThat(line).contains("parquet").contains("use --output FILE"));
        assertThat(load.exit()).isEqualTo(2);
        assertThat(load.err()).contains("use --output-dir DIR");
    }
}
