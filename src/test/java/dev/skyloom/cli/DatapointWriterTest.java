package dev.skyloom.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.skyloom.Datapoint;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class DatapointWriterTest {

    private static final GeometryFactory GEOMETRIES = new GeometryFactory();
    private static final Geometry SQUARE = GEOMETRIES.createPolygon(new Coordinate[]{new Coordinate(10, 45),
            new Coordinate(11, 45), new Coordinate(11, 46), new Coordinate(10, 46), new Coordinate(10, 45)});

    private final List<String> warnings = new ArrayList<>();

    private static Map<String, Object> datapoint(int n, String granule) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("time", Instant.parse("2020-01-0" + n + "T10:00:00Z"));
        fields.put("id", new UUID(0, n));
        fields.put("ingestion_time", Instant.parse("2024-01-01T00:00:00Z"));
        fields.put("geometry", SQUARE);
        fields.put("granule_name", granule);
        fields.put("cloud_cover", 12.5 * n);
        fields.put("bands", List.of("B01", "B02"));
        fields.put("revisit", Duration.ofDays(5));
        return fields;
    }

    private String write(OutputFormat format, List<List<Map<String, Object>>> batches) throws IOException {
        StringWriter out = new StringWriter();
        DatapointWriter writer = DatapointWriter.of(format, out, null, warnings::add);
        for (List<Datapoint> batch : TestDatapoints.batches(batches)) {
            writer.write(batch);
        }
        writer.finish();
        return out.toString();
    }

    @Test
    void csvHasAHeaderRowAndOneQuotedRecordPerDatapoint() throws IOException {
        String csv = write(OutputFormat.CSV, List.of(List.of(datapoint(1, "plain"), datapoint(2, "with, \"comma\""))));

        List<String> lines = List.of(csv.split("\r\n"));
        assertThat(csv).endsWith("\r\n");
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo("time,id,ingestion_time,geometry,granule_name,cloud_cover,bands,revisit");
        assertThat(lines.get(1)).startsWith("2020-01-01T10:00:00Z,00000000-0000-0000-0000-000000000001,")
                .contains("\"POLYGON ((10 45, 11 45, 11 46, 10 46, 10 45))\",plain,12.5,\"[\"\"B01\"\",\"\"B02\"\"]\",PT120H");
        assertThat(lines.get(2)).contains(",\"with, \"\"comma\"\"\",25.0,");
        assertThat(warnings).isEmpty();
    }

    @Test
    void csvReportsAFieldFirstSeenAfterTheHeaderOnce() throws IOException {
        Map<String, Object> late = datapoint(3, "late");
        late.put("orbit", 7);
        Map<String, Object> first = datapoint(1, "a");

        String csv = write(OutputFormat.CSV, List.of(List.of(first), List.of(late, late)));

        assertThat(csv.split("\r\n")).hasSize(4).allSatisfy(line -> assertThat(line).doesNotContain(",7"));
        assertThat(warnings).singleElement().asString().contains("'orbit'").contains("--format jsonl");
    }

    @Test
    void jsonLinesWritesOneObjectPerDatapointWithIsoTimesAndGeoJsonGeometry() throws IOException {
        String jsonl = write(OutputFormat.JSONL, List.of(List.of(datapoint(1, "a")), List.of(datapoint(2, "b"))));

        List<String> lines = jsonl.lines().toList();
        assertThat(lines).hasSize(2);
        JsonNode second = new ObjectMapper().readTree(lines.get(1));
        assertThat(second.get("time").asText()).isEqualTo("2020-01-02T10:00:00Z");
        assertThat(second.get("id").asText()).isEqualTo("00000000-0000-0000-0000-000000000002");
        assertThat(second.get("revisit").asText()).isEqualTo("PT120H");
        assertThat(second.get("bands").get(1).asText()).isEqualTo("B02");
        assertThat(second.get("geometry").get("type").asText()).isEqualTo("Polygon");
        assertThat(second.get("geometry").get("coordinates").get(0).get(2).toString()).isEqualTo("[11.0,46.0]");
    }

    @Test
    void geoJsonIsOneFeatureCollectionWithTheFootprintAsGeometry() throws IOException {
        Map<String, Object> noFootprint = datapoint(2, "b");
        noFootprint.remove("geometry");

        String geojson = write(OutputFormat.GEOJSON, List.of(List.of(datapoint(1, "a")), List.of(noFootprint)));

        JsonNode root = new ObjectMapper().readTree(geojson);
        assertThat(root.get("type").asText()).isEqualTo("FeatureCollection");
        assertThat(root.get("features")).hasSize(2);
        JsonNode first = root.get("features").get(0);
        assertThat(first.get("type").asText()).isEqualTo("Feature");
        assertThat(first.get("id").asText()).isEqualTo("00000000-0000-0000-0000-000000000001");
        assertThat(first.get("geometry").get("type").asText()).isEqualTo("Polygon");
        assertThat(first.get("geometry").get("coordinates").get(0)).hasSize(5);
        assertThat(first.get("properties").has("geometry")).isFalse();
        assertThat(first.get("properties").get("granule_name").asText()).isEqualTo("a");
        assertThat(root.get("features").get(1).get("geometry").isNull()).isTrue();
    }

    @Test
    void geoJsonWithoutDatapointsIsAnEmptyFeatureCollection() throws IOException {
        JsonNode root = new ObjectMapper().readTree(write(OutputFormat.GEOJSON, List.of()));

        assertThat(root.get("type").asText()).isEqualTo("FeatureCollection");
        assertThat(root.get("features")).isEmpty();
    }

    @Test
    void tableAlignsTimeIdAndThreePlainFieldsAndCountsTheRows() throws IOException {
        String table = write(OutputFormat.TABLE, List.of(List.of(datapoint(1, "short"), datapoint(2, "a longer name"))));

        List<String> lines = table.lines().toList();
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).startsWith("time").contains("id").contains("granule_name").contains("cloud_cover")
                .contains("revisit").doesNotContain("geometry").doesNotContain("bands");
        assertThat(lines.get(2).indexOf("short")).isEqualTo(lines.get(3).indexOf("a longer name"))
                .isEqualTo(lines.get(0).indexOf("granule_name"));
        assertThat(lines.get(4)).isEqualTo("(2 datapoints)");
    }

    @Test
    void batchesNamingTheirCollectionGetACollectionColumnFirstInEveryFormat() throws Exception {
        List<List<Datapoint>> batches = TestDatapoints.batches(List.of(List.of(datapoint(1, "a")),
                List.of(datapoint(2, "b"))));
        Map<OutputFormat, StringWriter> outputs = new LinkedHashMap<>();
        for (OutputFormat format : List.of(OutputFormat.CSV, OutputFormat.JSONL, OutputFormat.GEOJSON,
                OutputFormat.TABLE)) {
            StringWriter out = new StringWriter();
            DatapointWriter writer = DatapointWriter.of(format, out, null, warnings::add);
            writer.write("L1GT", batches.get(0));
            writer.write("L2SP", batches.get(1));
            writer.finish();
            outputs.put(format, out);
        }

        List<String> csv = List.of(outputs.get(OutputFormat.CSV).toString().split("\r\n"));
        assertThat(csv.get(0)).startsWith("collection,time,id,");
        assertThat(csv.get(1)).startsWith("L1GT,2020-01-01T10:00:00Z,");
        assertThat(csv.get(2)).startsWith("L2SP,2020-01-02T10:00:00Z,");
        List<String> jsonl = outputs.get(OutputFormat.JSONL).toString().lines().toList();
        assertThat(jsonl.get(1)).startsWith("{\"collection\":\"L2SP\",\"time\":\"2020-01-02T10:00:00Z\"");
        JsonNode features = new ObjectMapper().readTree(outputs.get(OutputFormat.GEOJSON).toString()).get("features");
        assertThat(features.get(0).get("properties").get("collection").asText()).isEqualTo("L1GT");
        assertThat(outputs.get(OutputFormat.TABLE).toString().lines().toList().get(3)).startsWith("L2SP");
        assertThat(warnings).isEmpty();
    }

    @Test
    void writersWriteThroughEveryBatchAtOnce() throws Exception {
        for (OutputFormat format : List.of(OutputFormat.CSV, OutputFormat.JSONL, OutputFormat.GEOJSON)) {
            StringWriter out = new StringWriter();
            DatapointWriter writer = DatapointWriter.of(format, out, null, warnings::add);
            List<Map<String, Object>> batch = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                batch.add(datapoint(1 + i % 9, "granule " + i));
            }
            writer.write(TestDatapoints.batches(List.of(batch)).getFirst());
            int afterFirst = out.getBuffer().length();
            writer.write(TestDatapoints.batches(List.of(batch)).getFirst());
            int afterSecond = out.getBuffer().length();

            assertThat(afterFirst).as(format.toString()).isGreaterThan(20_000);
            assertThat(afterSecond - afterFirst).as(format.toString()).isGreaterThan(afterFirst * 9 / 10);
        }
    }

    @Test
    void emptyTableSaysSo() throws IOException {
        assertThat(write(OutputFormat.TABLE, List.of(List.of()))).isEqualTo("(no datapoints)\n");
    }
}
