package dev.skyloom.local.demo;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.ProtocolMessageEnum;
import com.google.protobuf.Timestamp;
import dev.skyloom.local.schema.DatapointTypes;
import dev.skyloom.wire.datasets.v1.AnnotatedType;
import dev.skyloom.wire.datasets.v1.Geometry;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Serializes demo datapoints with {@link DynamicMessage} over a compiled dataset type, setting fields by name.
 */
final class DatapointEncoder {

    private final Descriptors.Descriptor type;
    private final Map<String, Descriptors.FieldDescriptor> fields = new HashMap<>();

    DatapointEncoder(AnnotatedType compiled) {
        this.type = DatapointTypes.resolve(compiled);
        type.getFields().forEach(field -> fields.put(field.getName(), field));
    }

    /** Starts a datapoint with its {@code time} set to {@code epochMillis}. */
    Datapoint datapoint(long epochMillis) {
        return new Datapoint().time("time", epochMillis);
    }

    /** One datapoint under construction. */
    final class Datapoint {

        private final DynamicMessage.Builder builder = DynamicMessage.newBuilder(type);

        Datapoint text(String name, String value) {
            return set(name, value);
        }

        Datapoint integer(String name, long value) {
            return set(name, value);
        }

        Datapoint real(String name, double value) {
            return set(name, value);
        }

        Datapoint flag(String name, boolean value) {
            return set(name, value);
        }

        Datapoint time(String name, long epochMillis) {
            return set(name, Timestamp.newBuilder().setSeconds(Math.floorDiv(epochMillis, 1000L))
                    .setNanos((int) Math.floorMod(epochMillis, 1000L) * 1_000_000).build());
        }

        Datapoint uuid(String name, UUID value) {
            byte[] bytes = ByteBuffer.allocate(16).putLong(value.getMostSignificantBits())
                    .putLong(value.getLeastSignificantBits()).array();
            return set(name, dev.skyloom.wire.datasets.v1.UUID.newBuilder().setUuid(ByteString.copyFrom(bytes))
                    .build());
        }

        Datapoint geometry(String name, byte[] wkb) {
            return set(name, Geometry.newBuilder().setWkb(ByteString.copyFrom(wkb)).build());
        }

        Datapoint enumValue(String name, ProtocolMessageEnum value) {
            return set(name, field(name).getEnumType().findValueByNumber(value.getNumber()));
        }

        byte[] toBytes() {
            return builder.build().toByteArray();
        }

        private Datapoint set(String name, Object value) {
            builder.setField(field(name), value);
            return this;
        }

        private Descriptors.FieldDescriptor field(String name) {
            Descriptors.FieldDescriptor field = fields.get(name);
            if (field == null) {
                throw new IllegalStateException(type.getName() + " has no field '" + name + "'");
            }
            return field;
        }
    }
}
