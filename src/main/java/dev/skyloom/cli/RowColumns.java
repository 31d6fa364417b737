package dev.skyloom.cli;

import dev.skyloom.Datapoint;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The columns of a tabular output, fixed by the first batch: {@code collection} if that batch names one, then every
 * field set in the batch, in field order. Reports, once per name, a field that a later datapoint sets but that has no
 * column.
 */
final class RowColumns {

    /** The name of the column holding the collection's name. */
    static final String COLLECTION = "collection";

    private final List<String> names;
    private final boolean collection;
    private final Set<String> fieldColumns;
    private final Set<String> reported = new HashSet<>();
    private final Consumer<String> warnings;
    private final String format;

    private RowColumns(List<String> names, boolean collection, Consumer<String> warnings, String format) {
        this.names = List.copyOf(names);
        this.collection = collection;
        this.fieldColumns = new HashSet<>(collection ? names.subList(1, names.size()) : names);
        this.warnings = warnings;
        this.format = format;
    }

    /**
     * @param collection the first batch's collection, or null for no collection column
     * @param batch      the first non-empty batch
     * @param format     the format's name for the warning, e.g. {@code "the CSV header"}
     */
    static RowColumns of(String collection, List<Datapoint> batch, Consumer<String> warnings, String format) {
        Set<String> names = new LinkedHashSet<>();
        if (collection != null) {
            names.add(COLLECTION);
        }
        for (Datapoint datapoint : batch) {
            names.addAll(datapoint.fields().keySet());
        }
        return new RowColumns(new ArrayList<>(names), collection != null, warnings, format);
    }

    /** @return the column names, in order */
    List<String> names() {
        return names;
    }

    /** @return whether the first column holds the collection's name */
    boolean hasCollection() {
        return collection;
    }

    /**
     * Reports the fields of {@code fields} that have no column, once each, if {@code written} (how many of its
     * fields had a column) says there are any.
     */
    void checkLeftOut(Map<String, Object> fields, int written) {
        if (written == fields.size()) {
            return;
        }
        for (String name : fields.keySet()) {
            if (!fieldColumns.contains(name) && reported.add(name)) {
                warnings.accept("field '" + name + "' is set only in later datapoints; " + format + " was already"
                        + " written, so it is left out (use --format jsonl to keep every field)");
            }
        }
    }
}
