package dev.skyloom.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.skyloom.Datapoint;
import blue.strategic.parquet.ParquetReader;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

import java.io.Writer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GeoParquetWriterTest {

    private static final GeometryFactory GEOMETRIES = new GeometryFactory();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();

    private static Geometry square(double x, double y) {
        return GEOMETRIES.createPolygon(new Coordinate[]{new Coordinate(x, y), new Coordinate(x + 1, y),
                new Coordinate(x + 1, y + 1), new Coordinate(x, y + 1), new Coordinate(x, y)});
    }

    private static Map<String, Object> datapoint(int n, Geometry footprint) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("time", Instant.parse("2020-01-0" + n + "T10:00:00.123456789Z"));
        fields.put("id", new UUID(0, n));
        fields.put("ingestion_time", Instant.parse("2024-01-01T00:00:00Z"));
        fields.put("geometry", footprint);
        fields.put("granule_name", "granule-" + n);
        fields.put("cloud_cover", 12.5 * n);
        fields.put("orbit", (long) n);
        fields.put("sun_azimuth", (float) n);
        fields.put("path", n);
        fields.put("north_up", n % 2 == 0);
        fields.put("bands", List.of("B01", "B02"));
        fields.put("revisit", Duration.ofDays(5));
        return fields;
    }

    private ParquetFiles.Contents write(List<List<Map<String, Object>>> batches) throws Exception {
        Path file = dir.resolve("out.parquet");
        DatapointWriter writer = DatapointWriter.of(OutputFormat.PARQUET, Writer.nullWriter(), file,
                warnings::add);
        for (List<Datapoint> batch : TestDatapoints.batches(batches)) {
            writer.write(batch);
        }
        writer.finish();
        return ParquetFiles.read(file);
    }

    private static PrimitiveType column(MessageType schema, String name) {
        return schema.getType(name).asPrimitiveType();
    }

    @Test
    void eachFieldBecomesATypedColumnAndEachDatapointARow() throws Exception {
        ParquetFiles.Contents contents = write(List.of(List.of(datapoint(1, square(10, 45))),
                List.of(datapoint(2, square(12, 47)))));

        MessageType schema = contents.schema();
        assertThat(schema.getFields()).extracting(field -> field.getName()).containsExactly("time", "id",
                "ingestion_time", "geometry", "granule_name", "cloud_cover", "orbit", "sun_azimuth", "path",
                "north_up", "bands", "revisit");
        assertThat(column(schema, "time").getPrimitiveTypeName()).isEqualTo(PrimitiveTypeName.INT64);
        assertThat(column(schema, "time").getLogicalTypeAnnotation())
                .isEqualTo(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.NANOS));
        assertThat(column(schema, "id").getPrimitiveTypeName()).isEqualTo(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY);
        assertThat(column(schema, "id").getLogicalTypeAnnotation()).isEqualTo(LogicalTypeAnnotation.uuidType());
        assertThat(column(schema, "geometry").getPrimitiveTypeName()).isEqualTo(PrimitiveTypeName.BINARY);
        assertThat(column(schema, "geometry").getLogicalTypeAnnotation()).isNull();
        assertThat(column(schema, "granule_name").getLogicalTypeAnnotation())
                .isEqualTo(LogicalTypeAnnotation.stringType());
        assertThat(column(schema, "cloud_cover").getPrimitiveTypeName()).isEqualTo(PrimitiveTypeName.DOUBLE);
        assertThat(column(schema, "orbit").getPrimitiveTypeName()).isEqualTo(PrimitiveTypeName.INT64);
        assertThat(column(schema, "sun_azimuth").getPrimitiveTypeName()).isEqualTo(PrimitiveTypeName.FLOAT);
        assertThat(column(schema, "path").getPrimitiveTypeName()).isEqualTo(PrimitiveTypeName.INT32);
        assertThat(column(schema, "north_up").getPrimitiveTypeName()).isEqualTo(PrimitiveTypeName.BOOLEAN);
        assertThat(column(schema, "bands").getLogicalTypeAnnotation()).isEqualTo(LogicalTypeAnnotation.jsonType());

        assertThat(contents.rows()).hasSize(2);
        Map<String, Object> second = contents.rows().get(1);
        Instant time = Instant.parse("2020-01-02T10:00:00.123456789Z");
        assertThat(second.get("time")).isEqualTo(time.getEpochSecond() * 1_000_000_000L + time.getNano());
        assertThat(second.get("id")).isEqualTo(new UUID(0, 2).toString());
        assertThat(ParquetFiles.wkb(second.get("geometry")).equalsExact(square(12, 47))).isTrue();
        assertThat(second).containsEntry("granule_name", "granule-2").containsEntry("cloud_cover", 25.0)
                .containsEntry("orbit", 2L).containsEntry("sun_azimuth", 2.0f).containsEntry("path", 2)
                .containsEntry("north_up", true).containsEntry("bands", "[\"B01\",\"B02\"]")
                .containsEntry("revisit", "\"PT120H\"");
        assertThat(warnings).isEmpty();
    }

    @Test
    void geoMetadataNamesTheWkbColumnWithItsTypesAndBoundingBox() throws Exception {
        Geometry point = GEOMETRIES.createPoint(new Coordinate(-3, 50));
        ParquetFiles.Contents contents = write(List.of(List.of(datapoint(1, square(10, 45)), datapoint(2, point)),
                List.of(datapoint(3, square(12, 47)))));

        JsonNode geo = JSON.readTree(contents.metadata().get("geo"));
        assertThat(geo.get("version").asText()).isEqualTo("1.1.0");
        assertThat(geo.get("primary_column").asText()).isEqualTo("geometry");
        assertThat(geo.get("columns").size()).isEqualTo(1);
        JsonNode column = geo.get("columns").get("geometry");
        assertThat(column.get("encoding").asText()).isEqualTo("WKB");
        assertThat(column.get("geometry_types")).extracting(JsonNode::asText).containsExactly("Point", "Polygon");
        assertThat(column.get("bbox")).extracting(JsonNode::asDouble).containsExactly(-3.0, 45.0, 13.0, 50.0);
        assertThat(column.has("crs")).isFalse();
    }

    @Test
    void aFieldFirstSetInALaterBatchIsLeftOutWithOneWarning() throws Exception {
        Map<String, Object> late = datapoint(2, square(0, 0));
        late.put("late_field", "x");

        ParquetFiles.Contents contents = write(List.of(List.of(datapoint(1, square(0, 0))), List.of(late, late)));

        assertThat(contents.schema().containsField("late_field")).isFalse();
        assertThat(contents.rows()).hasSize(3);
        assertThat(warnings).singleElement().asString().contains("'late_field'").contains("left out");
    }

    @Test
    void aValueItsColumnCannotHoldIsWrittenAsNullWithOneWarning() throws Exception {
        Map<String, Object> odd = datapoint(2, square(0, 0));
        odd.put("cloud_cover", "cloudy");

        ParquetFiles.Contents contents = write(List.of(List.of(datapoint(1, square(0, 0))), List.of(odd, odd)));

        assertThat(contents.rows()).hasSize(3);
        assertThat(contents.rows().get(0)).containsEntry("cloud_cover", 12.5);
        assertThat(contents.rows().get(1)).containsEntry("cloud_cover", null).containsEntry("granule_name",
                "granule-2");
        assertThat(warnings).singleElement().asString().contains("'cloud_cover'").contains("holds a STRING value")
                .contains("DOUBLE").contains("null").doesNotContain("String");
    }

    @Test
    void aTimeOutsideTheNanosecondRangeIsNamedByItsValueNotItsJavaClass() throws Exception {
        Map<String, Object> early = datapoint(2, square(0, 0));
        early.put("ingestion_time", Instant.parse("1500-01-01T00:00:00Z"));

        ParquetFiles.Contents contents = write(List.of(List.of(datapoint(1, square(0, 0)), early)));

        assertThat(contents.rows().get(1)).containsEntry("ingestion_time", null);
        assertThat(warnings).singleElement().asString().isEqualTo("field 'ingestion_time' holds a value out of range"
                + " (1500-01-01T00:00:00Z) where its Parquet column is TIMESTAMP; such values are written as null");
    }

    @Test
    void noDatapointsGiveAnEmptyFileWithTheStandardColumnsAndNoGeoMetadata() throws Exception {
        ParquetFiles.Contents contents = write(List.of(List.of()));

        assertThat(contents.rows()).isEmpty();
        assertThat(contents.schema().getFields()).extracting(field -> field.getName())
                .containsExactlyInAnyOrder("time", "id", "ingestion_time");
        assertThat(contents.metadata()).doesNotContainKey("geo");
    }

    @Test
    void datapointsWithoutFootprintsGetNoGeoMetadata() throws Exception {
        Map<String, Object> temporal = datapoint(1, square(0, 0));
        temporal.remove("geometry");

        ParquetFiles.Contents contents = write(List.of(List.of(temporal)));

        assertThat(contents.rows()).hasSize(1);
        assertThat(contents.metadata()).doesNotContainKey("geo");
    }

    @Test
    void pagesAreZstdCompressedByDefaultAndAsChosenOtherwise() throws Exception {
        List<List<Map<String, Object>>> batches = List.of(List.of(datapoint(1, square(10, 45)),
                datapoint(2, square(12, 47))));
        Map<ParquetCompression, CompressionCodecName> expected = Map.of(ParquetCompression.ZSTD,
                CompressionCodecName.ZSTD, ParquetCompression.GZIP, CompressionCodecName.GZIP,
                ParquetCompression.NONE, CompressionCodecName.UNCOMPRESSED);
        assertThat(ParquetCompression.DEFAULT).isEqualTo(ParquetCompression.ZSTD);

        for (ParquetCompression compression : ParquetCompression.values()) {
            Path file = dir.resolve(compression + ".parquet");
            DatapointWriter writer = DatapointWriter.of(OutputFormat.PARQUET, Writer.nullWriter(), file,
                    warnings::add, compression);
            writer.write(TestDatapoints.batches(batches).getFirst());
            writer.finish();

            ParquetMetadata footer = ParquetReader.readMetadata(file.toFile());
            assertThat(footer.getBlocks()).singleElement().satisfies(block -> assertThat(block.getColumns())
                    .allSatisfy(chunk -> assertThat(chunk.getCodec()).isEqualTo(expected.get(compression))));
            if (compression != ParquetCompression.GZIP) {
                // parquet-floor's reader reaches gzip through Hadoop classes it does not ship; DuckDB reads all three
                // in OutputReadBackTest
                ParquetFiles.Contents contents = ParquetFiles.read(file);
                assertThat(contents.rows()).hasSize(2);
                assertThat(contents.rows().get(1)).containsEntry("granule_name", "granule-2");
            }
        }
    }

    @Test
    void rowsGoToRowGroupsAsTheyArriveAndTheGeoMetadataCoversThemAll() throws Exception {
        Path file = dir.resolve("groups.parquet");
        GeoParquetWriter writer = new GeoParquetWriter(file, warnings::add, ParquetCompression.ZSTD, List.of(), 100);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            Map<String, Object> row = datapoint(1 + i % 9, square(i - 100, (i % 80) - 40.5));
            row.put("id", new UUID(1, i));
            rows.add(row);
        }
        for (int from = 0; from < rows.size(); from += 30) {
            writer.write(TestDatapoints.batches(List.of(rows.subList(from, Math.min(rows.size(), from + 30))))
                    .getFirst());
        }
        writer.finish();

        ParquetMetadata footer = ParquetReader.readMetadata(file.toFile());
        assertThat(footer.getBlocks()).extracting(block -> block.getRowCount()).containsExactly(100L, 100L, 50L);
        JsonNode bbox = JSON.readTree(footer.getFileMetaData().getKeyValueMetaData().get("geo"))
                .get("columns").get("geometry").get("bbox");
        assertThat(bbox).extracting(JsonNode::asDouble).containsExactly(-100.0, -40.5, 150.0, 39.5);
        ParquetFiles.Contents contents = ParquetFiles.read(file);
        assertThat(contents.rows()).extracting(row -> row.get("id"))
                .containsExactlyElementsOf(rows.stream().map(row -> row.get("id").toString()).toList());
    }

    @Test
    void aBatchNamingItsCollectionGetsAStringColumnFirst() throws Exception {
        Path file = dir.resolve("collections.parquet");
        DatapointWriter writer = DatapointWriter.of(OutputFormat.PARQUET, Writer.nullWriter(), file, warnings::add);
        writer.write("L1GT", List.of(TestDatapoints.of(datapoint(1, square(0, 0)))));
        writer.write("L2SP", List.of(TestDatapoints.of(datapoint(2, square(0, 0)))));
        writer.finish();

        ParquetFiles.Contents contents = ParquetFiles.read(file);
        assertThat(contents.schema().getFields().getFirst().getName()).isEqualTo("collection");
        assertThat(column(contents.schema(), "collection").getLogicalTypeAnnotation())
                .isEqualTo(LogicalTypeAnnotation.stringType());
        assertThat(contents.rows()).extracting(row -> row.get("collection")).containsExactly("L1GT", "L2SP");
        assertThat(warnings).isEmpty();
    }

    @Test
    void theParquetFormatNeedsAFile() {
        assertThatThrownBy(() -> DatapointWriter.of(OutputFormat.PARQUET, Writer.nullWriter(), null,
                warnings::add)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("file");
    }
}
