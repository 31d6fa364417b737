package dev.skyloom.cli;

import dev.skyloom.Datapoint;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Writes RFC 4180 CSV: a header row, CRLF line ends, fields quoted when they hold a comma, quote or line break. Cells
 * are rendered by {@link CellText}.
 *
 * <p>The columns are the chosen fields or are fixed by the first batch ({@link RowColumns}); a field first seen in a later batch cannot be
 * added to the header any more, so it is left out and reported once through the warnings.
 */
final class CsvWriter implements DatapointWriter {

    private final Writer out;
    private final Consumer<String> warnings;
    private final List<String> chosen;
    private final StringBuilder row = new StringBuilder(2048);
    private final StringBuilder cell = new StringBuilder(256);
    private char[] chars = new char[2048];
    private RowColumns columns;

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
                appendCell(name);
            }
            endRow();
        }
        List<String> names = columns.names();
        for (Datapoint datapoint : batch) {
            Map<String, Object> fields = datapoint.fields();
            row.setLength(0);
            int written = 0;
            for (int i = 0; i < names.size(); i++) {
                if (i == 0 && columns.hasCollection()) {
                    appendCell(collection == null ? "" : collection);
                    continue;
                }
                Object value = fields.get(names.get(i));
                if (value != null) {
                    written++;
                }
                cell.setLength(0);
                CellText.append(cell, value);
                appendCell(cell);
            }
            endRow();
            columns.checkLeftOut(fields, written);
        }
    }

    @Override
    public void finish() throws IOException {
        out.flush();
    }

    /** Appends a cell and the comma after it (an empty first cell needs one too); {@link #endRow} drops the last. */
    private void appendCell(CharSequence text) {
        if (!needsQuotes(text)) {
            row.append(text).append(',');
            return;
        }
        row.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                row.append('"');
            }
            row.append(c);
        }
        row.append("\",");
    }

    private void endRow() throws IOException {
        row.setLength(row.length() - 1);
        row.append("\r\n");
        if (chars.length < row.length()) {
            chars = new char[Math.max(row.length(), 2 * chars.length)];
        }
        row.getChars(0, row.length(), chars, 0);
        out.write(chars, 0, row.length());
    }

    private static boolean needsQuotes(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }
}
