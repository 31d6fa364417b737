package dev.skyloom.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.skyloom.Datapoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.apache.parquet.schema.Type;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Each writer given the fields chosen with --fields: those columns, keys or properties, in the order chosen. */
class ChosenFieldsWriterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final GeometryFactory GEOMETRIES = new GeometryFactory();

    private final List<String> warnings = new ArrayList<>();

    /** A datapoint with a footprint and a few fields; {@code orbit} is set only when not null. */
    private static Datapoint datapoint(int n, Integer orbit) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("time", Instant.parse("2020-01-0" + n + "T10:00:00Z"));
        fields.put("id", new UUID(0, n));
        fields.put("geometry", GEOMETRIES.createPoint(new Coordinate(10, 45)));
        fields.put("granule_name", "g" + n);
        fields.put("cloud_cover", 12.5 * n);
        if (orbit != null) {
            fields.put("orbit", orbit);
        }
        return TestDatapoints.of(fields);
    }

    /** Two batches: the first never sets orbit, the second does. */
    private static final List<List<Datapoint>> ORBIT_LATER = List.of(List.of(datapoint(1, null)),
            List.of(datapoint(2, 7)));

    private String write(OutputFormat format, String collection, List<String> chosen) throws IOException {
        StringWriter out = new StringWriter();
        DatapointWriter writer = DatapointWriter.of(format, out, null, warnings::add, ParquetCompression.DEFAULT,
                chosen);
        for (List<Datapoint> batch : ORBIT_LATER) {
            writer.write(collection, batch);
        }
        writer.finish();
        return out.toString();
    }

    @Test
    void csvHasEveryChosenColumnEvenOneTheFirstBatchLeavesUnset() throws IOException {
        String csv = write(OutputFormat.CSV, null, List.of("orbit", "id", "cloud_cover"));

        assertThat(csv.split("\r\n")).containsExactly("orbit,id,cloud_cover",
                ",00000000-0000-0000-0000-000000000001,12.5", "7,00000000-0000-0000-0000-000000000002,25.0");
        assertThat(warnings).isEmpty();
    }

    @Test
    void csvPutsTheCollectionBeforeTheChosenColumns() throws IOException {
        String csv = write(OutputFormat.CSV, "L1T", List.of("granule_name"));

        assertThat(csv.split("\r\n")).containsExactly("collection,granule_name", "L1T,g1", "L1T,g2");
    }

    @Test
    void jsonLinesHaveExactlyTheChosenKeysInOrderNullWhenUnset() throws IOException {
        List<String> lines = write(OutputFormat.JSONL, "L1T", List.of("orbit", "granule_name")).lines().toList();

        assertThat(lines).containsExactly("{\"collection\":\"L1T\",\"orbit\":null,\"granule_name\":\"g1\"}",
                "{\"collection\":\"L1T\",\"orbit\":7,\"granule_name\":\"g2\"}");
    }

    @Test
    void geoJsonFeaturesKeepIdAndGeometryWithOnlyTheChosenProperties() throws IOException {
        JsonNode features = JSON.readTree(write(OutputFormat.GEOJSON, null, List.of("cloud_cover", "geometry")))
                .get("features");

        assertThat(features).hasSize(2);
        JsonNode first = features.get(0);
        assertThat(first.get("id").asText()).isEqualTo(new UUID(0, 1).toString());
        assertThat(first.get("geometry").get("type").asText()).isEqualTo("Point");
        List<String> properties = new ArrayList<>();
        first.get("properties").fieldNames().forEachRemaining(properties::add);
        assertThat(properties).containsExactly("cloud_cover");
    }

    @Test
    void aTableShowsTheCollectionAndTheChosenColumns() throws IOException {
        List<String> lines = write(OutputFormat.TABLE, "L1T", List.of("orbit", "granule_name")).lines().toList();

        assertThat(lines.getFirst()).matches("collection +orbit +granule_name");
        assertThat(lines.get(3)).matches("L1T +7 +g2");
    }

    @Test
    void parquetHasTheChosenColumnsItCanTypeAndReportsTheOneItCannot(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("chosen.parquet");
        DatapointWriter writer = DatapointWriter.of(OutputFormat.PARQUET, Writer.nullWriter(), file, warnings::add,
                ParquetCompression.DEFAULT, List.of("cloud_cover", "orbit", "time"));
        for (List<Datapoint> batch : ORBIT_LATER) {
            writer.write("L1T", batch);
        }
        writer.finish();

        ParquetFiles.Contents contents = ParquetFiles.read(file);
        assertThat(contents.schema().getFields()).extracting(Type::getName)
                .containsExactly("collection", "cloud_cover", "time");
        assertThat(contents.rows()).extracting(row -> row.get("cloud_cover")).containsExactly(12.5, 25.0);
        assertThat(warnings).singleElement().asString().contains("'orbit'").contains("Parquet schema");
    }
}
