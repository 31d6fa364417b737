package dev.skyloom.local.demo;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The values set on one datapoint, by slot (fields in number order), and their canonical protobuf encoding: fields in
 * number order, a scalar without presence left out when it holds its default, message values (Timestamp, UUID,
 * Geometry) written as protobuf writes those messages. Each value is kept raw (a {@code long} or a reference) with its
 * kind until {@link #toBytes}.
 */
final class FieldValues {

    static final byte TEXT = 1;
    static final byte INT64 = 2;
    /** A double, kept as its raw bits. */
    static final byte DOUBLE = 3;
    static final byte BOOL = 4;
    static final byte ENUM = 5;
    /** A {@code google.protobuf.Timestamp}, kept as epoch milliseconds. */
    static final byte TIMESTAMP = 6;
    /** A {@code datasets.v1.UUID} ({@code bytes uuid = 1}), kept as a {@link java.util.UUID}. */
    static final byte UUID_VALUE = 7;
    /** A {@code datasets.v1.Geometry} ({@code bytes wkb = 1}), kept as its WKB. */
    static final byte GEOMETRY = 8;

    private static final int DELIMITED = WireFormat.WIRETYPE_LENGTH_DELIMITED;

    private final int[] numbers;
    private final boolean[] presence;
    private final byte[] kinds;
    private final Object[] references;
    private final long[] bits;

    FieldValues(int[] numbers, boolean[] presence) {
        this.numbers = numbers;
        this.presence = presence;
        this.kinds = new byte[numbers.length];
        this.references = new Object[numbers.length];
        this.bits = new long[numbers.length];
    }

    void set(int slot, byte kind, Object reference, long value) {
        kinds[slot] = kind;
        references[slot] = reference;
        bits[slot] = value;
    }

    /** The encoded message; a text value's UTF-8 bytes replace it (they are needed twice, to size and to write). */
    byte[] toBytes() {
        int size = 0;
        for (int slot = 0; slot < kinds.length; slot++) {
            if (references[slot] instanceof String text) {
                references[slot] = text.getBytes(StandardCharsets.UTF_8);
            }
            if (written(slot)) {
                size += size(slot);
            }
        }
        byte[] bytes = new byte[size];
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        try {
            for (int slot = 0; slot < kinds.length; slot++) {
                if (written(slot)) {
                    write(out, slot);
                }
            }
            out.checkNoSpaceLeft();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes;
    }

    private boolean written(int slot) {
        return switch (kinds[slot]) {
            case 0 -> false;
            case TEXT -> presence[slot] || ((byte[]) references[slot]).length > 0;
            case TIMESTAMP, UUID_VALUE, GEOMETRY -> true;
            default -> presence[slot] || bits[slot] != 0;
        };
    }

    private int size(int slot) {
        int number = numbers[slot];
        long value = bits[slot];
        return switch (kinds[slot]) {
            case TEXT -> CodedOutputStream.computeByteArraySize(number, (byte[]) references[slot]);
            case INT64 -> CodedOutputStream.computeInt64Size(number, value);
            case DOUBLE -> CodedOutputStream.computeDoubleSize(number, 0.0);
            case BOOL -> CodedOutputStream.computeBoolSize(number, false);
            case ENUM -> CodedOutputStream.computeEnumSize(number, (int) value);
            default -> {
                int length = messageSize(slot);
                yield CodedOutputStream.computeTagSize(number) + CodedOutputStream.computeUInt32SizeNoTag(length)
                        + length;
            }
        };
    }

    private void write(CodedOutputStream out, int slot) throws IOException {
        int number = numbers[slot];
        long value = bits[slot];
        switch (kinds[slot]) {
            case TEXT -> out.writeByteArray(number, (byte[]) references[slot]);
            case INT64 -> out.writeInt64(number, value);
            case DOUBLE -> out.writeDouble(number, Double.longBitsToDouble(value));
            case BOOL -> out.writeBool(number, value != 0);
            case ENUM -> out.writeEnum(number, (int) value);
            default -> {
                out.writeTag(number, DELIMITED);
                out.writeUInt32NoTag(messageSize(slot));
                writeMessage(out, slot);
            }
        }
    }

    /** The size of a message value's own fields. */
    private int messageSize(int slot) {
        return switch (kinds[slot]) {
            case TIMESTAMP -> {
                long seconds = seconds(bits[slot]);
                int nanos = nanos(bits[slot]);
                yield (seconds == 0 ? 0 : CodedOutputStream.computeInt64Size(1, seconds))
                        + (nanos == 0 ? 0 : CodedOutputStream.computeInt32Size(2, nanos));
            }
            case UUID_VALUE -> 18;
            default -> CodedOutputStream.computeByteArraySize(1, (byte[]) references[slot]);
        };
    }

    private void writeMessage(CodedOutputStream out, int slot) throws IOException {
        switch (kinds[slot]) {
            case TIMESTAMP -> {
                long seconds = seconds(bits[slot]);
                int nanos = nanos(bits[slot]);
                if (seconds != 0) {
                    out.writeInt64(1, seconds);
                }
                if (nanos != 0) {
                    out.writeInt32(2, nanos);
                }
            }
            case UUID_VALUE -> {
                java.util.UUID uuid = (java.util.UUID) references[slot];
                out.writeTag(1, DELIMITED);
                out.writeUInt32NoTag(16);
                out.writeFixed64NoTag(Long.reverseBytes(uuid.getMostSignificantBits()));
                out.writeFixed64NoTag(Long.reverseBytes(uuid.getLeastSignificantBits()));
            }
            default -> out.writeByteArray(1, (byte[]) references[slot]);
        }
    }

    private static long seconds(long epochMillis) {
        return Math.floorDiv(epochMillis, 1000L);
    }

    private static int nanos(long epochMillis) {
        return (int) Math.floorMod(epochMillis, 1000L) * 1_000_000;
    }
}
