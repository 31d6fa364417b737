package dev.skyloom.codec;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import dev.skyloom.Datapoint;
import dev.skyloom.SkyloomException;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A dataset's datapoint message, resolved from its descriptor set: decodes serialized datapoints into
 * {@link Datapoint}s. Decoding parses the message and reads {@code id} and {@code time}; the other fields are
 * converted when the datapoint is first asked for them. Immutable and thread-safe; obtain one from
 * {@link DatapointTypes}.
 */
public final class DatapointType {

    private static final Set<String> UUID_TYPES = Set.of("datasets.v1.UUID", "tilebox.v1.ID");

    private final Descriptor descriptor;
    private final String typeUrl;
    private final List<FieldDescriptor> fields;
    private final List<String> fieldNames;
    private final FieldDescriptor time;
    private final FieldDescriptor timeSeconds;
    private final FieldDescriptor timeNanos;
    private final FieldDescriptor id;
    private final FieldDescriptor idBytes;

    /**
     * @throws SkyloomException.Internal if the message lacks a {@code time} Timestamp or an {@code id} UUID field
     */
    DatapointType(Descriptor descriptor, String typeUrl) {
        this.descriptor = descriptor;
        this.typeUrl = typeUrl;
        this.fields = MessageValues.inNumberOrder(descriptor);
        this.fieldNames = List.copyOf(fields.stream().map(FieldDescriptor::getName).toList());
        this.time = fixedField("time", Set.of("google.protobuf.Timestamp"));
        this.timeSeconds = time.getMessageType().findFieldByNumber(1);
        this.timeNanos = time.getMessageType().findFieldByNumber(2);
        this.id = fixedField("id", UUID_TYPES);
        this.idBytes = id.getMessageType().findFieldByNumber(1);
    }

    private FieldDescriptor fixedField(String name, Set<String> messageTypes) {
        FieldDescriptor field = descriptor.findFieldByName(name);
        if (field == null || field.isRepeated() || field.getJavaType() != FieldDescriptor.JavaType.MESSAGE
                || !messageTypes.contains(field.getMessageType().getFullName())) {
            throw new SkyloomException.Internal("internal", "datapoint type '" + typeUrl + "' has no '" + name
                    + "' field of type " + String.join(" or ", messageTypes.stream().sorted().toList())
                    + "; Skyloom decodes only types with 'time' and 'id' fields (its fields are " + fieldNames + ")",
                    null);
        }
        return field;
    }

    /** {@return the datapoint message's descriptor, e.g. to build or parse messages of this type} */
    public Descriptor descriptor() {
        return descriptor;
    }

    /** {@return the full name of the datapoint message, as pages and {@code Any}s carry it} */
    public String typeUrl() {
        return typeUrl;
    }

    /**
     * Decodes one serialized datapoint.
     *
     * @param bytes one datapoint message of this type
     * @return the datapoint; its fields other than id and time are converted on first access
     * @throws SkyloomException.Internal ("cannot decode datapoint ...") if the bytes are not a message of this type
     *                                   or lack a valid {@code time} or {@code id}
     */
    public Datapoint decode(ByteString bytes) {
        DynamicMessage message;
        try {
            message = DynamicMessage.parseFrom(descriptor, bytes);
        } catch (InvalidProtocolBufferException e) {
            throw undecodable(bytes, e.getMessage(), e);
        }
        if (!message.hasField(time)) {
            throw undecodable(bytes, "it has no 'time'", null);
        }
        if (!message.hasField(id)) {
            throw undecodable(bytes, "it has no 'id'", null);
        }
        Instant when;
        UUID uuid;
        try {
            Message timestamp = (Message) message.getField(time);
            when = Instant.ofEpochSecond((Long) timestamp.getField(timeSeconds),
                    (Integer) timestamp.getField(timeNanos));
            uuid = MessageValues.uuid((ByteString) ((Message) message.getField(id)).getField(idBytes));
        } catch (IllegalArgumentException | DateTimeException | ArithmeticException e) {
            throw undecodable(bytes, e.getMessage(), e);
        }
        if (uuid == null) {
            throw undecodable(bytes, "its 'id' is empty", null);
        }
        return new Datapoint(typeUrl, uuid, when, fieldNames, () -> convert(message, uuid));
    }

    /**
     * Decodes the datapoints of a page, in order.
     *
     * @param values serialized datapoints of this type
     * @return an unmodifiable list, one datapoint per value
     * @throws SkyloomException.Internal naming the position of the first value that cannot be decoded
     */
    public List<Datapoint> decodeAll(List<ByteString> values) {
        var datapoints = new ArrayList<Datapoint>(values.size());
        for (int i = 0; i < values.size(); i++) {
            try {
                datapoints.add(decode(values.get(i)));
            } catch (SkyloomException.Internal e) {
                throw new SkyloomException.Internal(e.code(), "value " + i + " of " + values.size() + ": "
                        + e.getMessage(), e.getCause());
            }
        }
        return List.copyOf(datapoints);
    }

    private Map<String, Object> convert(DynamicMessage message, UUID uuid) {
        try {
            return MessageValues.fields(message, fields);
        } catch (IllegalArgumentException e) {
            throw new SkyloomException.Internal("internal", "cannot decode datapoint " + uuid + " of type '"
                    + typeUrl + "': " + e.getMessage(), e);
        }
    }

    private SkyloomException.Internal undecodable(ByteString bytes, String reason, Throwable cause) {
        return new SkyloomException.Internal("internal", "cannot decode datapoint of type '" + typeUrl + "' ("
                + bytes.size() + " bytes): " + reason, cause);
    }

    @Override
    public String toString() {
        return "DatapointType[" + typeUrl + ", fields=" + fieldNames + "]";
    }
}
