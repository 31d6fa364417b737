package dev.skyloom.cli;

import dev.skyloom.Collection;
import dev.skyloom.Datapoint;
import dev.skyloom.DatasetKind;
import dev.skyloom.DatasetsClient;
import dev.skyloom.FieldSpec;
import dev.skyloom.FieldType;
import dev.skyloom.Query;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A dataset on the shared demo server with a field of every type a custom dataset can have, single and repeated,
 * and three datapoints with known values (times with nanoseconds, a footprint across the antimeridian), for the
 * read-back tests.
 */
final class EveryFieldType {

    static final String DATASET = "my_org.every_field_type";
    static final String COLLECTION = "readback";
    static final String FROM = "2020-05-01";
    static final String TO = "2020-05-02";
    /** The values of the unsigned 64-bit field, up to 2^64 - 1, so every read-back test sees the unsigned range. */
    static final List<BigInteger> UNSIGNED = List.of(BigInteger.ZERO, BigInteger.valueOf(42),
            BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE));

    private EveryFieldType() {
    }

    /** Creates the dataset and ingests its datapoints once; returns them as the server sends them back. */
    static synchronized List<Datapoint> datapoints() {
        try (DatasetsClient client = DatasetsClient.builder().url(DemoFixture.url()).apiKey(null).build()) {
            Collection collection = client.createOrUpdateDataset(DatasetKind.SPATIOTEMPORAL, "every_field_type",
                    List.of(FieldSpec.of("label", FieldType.STRING), FieldSpec.of("payload", FieldType.BYTES),
                            FieldSpec.of("ok", FieldType.BOOL), FieldSpec.of("count", FieldType.INT64),
                            FieldSpec.of("big", FieldType.UINT64), FieldSpec.of("ratio", FieldType.DOUBLE),
                            FieldSpec.of("revisit", FieldType.DURATION), FieldSpec.of("seen", FieldType.TIMESTAMP),
                            FieldSpec.of("ref", FieldType.UUID), FieldSpec.of("centroid", FieldType.GEOMETRY),
                            FieldSpec.of("tags", FieldType.STRING).asRepeated(),
                            FieldSpec.of("counts", FieldType.INT64).asRepeated()), "Every field type")
                    .getOrCreateCollection(COLLECTION);
            if (collection.query(Query.between(FROM, TO)).isEmpty()) {
                collection.ingest(List.of(
                        row(0, "2020-05-01T10:00:00.123456789Z", "POLYGON ((10 45, 11 45, 11 46, 10 46, 10 45))",
                                "plain"),
                        row(1, "2020-05-01T11:00:00.000000001Z",
                                "POLYGON ((178 10, 178 12, -178 12, -178 10, 178 10))", "with, \"quotes\""),
                        row(2, "2020-05-01T12:30:00Z", "POLYGON ((-3 50, -2 50, -2 51, -3 51, -3 50))",
                                "ünïcödé\nline")));
            }
            return collection.query(Query.between(FROM, TO));
        }
    }

    private static Map<String, Object> row(int n, String time, String footprint, String label) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("time", Instant.parse(time));
        row.put("geometry", geometry(footprint));
        row.put("label", label);
        row.put("payload", ("bytes " + n).getBytes(StandardCharsets.UTF_8));
        row.put("ok", n % 2 == 0);
        row.put("count", -5L + n);
        row.put("big", UNSIGNED.get(n % UNSIGNED.size()));
        row.put("ratio", 0.1 + n);
        row.put("revisit", Duration.ofSeconds(3600L * (n + 1), n));
        row.put("seen", Instant.parse(time).plusNanos(7));
        row.put("ref", new UUID(0x0123456789abcdefL, n));
        row.put("centroid", geometry("POINT (" + (n + 0.5) + " 45.25)"));
        row.put("tags", List.of("a" + n, "b"));
        row.put("counts", List.of(1L, (long) n));
        return row;
    }

    /** Runs {@code query} through the CLI against the shared demo server; it must succeed without warnings. */
    static void query(String dataset, String collection, String from, String to, String... more) {
        List<String> args = new ArrayList<>(List.of("--url", DemoFixture.url(), "query", dataset, collection,
                "--from", from, "--to", to, "--no-progress"));
        args.addAll(List.of(more));
        Cli.Result result = Cli.run(args.toArray(String[]::new));
        assertThat(result.exit()).as("stderr: %s", result.err()).isZero();
        assertThat(result.err()).doesNotContain("WARNING");
    }

    /**
     * Writes the dataset's datapoints with {@code query} into {@code dir}: {@code every.<format>} for each text format
     * named, and {@code every-<codec>.parquet} for every Parquet codec.
     */
    static void writeFiles(Path dir, String... textFormats) {
        for (String format : textFormats) {
            query(DATASET, COLLECTION, FROM, TO, "--format", format, "--output",
                    dir.resolve("every." + format).toString());
        }
        for (ParquetCompression codec : ParquetCompression.values()) {
            query(DATASET, COLLECTION, FROM, TO, "--format", "parquet", "--compression", codec.toString(),
                    "--output", dir.resolve("every-" + codec + ".parquet").toString());
        }
    }

    static Geometry geometry(String wkt) {
        try {
            return new WKTReader().read(wkt);
        } catch (ParseException e) {
            throw new IllegalArgumentException(wkt, e);
        }
    }
}
