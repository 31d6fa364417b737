package dev.skyloom.local.demo;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.Descriptors;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.ProtocolMessageEnum;
import com.google.protobuf.Timestamp;
import dev.skyloom.local.schema.DatapointTypes;
import dev.skyloom.local.store.CanonicalDatapoint;
import dev.skyloom.wire.datasets.v1.AnnotatedType;
import dev.skyloom.wire.datasets.v1.Geometry;
import org.locationtech.jts.geom.Polygon;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Serializes demo datapoints of a compiled dataset type, setting fields by name. The bytes are the type's canonical
 * serialization, exactly what protobuf's {@code DynamicMessage} writes for the same values (fields in number order, a
 * scalar without presence left out when it holds its default), so the store can take them as they are; writing them
 * directly is several times cheaper than building a {@code DynamicMessage} first.
 */
final class DatapointEncoder {

    private final Descriptors.Descriptor type;
    private final Map<String, Integer> slots = new HashMap<>();
    private final FieldDescriptor[] fields;

    DatapointEncoder(AnnotatedType compiled) {
        this.type = DatapointTypes.resolve(compiled);
        this.fields = type.getFields().stream().sorted(Comparator.comparingInt(FieldDescriptor::getNumber))
                .toArray(FieldDescriptor[]::new);
        for (int slot = 0; slot < fields.length; slot++) {
            slots.put(fields[slot].getName(), slot);
        }
    }

    /** Starts a datapoint with its {@code time} set to {@code epochMillis}. */
    Datapoint datapoint(long epochMillis) {
        return new Datapoint(epochMillis).time("time", epochMillis);
    }

    /** One datapoint under construction. */
    final class Datapoint {

        private final long timeMs;
        private final Object[] values = new Object[fields.length];
        private Polygon footprint;

        private Datapoint(long timeMs) {
            this.timeMs = timeMs;
        }

        Datapoint text(String name, String value) {
            return set(name, value.isEmpty() ? null : new Utf8(value.getBytes(StandardCharsets.UTF_8)));
        }

        Datapoint integer(String name, long value) {
            return set(name, value == 0 ? null : value);
        }

        Datapoint real(String name, double value) {
            return set(name, Double.doubleToRawLongBits(value) == 0 ? null : value);
        }

        Datapoint flag(String name, boolean value) {
            return set(name, value ? Boolean.TRUE : null);
        }

        Datapoint time(String name, long epochMillis) {
            return set(name, Timestamp.newBuilder().setSeconds(Math.floorDiv(epochMillis, 1000L))
                    .setNanos((int) Math.floorMod(epochMillis, 1000L) * 1_000_000).build());
        }

        Datapoint uuid(String name, UUID value) {
            byte[] bytes = new byte[16];
            long high = value.getMostSignificantBits();
            long low = value.getLeastSignificantBits();
            for (int i = 0; i < 8; i++) {
                bytes[i] = (byte) (high >>> (56 - 8 * i));
                bytes[8 + i] = (byte) (low >>> (56 - 8 * i));
            }
            return set(name, dev.skyloom.wire.datasets.v1.UUID.newBuilder().setUuid(ByteString.copyFrom(bytes))
                    .build());
        }

        Datapoint geometry(String name, byte[] wkb) {
            return set(name, Geometry.newBuilder().setWkb(ByteString.copyFrom(wkb)).build());
        }

        /** Sets the {@code geometry} field to a footprint. */
        Datapoint footprint(Wkb.Footprint value) {
            footprint = value.polygon();
            return geometry("geometry", value.ewkb());
        }

        Datapoint enumValue(String name, ProtocolMessageEnum value) {
            return set(name, value.getNumber() == 0 ? null : new EnumNumber(value.getNumber()));
        }

        /** The finished datapoint, with its time and footprint as the store indexes them. */
        CanonicalDatapoint toDatapoint() {
            return new CanonicalDatapoint(timeMs, toBytes(), footprint);
        }

        byte[] toBytes() {
            int size = 0;
            for (int slot = 0; slot < fields.length; slot++) {
                if (values[slot] != null) {
                    size += size(fields[slot].getNumber(), values[slot]);
                }
            }
            byte[] bytes = new byte[size];
            CodedOutputStream out = CodedOutputStream.newInstance(bytes);
            try {
                for (int slot = 0; slot < fields.length; slot++) {
                    if (values[slot] != null) {
                        write(out, fields[slot].getNumber(), values[slot]);
                    }
                }
                out.checkNoSpaceLeft();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return bytes;
        }

        /** Sets a field; null clears it (a scalar without presence holding its default is not written). */
        private Datapoint set(String name, Object value) {
            Integer slot = slots.get(name);
            if (slot == null) {
                throw new IllegalStateException(type.getName() + " has no field '" + name + "'");
            }
            FieldDescriptor field = fields[slot];
            Object kept = value;
            if (value == null && field.hasPresence()) {
                kept = defaultOf(field);
            }
            values[slot] = kept;
            return this;
        }
    }

    /** A set enum value, by number. */
    private record EnumNumber(int number) {
    }

    /** A set string value, encoded once (sizing and writing a String would each encode it). */
    private record Utf8(byte[] bytes) {
    }

    /** The default value of a field with presence that was set to it explicitly (it is written then). */
    private static Object defaultOf(FieldDescriptor field) {
        return switch (field.getJavaType()) {
            case STRING -> new Utf8(new byte[0]);
            case LONG -> 0L;
            case DOUBLE -> 0.0;
            case BOOLEAN -> Boolean.FALSE;
            case ENUM -> new EnumNumber(0);
            default -> throw new IllegalStateException("no default for field " + field.getName());
        };
    }

    // Plain instanceof chains rather than pattern switches: the same code, but far cheaper for the JIT to compile
    // (a type switch compiled with every caller's encode method took a noticeable share of a first run's processor).
    private static int size(int number, Object value) {
        if (value instanceof Utf8 text) {
            return CodedOutputStream.computeByteArraySize(number, text.bytes());
        } else if (value instanceof Long integer) {
            return CodedOutputStream.computeInt64Size(number, integer);
        } else if (value instanceof Double real) {
            return CodedOutputStream.computeDoubleSize(number, real);
        } else if (value instanceof Boolean flag) {
            return CodedOutputStream.computeBoolSize(number, flag);
        } else if (value instanceof EnumNumber e) {
            return CodedOutputStream.computeEnumSize(number, e.number());
        } else if (value instanceof com.google.protobuf.MessageLite message) {
            return CodedOutputStream.computeMessageSize(number, message);
        }
        throw new IllegalStateException("unexpected value " + value.getClass());
    }

    private static void write(CodedOutputStream out, int number, Object value) throws IOException {
        if (value instanceof Utf8 text) {
            out.writeByteArray(number, text.bytes());
        } else if (value instanceof Long integer) {
            out.writeInt64(number, integer);
        } else if (value instanceof Double real) {
            out.writeDouble(number, real);
        } else if (value instanceof Boolean flag) {
            out.writeBool(number, flag);
        } else if (value instanceof EnumNumber e) {
            out.writeEnum(number, e.number());
        } else if (value instanceof com.google.protobuf.MessageLite message) {
            out.writeMessage(number, message);
        } else {
            throw new IllegalStateException("unexpected value " + value.getClass());
        }
    }
}
