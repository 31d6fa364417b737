package dev.skyloom.codec;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;
import dev.skyloom.Datapoint;
import dev.skyloom.SkyloomException;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A dataset's datapoint message, resolved from its descriptor set: decodes serialized datapoints into
 * {@link Datapoint}s. Decoding reads {@code id} and {@code time} and keeps the bytes; the other fields are parsed
 * and converted when the datapoint is first asked for them. Immutable and thread-safe; obtain one from
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
    private final MessageReader reader;

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
        this.reader = MessageReader.of(descriptor);
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
     * Decodes one serialized datapoint: reads its {@code id} and {@code time} and checks the message's framing (every
     * top-level field's tag and length). The bytes are kept, and the other fields are parsed and converted when the
     * datapoint is first asked for them; after that, only the converted values are kept.
     *
     * @param bytes one datapoint message of this type
     * @return the datapoint
     * @throws SkyloomException.Internal ("cannot decode datapoint ...") if the bytes are not a well-framed message or
     *                                   lack a valid {@code time} or {@code id}; a field that is well framed but
     *                                   cannot be parsed is reported when the fields are first read
     */
    public Datapoint decode(ByteString bytes) {
        Header header;
        try {
            header = readHeader(bytes.newCodedInput());
        } catch (IOException e) {
            throw undecodable(bytes, e.getMessage(), e);
        }
        if (!header.hasTime) {
            throw undecodable(bytes, "it has no 'time'", null);
        }
        if (!header.hasId) {
            throw undecodable(bytes, "it has no 'id'", null);
        }
        Instant when;
        UUID uuid;
        try {
            when = Instant.ofEpochSecond(header.seconds, header.nanos);
            uuid = MessageValues.uuid(header.idBytes);
        } catch (IllegalArgumentException | DateTimeException | ArithmeticException e) {
            throw undecodable(bytes, e.getMessage(), e);
        }
        if (uuid == null) {
            throw undecodable(bytes, "its 'id' is empty", null);
        }
        return new Datapoint(typeUrl, uuid, when, fieldNames, new WireFields(this, bytes, uuid));
    }

    /** What {@link #readHeader} found: the {@code time} and {@code id} values, with protobuf's merge semantics. */
    private static final class Header {
        boolean hasTime;
        boolean hasId;
        long seconds;
        int nanos;
        ByteString idBytes = ByteString.EMPTY;
    }

    /**
     * Walks the top-level fields: parses {@code time} and {@code id} (a repeated occurrence merges into the earlier
     * one, as protobuf parsing does) and skips every other field, which checks its framing without building values.
     * A field with an unexpected wire type is an unknown field, as for protobuf's own parser.
     */
    private Header readHeader(CodedInputStream in) throws IOException {
        Header header = new Header();
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            int number = WireFormat.getTagFieldNumber(tag);
            boolean delimited = WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED;
            if (delimited && number == time.getNumber()) {
                header.hasTime = true;
                int limit = in.pushLimit(in.readRawVarint32());
                readTimestamp(in, header);
                in.popLimit(limit);
            } else if (delimited && number == id.getNumber()) {
                header.hasId = true;
                int limit = in.pushLimit(in.readRawVarint32());
                readId(in, header);
                in.popLimit(limit);
            } else if (!in.skipField(tag)) {
                throw new InvalidProtocolBufferException("an end-group tag without a start-group tag");
            }
        }
        return header;
    }

    private void readTimestamp(CodedInputStream in, Header header) throws IOException {
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            if (tag == tag(timeSeconds, WireFormat.WIRETYPE_VARINT)) {
                header.seconds = in.readInt64();
            } else if (tag == tag(timeNanos, WireFormat.WIRETYPE_VARINT)) {
                header.nanos = in.readInt32();
            } else if (!in.skipField(tag)) {
                throw new InvalidProtocolBufferException("an end-group tag inside 'time'");
            }
        }
    }

    private void readId(CodedInputStream in, Header header) throws IOException {
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            if (tag == tag(idBytes, WireFormat.WIRETYPE_LENGTH_DELIMITED)) {
                header.idBytes = in.readBytes();
            } else if (!in.skipField(tag)) {
                throw new InvalidProtocolBufferException("an end-group tag inside 'id'");
            }
        }
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

    /** {@return the wire tag of a field with the given wire type (protobuf's own helper is package-private)} */
    private static int tag(FieldDescriptor field, int wireType) {
        return field.getNumber() << 3 | wireType;
    }

    /**
     * The fields of a datapoint: read straight from the bytes by the type's {@link MessageReader}, or, where it
     * declines (and for the types it cannot read), parsed by protobuf, whose result or error then stands.
     */
    Map<String, Object> fields(ByteString bytes, UUID uuid) {
        if (reader != null) {
            try {
                return reader.readDatapoint(bytes);
            } catch (IOException | RuntimeException e) {
                // malformed, unconvertible or unusual: protobuf's parse below gives the answer
            }
        }
        return parsed(bytes, uuid);
    }

    /** {@return the fields as protobuf's parser and {@link MessageValues} give them, the reference for the reader} */
    Map<String, Object> parsed(ByteString bytes, UUID uuid) {
        try {
            return MessageValues.fields(DynamicMessage.parseFrom(descriptor, bytes), fields);
        } catch (InvalidProtocolBufferException | IllegalArgumentException e) {
            throw new SkyloomException.Internal("internal", "cannot decode datapoint " + uuid + " of type '"
                    + typeUrl + "': " + e.getMessage(), e);
        }
    }

    private SkyloomException.Internal undecodable(ByteString bytes, String reason, Throwable cause) {
        return new SkyloomException.Internal("internal", "cannot decode datapoint of type '" + typeUrl + "' ("
                + bytes.size() + " bytes): " + reason, cause);
    }

    /** {@return the reader of this type's fields, or null if only protobuf's parser reads them} */
    MessageReader reader() {
        return reader;
    }

    @Override
    public String toString() {
        return "DatapointType[" + typeUrl + ", fields=" + fieldNames + "]";
    }
}
