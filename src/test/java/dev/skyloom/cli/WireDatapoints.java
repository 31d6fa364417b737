package dev.skyloom.cli;

import com.google.protobuf.ByteString;
import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.Edition;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Label;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Timestamp;
import dev.skyloom.Datapoint;
import dev.skyloom.codec.DatapointType;
import dev.skyloom.codec.DatapointTypes;
import dev.skyloom.wire.datasets.v1.AnnotatedType;
import dev.skyloom.wire.datasets.v1.DatasetKind;
import dev.skyloom.wire.datasets.v1.Geometry;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Datapoints of a type with a field of every kind the writers' fast path reads (every scalar number type, bool,
 * string, enum, Timestamp, UUID, Geometry), serialized and decoded as a query decodes them, with ordinary and
 * unusual values: for the tests that compare the fast path with the general one.
 */
final class WireDatapoints {

    /** The scalar fields of the type, by protobuf type. */
    static final Type[] SCALARS = {Type.TYPE_DOUBLE, Type.TYPE_FLOAT, Type.TYPE_INT32, Type.TYPE_INT64,
            Type.TYPE_UINT32, Type.TYPE_UINT64, Type.TYPE_SINT32, Type.TYPE_SINT64, Type.TYPE_FIXED32,
            Type.TYPE_FIXED64, Type.TYPE_SFIXED32, Type.TYPE_SFIXED64, Type.TYPE_BOOL, Type.TYPE_STRING};

    private final DatapointType type;
    private final Descriptor descriptor;

    /** @param implicitPresence whether scalars are proto3-style (always set, zero when not sent) */
    WireDatapoints(boolean implicitPresence) {
        String name = implicitPresence ? "Implicit" : "Explicit";
        DescriptorProto.Builder message = DescriptorProto.newBuilder().setName(name)
                .addField(field("time", 1, Type.TYPE_MESSAGE, ".google.protobuf.Timestamp"))
                .addField(field("id", 2, Type.TYPE_MESSAGE, ".datasets.v1.UUID"))
                .addField(field("ingestion_time", 3, Type.TYPE_MESSAGE, ".google.protobuf.Timestamp"))
                .addField(field("geometry", 4, Type.TYPE_MESSAGE, ".datasets.v1.Geometry"))
                .addField(field("ref", 5, Type.TYPE_MESSAGE, ".datasets.v1.UUID"))
                .addField(field("direction", 6, Type.TYPE_ENUM, ".datasets.v1.FlightDirection"));
        for (int i = 0; i < SCALARS.length; i++) {
            message.addField(field(scalarName(SCALARS[i]), 10 + i, SCALARS[i], null));
        }
        FileDescriptorProto.Builder file = FileDescriptorProto.newBuilder()
                .setName("test/v1/" + name + ".proto").setPackage("test.v1")
                .addDependency("google/protobuf/timestamp.proto")
                .addDependency("datasets/v1/well_known_types.proto")
                .addMessageType(message);
        if (implicitPresence) {
            file.setSyntax("proto3");
        } else {
            file.setSyntax("editions").setEdition(Edition.EDITION_2023);
        }
        this.type = new DatapointTypes().register(AnnotatedType.newBuilder()
                .setDescriptorSet(FileDescriptorSet.newBuilder().addFile(file))
                .setTypeUrl("test.v1." + name).setKind(DatasetKind.DATASET_KIND_SPATIOTEMPORAL).build());
        this.descriptor = type.descriptor();
    }

    static String scalarName(Type type) {
        return "f_" + type.name().substring("TYPE_".length()).toLowerCase(java.util.Locale.ROOT);
    }

    private static FieldDescriptorProto field(String name, int number, Type type, String typeName) {
        FieldDescriptorProto.Builder field = FieldDescriptorProto.newBuilder().setName(name).setNumber(number)
                .setType(type).setLabel(Label.LABEL_OPTIONAL);
        if (typeName != null) {
            field.setTypeName(typeName);
        }
        return field.build();
    }

    DatapointType type() {
        return type;
    }

    /** {@return a datapoint message with time and id (from {@code n}) and what {@code fill} sets} */
    ByteString message(int n, Consumer<DynamicMessage.Builder> fill) {
        DynamicMessage.Builder message = DynamicMessage.newBuilder(descriptor);
        set(message, "time", Timestamp.newBuilder().setSeconds(1_600_000_000L + n).setNanos(n * 1000).build());
        set(message, "id", uuid(0x0123_4567_89ab_cdefL, n));
        fill.accept(message);
        return message.build().toByteString();
    }

    void set(DynamicMessage.Builder message, String field, Object value) {
        FieldDescriptor descriptorField = descriptor.findFieldByName(field);
        if (descriptorField.getType() == FieldDescriptor.Type.ENUM && value instanceof Integer number) {
            value = descriptorField.getEnumType().findValueByNumberCreatingIfUnknown(number);
        }
        message.setField(descriptorField, value);
    }

    /** {@return the datapoints of {@code messages}, freshly decoded: each still holds its bytes} */
    List<Datapoint> decoded(List<ByteString> messages) {
        return type.decodeAll(messages);
    }

    /** {@return the datapoints of {@code messages}, decoded and their fields converted: the general path's input} */
    List<Datapoint> converted(List<ByteString> messages) {
        List<Datapoint> datapoints = new ArrayList<>(type.decodeAll(messages));
        datapoints.forEach(Datapoint::fields);
        return datapoints;
    }

    static dev.skyloom.wire.datasets.v1.UUID uuid(long high, long low) {
        byte[] bytes = ByteBuffer.allocate(16).putLong(high).putLong(low).array();
        return dev.skyloom.wire.datasets.v1.UUID.newBuilder().setUuid(ByteString.copyFrom(bytes)).build();
    }

    static Geometry geometry(byte[] wkb) {
        return Geometry.newBuilder().setWkb(ByteString.copyFrom(wkb)).build();
    }

    /** Builds WKB by hand, little-endian unless told otherwise. */
    static final class WkbBytes {
        private final ByteBuffer out = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN);

        WkbBytes header(int code) {
            out.put((byte) (out.order() == ByteOrder.LITTLE_ENDIAN ? 1 : 0)).putInt(code);
            return this;
        }

        WkbBytes bigEndian() {
            out.order(ByteOrder.BIG_ENDIAN);
            return this;
        }

        WkbBytes count(int count) {
            out.putInt(count);
            return this;
        }

        WkbBytes points(double... xy) {
            for (double value : xy) {
                out.putDouble(value);
            }
            return this;
        }

        WkbBytes ring(double... xy) {
            return count(xy.length / 2).points(xy);
        }

        byte[] bytes() {
            byte[] bytes = new byte[out.position()];
            out.flip().get(bytes);
            return bytes;
        }
    }
}
