package dev.skyloom.cli;

import dev.skyloom.DatasetKind;
import dev.skyloom.DatasetsClient;
import dev.skyloom.FieldSpec;
import dev.skyloom.FieldType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** create-collection, ingest, delete and --filter, run through picocli against the shared local server. */
class WriteCommandsTest {

    private static final String DATASET = "my_org.cli_readings";

    @TempDir
    Path dir;

    @BeforeAll
    static void createDataset() {
        try (DatasetsClient client = DatasetsClient.builder().url(DemoFixture.url()).apiKey(null).build()) {
            client.createOrUpdateDataset(DatasetKind.SPATIOTEMPORAL, "cli_readings", List.of(
                    FieldSpec.of("station", FieldType.STRING).asQueryable(),
                    FieldSpec.of("count", FieldType.INT64).asQueryable()), "CLI readings");
        }
    }

    private static Cli.Result run(String... args) {
        List<String> all = new ArrayList<>(List.of("--url", DemoFixture.url()));
        all.addAll(List.of(args));
        return Cli.run(all.toArray(String[]::new));
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private static long count(String collection) {
        try (DatasetsClient client = DatasetsClient.builder().url(DemoFixture.url()).apiKey(null).build()) {
            return client.dataset(DATASET).collection(collection).info().count().orElseThrow();
        }
    }

    @Test
    void ingestQueryWithFiltersAndDeleteRoundTrip() throws IOException {
        assertThat(run("create-collection", DATASET, "a").out()).startsWith("created collection a (");
        Path csv = file("rows.csv", """
                time,station,count,geometry
                2025-01-01T00:00:00Z,north,1,POINT (10 50)
                2025-01-01T00:01:00Z,"south, east",2,
                2025-01-01T00:02:00Z,north,3,"POLYGON ((0 0, 1 0, 1 1, 0 0))"
                """);
        Cli.Result first = run("ingest", DATASET, "a", "--input", csv.toString());
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains("ingested 3 datapoints into " + DATASET + "/a: 3 created, 0 already existed");
        assertThat(run("ingest", DATASET, "a", "--input", csv.toString()).out()).contains("0 created, 3 already existed");

        Cli.Result filtered = run("query", DATASET, "a", "--from", "2025-01-01", "--to", "2025-01-02",
                "--format", "jsonl", "--no-progress", "--filter", "count >= 2", "--filter", "station <> 'north'");
        assertThat(filtered.exit()).as(filtered.err()).isZero();
        assertThat(filtered.out().lines().toList()).hasSize(1).first().asString().contains("\"south, east\"");

        Path jsonl = file("more.jsonl", """
                {"time": "2025-01-01T00:03:00Z", "station": "west", "count": 4, "geometry": {"type": "Point", "coordinates": [1, 2]}}

                {"time": "2025-01-01T00:04:00Z", "station": "west"}
                """);
        assertThat(run("ingest", DATASET, "a", "--input", jsonl.toString()).out()).contains("2 created");
        Path geojson = file("more.geojson", """
                {"type": "FeatureCollection", "features": [
                  {"type": "Feature", "geometry": {"type": "Point", "coordinates": [3, 4]},
                   "properties": {"time": "2025-01-01T00:05:00Z", "station": "east", "count": 6}}]}
                """);
        assertThat(run("ingest", DATASET, "a", "--input", geojson.toString()).out()).contains("1 created");
        assertThat(count("a")).isEqualTo(6);

        Cli.Result ids = run("query", DATASET, "a", "--from", "2025-01-01", "--to", "2025-01-02", "--format", "csv",
                "--no-progress", "--filter", "station = 'west'");
        List<String> idColumn = ids.out().lines().skip(1).map(line -> line.split(",")[1]).toList();
        assertThat(idColumn).hasSize(2);
        Path idFile = file("ids.txt", "# west\n" + String.join("\n", idColumn) + "\n\n");
        assertThat(run("delete", DATASET, "a", "--ids", idFile.toString()).out())
                .contains("deleted 2 datapoints from " + DATASET + "/a");
        assertThat(count("a")).isEqualTo(4);

        Cli.Result load = run("load", DATASET, "a", "--from", "2025-01-01", "--to", "2025-01-02", "--format", "jsonl",
                "--no-progress", "--filter", "count = 1 OR count = 6");
        assertThat(load.exit()).as(load.err()).isZero();
        assertThat(load.out().lines().toList()).hasSize(2);
    }

    @Test
    void badInputFilesNameTheLineAndWriteNothing() throws IOException {
        run("create-collection", DATASET, "bad");
        Path csv = file("bad.csv", """
                time,station,count
                2025-01-01T00:00:00Z,north,1
                2025-01-01T00:01:00Z,south,many
                """);
        Cli.Result badValue = run("ingest", DATASET, "bad", "--input", csv.toString());
        assertThat(badValue.exit()).isEqualTo(1);
        assertThat(badValue.err()).contains("bad.csv line 3, field 'count': expected an integer, got text 'many';"
                + " nothing was ingested");
        assertThat(count("bad")).isZero();

        Cli.Result unknownField = run("ingest", DATASET, "bad", "--input",
                file("u.jsonl", "{\"time\": \"2025-01-01T00:00:00Z\"}\n{\"time\": \"2025-01-01T00:00:01Z\", \"colour\": 1}\n")
                        .toString());
        assertThat(unknownField.err()).contains("u.jsonl line 2, field 'colour': no such field");
        assertThat(run("ingest", DATASET, "bad", "--input", file("j.jsonl", "{\"time\": 1}\n{oops\n").toString()).err())
                .contains("j.jsonl line 2: not JSON");
        assertThat(run("ingest", DATASET, "bad", "--input", file("q.csv", "time,station\n2025-01-01,\"open\n").toString())
                .err()).contains("q.csv line 2: a quoted cell is not closed");
        assertThat(run("ingest", DATASET, "bad", "--input", file("c.csv", "time,station\n2025-01-01T00:00:00Z\n").toString())
                .err()).contains("c.csv line 2: 1 cells, but the header has 2");
        assertThat(run("ingest", DATASET, "bad", "--input", file("rows.txt", "x").toString()).err())
                .contains("cannot tell the format of");
        assertThat(run("delete", DATASET, "bad", "--ids", file("ids.txt",
                "01941f29-c650-202f-6495-c71dd2118fb1\nnope\n").toString()).err())
                .contains("ids.txt line 2: 'nope' is not a datapoint id");
        assertThat(count("bad")).isZero();
    }

    @Test
    void anInvalidFilterIsAUsageErrorNamingTheColumn() {
        Cli.Result result = run("query", DATASET, "a", "--from", "2025-01-01", "--to", "2025-01-02",
                "--filter", "count ! 2");
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("column 7: expected a comparison operator");
    }
}
