package dev.skyloom.cli;

import dev.skyloom.codec.WireFields;
import dev.skyloom.codec.WireRow;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The columns of a tabular writer's fast path, as slots of a {@link WireRow}: which field each column shows (none
 * for the collection column or a name the type lacks), and the fields without a column, reported as
 * {@link RowColumns#checkLeftOut} reports them on the general path.
 */
final class WireColumns {

    private final WireRow reader;
    private final RowColumns columns;
    private final int[] slots;
    private final boolean[] unchecked;
    /** The slots of fields without a column, in the order {@link RowColumns#checkLeftOut} reports them. */
    private final int[] leftOut;

    private WireColumns(WireRow reader, RowColumns columns, List<String> names) {
        this.reader = reader;
        this.columns = columns;
        this.slots = new int[names.size()];
        this.unchecked = new boolean[reader.slots()];
        Arrays.fill(unchecked, true);
        for (int i = 0; i < slots.length; i++) {
            slots[i] = i == 0 && columns.hasCollection() ? -1 : reader.slot(names.get(i));
            if (slots[i] >= 0) {
                unchecked[slots[i]] = false;
            }
        }
        List<String> reportable = columns.reportable();
        this.leftOut = reportable == null
                ? IntStream.range(0, reader.slots()).filter(slot -> unchecked[slot]).toArray()
                : reportable.stream().mapToInt(reader::slot).filter(slot -> slot >= 0 && unchecked[slot]).toArray();
    }

    /**
     * @param names the writer's column names ({@code columns.names()}, or the ones it kept)
     * @return the fast-path columns for datapoints like {@code wire}, or null if their type has no {@link WireRow}
     */
    static WireColumns of(WireFields wire, RowColumns columns, List<String> names) {
        WireRow reader = WireRow.of(wire.type());
        return reader == null ? null : new WireColumns(reader, columns, names);
    }

    /** {@return the reader of the datapoints' fields} */
    WireRow reader() {
        return reader;
    }

    /** {@return how many columns there are} */
    int count() {
        return slots.length;
    }

    /** {@return the slot of column {@code column}'s field, or -1 if it shows none (the collection column)} */
    int slot(int column) {
        return slots[column];
    }

    /** {@return whether column {@code column} is the collection column} */
    boolean isCollection(int column) {
        return column == 0 && columns.hasCollection();
    }

    /** {@return the slot of column {@code column}'s field if the datapoint last read sets it, else -1} */
    int setSlot(int column) {
        int slot = slots[column];
        return slot >= 0 && reader.isSet(slot) ? slot : -1;
    }

    /** Reports the fields the datapoint last read sets that have no column (each name once). */
    void reportLeftOut() {
        for (int slot : leftOut) {
            if (unchecked[slot] && reader.isSet(slot)) {
                unchecked[slot] = false;
                columns.noColumnFor(reader.name(slot));
            }
        }
    }
}
