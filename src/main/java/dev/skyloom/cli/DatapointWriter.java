package dev.skyloom.cli;

import dev.skyloom.Datapoint;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Writes datapoints in one output format, batch after batch (e.g. page after page, as they are loaded), in constant
 * memory: each batch is written through before {@link #write} returns (the table format, for a terminal, is the one
 * exception: it aligns its columns at the end). {@link #finish()} completes the document (a closing bracket, a
 * Parquet footer, an aligned table) and flushes, but never closes the text writer it was given (a binary format owns
 * its file and closes it there).
 *
 * <p>The columns of the tabular formats (CSV, Parquet, table) are the fields chosen with {@code --fields}, or else
 * the fields set in the first non-empty batch; when that batch is given a collection name, a {@code collection}
 * column comes first and every later batch should name its collection too (the loader writes several collections to
 * one stream that way).
 */
sealed interface DatapointWriter permits CsvWriter, JsonLinesWriter, GeoJsonWriter, TableWriter, GeoParquetWriter {

    /**
     * Writes one batch of datapoints, e.g. one page, with no collection column.
     *
     * @throws IOException if the output cannot be written
     */
    default void write(List<Datapoint> batch) throws IOException {
        write(null, batch);
    }

    /**
     * Writes one batch of datapoints of {@code collection}.
     *
     * @param collection the name for the {@code collection} column, or null for none
     * @throws IOException if the output cannot be written
     */
    void write(String collection, List<Datapoint> batch) throws IOException;

    /**
     * Completes the output and flushes it.
     *
     * @throws IOException if the output cannot be written
     */
    void finish() throws IOException;

    /** As {@link #of(OutputFormat, Writer, Path, Consumer, ParquetCompression, List)}: zstd, every field. */
    static DatapointWriter of(OutputFormat format, Writer out, Path file, Consumer<String> warnings) {
        return of(format, out, file, warnings, ParquetCompression.DEFAULT, List.of());
    }

    /** As {@link #of(OutputFormat, Writer, Path, Consumer, ParquetCompression, List)} with every field. */
    static DatapointWriter of(OutputFormat format, Writer out, Path file, Consumer<String> warnings,
                              ParquetCompression compression) {
        return of(format, out, file, warnings, compression, List.of());
    }

    /**
     * Creates a writer of {@code format}: a text format over {@code out}, a {@linkplain OutputFormat#binary() binary}
     * one into {@code file}, that writes the fields named in {@code fields}, in that order, or every field when
     * {@code fields} is empty (the table then shows a few key ones).
     *
     * @param file        the file {@code out} writes to, or null for standard output
     * @param warnings    receives one-line notices about data the format cannot hold
     * @param compression how a Parquet file's pages are compressed; the text formats ignore it
     * @param fields      the fields to write (checked against the dataset by {@link WriteOptions}), or empty for all
     * @throws IllegalArgumentException if the format is binary and {@code file} is null (see
     *                                  {@link WriteOptions#requireFile})
     */
    static DatapointWriter of(OutputFormat format, Writer out, Path file, Consumer<String> warnings,
                              ParquetCompression compression, List<String> fields) {
        return switch (format) {
            case CSV -> new CsvWriter(out, warnings, fields);
            case JSONL -> new JsonLinesWriter(out, fields);
            case GEOJSON -> new GeoJsonWriter(out, fields);
            case TABLE -> new TableWriter(out, fields);
            case PARQUET -> {
                if (file == null) {
                    throw new IllegalArgumentException("the " + format + " format is written to a file only");
                }
                yield new GeoParquetWriter(file, warnings, compression, fields);
            }
        };
    }
}
