package dev.skyloom.codec;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.WireFormat;

import java.util.Arrays;
import java.util.Map;

/**
 * Reads the top-level fields of one datapoint type straight from a datapoint's bytes into primitive slots, for the
 * CLI's writers: numbers as their bits, text and WKB as a range of a reused buffer, times as seconds and nanoseconds,
 * with no value objects. It gives the values {@link MessageReader} gives (same unset, default, last-wins and unknown
 * field rules), for the types it plans: every field a singular number, bool, string, enum, Timestamp, UUID or
 * Geometry outside a oneof. Anything unusual in a datapoint (malformed bytes, a message field sent twice, an enum
 * number the type does not define, text that is not UTF-8, a time out of range) makes {@link #read} decline, and
 * the writer then takes the datapoint's converted fields instead. One instance per writer: not thread-safe.
 */
public final class WireRow {

    /** The Java value a slot stands for ({@link dev.skyloom.Datapoint} documents them). */
    public enum Kind {
        /** {@code Integer}: {@link #bits} holds it. */
        INT,
        /** {@code Long} (also uint32 values): {@link #bits} holds it. */
        LONG,
        /** {@code BigInteger} of a uint64 value: {@link #bits} holds its 64 bits. */
        UNSIGNED_LONG,
        /** {@code Float}: {@link #bits} holds its {@link Float#floatToRawIntBits raw bits}. */
        FLOAT,
        /** {@code Double}: {@link #bits} holds its {@link Double#doubleToRawLongBits raw bits}. */
        DOUBLE,
        /** {@code Boolean}: {@link #bits} is 1 for true. */
        BOOLEAN,
        /** {@code String}: an enum's name ({@link #string}) or UTF-8 text at {@link #start}. */
        TEXT,
        /** {@code Instant}: {@link #bits} holds the epoch second, {@link #nanos} the nanoseconds. */
        TIMESTAMP,
        /** {@code UUID}: 16 bytes at {@link #start}, big-endian. */
        UUID,
        /** A geometry: its (E)WKB at {@link #start}, {@link #length} bytes, not checked (see {@link WkbScan}). */
        GEOMETRY
    }

    private static final long MIN_SECOND = -31_557_014_167_219_200L;
    private static final long MAX_SECOND = 31_556_889_864_403_199L;
    private static final Decline DECLINE = new Decline();

    private final DatapointType type;
    private final String[] names;
    private final Kind[] kinds;
    private final FieldDescriptor.Type[] types;
    private final int[] wireTypes;
    private final boolean[] presence;
    private final String[] textZero;
    private final Map<Integer, String>[] enumValues;
    private final int[] slotByNumber;
    private final Map<Integer, Integer> sparse;

    private byte[] buffer = new byte[2048];
    /** Per slot, the number of the row that sets it (and that sent it): no clearing between rows. */
    private final int[] setIn;
    private final int[] seenIn;
    private int row;
    private final boolean[] ascii;
    private final long[] bits;
    private final int[] nanos;
    private final int[] start;
    private final int[] length;
    private final String[] string;
    private int position;

    private WireRow(WireLayout layout) {
        this.type = layout.type;
        this.names = layout.names;
        this.kinds = layout.kinds;
        this.types = layout.types;
        this.wireTypes = layout.wireTypes;
        this.presence = layout.presence;
        this.textZero = layout.textZero;
        this.enumValues = layout.enumValues;
        this.slotByNumber = layout.slotByNumber;
        this.sparse = layout.sparse;
        int n = names.length;
        this.setIn = new int[n];
        this.seenIn = new int[n];
        this.ascii = new boolean[n];
        this.bits = new long[n];
        this.nanos = new int[n];
        this.start = new int[n];
        this.length = new int[n];
        this.string = new String[n];
    }

    /**
     * Plans the reading of a datapoint type.
     *
     * @param type a datapoint type
     * @return a reader, or null if a field of the type is of a shape this class does not read (repeated, map,
     *         bytes, duration, nested message, oneof member)
     */
    public static WireRow of(DatapointType type) {
        WireLayout layout = WireLayout.of(type);
        return layout == null ? null : new WireRow(layout);
    }

    /** {@return the type this reader reads} */
    public DatapointType type() {
        return type;
    }

    /**
     * Gives the slot of the field named {@code name}.
     *
     * @param name a field name
     * @return the slot of the field named {@code name}, or -1 if the type has no such field
     */
    public int slot(String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** {@return how many fields (slots) the type has} */
    public int slots() {
        return names.length;
    }

    /**
     * Gives the name of the field in {@code slot}.
     *
     * @param slot a slot, 0 to {@link #slots()} - 1
     * @return the name of the field in {@code slot}
     */
    public String name(int slot) {
        return names[slot];
    }

    /**
     * Gives what the value in {@code slot} stands for.
     *
     * @param slot a slot
     * @return what the value in {@code slot} stands for
     */
    public Kind kind(int slot) {
        return kinds[slot];
    }

    /**
     * Reads one datapoint's fields into the slots.
     *
     * @param wire the datapoint's wire form
     * @return false if this reader declines the datapoint (another type, or see the class comment): the slots then
     *         hold nothing meaningful
     */
    public boolean read(WireFields wire) {
        if (wire.type != type) {
            return false;
        }
        int size = wire.bytes.size();
        if (buffer.length < size) {
            buffer = new byte[Math.max(size, 2 * buffer.length)];
        }
        wire.bytes.copyTo(buffer, 0);
        if (++row == Integer.MAX_VALUE) {
            Arrays.fill(setIn, 0);
            Arrays.fill(seenIn, 0);
            row = 1;
        }
        try {
            readFields(size);
        } catch (Decline | ArrayIndexOutOfBoundsException e) {
            return false;
        }
        for (int i = 0; i < setIn.length; i++) {
            if (seenIn[i] != row && !presence[i]) {
                zero(i);
            }
        }
        for (int i = 0; i < setIn.length; i++) {
            if (setIn[i] == row && kinds[i] == Kind.TEXT && string[i] == null && !ascii[i]
                    && !wire.bytes.substring(start[i], start[i] + length[i]).isValidUtf8()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Tells whether a field is set in the datapoint last read.
     *
     * @param slot a slot
     * @return whether the field in {@code slot} is set in the datapoint last read (as {@code Datapoint.fields()}
     *         has it)
     */
    public boolean isSet(int slot) {
        return setIn[slot] == row;
    }

    /**
     * Gives the number in {@code slot}.
     *
     * @param slot a slot
     * @return the number in {@code slot}, the epoch second of a time (see {@link Kind})
     */
    public long bits(int slot) {
        return bits[slot];
    }

    /**
     * Gives the nanoseconds of the time in {@code slot}.
     *
     * @param slot a {@link Kind#TIMESTAMP} slot
     * @return the nanoseconds of the time in {@code slot}, 0 to 999,999,999
     */
    public int nanos(int slot) {
        return nanos[slot];
    }

    /**
     * Gives the text in {@code slot} when it is held as a string.
     *
     * @param slot a {@link Kind#TEXT} slot
     * @return the text in {@code slot} as a string (an enum's name, or an unsent field's default), or null if the
     *         slot holds UTF-8 text at {@link #start}
     */
    public String string(int slot) {
        return string[slot];
    }

    /**
     * Tells whether the text in {@code slot} is all ASCII.
     *
     * @param slot a {@link Kind#TEXT} slot holding UTF-8 text
     * @return whether the text in {@code slot} is all ASCII
     */
    public boolean ascii(int slot) {
        return ascii[slot];
    }

    /**
     * Gives where the bytes of {@code slot} start in {@link #buffer()}.
     *
     * @param slot a slot of text, a UUID or a geometry
     * @return where the bytes of {@code slot} start in {@link #buffer()}
     */
    public int start(int slot) {
        return start[slot];
    }

    /**
     * Gives how many bytes {@code slot} has in {@link #buffer()}.
     *
     * @param slot a slot of text, a UUID or a geometry
     * @return how many bytes {@code slot} has in {@link #buffer()}
     */
    public int length(int slot) {
        return length[slot];
    }

    /** {@return the buffer holding the bytes of the datapoint last read; reused by the next read} */
    public byte[] buffer() {
        return buffer;
    }

    private void zero(int i) {
        setIn[i] = row;
        bits[i] = 0;
        if (kinds[i] == Kind.TEXT) {
            string[i] = textZero[i];
            if (string[i] == null) {
                throw new IllegalStateException("no default value for '" + names[i] + "'");
            }
        }
    }

    private void readFields(int end) {
        position = 0;
        while (position < end) {
            int tag = (int) varint(end);
            int number = tag >>> 3;
            int wire = tag & 7;
            if (number == 0) {
                throw DECLINE;
            }
            int slot = number < slotByNumber.length ? slotByNumber[number] : sparse.getOrDefault(number, -1);
            if (slot < 0 || wire != wireTypes[slot]) {
                skip(wire, end);
            } else {
                value(slot, end);
            }
        }
        if (position != end) {
            throw DECLINE;
        }
    }

    private void value(int slot, int end) {
        if (types[slot] == FieldDescriptor.Type.MESSAGE && seenIn[slot] == row) {
            throw DECLINE; // a second occurrence, which protobuf merges into the first
        }
        seenIn[slot] = row;
        setIn[slot] = row;
        switch (types[slot]) {
            case DOUBLE, FIXED64, SFIXED64 -> bits[slot] = fixed64(end);
            case FLOAT -> bits[slot] = fixed32(end);
            case FIXED32 -> bits[slot] = fixed32(end) & 0xFFFF_FFFFL;
            case SFIXED32 -> bits[slot] = (int) fixed32(end);
            case INT64, UINT64 -> bits[slot] = varint(end);
            case INT32 -> bits[slot] = (int) varint(end);
            case UINT32 -> bits[slot] = varint(end) & 0xFFFF_FFFFL;
            case SINT32 -> {
                int raw = (int) varint(end);
                bits[slot] = (raw >>> 1) ^ -(raw & 1);
            }
            case SINT64 -> {
                long raw = varint(end);
                bits[slot] = (raw >>> 1) ^ -(raw & 1);
            }
            case BOOL -> bits[slot] = varint(end) != 0 ? 1 : 0;
            case ENUM -> {
                String name = enumValues[slot].get((int) varint(end));
                if (name == null) {
                    throw DECLINE; // an open enum's unknown number is an Integer, a closed one's is dropped
                }
                string[slot] = name;
            }
            case STRING -> {
                int size = size(end);
                string[slot] = null;
                start[slot] = position;
                length[slot] = size;
                boolean plain = true;
                for (int i = position; i < position + size; i++) {
                    plain &= buffer[i] >= 0;
                }
                ascii[slot] = plain;
                position += size;
            }
            case MESSAGE -> message(slot, end);
            default -> throw DECLINE;
        }
    }

    private void message(int slot, int end) {
        int size = size(end);
        int limit = position + size;
        long seconds = 0;
        int nanoPart = 0;
        int from = 0;
        int count = 0;
        while (position < limit) {
            int tag = (int) varint(limit);
            if (kinds[slot] == Kind.TIMESTAMP && tag == (1 << 3)) {
                seconds = varint(limit);
            } else if (kinds[slot] == Kind.TIMESTAMP && tag == (2 << 3)) {
                nanoPart = (int) varint(limit);
            } else if (kinds[slot] != Kind.TIMESTAMP && tag == (1 << 3 | WireFormat.WIRETYPE_LENGTH_DELIMITED)) {
                count = size(limit);
                from = position;
                position += count;
            } else if (tag >>> 3 == 0) {
                throw DECLINE;
            } else {
                skip(tag & 7, limit);
            }
        }
        if (position != limit) {
            throw DECLINE;
        }
        switch (kinds[slot]) {
            case TIMESTAMP -> {
                long second;
                try {
                    second = Math.addExact(seconds, Math.floorDiv(nanoPart, 1_000_000_000));
                } catch (ArithmeticException e) {
                    throw DECLINE;
                }
                if (second < MIN_SECOND || second > MAX_SECOND) {
                    throw DECLINE;
                }
                bits[slot] = second;
                nanos[slot] = Math.floorMod(nanoPart, 1_000_000_000);
            }
            case UUID, GEOMETRY -> {
                if (count == 0) {
                    setIn[slot] = 0; // an empty UUID or geometry is unset
                } else if (kinds[slot] == Kind.UUID && count != 16) {
                    throw DECLINE;
                }
                start[slot] = from;
                length[slot] = count;
            }
            default -> throw DECLINE;
        }
    }

    private void skip(int wire, int end) {
        switch (wire) {
            case WireFormat.WIRETYPE_VARINT -> varint(end);
            case WireFormat.WIRETYPE_FIXED64 -> advance(8, end);
            case WireFormat.WIRETYPE_FIXED32 -> advance(4, end);
            case WireFormat.WIRETYPE_LENGTH_DELIMITED -> advance(size(end), end);
            default -> throw DECLINE; // groups (left to protobuf) and invalid wire types
        }
    }

    private void advance(int bytes, int end) {
        if (bytes > end - position) {
            throw DECLINE;
        }
        position += bytes;
    }

    private int size(int end) {
        long size = varint(end);
        if (size < 0 || size > end - position) {
            throw DECLINE;
        }
        return (int) size;
    }

    private long fixed64(int end) {
        long value = fixed32(end) & 0xFFFF_FFFFL;
        return value | fixed32(end) << 32;
    }

    private long fixed32(int end) {
        if (end - position < 4) {
            throw DECLINE;
        }
        byte[] b = buffer;
        int p = position;
        position = p + 4;
        return (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8 | (b[p + 2] & 0xFF) << 16 | (long) (b[p + 3]) << 24;
    }

    private long varint(int end) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (position >= end) {
                throw DECLINE;
            }
            byte b = buffer[position++];
            value |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return value;
            }
        }
        throw DECLINE;
    }

    /** The reader declines a datapoint. Shared and without a stack trace: it is not an error. */
    private static final class Decline extends RuntimeException {
        Decline() {
            super("declined", null, false, false);
        }
    }
}
