package dev.skyloom.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Writes datapoints, given as their field maps (proto field name to value, as {@code Datapoint.fields()} returns
 * them), in one output format. Batches arrive in order; {@link #finish()} completes the document (a closing bracket,
 * an aligned table) and flushes, but never closes the underlying writer (a binary format owns its file and closes it
 * there).
 */
sealed interface DatapointWriter permits CsvWriter, JsonLinesWriter, GeoJsonWriter, TableWriter, GeoParquetWriter,
        SelectedFields {

    /**
     * Writes one batch of datapoints, e.g. one page.
     *
     * @throws IOException if the output cannot be written
     */
    void write(List<Map<String, Object>> batch) throws IOException;

    /**
     * Completes the output and flushes it.
     *
     * @throws IOException if the output cannot be written
     */
    void finish() throws IOException;

    /**
     * Creates a writer of {@code format}: a text format over {@code out}, a {@linkplain OutputFormat#binary() binary}
     * one into {@code file}.
     *
     * @param file     the file {@code out} writes to, or null for standard output
     * @param warnings receives one-line notices about data the format cannot hold
     * @throws IllegalArgumentException if the format is binary and {@code file} is null (see
     *                                  {@link WriteOptions#requireFile})
     */
    static DatapointWriter of(OutputFormat format, Writer out, Path file, Consumer<String> warnings) {
        return of(format, out, file, warnings, List.of());
    }

    /**
     * Creates a writer of {@code format} that writes only the fields named in {@code fields}, in that order, or every
     * field when {@code fields} is empty.
     *
     * @param fields   the fields to write (checked against the dataset by {@link WriteOptions}), or empty for all
     * @param file     the file {@code out} writes to, or null for standard output
     * @param warnings receives one-line notices about data the format cannot hold
     * @throws IllegalArgumentException if the format is binary and {@code file} is null
     */
    static DatapointWriter of(OutputFormat format, Writer out, Path file, Consumer<String> warnings,
                              List<String> fields) {
        if (format == OutputFormat.TABLE) {
            return new TableWriter(out, fields);
        }
        DatapointWriter writer = unselected(format, out, file, warnings);
        return fields.isEmpty() ? writer : new SelectedFields(fields, writer);
    }

    private static DatapointWriter unselected(OutputFormat format, Writer out, Path file, Consumer<String> warnings) {
        return switch (format) {
            case CSV -> new CsvWriter(out, warnings);
            case JSONL -> new JsonLinesWriter(out);
            case GEOJSON -> new GeoJsonWriter(out);
            case TABLE -> new TableWriter(out, List.of());
            case PARQUET -> {
                if (file == null) {
                    throw new IllegalArgumentException("the " + format + " format is written to a file only");
                }
                yield new GeoParquetWriter(file, warnings);
            }
        };
    }
}
