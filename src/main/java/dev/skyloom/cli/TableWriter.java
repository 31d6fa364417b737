package dev.skyloom.cli;

import org.locationtech.jts.geom.Geometry;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Prints datapoints as an aligned table: the columns chosen with {@code --fields}, or else a few key ones (time, id
 * and the first {@value #EXTRA_COLUMNS} plain text, number or flag fields of the first batch). Counts are grouped by
 * thousands and server text is shown escaped (see {@link TextTable}). Rows are kept until {@link #finish()}, which
 * prints the table followed by the datapoint count.
 */
final class TableWriter implements DatapointWriter {

    private static final int EXTRA_COLUMNS = 3;
    private static final Set<String> SKIPPED = Set.of("time", "id", "ingestion_time", "geometry");

    private final Writer out;
    private final List<String> chosen;
    private List<String> columns;
    private TextTable table;

    /**
     * @param fields the columns to show, in order, or empty for the key columns
     */
    TableWriter(Writer out, List<String> fields) {
        this.out = out;
        this.chosen = List.copyOf(fields);
    }

    @Override
    public void write(List<Map<String, Object>> batch) throws IOException {
        if (batch.isEmpty()) {
            return;
        }
        if (columns == null) {
            columns = chosen.isEmpty() ? keyColumns(batch.getFirst()) : chosen;
            table = new TextTable(columns);
        }
        for (Map<String, Object> fields : batch) {
            table.add(columns.stream().map(column -> CellText.forPeople(fields.get(column))).toList());
        }
    }

    @Override
    public void finish() throws IOException {
        if (table == null) {
            out.write("(no datapoints)\n");
        } else {
            table.print(out);
            out.write("(" + Numbers.grouped(table.size()) + (table.size() == 1 ? " datapoint)\n" : " datapoints)\n"));
        }
        out.flush();
    }

    private static List<String> keyColumns(Map<String, Object> first) {
        List<String> result = new ArrayList<>(List.of("time", "id"));
        for (Map.Entry<String, Object> field : first.entrySet()) {
            if (result.size() == 2 + EXTRA_COLUMNS) {
                break;
            }
            Object value = field.getValue();
            boolean plain = !(value instanceof Geometry || value instanceof Collection<?> || value instanceof Map<?, ?>
                    || value instanceof byte[]);
            if (plain && !SKIPPED.contains(field.getKey())) {
                result.add(field.getKey());
            }
        }
        return result;
    }
}
