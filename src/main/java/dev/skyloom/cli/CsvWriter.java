package dev.skyloom.cli;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Writes RFC 4180 CSV: a header row, CRLF line ends, fields quoted when they hold a comma, quote or line break.
 *
 * <p>The columns are the fields set in the first batch, in field order; a field first seen in a later batch cannot be
 * added to the header any more, so it is left out and reported once through the warnings.
 */
final class CsvWriter implements DatapointWriter {

    private final Writer out;
    private final Consumer<String> warnings;
    private final Set<String> reported = new LinkedHashSet<>();
    private List<String> columns;

    CsvWriter(Writer out, Consumer<String> warnings) {
        this.out = out;
        this.warnings = warnings;
    }

    @Override
    public void write(List<Map<String, Object>> batch) throws IOException {
        if (batch.isEmpty()) {
            return;
        }
        if (columns == null) {
            Set<String> names = new LinkedHashSet<>();
            batch.forEach(fields -> names.addAll(fields.keySet()));
            columns = List.copyOf(names);
            writeRow(columns);
        }
        List<String> cells = new ArrayList<>(columns.size());
        for (Map<String, Object> fields : batch) {
            cells.clear();
            for (String column : columns) {
                cells.add(CellText.of(fields.get(column)));
            }
            writeRow(cells);
            for (String name : fields.keySet()) {
                if (!columns.contains(name) && reported.add(name)) {
                    warnings.accept("field '" + name + "' is set only in later datapoints; the CSV header was"
                            + " already written, so it is left out (use --format jsonl to keep every field)");
                }
            }
        }
    }

    @Override
    public void finish() throws IOException {
        out.flush();
    }

    private void writeRow(List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quoted(cells.get(i)));
        }
        out.write("\r\n");
    }

    static String quoted(String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }
}
