package dev.skyloom.cli;

import dev.skyloom.Datapoint;
import dev.skyloom.codec.WireFields;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.WKBWriter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Writes a GeoParquet 1.1 file: one optional column per field, typed as {@link ParquetKind} describes (times as INT64
 * TIMESTAMP(NANOS, UTC), ids as 16-byte UUIDs, footprints as WKB, enums as strings, lists, maps and durations as JSON
 * text), and the {@code geo} footer metadata naming the WKB columns, {@code geometry} first, with their geometry types
 * and bounding box over every row written.
 *
 * <p>The columns are the chosen fields or are fixed by the first batch ({@link RowColumns}), each typed by its first
 * value there (a chosen field the first batch never sets has no column). As in the CSV
 * format, a field first seen in a later batch is left out, and a value its column cannot hold (a number in a
 * timestamp column, say) is written as null; each is reported once through the warnings. A result with no datapoints
 * gives a file with no rows and the columns time, id and ingestion_time, without {@code geo} metadata; so does a
 * result without footprints, whose columns then hold no WKB.
 *
 * <p>Rows are written as they arrive, in row groups of at most {@value #ROW_GROUP_ROWS} rows (DuckDB's own row group
 * size) or {@value #ROW_GROUP_BYTES} bytes: memory stays bounded by one row group however many rows the file gets.
 * Pages are compressed as {@link ParquetCompression} says ({@link ParquetCodecs}); columns of mostly unique values
 * (times, ids, footprints, and columns whose values in the first batch are mostly distinct) skip dictionary
 * encoding, and WKB columns and mostly-distinct text columns (long URLs and paths sharing their first 80 characters,
 * compared at every row) skip min/max statistics.
 *
 * <p>A datapoint that still holds its wire bytes is written from them ({@link ParquetWireRows}), to the same values;
 * its footprint's WKB is written as it arrived.
 *
 * <p>Unlike the text formats this writer owns its output: it creates (or replaces) the file at the first batch and
 * {@link #finish()} writes the footer and closes it.
 */
final class GeoParquetWriter implements DatapointWriter {

    /** The most rows in one row group. */
    static final int ROW_GROUP_ROWS = 122_880;
    /** The most bytes one row group may buffer before it is written. */
    static final long ROW_GROUP_BYTES = 64L << 20;
    /** The fewest datapoints in a first batch that can show a column's values to be mostly distinct. */
    private static final int UNIQUE_SAMPLE = 100;

    private static final Map<String, ParquetKind> EMPTY_COLUMNS = Map.of(
            "time", ParquetKind.TIMESTAMP, "id", ParquetKind.UUID_BYTES, "ingestion_time", ParquetKind.TIMESTAMP);

    private final Path file;
    private final Consumer<String> warnings;
    private final ParquetCompression compression;
    private final List<String> chosen;
    private final int rowGroupRows;
    private final Set<String> reported = new HashSet<>();
    private final WKBWriter wkb = new WKBWriter(2, ByteOrderValues.LITTLE_ENDIAN);
    private RowColumns columns;
    private String[] names;
    private ParquetKind[] kinds;
    private GeoMetadata geo;
    private ParquetWriter<Object> parquet;
    private ParquetWireRows wireRows;
    private boolean wireTried;

    /**
     * @param file        the file to create or replace
     * @param warnings    receives one-line notices about fields and values the file cannot hold
     * @param compression how pages are compressed
     * @param chosen      the fields chosen with {@code --fields}, or empty for the fields set in the first batch
     */
    GeoParquetWriter(Path file, Consumer<String> warnings, ParquetCompression compression, List<String> chosen) {
        this(file, warnings, compression, chosen, ROW_GROUP_ROWS);
    }

    /** As the public constructor, with row groups of at most {@code rowGroupRows} rows (tests use a few). */
    GeoParquetWriter(Path file, Consumer<String> warnings, ParquetCompression compression, List<String> chosen,
                     int rowGroupRows) {
        this.file = file;
        this.warnings = warnings;
        this.compression = compression;
        this.chosen = List.copyOf(chosen);
        this.rowGroupRows = rowGroupRows;
    }

    @Override
    public void write(String collection, List<Datapoint> batch) throws IOException {
        if (batch.isEmpty()) {
            return;
        }
        if (parquet == null) {
            columns = RowColumns.of(collection, batch, chosen, warnings, "the Parquet schema");
            Map<String, ParquetKind> kinds = kindsOf(batch);
            if (kinds.size() < columns.names().size()) {
                columns = columns.retain(kinds.keySet());
            }
            open(kinds, batch);
        }
        Object[] row = new Object[names.length];
        for (Datapoint datapoint : batch) {
            WireFields wire = WireFields.of(datapoint);
            if (wire != null && !wireTried) {
                wireTried = true;
                wireRows = ParquetWireRows.of(wire, columns, names, kinds, geo);
            }
            if (wire != null && wireRows != null && wireRows.read(collection, wire)) {
                parquet.write(wireRows);
                continue;
            }
            Map<String, Object> fields = datapoint.fields();
            int written = 0;
            for (int i = 0; i < names.length; i++) {
                if (i == 0 && columns.hasCollection()) {
                    row[0] = collection;
                    continue;
                }
                Object value = fields.get(names[i]);
                if (value != null) {
                    written++;
                }
                row[i] = value == null ? null : checked(i, value);
            }
            parquet.write(row);
            columns.checkLeftOut(fields, written);
        }
    }

    @Override
    public void finish() throws IOException {
        if (parquet == null) {
            open(new LinkedHashMap<>(EMPTY_COLUMNS), List.of());
        }
        parquet.close();
    }

    private Map<String, ParquetKind> kindsOf(List<Datapoint> batch) {
        Map<String, ParquetKind> result = new LinkedHashMap<>();
        for (String name : columns.names()) {
            if (name.equals(RowColumns.COLLECTION) && columns.hasCollection() && result.isEmpty()) {
                result.put(name, ParquetKind.STRING);
                continue;
            }
            for (Datapoint datapoint : batch) {
                Object value = datapoint.fields().get(name);
                if (value != null) {
                    result.put(name, ParquetKind.of(value));
                    break;
                }
            }
        }
        return result;
    }

    /** @param first the first batch, whose values decide which text columns skip dictionary encoding */
    private void open(Map<String, ParquetKind> columnKinds, List<Datapoint> first) throws IOException {
        names = columnKinds.keySet().toArray(String[]::new);
        kinds = columnKinds.values().toArray(ParquetKind[]::new);
        List<Type> types = new ArrayList<>();
        List<String> wkbColumns = new ArrayList<>();
        columnKinds.forEach((name, kind) -> {
            types.add(kind.type(name));
            if (kind == ParquetKind.WKB) {
                wkbColumns.add(name);
            }
        });
        geo = wkbColumns.isEmpty() ? null : new GeoMetadata(wkbColumns);
        DatapointWriteSupport support = new DatapointWriteSupport(new MessageType("datapoint", types),
                List.of(kinds), () -> geo == null ? Map.of() : Map.of(GeoMetadata.KEY, geo.json()));
        DatapointWriteSupport.Builder builder = new DatapointWriteSupport.Builder(new LocalOutputFile(file), support)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .withCodecFactory(new ParquetCodecs())
                .withCompressionCodec(compression.codec())
                .withRowGroupRowCountLimit(rowGroupRows)
                .withRowGroupSize(ROW_GROUP_BYTES);
        columnKinds.forEach((name, kind) -> {
            boolean unique = mostlyUnique(name, kind, first);
            builder.withDictionaryEncoding(name, kind.dictionary() && !unique);
            if (kind == ParquetKind.WKB || kind == ParquetKind.STRING && unique) {
                builder.withStatisticsEnabled(name, false);
            }
        });
        parquet = builder.build();
    }

    /**
     * {@return whether a column's values in the first batch are mostly distinct (granule names, file sizes, sun
     * angles), so that a dictionary would cost time and save nothing}
     */
    private boolean mostlyUnique(String name, ParquetKind kind, List<Datapoint> first) {
        if (first.size() < UNIQUE_SAMPLE || name.equals(RowColumns.COLLECTION) && columns.hasCollection()) {
            return false;
        }
        Set<Object> distinct = new HashSet<>();
        for (Datapoint datapoint : first) {
            distinct.add(datapoint.fields().get(name));
        }
        return distinct.size() * 2 > first.size();
    }

    /** @return what column {@code i} stores for {@code value}: WKB bytes for a geometry, null if it does not fit */
    private Object checked(int i, Object value) {
        ParquetKind kind = kinds[i];
        if (!kind.accepts(value)) {
            if (reported.add(names[i])) {
                ParquetKind held = ParquetKind.of(value);
                warnings.accept("field '" + names[i] + "' holds " + (held == kind ? "a value out of range ("
                        + CellText.of(value) + ")" : "a " + held + " value") + " where its Parquet column is " + kind
                        + "; such values are written as null");
            }
            return null;
        }
        if (kind == ParquetKind.WKB) {
            Geometry geometry = (Geometry) value;
            geo.add(names[i], geometry);
            return wkb.write(geometry);
        }
        return value;
    }
}
