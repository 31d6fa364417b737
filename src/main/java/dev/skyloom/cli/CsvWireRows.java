package dev.skyloom.cli;

import dev.skyloom.codec.WireFields;
import dev.skyloom.codec.WireRow;
import dev.skyloom.codec.WkbScan;

import java.nio.charset.StandardCharsets;

/**
 * The CSV writer's fast path: renders a datapoint's row straight from its wire bytes ({@link WireRow}), with the same
 * text the general path ({@link CellText}) gives its converted fields, and without building them. Numbers, times,
 * UUIDs and booleans never need quotes; text is scanned for them; geometries are written as WKT from their WKB
 * ({@link WkbText}). A datapoint it declines is left to the general path.
 */
final class CsvWireRows {

    private final WireColumns columns;
    private final WireRow reader;
    private final WkbScan wkb = new WkbScan();

    private CsvWireRows(WireColumns columns) {
        this.columns = columns;
        this.reader = columns.reader();
    }

    /** {@return the fast path for datapoints like {@code wire}, or null if their type has no {@link WireRow}} */
    static CsvWireRows of(WireFields wire, RowColumns columns) {
        WireColumns wireColumns = WireColumns.of(wire, columns, columns.names());
        return wireColumns == null ? null : new CsvWireRows(wireColumns);
    }

    /**
     * Appends the datapoint's row, CRLF included, to {@code row}, and reports its fields without a column.
     *
     * @param collection the collection column's value, or null
     * @return false (nothing appended) if the datapoint is left to the general path
     */
    boolean append(CharRow row, String collection, WireFields wire) {
        if (!reader.read(wire)) {
            return false;
        }
        int mark = row.length();
        for (int i = 0; i < columns.count(); i++) {
            int slot = columns.setSlot(i);
            if (columns.isCollection(i)) {
                if (collection != null) {
                    row.appendCsvCell(collection);
                }
            } else if (slot >= 0 && !cell(row, slot)) {
                row.setLength(mark);
                return false;
            }
            row.append(',');
        }
        row.endCsvRow();
        columns.reportLeftOut();
        return true;
    }

    /** Appends the cell of {@code slot}; false if its geometry is one to read with JTS. */
    private boolean cell(CharRow row, int slot) {
        long bits = reader.bits(slot);
        switch (reader.kind(slot)) {
            case INT, LONG -> row.append(bits);
            case UNSIGNED_LONG -> row.append(Long.toUnsignedString(bits));
            case FLOAT -> row.append(Float.intBitsToFloat((int) bits));
            case DOUBLE -> row.append(Double.longBitsToDouble(bits));
            case BOOLEAN -> row.append(bits != 0 ? "true" : "false");
            case TEXT -> text(row, slot);
            case TIMESTAMP -> row.appendTime(bits, reader.nanos(slot));
            case UUID -> {
                byte[] bytes = reader.buffer();
                int at = reader.start(slot);
                row.appendHex(bytes, at, 4).append('-').appendHex(bytes, at + 4, 2).append('-')
                        .appendHex(bytes, at + 6, 2).append('-').appendHex(bytes, at + 8, 2).append('-')
                        .appendHex(bytes, at + 10, 6);
            }
            case GEOMETRY -> {
                if (!wkb.scan(reader.buffer(), reader.start(slot), reader.length(slot))) {
                    return false;
                }
                int start = row.length();
                row.append('"');
                WkbText.append(row, reader.buffer(), wkb);
                if (hasComma(row, start)) {
                    row.append('"');
                } else {
                    row.removeCharAt(start);
                }
            }
        }
        return true;
    }

    private void text(CharRow row, int slot) {
        String string = reader.string(slot);
        if (string != null) {
            row.appendCsvCell(string);
            return;
        }
        byte[] bytes = reader.buffer();
        int start = reader.start(slot);
        int length = reader.length(slot);
        if (reader.ascii(slot)) {
            if (!row.appendPlainAscii(bytes, start, length)) {
                row.appendCsvCell(new String(bytes, start, length, StandardCharsets.ISO_8859_1));
            }
        } else {
            row.appendCsvCell(new String(bytes, start, length, StandardCharsets.UTF_8));
        }
    }

    private static boolean hasComma(CharRow row, int from) {
        for (int i = from; i < row.length(); i++) {
            if (row.charAt(i) == ',') {
                return true;
            }
        }
        return false;
    }
}
