package dev.skyloom.cli;

import dev.skyloom.Datapoint;
import dev.skyloom.codec.WireFields;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Writes RFC 4180 CSV: a header row, CRLF line ends, fields quoted when they hold a comma, quote or line break. Cells
 * are rendered by {@link CellText}; a datapoint that still holds its wire bytes is rendered from them
 * ({@link CsvWireRows}), to the same text.
 *
 * <p>The columns are the chosen fields or are fixed by the first batch ({@link RowColumns}); a field first seen in a
 * later batch cannot be added to the header any more, so it is left out and reported once through the warnings.
 */
final class CsvWriter implements DatapointWriter {

    /** Rows are handed to the writer in runs of about this many characters. */
    private static final int FLUSH_CHARS = 1 << 16;

    private final Writer out;
    private final Consumer<String> warnings;
    private final List<String> chosen;
    private final CharRow row = new CharRow();
    private final StringBuilder cell = new StringBuilder(256);
    private RowColumns columns;
    private CsvWireRows wireRows;
    private boolean wireTried;

    /** @param chosen the fields chosen with {@code --fields}, or empty for the fields set in the first batch */
    CsvWriter(Writer out, Consumer<String> warnings, List<String> chosen) {
        this.out = out;
        this.warnings = warnings;
        this.chosen = List.copyOf(chosen);
    }

    @Override
    public void write(String collection, List<Datapoint> batch) throws IOException {
        if (batch.isEmpty()) {
            return;
        }
        if (columns == null) {
            columns = RowColumns.of(collection, batch, chosen, warnings, "the CSV header");
            row.setLength(0);
            for (String name : columns.names()) {
                row.appendCsvCell(name).append(',');
            }
            row.endCsvRow().writeTo(out);
        }
        row.setLength(0);
        for (Datapoint datapoint : batch) {
            WireFields wire = WireFields.of(datapoint);
            if (wire != null && !wireTried) {
                wireTried = true;
                wireRows = CsvWireRows.of(wire, columns);
            }
            if (wire == null || wireRows == null || !wireRows.append(row, collection, wire)) {
                appendGeneral(collection, datapoint);
            }
            if (row.length() >= FLUSH_CHARS) {
                row.writeTo(out);
                row.setLength(0);
            }
        }
        row.writeTo(out);
    }

    @Override
    public void finish() throws IOException {
        out.flush();
    }

    /** Appends the row of {@code datapoint} from its converted fields. */
    private void appendGeneral(String collection, Datapoint datapoint) {
        Map<String, Object> fields = datapoint.fields();
        List<String> names = columns.names();
        int written = 0;
        for (int i = 0; i < names.size(); i++) {
            if (i == 0 && columns.hasCollection()) {
                row.appendCsvCell(collection == null ? "" : collection).append(',');
                continue;
            }
            Object value = fields.get(names.get(i));
            if (value != null) {
                written++;
            }
            cell.setLength(0);
            CellText.append(cell, value);
            row.appendCsvCell(cell).append(',');
        }
        row.endCsvRow();
        columns.checkLeftOut(fields, written);
    }
}
