package dev.skyloom.cli;

import dev.skyloom.codec.WireFields;
import dev.skyloom.codec.WireRow;
import dev.skyloom.codec.WkbScan;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;

import java.util.List;

/**
 * The GeoParquet writer's fast path: writes a datapoint's row straight from its wire bytes ({@link WireRow}), the
 * same values the general path writes from its converted fields: numbers from their bits, text and UUIDs as their
 * bytes, times as nanoseconds, and footprints as the WKB they arrived in (the SRID of EWKB dropped), their type and
 * bounding box taken into the {@code geo} metadata by {@link WkbScan} instead of JTS. A datapoint it declines (a time
 * outside what the column holds, a geometry to read with JTS, see {@link WireRow#read}) is left to the general path.
 * One row at a time: {@link #read} then {@link #writeTo}.
 */
final class ParquetWireRows {

    private final WireColumns columns;
    private final WireRow reader;
    private final String[] names;
    private final ParquetKind[] kinds;
    private final WkbScan[] geometries;
    private final GeoMetadata geo;
    /** Per column, the last text held as a string (an enum name, the collection) and its bytes, to reuse them. */
    private final String[] lastText;
    private final Binary[] lastBinary;
    private String collection;

    private ParquetWireRows(WireColumns columns, String[] names, ParquetKind[] kinds, GeoMetadata geo) {
        this.columns = columns;
        this.reader = columns.reader();
        this.names = names;
        this.kinds = kinds;
        this.geo = geo;
        this.lastText = new String[names.length];
        this.lastBinary = new Binary[names.length];
        this.geometries = new WkbScan[names.length];
        for (int i = 0; i < names.length; i++) {
            geometries[i] = kinds[i] == ParquetKind.WKB ? new WkbScan() : null;
        }
    }

    /**
     * @param names the file's columns
     * @param kinds their kinds
     * @param geo   the metadata of the WKB columns, or null if there are none
     * @return the fast path for datapoints like {@code wire}, or null if their type has no {@link WireRow} or a
     *         column's kind is not its field's own (a column typed by an unusual first value)
     */
    static ParquetWireRows of(WireFields wire, RowColumns columns, String[] names, ParquetKind[] kinds,
                              GeoMetadata geo) {
        WireColumns wireColumns = WireColumns.of(wire, columns, List.of(names));
        if (wireColumns == null) {
            return null;
        }
        for (int i = 0; i < names.length; i++) {
            boolean fits = wireColumns.isCollection(i) ? kinds[i] == ParquetKind.STRING
                    : wireColumns.slot(i) >= 0 && kinds[i] == kindOf(wireColumns.reader().kind(wireColumns.slot(i)));
            if (!fits) {
                return null;
            }
        }
        return new ParquetWireRows(wireColumns, names, kinds, geo);
    }

    private static ParquetKind kindOf(WireRow.Kind kind) {
        return switch (kind) {
            case INT -> ParquetKind.INT32;
            case LONG -> ParquetKind.INT64;
            case UNSIGNED_LONG -> ParquetKind.UINT64;
            case FLOAT -> ParquetKind.FLOAT;
            case DOUBLE -> ParquetKind.DOUBLE;
            case BOOLEAN -> ParquetKind.BOOLEAN;
            case TEXT -> ParquetKind.STRING;
            case TIMESTAMP -> ParquetKind.TIMESTAMP;
            case UUID -> ParquetKind.UUID_BYTES;
            case GEOMETRY -> ParquetKind.WKB;
        };
    }

    /**
     * Reads a datapoint's row and checks that every value fits its column.
     *
     * @param collection the collection column's value, or null
     * @return false if the datapoint is left to the general path
     */
    boolean read(String collection, WireFields wire) {
        if (!reader.read(wire)) {
            return false;
        }
        this.collection = collection;
        for (int i = 0; i < names.length; i++) {
            int slot = columns.setSlot(i);
            if (slot < 0) {
                continue;
            }
            if (kinds[i] == ParquetKind.TIMESTAMP && !ParquetKind.holdsNanos(reader.bits(slot))) {
                return false;
            }
            if (kinds[i] == ParquetKind.WKB
                    && !geometries[i].scan(reader.buffer(), reader.start(slot), reader.length(slot))) {
                return false;
            }
        }
        return true;
    }

    /** Writes the row last {@linkplain #read read}, takes its geometries into the metadata, reports left-out fields. */
    void writeTo(RecordConsumer out) {
        out.startMessage();
        for (int i = 0; i < names.length; i++) {
            if (columns.isCollection(i)) {
                if (collection != null) {
                    out.startField(names[i], i);
                    out.addBinary(binary(i, collection));
                    out.endField(names[i], i);
                }
                continue;
            }
            int slot = columns.setSlot(i);
            if (slot >= 0) {
                out.startField(names[i], i);
                value(out, i, slot);
                out.endField(names[i], i);
            }
        }
        out.endMessage();
        columns.reportLeftOut();
    }

    private void value(RecordConsumer out, int column, int slot) {
        long bits = reader.bits(slot);
        switch (kinds[column]) {
            case TIMESTAMP -> out.addLong(bits * 1_000_000_000L + reader.nanos(slot));
            case INT32 -> out.addInteger((int) bits);
            case INT64, UINT64 -> out.addLong(bits);
            case FLOAT -> out.addFloat(Float.intBitsToFloat((int) bits));
            case DOUBLE -> out.addDouble(Double.longBitsToDouble(bits));
            case BOOLEAN -> out.addBoolean(bits != 0);
            case STRING -> {
                String text = reader.string(slot);
                out.addBinary(text != null ? binary(column, text)
                        : Binary.fromReusedByteArray(reader.buffer(), reader.start(slot), reader.length(slot)));
            }
            case UUID_BYTES -> out.addBinary(Binary.fromReusedByteArray(reader.buffer(), reader.start(slot), 16));
            case WKB -> out.addBinary(wkb(column, slot));
            default -> throw new IllegalStateException("no fast path for " + kinds[column]);
        }
    }

    /** {@return the UTF-8 bytes of {@code text}, reused while a column repeats the same string} */
    private Binary binary(int column, String text) {
        if (text != lastText[column]) {
            lastText[column] = text;
            lastBinary[column] = Binary.fromString(text);
        }
        return lastBinary[column];
    }

    /** {@return the geometry as plain WKB}, taken into the {@code geo} metadata */
    private Binary wkb(int column, int slot) {
        WkbScan scan = geometries[column];
        geo.add(names[column], scan.typeName(), scan.envelope());
        byte[] bytes = reader.buffer();
        int start = reader.start(slot);
        int length = reader.length(slot);
        if (scan.body() == start + 5) {
            return Binary.fromReusedByteArray(bytes, start, length);
        }
        // EWKB: the same bytes without the SRID, and without its flag in the type code
        byte[] plain = new byte[length - 4];
        plain[0] = 1;
        plain[1] = (byte) scan.type();
        System.arraycopy(bytes, scan.body(), plain, 5, length - (scan.body() - start));
        return Binary.fromConstantByteArray(plain);
    }
}
