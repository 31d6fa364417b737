package dev.skyloom.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.WKTReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every subcommand, run through picocli against an in-process local server with the demo catalogue. */
class CommandsTest {

    private static final String LANDSAT = "open_data.copernicus.landsat8_oli_tirs";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Cli.Result run(String... args) {
        List<String> all = new ArrayList<>(List.of("--url", DemoFixture.url()));
        all.addAll(List.of(args));
        return Cli.run(all.toArray(String[]::new));
    }

    private static Cli.Result succeed(String... args) {
        Cli.Result result = run(args);
        assertThat(result.exit()).as("exit code, stderr: %s", result.err()).isZero();
        return result;
    }

    @Test
    void datasetsListsTheDemoCatalogue() {
        List<String> lines = succeed("datasets").out().lines().toList();

        assertThat(lines.getFirst()).startsWith("slug").contains("kind").contains("name");
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith(LANDSAT).contains("spatiotemporal"));
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("open_data.copernicus.sentinel2_msi"));
    }

    @Test
    void collectionsListsNamesWithCountsAndRanges() {
        List<String> lines = succeed("collections", LANDSAT).out().lines().toList();

        assertThat(lines).hasSize(2 + 4);
        assertThat(lines.subList(2, 6)).extracting(line -> line.split("\\s+")[0])
                .containsExactlyInAnyOrder("L1GT", "L1T", "L1TP", "L2SP");
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("L1T ").contains("2019-12"));
    }

    @Test
    void queryWritesCsvWithAHeaderAndOneRowPerDatapoint() {
        Cli.Result result = succeed("query", LANDSAT, "L1T", "--from", "2020-01-01", "--to", "2020-03-01");

        List<String> rows = List.of(result.out().split("\r\n"));
        List<String> header = List.of(rows.getFirst().split(","));
        assertThat(header).startsWith("time", "id").contains("ingestion_time", "geometry");
        assertThat(rows).hasSizeGreaterThan(10);
        assertThat(rows.get(1)).startsWith("2020-");
        assertThat(result.err()).contains("L1T: 100% (" + String.format("%,d", rows.size() - 1) + " datapoints");
    }

    @Test
    void csvJsonLinesAndGeoJsonHoldTheSameDatapoints() throws IOException {
        String[] query = {"query", LANDSAT, "L1T", "--from", "2020-01-01", "--to", "2020-03-01", "--no-progress"};
        int csvRows = succeed(concat(query, "--format", "csv")).out().split("\r\n").length - 1;
        List<String> jsonLines = succeed(concat(query, "--format", "jsonl")).out().lines().toList();
        JsonNode geojson = JSON.readTree(succeed(concat(query, "--format", "geojson")).out());

        assertThat(jsonLines).hasSize(csvRows);
        JsonNode first = JSON.readTree(jsonLines.getFirst());
        assertThat(first.get("time").asText()).startsWith("2020-");
        assertThat(first.get("geometry").get("type").asText()).isEqualTo("Polygon");
        assertThat(geojson.get("type").asText()).isEqualTo("FeatureCollection");
        assertThat(geojson.get("features")).hasSize(csvRows);
        JsonNode feature = geojson.get("features").get(0);
        assertThat(feature.get("id").asText()).isEqualTo(first.get("id").asText());
        assertThat(feature.get("geometry").get("type").asText()).isEqualTo("Polygon");
        JsonNode ring = feature.get("geometry").get("coordinates").get(0);
        assertThat(ring.size()).isGreaterThanOrEqualTo(4);
        assertThat(ring.get(0)).isEqualTo(ring.get(ring.size() - 1));
        assertThat(ring.get(0).get(0).asDouble()).isBetween(-180.0, 180.0);
        assertThat(feature.get("properties").has("geometry")).isFalse();
        assertThat(feature.get("properties").get("time").asText()).isEqualTo(first.get("time").asText());
    }

    @Test
    void maxStopsAfterThatManyDatapointsAcrossPages() {
        Cli.Result result = succeed("query", LANDSAT, "L1TP", "--from", "2020-01-01", "--to", "2021-01-01",
                "--max", "1234", "--format", "jsonl", "--no-progress");

        assertThat(result.out().lines()).hasSize(1234);
        assertThat(result.err()).isEmpty();
    }

    @Test
    void skipDataReturnsOnlyTimeIdAndIngestionTime() {
        Cli.Result result = succeed("query", LANDSAT, "L1T", "--from", "2020-01-01", "--to", "2020-02-01",
                "--skip-data", "--no-progress");

        assertThat(result.out().split("\r\n")[0].split(",")).containsExactlyInAnyOrder("time", "id", "ingestion_time");
    }

    @Test
    void bboxKeepsOnlyFootprintsMeetingTheBox() throws Exception {
        String[] query = {"query", LANDSAT, "L1TP", "--from", "2020-01-01", "--to", "2020-02-01", "--format",
                "jsonl", "--no-progress"};
        int all = succeed(query).out().lines().toList().size();
        List<String> inBox = succeed(concat(query, "--bbox", "5.9,45.8,10.5,47.8")).out().lines().toList();

        assertThat(inBox).isNotEmpty().hasSizeLessThan(all);
        Geometry box = new GeometryFactory().toGeometry(new Envelope(5.9, 10.5, 45.8, 47.8));
        for (String line : inBox) {
            assertThat(footprint(line).intersects(box)).isTrue();
        }
    }

    /** The footprint of a JSON Lines datapoint, a GeoJSON polygon. */
    private static Geometry footprint(String line) throws Exception {
        JsonNode ring = JSON.readTree(line).get("geometry").get("coordinates").get(0);
        StringBuilder wkt = new StringBuilder("POLYGON((");
        for (int i = 0; i < ring.size(); i++) {
            wkt.append(i == 0 ? "" : ", ").append(ring.get(i).get(0).asDouble()).append(' ')
                    .append(ring.get(i).get(1).asDouble());
        }
        return new WKTReader().read(wkt.append("))").toString());
    }

    @Test
    void theThreeSpatialModesKeepFootprintsMeetingInsideOrCoveringTheArea() throws Exception {
        String[] query = {"query", LANDSAT, "L1TP", "--from", "2020-01-01", "--to", "2020-02-01", "--format",
                "jsonl", "--no-progress", "--bbox"};
        // a box larger than any scene: many meet it, some lie inside it, none covers it
        String[] large = concat(query, "0,40,20,50");
        List<String> meeting = succeed(large).out().lines().toList();
        List<String> inside = succeed(concat(large, "--mode", "contains")).out().lines().toList();
        assertThat(inside).isNotEmpty().hasSizeLessThan(meeting.size());
        assertThat(meeting).containsAll(inside);
        assertThat(succeed(concat(large, "--mode", "covers")).out()).isEmpty();
        Geometry largeBox = new GeometryFactory().toGeometry(new Envelope(0, 20, 40, 50));
        for (String line : inside) {
            // spherical edges differ from straight lon/lat lines by far less than 0.1 degrees at these sizes
            assertThat(largeBox.buffer(0.1).contains(footprint(line))).isTrue();
        }
        // a box smaller than any scene: some cover it, none lies inside it
        String[] small = concat(query, "8.0,46.0,8.2,46.1");
        List<String> covering = succeed(concat(small, "--mode", "covers")).out().lines().toList();
        assertThat(covering).isNotEmpty();
        assertThat(succeed(small).out().lines().toList()).containsAll(covering);
        assertThat(succeed(concat(small, "--mode", "contains")).out()).isEmpty();
        Geometry smallBox = new GeometryFactory().toGeometry(new Envelope(8.0, 8.2, 46.0, 46.1));
        for (String line : covering) {
            assertThat(footprint(line).buffer(0.01).contains(smallBox)).isTrue();
        }
    }

    @Test
    void queryWritesToAFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("l1t.geojson");
        Cli.Result result = succeed("query", LANDSAT, "L1T", "--from", "2020-01-01", "--to", "2020-02-01",
                "--format", "geojson", "--output", file.toString());

        assertThat(result.out()).isEmpty();
        assertThat(JSON.readTree(file.toFile()).get("features").size()).isPositive();
    }

    @Test
    void findPrintsTheDatapointWithThatId() throws IOException {
        String line = succeed("query", LANDSAT, "L2SP", "--from", "2020-06-01", "--to", "2020-06-02", "--format",
                "jsonl", "--max", "1", "--no-progress").out().strip();
        String id = JSON.readTree(line).get("id").asText();

        Cli.Result found = succeed("find", LANDSAT, "L2SP", id);

        JsonNode datapoint = JSON.readTree(found.out());
        assertThat(datapoint.get("id").asText()).isEqualTo(id);
        assertThat(datapoint).isEqualTo(JSON.readTree(line));
    }

    @Test
    void loadSequentiallyWritesOneFilePerCollectionAndASummary(@TempDir Path dir) throws IOException {
        Cli.Result result = succeed("load", LANDSAT, "L1T", "L1GT", "--from", "2020-01-01", "--to", "2020-02-01",
                "--sequential", "--format", "jsonl", "--output-dir", dir.toString());

        long l1t = Files.readAllLines(dir.resolve("L1T.jsonl")).size();
        long l1gt = Files.readAllLines(dir.resolve("L1GT.jsonl")).size();
        assertThat(l1t).isPositive();
        assertThat(l1gt).isPositive();
        List<String> err = result.err().lines().toList();
        assertThat(err).anySatisfy(l -> assertThat(l).startsWith("collection").contains("datapoints").contains("pages")
                .contains("MB").contains("seconds"));
        assertThat(err).anySatisfy(l -> assertThat(l).matches("L1T\\s+" + String.format("%,d", l1t) + "\\s+\\d+.*"));
        assertThat(err).anySatisfy(l -> assertThat(l).matches("L1GT\\s+" + String.format("%,d", l1gt) + "\\s+\\d+.*"));
        assertThat(err.getLast()).startsWith("total: " + String.format("%,d", l1t + l1gt) + " datapoints")
                .contains("wall time (sequential)");
    }

    @Test
    void loadToStdoutAddsACollectionColumn() {
        Cli.Result result = succeed("load", LANDSAT, "L1T", "L1GT", "--from", "2020-01-01", "--to", "2020-01-10",
                "--sequential", "--no-progress");

        List<String> rows = List.of(result.out().split("\r\n"));
        assertThat(rows.getFirst()).startsWith("collection,time,id");
        assertThat(rows.subList(1, rows.size())).allSatisfy(row -> assertThat(row).matches("(L1T|L1GT),2020-.*"));
        assertThat(rows.subList(1, rows.size())).anySatisfy(row -> assertThat(row).startsWith("L1GT,"));
    }

    private static String[] concat(String[] first, String... more) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}
