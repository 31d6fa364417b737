package dev.skyloom.cli;

import com.google.protobuf.ByteString;
import dev.skyloom.Datapoint;
import dev.skyloom.codec.WireFields;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.skyloom.cli.WireDatapoints.scalarName;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The GeoParquet writer's fast path (rows from wire bytes, footprints as the WKB they arrived in) writes the rows,
 * schema and {@code geo} metadata the general path writes, on every field kind and on unusual values, and takes
 * the datapoints it should.
 */
class ParquetWireRowsTest {

    @TempDir
    Path dir;

    @Test
    void fastRowsAreTheGeneralRowsOnEveryKindOfValue() throws IOException {
        for (boolean implicit : List.of(false, true)) {
            WireDatapoints points = new WireDatapoints(implicit);
            List<ByteString> messages = new ArrayList<>(CsvWireRowsTest.ordinary(points));
            messages.addAll(CsvWireRowsTest.unusual(points));
            List<String> names = points.type().descriptor().getFields().stream().map(f -> f.getName()).toList();
            for (List<String> chosen : List.of(List.<String>of(), List.of("geometry", scalarName(
                    WireDatapoints.SCALARS[13]), "time", "ref", "ingestion_time"), names.reversed())) {
                for (String collection : new String[]{null, "L1TP"}) {
                    // first batches: every field set; no optional field set (the others are left out, reported)
                    for (List<ByteString> first : List.of(messages.subList(0, 1),
                            messages.subList(messages.size() - 6, messages.size() - 5))) {
                        assertSame(points, List.of(first, messages), collection, chosen);
                    }
                }
            }
        }
    }

    @Test
    void theFastPathTakesOrdinaryDatapointsAndLeavesUnusualOnes() {
        WireDatapoints points = new WireDatapoints(false);
        List<ByteString> ordinary = CsvWireRowsTest.ordinary(points);
        Map<String, Object> first = points.converted(ordinary.subList(0, 1)).getFirst().fields();
        Map<String, ParquetKind> kinds = new LinkedHashMap<>();
        first.forEach((name, value) -> kinds.put(name, ParquetKind.of(value)));
        RowColumns columns = RowColumns.of(null, points.converted(ordinary.subList(0, 1)), List.of(),
                message -> { }, "the Parquet schema");
        String[] names = kinds.keySet().toArray(String[]::new);
        ParquetKind[] columnKinds = kinds.values().toArray(ParquetKind[]::new);
        GeoMetadata geo = new GeoMetadata(List.of("geometry"));
        int taken = 0;
        for (Datapoint datapoint : points.decoded(ordinary)) {
            WireFields wire = WireFields.of(datapoint);
            taken += ParquetWireRows.of(wire, columns, names, columnKinds, geo).read(null, wire) ? 1 : 0;
        }
        // all but the two whose ingestion_time is outside what nanoseconds since the epoch can hold
        assertThat(taken).isEqualTo(ordinary.size() - 2);
        for (Datapoint datapoint : points.decoded(CsvWireRowsTest.unusual(points))) {
            WireFields wire = WireFields.of(datapoint);
            assertThat(ParquetWireRows.of(wire, columns, names, columnKinds, geo).read(null, wire))
                    .as(datapoint.toString()).isFalse();
        }
    }

    private void assertSame(WireDatapoints points, List<List<ByteString>> batches, String collection,
                            List<String> chosen) throws IOException {
        List<String> fastWarnings = new ArrayList<>();
        List<String> generalWarnings = new ArrayList<>();
        ParquetFiles.Contents fast = write(batches.stream().map(points::decoded).toList(), collection, chosen,
                fastWarnings);
        ParquetFiles.Contents general = write(batches.stream().map(points::converted).toList(), collection, chosen,
                generalWarnings);
        String label = "chosen " + chosen + ", collection " + collection;
        assertThat(fast.schema()).as(label).isEqualTo(general.schema());
        assertThat(fast.metadata()).as(label).isEqualTo(general.metadata());
        assertThat(fast.rows()).as(label).isEqualTo(general.rows());
        assertThat(fastWarnings).as(label).isEqualTo(generalWarnings);
        assertThat(fast.rows()).hasSizeGreaterThan(20);
    }

    private ParquetFiles.Contents write(List<List<Datapoint>> batches, String collection, List<String> chosen,
                                        List<String> warnings) throws IOException {
        Path file = dir.resolve("rows-" + System.nanoTime() + ".parquet");
        GeoParquetWriter writer = new GeoParquetWriter(file, warnings::add, ParquetCompression.ZSTD, chosen);
        for (List<Datapoint> batch : batches) {
            writer.write(collection, batch);
        }
        writer.finish();
        return ParquetFiles.read(file);
    }
}
