package dev.skyloom.cli;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Passes on only the fields a person chose with {@code --fields}, in the order chosen, to the writer of any format;
 * a chosen field a datapoint lacks is passed as null (an empty cell), so every chosen column is there.
 */
final class SelectedFields implements DatapointWriter {

    private final List<String> names;
    private final DatapointWriter writer;

    /**
     * @param names  the fields to keep, in order; not empty
     * @param writer the writer that gets the selected fields
     */
    SelectedFields(List<String> names, DatapointWriter writer) {
        this.names = List.copyOf(names);
        this.writer = writer;
    }

    @Override
    public void write(List<Map<String, Object>> batch) throws IOException {
        writer.write(batch.stream().map(this::select).toList());
    }

    @Override
    public void finish() throws IOException {
        writer.finish();
    }

    private Map<String, Object> select(Map<String, Object> fields) {
        Map<String, Object> row = new LinkedHashMap<>(names.size() * 2);
        for (String name : names) {
            row.put(name, fields.get(name));
        }
        return row;
    }
}
