package dev.skyloom.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.skyloom.Datapoint;
import dev.skyloom.Processes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * Our GeoParquet and GeoJSON read by the tools of the geospatial ecosystem, where they are installed (skipped with a
 * message elsewhere): GeoPandas and pyarrow, from the Python named by {@code SKYLOOM_GEO_PYTHON} (default
 * {@code python3}; {@code .ci/run} makes a venv with {@code pip install geopandas pyarrow}), and GDAL's
 * {@code ogrinfo}/{@code ogr2ogr} (Debian's {@code gdal-bin}).
 */
class GeoToolsReadBackTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static List<Datapoint> expected;

    @BeforeAll
    static void writeFiles() {
        expected = EveryFieldType.datapoints();
        EveryFieldType.writeFiles(dir, "geojson");
    }

    @Test
    void geoPandasAndPyarrowReadOurGeoParquetAndGeoJson() throws Exception {
        String python = System.getenv().getOrDefault("SKYLOOM_GEO_PYTHON", "python3");
        if (Processes.run(List.of(python, "-c", "import geopandas, pyarrow"), 120).exit() != 0) {
            abort("no Python with geopandas and pyarrow (set SKYLOOM_GEO_PYTHON; pip install geopandas pyarrow)");
        }
        Path script = dir.resolve("geo_readback.py");
        try (InputStream in = getClass().getResourceAsStream("geo_readback.py")) {
            Files.write(script, in.readAllBytes());
        }
        List<String> command = new ArrayList<>(List.of(python, script.toString()));
        for (ParquetCompression codec : ParquetCompression.values()) {
            command.add(dir.resolve("every-" + codec + ".parquet").toString());
        }
        command.add(dir.resolve("every.geojson").toString());
        Processes.Result result = Processes.run(command, 300);
        assertThat(result.exit()).as(result.output()).isZero();
        JsonNode seen = JSON.readTree(result.output().lines().reduce((a, b) -> b).orElse("{}"));

        for (ParquetCompression codec : ParquetCompression.values()) {
            JsonNode file = seen.get(dir.resolve("every-" + codec + ".parquet").toString());
            assertThat(file.get("crs").asText()).as(codec.toString()).isEqualTo("OGC:CRS84");
            JsonNode types = file.get("arrow_types");
            assertThat(types.get("time").asText()).isEqualTo("timestamp[ns, tz=UTC]");
            assertThat(types.get("id").asText()).isEqualTo("extension<arrow.uuid>");
            assertThat(types.get("big").asText()).isEqualTo("uint64");
            assertThat(types.get("payload").asText()).isEqualTo("binary");
            JsonNode rows = file.get("rows");
            assertThat(rows).hasSize(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                JsonNode row = rows.get(i);
                Datapoint datapoint = expected.get(i);
                assertThat(row.get("time").asLong()).isEqualTo(nanos(datapoint.time()));
                assertThat(row.get("id").asText()).isEqualTo(datapoint.id().toString());
                assertThat(EveryFieldType.geometry(row.get("geometry").asText())
                        .equalsExact((Geometry) datapoint.get("geometry"))).isTrue();
                assertThat(row.get("label").asText()).isEqualTo(datapoint.get("label"));
                assertThat(row.get("count").asLong()).isEqualTo(datapoint.get("count"));
                assertThat(row.get("big").bigIntegerValue()).isEqualTo(datapoint.get("big"));
                assertThat(row.get("ok").asBoolean()).isEqualTo(datapoint.get("ok"));
                assertThat(row.get("seen").asLong()).isEqualTo(nanos((Instant) datapoint.get("seen")));
                assertThat(row.get("ref").asText()).isEqualTo(datapoint.get("ref").toString());
            }
        }
        JsonNode geojson = seen.get(dir.resolve("every.geojson").toString());
        assertThat(geojson.get("crs").asText()).isEqualTo("EPSG:4326");
        assertThat(geojson.get("rows")).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            JsonNode row = geojson.get("rows").get(i);
            assertThat(row.get("id").asText()).isEqualTo(expected.get(i).id().toString());
            assertThat(row.get("label").asText()).isEqualTo(expected.get(i).get("label"));
            assertRfc7946(EveryFieldType.geometry(row.get("geometry").asText()),
                    (Geometry) expected.get(i).get("geometry"));
        }
    }

    @Test
    void gdalReadsOurGeoJsonAndItsRfc7946RewriteChangesNoGeometry() throws Exception {
        if (Processes.run(List.of("ogr2ogr", "--version"), 60).exit() != 0) {
            abort("no GDAL (ogrinfo, ogr2ogr): apt-get install gdal-bin");
        }
        Path ours = dir.resolve("every.geojson");
        Processes.Result info = Processes.run(List.of("ogrinfo", "-ro", "-al", "-so", ours.toString()), 120);
        assertThat(info.exit()).as(info.output()).isZero();
        // GDAL warns, rightly, that it clamps the uint64 field's 2^64 - 1: it reads integers as signed 64-bit
        assertThat(info.output()).contains("using driver `GeoJSON' successful").contains("Feature Count: 3")
                .contains("Geometry: Unknown (any)").doesNotContain("ERROR");

        Path rewritten = dir.resolve("rfc7946.geojson");
        Processes.Result rewrite = Processes.run(List.of("ogr2ogr", "-f", "GeoJSON", "-lco", "RFC7946=YES", "-lco",
                "COORDINATE_PRECISION=15", rewritten.toString(), ours.toString()), 120);
        assertThat(rewrite.exit()).as(rewrite.output()).isZero();
        JsonNode mine = JSON.readTree(ours.toFile()).get("features");
        JsonNode gdal = JSON.readTree(rewritten.toFile()).get("features");
        assertThat(gdal).hasSize(mine.size());
        for (int i = 0; i < mine.size(); i++) {
            Geometry a = GeoJsonGeometry.read(mine.get(i).get("geometry"));
            Geometry b = GeoJsonGeometry.read(gdal.get(i).get("geometry"));
            assertThat(b.getGeometryType()).isEqualTo(a.getGeometryType());
            assertThat(b.getNumGeometries()).isEqualTo(a.getNumGeometries());
            assertThat(a.buffer(1e-9).contains(b) && b.buffer(1e-9).contains(a)).as("%s against %s", a, b).isTrue();
        }
    }

    /** The GeoJSON geometry covers the footprint, within [-180, 180], rings wound as RFC 7946 asks. */
    private static void assertRfc7946(Geometry written, Geometry footprint) {
        for (Coordinate c : written.getCoordinates()) {
            assertThat(c.x).isBetween(-180.0, 180.0);
        }
        for (int i = 0; i < written.getNumGeometries(); i++) {
            Polygon part = (Polygon) written.getGeometryN(i);
            assertThat(Orientation.isCCW(part.getExteriorRing().getCoordinateSequence())).isTrue();
        }
        if (footprint.getEnvelopeInternal().getWidth() > 180) {
            // the 4 x 2 degree footprint from 178 E to 178 W, cut in two at the antimeridian
            assertThat(written.getGeometryType()).isEqualTo("MultiPolygon");
            assertThat(written.getArea()).isCloseTo(8.0, within(1e-9));
        } else {
            assertThat(written.equalsTopo(footprint)).isTrue();
        }
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
