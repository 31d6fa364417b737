package dev.skyloom.cli;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Writes datapoints, given as their field maps (proto field name to value, as {@code Datapoint.fields()} returns
 * them), in one output format. Batches arrive in order; {@link #finish()} completes the document (a closing bracket,
 * an aligned table) and flushes, but never closes the underlying writer.
 */
sealed interface DatapointWriter permits CsvWriter, JsonLinesWriter, GeoJsonWriter, TableWriter {

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
     * Creates a writer of {@code format} over {@code out}.
     *
     * @param warnings receives one-line notices about data the format cannot hold
     */
    static DatapointWriter of(OutputFormat format, Writer out, Consumer<String> warnings) {
        return switch (format) {
            case CSV -> new CsvWriter(out, warnings);
            case JSONL -> new JsonLinesWriter(out);
            case GEOJSON -> new GeoJsonWriter(out);
            case TABLE -> new TableWriter(out);
        };
    }
}
