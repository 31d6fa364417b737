package dev.skyloom.codec;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Converts the fields of a decoded protobuf message into plain Java values, as {@link dev.skyloom.Datapoint}
 * documents them: well-known messages become {@link Instant}, {@link Duration}, {@link UUID} or a JTS geometry, enums
 * their value name, other messages ordered maps, repeated fields immutable lists, unsigned 32-bit integers
 * {@code Long} and unsigned 64-bit integers {@link BigInteger}, both never negative.
 */
final class MessageValues {

    static final String TIMESTAMP = "google.protobuf.Timestamp";
    static final String DURATION = "google.protobuf.Duration";
    static final String DATASETS_UUID = "datasets.v1.UUID";
    static final String TILEBOX_ID = "tilebox.v1.ID";
    static final String GEOMETRY = "datasets.v1.Geometry";
    private static final BigInteger TWO_TO_THE_64 = BigInteger.ONE.shiftLeft(64);

    private MessageValues() {
    }

    /**
     * The message's fields in field-number order, by proto name. A field appears if it is set: a field with presence
     * when present, a repeated field when not empty, a field without presence (proto3 style) always. An empty UUID
     * or Geometry message counts as unset.
     *
     * @throws IllegalArgumentException naming the field if a value cannot be converted (bad WKB, a UUID not 16 bytes)
     */
    static Map<String, Object> fields(Message message) {
        return fields(message, inNumberOrder(message.getDescriptorForType()));
    }

    /** As {@link #fields(Message)}, with the message type's fields already in number order. */
    static Map<String, Object> fields(Message message, List<FieldDescriptor> orderedFields) {
        var values = new LinkedHashMap<String, Object>();
        for (FieldDescriptor field : orderedFields) {
            Object value = valueOf(message, field);
            if (value != null) {
                values.put(field.getName(), value);
            }
        }
        return Collections.unmodifiableMap(values);
    }

    /** The fields of a message type sorted by number (declaration order may differ). */
    static List<FieldDescriptor> inNumberOrder(Descriptor type) {
        List<FieldDescriptor> fields = type.getFields();
        for (int i = 1; i < fields.size(); i++) {
            if (fields.get(i - 1).getNumber() > fields.get(i).getNumber()) {
                return fields.stream().sorted(Comparator.comparingInt(FieldDescriptor::getNumber)).toList();
            }
        }
        return fields;
    }

    /**
     * Converts a {@code bytes uuid = 1} message's payload to a UUID.
     *
     * @return the UUID, or null for an empty payload (the service's "no id")
     * @throws IllegalArgumentException if the payload is neither empty nor 16 bytes
     */
    static UUID uuid(ByteString bytes) {
        if (bytes.isEmpty()) {
            return null;
        }
        if (bytes.size() != 16) {
            throw new IllegalArgumentException("a UUID needs 16 bytes, got " + bytes.size());
        }
        ByteBuffer buffer = bytes.asReadOnlyByteBuffer();
        return new UUID(buffer.getLong(), buffer.getLong());
    }

    /** {@return the converted default value of a singular field that is not a message} */
    static Object defaultValue(FieldDescriptor field) {
        return single(field, field.getDefaultValue());
    }

    private static Object valueOf(Message message, FieldDescriptor field) {
        try {
            if (field.isRepeated()) {
                return message.getRepeatedFieldCount(field) == 0 ? null : repeated(field, message.getField(field));
            }
            if (field.hasPresence() && !message.hasField(field)) {
                return null;
            }
            return single(field, message.getField(field));
        } catch (RuntimeException e) {
            // also DateTimeException / ArithmeticException for out-of-range times, ClassCastException for a set that
            // redefines a well-known message with other field types
            throw new IllegalArgumentException("field '" + field.getName() + "': " + e.getMessage(), e);
        }
    }

    private static Object repeated(FieldDescriptor field, Object raw) {
        List<?> elements = (List<?>) raw;
        if (field.isMapField()) {
            Descriptor entry = field.getMessageType();
            FieldDescriptor key = entry.findFieldByNumber(1);
            FieldDescriptor value = entry.findFieldByNumber(2);
            var map = new LinkedHashMap<Object, Object>();
            for (Object element : elements) {
                Message pair = (Message) element;
                Object converted = single(value, pair.getField(value));
                if (converted != null) {
                    map.put(single(key, pair.getField(key)), converted);
                }
            }
            return Collections.unmodifiableMap(map);
        }
        var values = new ArrayList<>(elements.size());
        for (Object element : elements) {
            Object value = single(field, element);
            if (value != null) {
                values.add(value);
            }
        }
        return Collections.unmodifiableList(values);
    }

    private static Object single(FieldDescriptor field, Object raw) {
        return switch (field.getJavaType()) {
            case MESSAGE -> message((Message) raw);
            case ENUM -> enumValue((EnumValueDescriptor) raw);
            case BYTE_STRING -> ((ByteString) raw).toByteArray();
            case INT -> isUnsigned(field) ? Integer.toUnsignedLong((Integer) raw) : raw;
            case LONG -> isUnsigned(field) ? unsigned((Long) raw) : raw;
            case FLOAT, DOUBLE, BOOLEAN, STRING -> raw;
        };
    }

    private static boolean isUnsigned(FieldDescriptor field) {
        return switch (field.getType()) {
            case UINT32, FIXED32, UINT64, FIXED64 -> true;
            default -> false;
        };
    }

    /** The value of an unsigned 64-bit field, whose bits protobuf-java hands over in a signed {@code long}. */
    static BigInteger unsigned(long bits) {
        BigInteger value = BigInteger.valueOf(bits);
        return bits >= 0 ? value : value.add(TWO_TO_THE_64);
    }

    private static Object enumValue(EnumValueDescriptor value) {
        boolean known = value.getType().findValueByNumber(value.getNumber()) != null;
        return known ? value.getName() : Integer.valueOf(value.getNumber());
    }

    private static Object message(Message message) {
        Descriptor type = message.getDescriptorForType();
        return switch (type.getFullName()) {
            case TIMESTAMP -> Instant.ofEpochSecond(longAt(message, 1), intAt(message, 2));
            case DURATION -> Duration.ofSeconds(longAt(message, 1), intAt(message, 2));
            case DATASETS_UUID, TILEBOX_ID -> uuid(bytesAt(message, 1));
            case GEOMETRY -> {
                ByteString wkb = bytesAt(message, 1);
                yield wkb.isEmpty() ? null : Wkb.read(wkb.toByteArray());
            }
            default -> fields(message);
        };
    }

    private static long longAt(Message message, int number) {
        return (Long) message.getField(message.getDescriptorForType().findFieldByNumber(number));
    }

    private static int intAt(Message message, int number) {
        return (Integer) message.getField(message.getDescriptorForType().findFieldByNumber(number));
    }

    private static ByteString bytesAt(Message message, int number) {
        return (ByteString) message.getField(message.getDescriptorForType().findFieldByNumber(number));
    }
}
