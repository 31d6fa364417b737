package dev.skyloom.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.skyloom.Datapoint;
import dev.skyloom.DatasetsClient;
import dev.skyloom.Query;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The files {@code query} writes, read back by DuckDB as users read them: GeoParquet in every codec, CSV and JSON
 * Lines, with every field type of a custom dataset and the demo's Landsat-8 fields (enums, UUIDs, timestamps).
 */
class OutputReadBackTest {

    private static final String LANDSAT = "open_data.copernicus.landsat8_oli_tirs";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static List<Datapoint> expected;

    @BeforeAll
    static void writeFiles() {
        expected = EveryFieldType.datapoints();
        EveryFieldType.writeFiles(dir, "csv", "jsonl", "geojson");
    }

    static String file(String name) {
        return dir.resolve(name).toString();
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    @Test
    void geoParquetInEveryCodecHoldsEveryFieldTypedForDuckDb() throws Exception {
        assertThat(expected).hasSize(3);
        for (ParquetCompression codec : ParquetCompression.values()) {
            String source = "read_parquet(" + DuckDb.literal(file("every-" + codec + ".parquet")) + ")";
            Map<String, Object> types = DuckDb.rows("SELECT typeof(time) t, typeof(id) i, typeof(geometry) g,"
                    + " typeof(label) l, typeof(payload) p, typeof(ok) o, typeof(count) c, typeof(big) b,"
                    + " typeof(ratio) r, typeof(seen) s, typeof(ref) f, typeof(centroid) e, typeof(tags) a"
                    + " FROM " + source + " LIMIT 1").getFirst();
            assertThat(types).as(codec.toString()).containsExactly(Map.entry("t", "TIMESTAMPTZ_NS"),
                    Map.entry("i", "UUID"), Map.entry("g", "GEOMETRY('OGC:CRS84')"), Map.entry("l", "VARCHAR"),
                    Map.entry("p", "BLOB"), Map.entry("o", "BOOLEAN"), Map.entry("c", "BIGINT"),
                    Map.entry("b", "UBIGINT"), Map.entry("r", "DOUBLE"), Map.entry("s", "TIMESTAMPTZ_NS"),
                    Map.entry("f", "UUID"), Map.entry("e", "GEOMETRY('OGC:CRS84')"), Map.entry("a", "JSON"));
            List<Map<String, Object>> rows = DuckDb.rows("SELECT epoch_ns(time) time, id::VARCHAR id,"
                    + " ST_AsText(geometry) geometry, label, payload, ok, count, big, ratio, revisit::VARCHAR revisit,"
                    + " epoch_ns(seen) seen, ref::VARCHAR ref, ST_AsText(centroid) centroid, tags::VARCHAR tags,"
                    + " counts::VARCHAR counts FROM " + source + " ORDER BY time");
            assertThat(rows).hasSize(expected.size());
            for (int i = 0; i < rows.size(); i++) {
                Map<String, Object> row = rows.get(i);
                Datapoint datapoint = expected.get(i);
                assertThat(row.get("time")).isEqualTo(nanos(datapoint.time()));
                assertThat(row.get("id")).isEqualTo(datapoint.id().toString());
                assertSameGeometry(row.get("geometry"), datapoint.get("geometry"));
                assertThat(row.get("label")).isEqualTo(datapoint.get("label"));
                assertThat((byte[]) row.get("payload")).isEqualTo(datapoint.get("payload"));
                assertThat(row.get("ok")).isEqualTo(datapoint.get("ok"));
                assertThat(row.get("count")).isEqualTo(datapoint.get("count"));
                assertThat(row.get("big")).isEqualTo(datapoint.get("big"));
                assertThat(row.get("ratio")).isEqualTo(datapoint.get("ratio"));
                assertThat(row.get("revisit")).isEqualTo("\"" + datapoint.get("revisit") + "\"");
                assertThat(row.get("seen")).isEqualTo(nanos((Instant) datapoint.get("seen")));
                assertThat(row.get("ref")).isEqualTo(datapoint.get("ref").toString());
                assertSameGeometry(row.get("centroid"), datapoint.get("centroid"));
                assertThat(JSON.readTree((String) row.get("tags")).toString())
                        .isEqualTo(JSON.writeValueAsString(datapoint.get("tags")));
                assertThat(JSON.readTree((String) row.get("counts")).toString())
                        .isEqualTo(JSON.writeValueAsString(datapoint.get("counts")));
            }
        }
    }

    @Test
    void csvReadsBackCellForCell() throws Exception {
        String source = "read_csv(" + DuckDb.literal(file("every.csv")) + ", header = true, all_varchar = true)";
        List<Map<String, Object>> rows = DuckDb.rows("SELECT * FROM " + source + " ORDER BY time");
        assertThat(rows).hasSize(expected.size());
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> row = rows.get(i);
            Datapoint datapoint = expected.get(i);
            assertThat(Instant.parse((String) row.get("time"))).isEqualTo(datapoint.time());
            assertThat(row.get("id")).isEqualTo(datapoint.id().toString());
            assertSameGeometry(row.get("geometry"), datapoint.get("geometry"));
            assertThat(row.get("label")).isEqualTo(datapoint.get("label"));
            assertThat(Base64.getDecoder().decode((String) row.get("payload"))).isEqualTo(datapoint.get("payload"));
            assertThat(row.get("ok")).isEqualTo(datapoint.get("ok").toString());
            assertThat(Long.parseLong((String) row.get("count"))).isEqualTo(datapoint.get("count"));
            assertThat(new BigInteger((String) row.get("big"))).isEqualTo(datapoint.get("big"));
            assertThat(Double.parseDouble((String) row.get("ratio"))).isEqualTo(datapoint.get("ratio"));
            assertThat(row.get("revisit")).isEqualTo(datapoint.get("revisit").toString());
            assertThat(Instant.parse((String) row.get("seen"))).isEqualTo(datapoint.get("seen"));
            assertThat(row.get("ref")).isEqualTo(datapoint.get("ref").toString());
            assertSameGeometry(row.get("centroid"), datapoint.get("centroid"));
            assertThat(JSON.readTree((String) row.get("tags")).toString())
                    .isEqualTo(JSON.writeValueAsString(datapoint.get("tags")));
        }
        Map<String, Object> types = DuckDb.rows("SELECT typeof(ok) o, typeof(count) c, typeof(ratio) r"
                + " FROM read_csv(" + DuckDb.literal(file("every.csv")) + ") LIMIT 1").getFirst();
        assertThat(types).containsExactly(Map.entry("o", "BOOLEAN"), Map.entry("c", "BIGINT"),
                Map.entry("r", "DOUBLE"));
    }

    @Test
    void jsonLinesReadBackFieldForField() throws Exception {
        List<Map<String, Object>> rows = DuckDb.rows("SELECT json::VARCHAR AS line FROM read_ndjson_objects("
                + DuckDb.literal(file("every.jsonl")) + ")");
        assertThat(rows).hasSize(expected.size());
        for (int i = 0; i < rows.size(); i++) {
            var line = JSON.readTree((String) rows.get(i).get("line"));
            Datapoint datapoint = expected.get(i);
            assertThat(Instant.parse(line.get("time").asText())).isEqualTo(datapoint.time());
            assertThat(line.get("id").asText()).isEqualTo(datapoint.id().toString());
            assertThat(GeoJsonGeometry.read(line.get("geometry")).equalsExact((Geometry) datapoint.get("geometry")))
                    .isTrue();
            assertThat(line.get("label").asText()).isEqualTo(datapoint.get("label"));
            assertThat(line.get("payload").binaryValue()).isEqualTo(datapoint.get("payload"));
            assertThat(line.get("ok").asBoolean()).isEqualTo(datapoint.get("ok"));
            assertThat(line.get("count").asLong()).isEqualTo(datapoint.get("count"));
            assertThat(line.get("big").bigIntegerValue()).isEqualTo(datapoint.get("big"));
            assertThat(line.get("ratio").asDouble()).isEqualTo(datapoint.get("ratio"));
            assertThat(line.get("revisit").asText()).isEqualTo(datapoint.get("revisit").toString());
            assertThat(Instant.parse(line.get("seen").asText())).isEqualTo(datapoint.get("seen"));
            assertThat(line.get("ref").asText()).isEqualTo(datapoint.get("ref").toString());
            assertThat(line.get("tags").toString()).isEqualTo(JSON.writeValueAsString(datapoint.get("tags")));
            assertThat(line.get("counts").toString()).isEqualTo(JSON.writeValueAsString(datapoint.get("counts")));
        }
        Map<String, Object> types = DuckDb.rows("SELECT typeof(count) c, typeof(ok) o, typeof(tags) t FROM"
                + " read_json(" + DuckDb.literal(file("every.jsonl")) + ") LIMIT 1").getFirst();
        assertThat(types).containsExactly(Map.entry("c", "BIGINT"), Map.entry("o", "BOOLEAN"),
                Map.entry("t", "VARCHAR[]"));
    }

    @Test
    void landsatFilesHoldEveryDatapointWithItsEnumsIdsAndFootprints() throws Exception {
        List<Datapoint> l1t;
        try (DatasetsClient client = DatasetsClient.builder().url(DemoFixture.url()).apiKey(null).build()) {
            l1t = client.dataset(LANDSAT).collection("L1T").query(Query.between("2020-01-01", "2020-03-01"));
        }
        for (String format : List.of("parquet", "csv", "jsonl")) {
            EveryFieldType.query(LANDSAT, "L1T", "2020-01-01", "2020-03-01", "--format", format, "--output",
                    file("l1t." + format));
        }
        String parquet = "read_parquet(" + DuckDb.literal(file("l1t.parquet")) + ")";

        assertThat(l1t).hasSizeGreaterThan(10);
        assertThat(DuckDb.value("SELECT count(*) FROM " + parquet)).isEqualTo((long) l1t.size());
        assertThat(DuckDb.value("SELECT count(*) FROM read_csv(" + DuckDb.literal(file("l1t.csv")) + ")"))
                .isEqualTo((long) l1t.size());
        assertThat(DuckDb.value("SELECT count(*) FROM read_json(" + DuckDb.literal(file("l1t.jsonl")) + ")"))
                .isEqualTo((long) l1t.size());
        for (Datapoint known : List.of(l1t.getFirst(), l1t.get(l1t.size() / 2), l1t.getLast())) {
            Map<String, Object> row = DuckDb.rows("SELECT epoch_ns(time) time, ST_AsText(geometry) geometry,"
                    + " processing_level, flight_direction, copernicus_id::VARCHAR copernicus_id,"
                    + " epoch_ns(processing_date) processing_date, path, cloud_cover, online FROM " + parquet
                    + " WHERE id = '" + known.id() + "'").getFirst();
            assertThat(row.get("time")).isEqualTo(nanos(known.time()));
            assertSameGeometry(row.get("geometry"), known.geometry().orElseThrow());
            assertThat(row.get("processing_level")).isEqualTo(known.get("processing_level")).asString()
                    .startsWith("PROCESSING_LEVEL_");
            assertThat(row.get("flight_direction")).isEqualTo(known.get("flight_direction"));
            assertThat(row.get("copernicus_id")).isEqualTo(known.get("copernicus_id").toString());
            assertThat(row.get("processing_date")).isEqualTo(nanos((Instant) known.get("processing_date")));
            assertThat(row.get("path")).isEqualTo(known.get("path"));
            assertThat(row.get("cloud_cover")).isEqualTo(known.get("cloud_cover"));
            assertThat(row.get("online")).isEqualTo(known.get("online"));
        }
    }

    private static void assertSameGeometry(Object wkt, Object expected) {
        assertThat(EveryFieldType.geometry((String) wkt).equalsExact((Geometry) expected))
                .as("%s against %s", wkt, expected).isTrue();
    }
}
