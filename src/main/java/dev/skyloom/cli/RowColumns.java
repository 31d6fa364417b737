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
 * The columns of a tabular output, fixed by the first batch: {@code collection} if that batch names one, then the
 * fields chosen with {@code --fields} in the order chosen, or else every field set in the batch, in field order.
 * Reports, once per name, a field that a later datapoint sets but that has no column (when fields were chosen, only a
 * chosen one: see {@link #retain}).
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
    private final List<String> chosenLeftOut;

    private RowColumns(List<String> names, boolean collection, Consumer<String> warnings, String format,
                       List<String> chosenLeftOut) {
        this.names = List.copyOf(names);
        this.collection = collection;
        this.fieldColumns = new HashSet<>(collection ? names.subList(1, names.size()) : names);
        this.warnings = warnings;
        this.format = format;
        this.chosenLeftOut = chosenLeftOut;
    }

    /**
     * @param collection the first batch's collection, or null for no collection column
     * @param batch      the first non-empty batch
     * @param chosen     the fields chosen with {@code --fields}, each a column even if the batch never sets it, or
     *                   empty for the fields the batch sets
     * @param format     the format's name for the warning, e.g. {@code "the CSV header"}
     */
    static RowColumns of(String collection, List<Datapoint> batch, List<String> chosen, Consumer<String> warnings,
                         String format) {
        Set<String> names = new LinkedHashSet<>();
        if (collection != null) {
            names.add(COLLECTION);
        }
        if (chosen.isEmpty()) {
            for (Datapoint datapoint : batch) {
                names.addAll(datapoint.fields().keySet());
            }
        } else {
            names.addAll(chosen);
        }
        return new RowColumns(new ArrayList<>(names), collection != null, warnings, format,
                chosen.isEmpty() ? null : List.of());
    }

    /**
     * The columns that are kept of these, for a format that cannot make a column of some (Parquet cannot type a
     * chosen field no datapoint of the first batch sets); a dropped chosen field is reported when a datapoint sets
     * it.
     *
     * @param kept the names of the columns to keep (the collection column, if any, among them)
     * @return these columns without the ones not in {@code kept}
     */
    RowColumns retain(Set<String> kept) {
        List<String> keptNames = names.stream().filter(kept::contains).toList();
        List<String> dropped = names.stream().filter(name -> !kept.contains(name)).toList();
        return new RowColumns(keptNames, collection && kept.contains(COLLECTION), warnings, format,
                chosenLeftOut == null ? null : dropped);
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
        if (chosenLeftOut != null) {
            for (String name : chosenLeftOut) {
                if (fields.get(name) != null && reported.add(name)) {
                    report(name);
                }
            }
            return;
        }
        if (written == fields.size()) {
            return;
        }
        for (String name : fields.keySet()) {
            if (!fieldColumns.contains(name) && reported.add(name)) {
                report(name);
            }
        }
    }

    /**
     * {@return the only fields {@link #checkLeftOut} may report, in the order it reports them (fields were chosen),
     * or null if it reports any field without a column, in field order}
     */
    List<String> reportable() {
        return chosenLeftOut;
    }

    /**
     * Reports, once, the field {@code name} that a datapoint sets but that has no column, if {@link #checkLeftOut}
     * would report it.
     */
    void noColumnFor(String name) {
        boolean reportable = chosenLeftOut != null ? chosenLeftOut.contains(name) : !fieldColumns.contains(name);
        if (reportable && reported.add(name)) {
            report(name);
        }
    }

    private void report(String name) {
        warnings.accept("field '" + name + "' is set only in later datapoints; " + format + " was already"
                + " written, so it is left out (use --format jsonl to keep every field)");
    }
}
