package dev.skyloom.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.parquet.schema.Type;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Output a person chooses: --fields for every format, in query and load, and find showing every field. */
class FieldsTest {

    private static final String LANDSAT = "open_data.copernicus.landsat8_oli_tirs";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Cli.Result query(String format, String... more) {
        List<String> args = new ArrayList<>(List.of("--url", DemoFixture.url(), "query", LANDSAT, "L1T", "--from",
                "2020-01-01", "--to", "2020-03-01", "--max", "5", "--no-progress", "--format", format));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    void csvHasTheChosenColumnsInTheChosenOrder() {
        Cli.Result csv = query("csv", "--fields", "row,id,cloud_cover");
        assertThat(csv.exit()).as(csv.err()).isZero();
        List<String> lines = csv.out().lines().toList();
        assertThat(lines.getFirst()).isEqualTo("row,id,cloud_cover");
        assertThat(lines).hasSize(6).allSatisfy(line -> assertThat(line.split(",", -1)).hasSize(3));
    }

    @Test
    void jsonLinesHaveOnlyTheChosenFields() throws IOException {
        Cli.Result jsonl = query("jsonl", "--fields", "time,path");
        assertThat(jsonl.exit()).as(jsonl.err()).isZero();
        for (String line : jsonl.out().lines().toList()) {
            List<String> names = new ArrayList<>();
            JSON.readTree(line).fieldNames().forEachRemaining(names::add);
            assertThat(names).containsExactly("time", "path");
        }
    }

    @Test
    void aTableShowsTheChosenColumns() {
        Cli.Result table = query("table", "--fields", "id,path,row");
        assertThat(table.exit()).as(table.err()).isZero();
        assertThat(table.out().lines().findFirst().orElseThrow()).matches("id +path +row");
        assertThat(Cli.run("--url", DemoFixture.url(), "query", LANDSAT, "L1T", "--from", "2020-01-01", "--to",
                "2020-03-01", "--max", "5", "--format", "table").out().lines().findFirst().orElseThrow())
                .as("without --fields, the key columns").startsWith("time").contains("id");
    }

    @Test
    void anUnknownFieldIsAUsageErrorWithSuggestions() {
        Cli.Result result = query("csv", "--fields", "time,cloud_covr");
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).startsWith("skyloom: --fields: " + LANDSAT + " has no field 'cloud_covr'; did you"
                + " mean cloud_cover? (its fields: time, id, ingestion_time, geometry").doesNotContain("Exception");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void loadToStdoutWritesTheCollectionThenTheChosenFields() {
        Cli.Result csv = Cli.run("--url", DemoFixture.url(), "load", LANDSAT, "L1GT", "L1T", "--from", "2020-01-01",
                "--to", "2020-01-15", "--format", "csv", "--no-progress", "--fields", "row,id");

        assertThat(csv.exit()).as(csv.err()).isZero();
        List<String> lines = csv.out().lines().toList();
        assertThat(lines.getFirst()).isEqualTo("collection,row,id");
        assertThat(lines).hasSizeGreaterThan(10).allSatisfy(line -> assertThat(line.split(",", -1)).hasSize(3));
        assertThat(lines.subList(1, lines.size())).extracting(line -> line.split(",")[0]).contains("L1GT", "L1T");
    }

    @Test
    void loadToADirectoryWritesTheChosenColumnsInEachFile(@TempDir Path dir) throws IOException {
        Cli.Result load = Cli.run("--url", DemoFixture.url(), "load", LANDSAT, "L1GT", "L1T", "--from", "2020-01-01",
                "--to", "2020-01-15", "--format", "parquet", "--no-progress", "--fields", "cloud_cover,time",
                "--output-dir", dir.toString());

        assertThat(load.exit()).as(load.err()).isZero();
        for (String collection : List.of("L1GT", "L1T")) {
            ParquetFiles.Contents contents = ParquetFiles.read(dir.resolve(collection + ".parquet"));
            assertThat(contents.schema().getFields()).extracting(Type::getName)
                    .containsExactly("cloud_cover", "time");
            assertThat(contents.rows()).isNotEmpty();
        }
    }

    @Test
    void loadRefusesAnUnknownFieldBeforeLoading() {
        Cli.Result result = Cli.run("--url", DemoFixture.url(), "load", LANDSAT, "L1GT", "--from", "2020-01-01",
                "--to", "2020-01-15", "--format", "csv", "--fields", "time,cloud_covr");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("--fields: " + LANDSAT + " has no field 'cloud_covr'; did you mean"
                + " cloud_cover?").doesNotContain("L1GT:").doesNotContain("wall time");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void findShowsEveryFieldOneARowOnATerminal() throws IOException {
        String line = Cli.run("--url", DemoFixture.url(), "query", LANDSAT, "L2SP", "--from", "2020-06-01", "--to",
                "2020-06-02", "--format", "jsonl", "--max", "1", "--no-progress").out().strip();
        JsonNode datapoint = JSON.readTree(line);

        Cli.Result found = Cli.runOnTerminal(Map.of(), "--url", DemoFixture.url(), "find", LANDSAT, "L2SP",
                datapoint.get("id").asText());

        assertThat(found.exit()).as(found.err()).isZero();
        List<String> rows = found.out().lines().toList();
        assertThat(rows.getFirst()).matches("field +value");
        List<String> names = new ArrayList<>();
        Iterator<String> it = datapoint.fieldNames();
        it.forEachRemaining(names::add);
        assertThat(names).hasSizeGreaterThan(5);
        assertThat(rows.subList(2, rows.size())).extracting(row -> row.split(" +", 2)[0])
                .containsExactlyElementsOf(names);
        assertThat(rows).anySatisfy(row -> assertThat(row).matches("geometry +(MULTI)?POLYGON \\(\\(.{60,}"));
    }

    @Test
    void findOffersAndAcceptsOnlyItsOwnFormats() {
        Cli.Result parquet = Cli.run("--url", DemoFixture.url(), "find", LANDSAT, "L2SP",
                "0186d2a0-2b3c-7d4e-8f90-a1b2c3d4e5f6", "--format", "parquet");
        assertThat(parquet.exit()).isEqualTo(2);
        assertThat(parquet.err()).contains("'parquet' is not a format of find: use table, csv, jsonl or geojson");
        Cli.Result completion = Cli.run("__complete", "--", "find", LANDSAT, "L2SP", "x", "--format", "");
        assertThat(completion.out().lines().toList()).containsExactly("csv", "geojson", "jsonl", "table");
    }
}
