package dev.skyloom.codec;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.WireFormat;

import java.io.IOException;

/**
 * One field of a message type as {@link MessageReader} reads it: its place among the type's fields, how one value on
 * the wire becomes the Java value {@link dev.skyloom.Datapoint} documents (the same conversion {@link MessageValues}
 * applies to a parsed message), and the value it has when it is not sent.
 */
final class FieldSlot {

    /** What {@link #read} returns for a value protobuf keeps as an unknown field: a closed enum's undefined number. */
    static final Object DROPPED = new Object();

    /** Enum numbers below this are looked up in an array. */
    private static final int DENSE_ENUM = 64;

    final int index;
    final int number;
    final String name;
    final FieldDescriptor.Type type;
    /** The wire type of one unpacked value. */
    final int wireType;
    final boolean repeated;
    /** Whether the value may also arrive packed (repeated scalar numbers, enums and bools). */
    final boolean packable;
    final boolean map;
    /** Whether an unset field is absent; a singular field without presence reads as {@link #zero} instead. */
    final boolean presence;
    /** The converted default value of a singular field that is not a message; null otherwise. */
    final Object zero;
    /** The message type of a message field (a map's entry type for a map field); linked after construction. */
    MessageReader message;
    /** The indices of the other fields of this field's oneof, which setting this field clears. */
    int[] oneofSiblings = new int[0];

    private final EnumDescriptor enumType;
    private final boolean closedEnum;
    private final String[] enumNames;

    FieldSlot(FieldDescriptor field, int index) {
        this.index = index;
        this.number = field.getNumber();
        this.name = field.getName();
        this.type = field.getType();
        this.wireType = field.getLiteType().getWireType();
        this.repeated = field.isRepeated();
        this.packable = field.isPackable();
        this.map = field.isMapField();
        this.presence = !repeated && field.hasPresence();
        this.zero = repeated || type == FieldDescriptor.Type.MESSAGE || type == FieldDescriptor.Type.GROUP ? null
                : MessageValues.defaultValue(field);
        this.enumType = type == FieldDescriptor.Type.ENUM ? field.getEnumType() : null;
        this.closedEnum = enumType != null && field.legacyEnumFieldTreatedAsClosed();
        this.enumNames = enumType == null ? null : denseNames(enumType);
    }

    /**
     * Reads one value of this field (one element, for a repeated field).
     *
     * @param depth how deep the message holding this field is nested
     * @return the converted value; for a message, what {@link MessageReader#readNested} returns; {@link #DROPPED}
     *         for a closed enum's undefined number
     * @throws IOException if the input is malformed
     */
    Object read(CodedInputStream in, int depth) throws IOException {
        return switch (type) {
            case DOUBLE -> in.readDouble();
            case FLOAT -> in.readFloat();
            case INT64 -> in.readInt64();
            case SINT64 -> in.readSInt64();
            case SFIXED64 -> in.readSFixed64();
            case UINT64 -> MessageValues.unsigned(in.readUInt64());
            case FIXED64 -> MessageValues.unsigned(in.readFixed64());
            case INT32 -> in.readInt32();
            case SINT32 -> in.readSInt32();
            case SFIXED32 -> in.readSFixed32();
            case UINT32 -> Integer.toUnsignedLong(in.readUInt32());
            case FIXED32 -> Integer.toUnsignedLong(in.readFixed32());
            case BOOL -> in.readBool();
            // strict UTF-8 either way: text protobuf would accept with replacement characters makes the reader
            // decline, and the reference parse decides
            case STRING -> in.readStringRequireUtf8();
            case BYTES -> in.readByteArray();
            case ENUM -> enumValue(in.readEnum());
            case MESSAGE -> message.readNested(in, depth);
            case GROUP -> throw MessageReader.declined();
        };
    }

    /** {@return whether a value arriving with {@code wire} is packed (else it is this field's own wire type)} */
    boolean isPacked(int wire) {
        return packable && wire == WireFormat.WIRETYPE_LENGTH_DELIMITED;
    }

    private Object enumValue(int value) {
        if (value >= 0 && value < enumNames.length && enumNames[value] != null) {
            return enumNames[value];
        }
        EnumValueDescriptor known = enumType.findValueByNumber(value);
        if (known != null) {
            return known.getName();
        }
        return closedEnum ? DROPPED : Integer.valueOf(value);
    }

    private static String[] denseNames(EnumDescriptor type) {
        String[] names = new String[DENSE_ENUM];
        for (int i = 0; i < names.length; i++) {
            EnumValueDescriptor value = type.findValueByNumber(i);
            names[i] = value == null ? null : value.getName();
        }
        return names;
    }
}
