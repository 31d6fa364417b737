package dev.skyloom.cli;

import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;
import org.locationtech.jts.geom.Geometry;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Writes a GeoParquet 1.1 file: one optional column per field, typed as {@link ParquetKind}
 * describes (times as INT64 TIMESTAMP(NANOS, UTC), ids as 16-byte UUIDs, footprints as WKB, enums as strings, lists,
 * maps and durations as JSON text), and the {@code geo} footer metadata naming the WKB columns, {@code geometry}
 * first, with their geometry types and bounding box.
 *
 * <p>The columns are the fields set in the first batch, in field order, each typed by its first value there. As in
 * the CSV format, a field first seen in a later batch is left out, and a value its column cannot hold (a number in a
 * timestamp column, say) is written as null; each is reported once through the warnings. A result with no datapoints
 * gives a file with no rows and the columns time, id and ingestion_time, without {@code geo} metadata; so does a
 * result without footprints, whose columns then hold no WKB.
 *
 * <p>Pages are dictionary- and run-length-encoded but not compressed: parquet-java's codecs need native libraries
 * (Snappy, Zstandard) or Hadoop's (gzip), and its direct-buffer cleanup warns on JDK 25.
 *
 * <p>Unlike the text formats this writer owns its output: it creates (or replaces) the file at the first batch and
 * {@link #finish()} writes the footer and closes it.
 */
final class GeoParquetWriter implements DatapointWriter {

    private static final Map<String, ParquetKind> EMPTY_COLUMNS = Map.of(
            "time", ParquetKind.TIMESTAMP, "id", ParquetKind.UUID_BYTES, "ingestion_time", ParquetKind.TIMESTAMP);

    private final Path file;
    private final Consumer<String> warnings;
    private final Set<String> reported = new LinkedHashSet<>();
    private Map<String, ParquetKind> columns;
    private GeoMetadata geo;
    private ParquetWriter<Map<String, Object>> parquet;

    /**
     * @param file     the file to create or replace
     * @param warnings receives one-line notices about fields and values the file cannot hold
     */
    GeoParquetWriter(Path file, Consumer<String> warnings) {
        this.file = file;
        this.warnings = warnings;
    }

    @Override
    public void write(List<Map<String, Object>> batch) throws IOException {
        if (batch.isEmpty()) {
            return;
        }
        if (parquet == null) {
            open(columnsOf(batch));
        }
        for (Map<String, Object> fields : batch) {
            for (Map.Entry<String, Object> field : fields.entrySet()) {
                check(field.getKey(), field.getValue());
            }
            parquet.write(fields);
        }
    }

    @Override
    public void finish() throws IOException {
        if (parquet == null) {
            open(new LinkedHashMap<>(EMPTY_COLUMNS));
        }
        parquet.close();
    }

    private static Map<String, ParquetKind> columnsOf(List<Map<String, Object>> batch) {
        Map<String, ParquetKind> kinds = new LinkedHashMap<>();
        for (Map<String, Object> fields : batch) {
            fields.forEach((name, value) -> kinds.putIfAbsent(name, ParquetKind.of(value)));
        }
        return kinds;
    }

    private void open(Map<String, ParquetKind> kinds) throws IOException {
        columns = kinds;
        List<Type> types = new ArrayList<>();
        List<String> wkbColumns = new ArrayList<>();
        kinds.forEach((name, kind) -> {
            types.add(kind.type(name));
            if (kind == ParquetKind.WKB) {
                wkbColumns.add(name);
            }
        });
        geo = wkbColumns.isEmpty() ? null : new GeoMetadata(wkbColumns);
        DatapointWriteSupport support = new DatapointWriteSupport(new MessageType("datapoint", types),
                List.copyOf(kinds.values()), () -> geo == null ? Map.of() : Map.of(GeoMetadata.KEY, geo.json()));
        parquet = new DatapointWriteSupport.Builder(new LocalOutputFile(file), support)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .withCompressionCodec(CompressionCodecName.UNCOMPRESSED)
                .build();
    }

    private void check(String name, Object value) {
        ParquetKind kind = columns.get(name);
        if (kind == null) {
            if (reported.add(name)) {
                warnings.accept("field '" + name + "' is set only in later datapoints; the Parquet schema was"
                        + " already written, so it is left out (use --format jsonl to keep every field)");
            }
        } else if (!kind.accepts(value)) {
            if (reported.add(name)) {
                warnings.accept("field '" + name + "' holds a " + value.getClass().getSimpleName() + " where its"
                        + " Parquet column is " + kind + "; such values are written as null");
            }
        } else if (kind == ParquetKind.WKB) {
            geo.add(name, (Geometry) value);
        }
    }
}
