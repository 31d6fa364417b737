package dev.skyloom.cli;

import dev.skyloom.Datapoint;
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
 * and the first {@value #EXTRA_COLUMNS} plain text, number or flag fields of the first batch), after a
 * {@code collection} column when the batch names one. Counts are grouped by thousands and server text is shown
 * escaped (see {@link TextTable}). Rows are kept until {@link #finish()}, which prints the table followed by the
 * datapoint count: the one format that is not written in constant memory, meant for reading results in a terminal.
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
    public void write(String collection, List<Datapoint> batch) throws IOException {
        if (batch.isEmpty()) {
            return;
        }
        if (columns == null) {
            columns = chosen.isEmpty() ? keyColumns(collection, batch.getFirst().fields())
                    : withCollection(collection, chosen);
            table = new TextTable(columns);
        }
        for (Datapoint datapoint : batch) {
            Map<String, Object> fields = datapoint.fields();
            table.add(columns.stream().map(column -> column.equals(RowColumns.COLLECTION) && collection != null
                    ? collection : CellText.forPeople(fields.get(column))).toList());
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

    private static List<String> withCollection(String collection, List<String> fields) {
        List<String> result = new ArrayList<>();
        if (collection != null) {
            result.add(RowColumns.COLLECTION);
        }
        result.addAll(fields);
        return result;
    }

    private static List<String> keyColumns(String collection, Map<String, Object> first) {
        List<String> result = withCollection(collection, List.of("time", "id"));
        int wanted = result.size() + EXTRA_COLUMNS;
        for (Map.Entry<String, Object> field : first.entrySet()) {
            if (result.size() == wanted) {
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
