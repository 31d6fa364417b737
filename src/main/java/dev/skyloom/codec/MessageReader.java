package dev.skyloom.codec;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;
import com.google.protobuf.UnsafeByteOperations;
import com.google.protobuf.WireFormat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the fields of one message type straight from its wire bytes into the values {@link dev.skyloom.Datapoint}
 * documents, with no intermediate protobuf message: the same values {@link MessageValues} converts a
 * {@code DynamicMessage} into, in a {@link FieldMap}. Built once per type, with a decoder per field found by field
 * number; immutable and thread-safe.
 *
 * <p>It reads what services send. Anything else makes it <em>decline</em> (throw): malformed input, a value that
 * cannot be converted, and the encodings it leaves to protobuf's own parser (a singular message field sent twice,
 * which protobuf merges; groups; text that is not valid UTF-8; nesting deeper than {@value #DEPTH_LIMIT}). The caller
 * then parses the bytes with protobuf, which gives the result or the error. Types it cannot read at all (required
 * fields, groups, message sets, a well-known message redefined with other field types) get no reader.
 */
final class MessageReader {

    /** Deeper messages are left to protobuf, whose parser stops at 100 levels with its own error. */
    static final int DEPTH_LIMIT = 90;
    /** Field numbers below this are found in an array. */
    private static final int DENSE_NUMBERS = 128;
    /** A singular message field that was sent but converts to null (an empty UUID or Geometry). */
    private static final Object SET_NULL = new Object();
    private static final Declined DECLINED = new Declined();

    /** How the fields of a message become its value. */
    private enum Shape { PLAIN, TIMESTAMP, DURATION, UUID, GEOMETRY, MAP_ENTRY }

    private final Shape shape;
    private final FieldSlot[] slots;
    private final FieldSlot[] byNumber = new FieldSlot[DENSE_NUMBERS];
    private final Map<Integer, FieldSlot> sparse = new HashMap<>();
    private final FieldMap.Keys keys;

    private MessageReader(Descriptor type, Shape shape, boolean mayHoldBytes) {
        this.shape = shape;
        List<FieldDescriptor> fields = MessageValues.inNumberOrder(type);
        this.slots = new FieldSlot[fields.size()];
        Map<Integer, Integer> indexByNumber = new HashMap<>();
        for (int i = 0; i < slots.length; i++) {
            slots[i] = new FieldSlot(fields.get(i), i);
            indexByNumber.put(slots[i].number, i);
            if (slots[i].number < DENSE_NUMBERS) {
                byNumber[slots[i].number] = slots[i];
            } else {
                sparse.put(slots[i].number, slots[i]);
            }
        }
        for (int i = 0; i < slots.length; i++) {
            OneofDescriptor oneof = fields.get(i).getRealContainingOneof();
            if (oneof != null) {
                int self = slots[i].number;
                slots[i].oneofSiblings = oneof.getFields().stream().filter(member -> member.getNumber() != self)
                        .mapToInt(member -> indexByNumber.get(member.getNumber())).toArray();
            }
        }
        this.keys = new FieldMap.Keys(fields.stream().map(FieldDescriptor::getName).toList(), mayHoldBytes);
    }

    /**
     * Builds the reader of a datapoint type and of every message type it reaches.
     *
     * @return the reader, or null if the type or a type it reaches is one only protobuf's parser reads
     */
    static MessageReader of(Descriptor type) {
        Map<Descriptor, Shape> reached = new LinkedHashMap<>();
        if (!reach(type, reached) || reached.get(type) != Shape.PLAIN) {
            return null;
        }
        boolean mayHoldBytes = reached.entrySet().stream().anyMatch(entry -> entry.getValue() != Shape.UUID
                && entry.getValue() != Shape.GEOMETRY && entry.getKey().getFields().stream()
                        .anyMatch(field -> field.getType() == FieldDescriptor.Type.BYTES));
        Map<Descriptor, MessageReader> readers = new HashMap<>();
        reached.forEach((descriptor, shape) -> readers.put(descriptor,
                new MessageReader(descriptor, shape, mayHoldBytes)));
        readers.forEach((descriptor, reader) -> {
            for (FieldDescriptor field : descriptor.getFields()) {
                if (field.getType() == FieldDescriptor.Type.MESSAGE) {
                    reader.slotFor(field.getNumber()).message = readers.get(field.getMessageType());
                }
            }
        });
        return readers.get(type);
    }

    /** Adds {@code type} and the message types it reaches to {@code reached}; false if one cannot be read here. */
    private static boolean reach(Descriptor type, Map<Descriptor, Shape> reached) {
        if (reached.containsKey(type)) {
            return true;
        }
        Shape shape = shapeOf(type);
        if (shape == null || type.getOptions().getMessageSetWireFormat()) {
            return false;
        }
        reached.put(type, shape);
        for (FieldDescriptor field : type.getFields()) {
            if (field.isRequired() || field.getType() == FieldDescriptor.Type.GROUP) {
                return false;
            }
            if (field.getType() == FieldDescriptor.Type.MESSAGE && !reach(field.getMessageType(), reached)) {
                return false;
            }
        }
        return true;
    }

    /** {@return how a type's messages convert, or null for a well-known name whose fields are not the known ones} */
    private static Shape shapeOf(Descriptor type) {
        if (type.getOptions().getMapEntry()) {
            return Shape.MAP_ENTRY;
        }
        return switch (type.getFullName()) {
            case MessageValues.TIMESTAMP -> secondsAndNanos(type) ? Shape.TIMESTAMP : null;
            case MessageValues.DURATION -> secondsAndNanos(type) ? Shape.DURATION : null;
            case MessageValues.DATASETS_UUID, MessageValues.TILEBOX_ID -> bytesAtOne(type) ? Shape.UUID : null;
            case MessageValues.GEOMETRY -> bytesAtOne(type) ? Shape.GEOMETRY : null;
            default -> Shape.PLAIN;
        };
    }

    private static boolean secondsAndNanos(Descriptor type) {
        return singular(type, 1, FieldDescriptor.Type.INT64) && singular(type, 2, FieldDescriptor.Type.INT32);
    }

    private static boolean bytesAtOne(Descriptor type) {
        return singular(type, 1, FieldDescriptor.Type.BYTES);
    }

    private static boolean singular(Descriptor type, int number, FieldDescriptor.Type fieldType) {
        FieldDescriptor field = type.findFieldByNumber(number);
        return field != null && !field.isRepeated() && field.getType() == fieldType;
    }

    /**
     * Reads a whole datapoint.
     *
     * @return its set fields
     * @throws IOException      if the bytes are malformed
     * @throws RuntimeException if a value cannot be converted, or the reader declines (see the class comment)
     */
    FieldMap readDatapoint(ByteString bytes) throws IOException {
        return (FieldMap) finish(readFields(bytes.newCodedInput(), 0));
    }

    /**
     * Reads one length-delimited message of this type, nested at {@code depth}.
     *
     * @return its value: a {@link FieldMap}, an {@link Instant}, a {@link Duration}, a UUID or a geometry, or null for
     *         an empty UUID or Geometry; a map entry's raw values for a map entry
     */
    Object readNested(CodedInputStream in, int depth) throws IOException {
        if (depth >= DEPTH_LIMIT) {
            throw declined();
        }
        int limit = in.pushLimit(in.readRawVarint32());
        Object[] values = readFields(in, depth + 1);
        in.popLimit(limit);
        return shape == Shape.MAP_ENTRY ? values : finish(values);
    }

    private Object[] readFields(CodedInputStream in, int depth) throws IOException {
        Object[] values = new Object[slots.length];
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            int wire = WireFormat.getTagWireType(tag);
            FieldSlot slot = slotFor(WireFormat.getTagFieldNumber(tag));
            if (slot == null || wire != slot.wireType && !slot.isPacked(wire)) {
                // protobuf keeps an unknown number, or a known one with another wire type, as an unknown field
                if (wire == WireFormat.WIRETYPE_START_GROUP || wire == WireFormat.WIRETYPE_END_GROUP) {
                    throw declined();
                }
                in.skipField(tag);
            } else if (wire != slot.wireType) {
                int limit = in.pushLimit(in.readRawVarint32());
                while (in.getBytesUntilLimit() > 0) {
                    add(values, slot, slot.read(in, depth));
                }
                in.popLimit(limit);
            } else if (slot.repeated) {
                add(values, slot, slot.read(in, depth));
            } else {
                set(values, slot, in, depth);
            }
        }
        return values;
    }

    private FieldSlot slotFor(int number) {
        return number < DENSE_NUMBERS ? byNumber[number] : sparse.get(number);
    }

    private static void set(Object[] values, FieldSlot slot, CodedInputStream in, int depth) throws IOException {
        if (slot.type == FieldDescriptor.Type.MESSAGE && values[slot.index] != null) {
            throw declined(); // a second occurrence, which protobuf merges into the first
        }
        Object value = slot.read(in, depth);
        if (value == FieldSlot.DROPPED) {
            return;
        }
        values[slot.index] = value == null ? SET_NULL : value;
        for (int sibling : slot.oneofSiblings) {
            values[sibling] = null;
        }
    }

    /** Adds an element to a repeated field; the field counts as set even if the element converts to null. */
    @SuppressWarnings("unchecked")
    private static void add(Object[] values, FieldSlot slot, Object value) {
        if (value == FieldSlot.DROPPED) {
            return;
        }
        if (slot.map) {
            if (values[slot.index] == null) {
                values[slot.index] = new LinkedHashMap<>();
            }
            slot.message.putEntry((Map<Object, Object>) values[slot.index], (Object[]) value);
            return;
        }
        if (values[slot.index] == null) {
            values[slot.index] = new ArrayList<>(4);
        }
        if (value != null) {
            ((List<Object>) values[slot.index]).add(value);
        }
    }

    /** Puts a map entry read by this (map entry) reader: missing keys and values read as their defaults. */
    private void putEntry(Map<Object, Object> map, Object[] entry) {
        Object key = valueAt(entry, 0);
        FieldSlot valueSlot = slots[1];
        Object value = entry[1] == SET_NULL ? null : entry[1] != null ? entry[1]
                : valueSlot.message != null ? valueSlot.message.finish(new Object[valueSlot.message.slots.length])
                : valueSlot.zero;
        if (value != null) {
            map.put(key, value);
        }
    }

    private Object finish(Object[] values) {
        return switch (shape) {
            case PLAIN -> {
                for (FieldSlot slot : slots) {
                    Object value = values[slot.index];
                    if (value == null) {
                        values[slot.index] = slot.presence ? null : slot.zero;
                    } else if (value == SET_NULL) {
                        values[slot.index] = null;
                    } else if (slot.map) {
                        values[slot.index] = Collections.unmodifiableMap((Map<?, ?>) value);
                    } else if (slot.repeated) {
                        values[slot.index] = Collections.unmodifiableList((List<?>) value);
                    }
                }
                yield new FieldMap(keys, values);
            }
            case TIMESTAMP -> Instant.ofEpochSecond((Long) valueAt(values, 0), (Integer) valueAt(values, 1));
            case DURATION -> Duration.ofSeconds((Long) valueAt(values, 0), (Integer) valueAt(values, 1));
            case UUID -> MessageValues.uuid(UnsafeByteOperations.unsafeWrap((byte[]) valueAt(values, 0)));
            case GEOMETRY -> {
                byte[] wkb = (byte[]) valueAt(values, 0);
                yield wkb.length == 0 ? null : Wkb.read(wkb);
            }
            case MAP_ENTRY -> throw new IllegalStateException("a map entry has no value of its own");
        };
    }

    /** {@return the value of the field at {@code index}, its default if it was not sent} */
    private Object valueAt(Object[] values, int index) {
        return values[index] != null ? values[index] : slots[index].zero;
    }

    /** {@return the exception that makes the caller parse the bytes with protobuf instead} */
    static RuntimeException declined() {
        return DECLINED;
    }

    /** The reader leaves these bytes to protobuf's parser. Shared and without a stack trace: it is not an error. */
    private static final class Declined extends RuntimeException {
        Declined() {
            super("left to protobuf's parser", null, false, false);
        }
    }
}
