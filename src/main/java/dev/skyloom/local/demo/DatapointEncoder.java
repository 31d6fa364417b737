package dev.skyloom.local.demo;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.Descriptors;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.ProtocolMessageEnum;
import dev.skyloom.local.schema.DatapointTypes;
import dev.skyloom.local.store.CanonicalDatapoint;
import dev.skyloom.wire.datasets.v1.AnnotatedType;
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
    /** Per slot: the field's number, and the value a cleared field keeps (null unless it has presence). */
    private final int[] numbers;
    private final Object[] defaults;
    private final int timeSlot;
    private final int geometrySlot;

    DatapointEncoder(AnnotatedType compiled) {
        this.type = DatapointTypes.resolve(compiled);
        this.fields = type.getFields().stream().sorted(Comparator.comparingInt(FieldDescriptor::getNumber))
                .toArray(FieldDescriptor[]::new);
        this.numbers = new int[fields.length];
        this.defaults = new Object[fields.length];
        for (int slot = 0; slot < fields.length; slot++) {
            slots.put(fields[slot].getName(), slot);
            numbers[slot] = fields[slot].getNumber();
            defaults[slot] = fields[slot].hasPresence() ? defaultOf(fields[slot]) : null;
        }
        this.timeSlot = slot("time");
        this.geometrySlot = slots.getOrDefault("geometry", -1);
    }

    /** Starts a datapoint with its {@code time} set to {@code epochMillis}. */
    Datapoint datapoint(long epochMillis) {
        return new Datapoint(epochMillis).time(timeSlot, epochMillis);
    }

    /**
     * The slot of a field, for the setters that take one: a generator looks its fields up once, so that encoding a
     * datapoint is array stores only (looking each field up by name made every generator's encode method one of the
     * costliest for the JIT to compile).
     */
    int slot(String name) {
        Integer slot = slots.get(name);
        if (slot == null) {
            throw new IllegalStateException(type.getName() + " has no field '" + name + "'");
        }
        return slot;
    }

    /** One datapoint under construction; fields are set by name or by {@link #slot}. */
    final class Datapoint {

        private final long timeMs;
        private final Object[] values = new Object[fields.length];
        private Polygon footprint;

        private Datapoint(long timeMs) {
            this.timeMs = timeMs;
        }

        Datapoint text(String name, String value) {
            return text(slot(name), value);
        }

        Datapoint text(int slot, String value) {
            return set(slot, value.isEmpty() ? null : new Delimited(value.getBytes(StandardCharsets.UTF_8)));
        }

        Datapoint integer(String name, long value) {
            return integer(slot(name), value);
        }

        Datapoint integer(int slot, long value) {
            return set(slot, value == 0 ? null : value);
        }

        Datapoint real(String name, double value) {
            return real(slot(name), value);
        }

        Datapoint real(int slot, double value) {
            return set(slot, Double.doubleToRawLongBits(value) == 0 ? null : value);
        }

        Datapoint flag(String name, boolean value) {
            return flag(slot(name), value);
        }

        Datapoint flag(int slot, boolean value) {
            return set(slot, value ? Boolean.TRUE : null);
        }

        Datapoint time(String name, long epochMillis) {
            return time(slot(name), epochMillis);
        }

        /** A {@code google.protobuf.Timestamp}, its bytes written here: seconds (1) and nanos (2), zeros left out. */
        Datapoint time(int slot, long epochMillis) {
            long seconds = Math.floorDiv(epochMillis, 1000L);
            int nanos = (int) Math.floorMod(epochMillis, 1000L) * 1_000_000;
            int size = (seconds == 0 ? 0 : CodedOutputStream.computeInt64Size(1, seconds))
                    + (nanos == 0 ? 0 : CodedOutputStream.computeInt32Size(2, nanos));
            byte[] bytes = new byte[size];
            CodedOutputStream out = CodedOutputStream.newInstance(bytes);
            try {
                if (seconds != 0) {
                    out.writeInt64(1, seconds);
                }
                if (nanos != 0) {
                    out.writeInt32(2, nanos);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return set(slot, new Delimited(bytes));
        }

        Datapoint uuid(String name, UUID value) {
            return uuid(slot(name), value);
        }

        /** A {@code datasets.v1.UUID}: its one field, {@code bytes uuid = 1}, holding the 16 bytes. */
        Datapoint uuid(int slot, UUID value) {
            byte[] bytes = new byte[18];
            bytes[0] = 0x0A;
            bytes[1] = 16;
            long high = value.getMostSignificantBits();
            long low = value.getLeastSignificantBits();
            for (int i = 0; i < 8; i++) {
                bytes[2 + i] = (byte) (high >>> (56 - 8 * i));
                bytes[10 + i] = (byte) (low >>> (56 - 8 * i));
            }
            return set(slot, new Delimited(bytes));
        }

        Datapoint geometry(String name, byte[] wkb) {
            return geometry(slot(name), wkb);
        }

        /** A {@code datasets.v1.Geometry}: its one field, {@code bytes wkb = 1}. */
        Datapoint geometry(int slot, byte[] wkb) {
            byte[] bytes = new byte[CodedOutputStream.computeByteArraySize(1, wkb)];
            CodedOutputStream out = CodedOutputStream.newInstance(bytes);
            try {
                out.writeByteArray(1, wkb);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return set(slot, new Delimited(bytes));
        }

        /** Sets the {@code geometry} field to a footprint. */
        Datapoint footprint(Wkb.Footprint value) {
            footprint = value.polygon();
            return geometry(geometrySlot, value.ewkb());
        }

        Datapoint enumValue(String name, ProtocolMessageEnum value) {
            return enumValue(slot(name), value);
        }

        Datapoint enumValue(int slot, ProtocolMessageEnum value) {
            return set(slot, value.getNumber() == 0 ? null : new EnumNumber(value.getNumber()));
        }

        /** The finished datapoint, with its time and footprint as the store indexes them. */
        CanonicalDatapoint toDatapoint() {
            return new CanonicalDatapoint(timeMs, toBytes(), footprint);
        }

        byte[] toBytes() {
            int size = 0;
            for (int slot = 0; slot < fields.length; slot++) {
                if (values[slot] != null) {
                    size += size(numbers[slot], values[slot]);
                }
            }
            byte[] bytes = new byte[size];
            CodedOutputStream out = CodedOutputStream.newInstance(bytes);
            try {
                for (int slot = 0; slot < fields.length; slot++) {
                    if (values[slot] != null) {
                        write(out, numbers[slot], values[slot]);
                    }
                }
                out.checkNoSpaceLeft();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return bytes;
        }

        /** Sets a field; null clears it (a scalar without presence holding its default is not written). */
        private Datapoint set(int slot, Object value) {
            values[slot] = value == null ? defaults[slot] : value;
            return this;
        }
    }

    /** A set enum value, by number. */
    private record EnumNumber(int number) {
    }

    /**
     * A length-delimited value: a string's UTF-8 bytes (encoded once: sizing and writing a String would each encode
     * it), or the serialized bytes of a message value, written exactly as the message would be.
     */
    private record Delimited(byte[] bytes) {
    }

    /**
     * The default value of a field with presence that was set to it explicitly (it is written then); null for a
     * message field, whose setters always give a value.
     */
    private static Object defaultOf(FieldDescriptor field) {
        return switch (field.getJavaType()) {
            case STRING -> new Delimited(new byte[0]);
            case LONG -> 0L;
            case DOUBLE -> 0.0;
            case BOOLEAN -> Boolean.FALSE;
            case ENUM -> new EnumNumber(0);
            default -> null;
        };
    }

    // Plain instanceof chains rather than pattern switches: the same code, but far cheaper for the JIT to compile
    // (a type switch compiled with every caller's encode method took a noticeable share of a first run's processor).
    private static int size(int number, Object value) {
        if (value instanceof Delimited text) {
            return CodedOutputStream.computeByteArraySize(number, text.bytes());
        } else if (value instanceof Long integer) {
            return CodedOutputStream.computeInt64Size(number, integer);
        } else if (value instanceof Double real) {
            return CodedOutputStream.computeDoubleSize(number, real);
        } else if (value instanceof Boolean flag) {
            return CodedOutputStream.computeBoolSize(number, flag);
        } else if (value instanceof EnumNumber e) {
            return CodedOutputStream.computeEnumSize(number, e.number());
        }
        throw new IllegalStateException("unexpected value " + value.getClass());
    }

    private static void write(CodedOutputStream out, int number, Object value) throws IOException {
        if (value instanceof Delimited text) {
            out.writeByteArray(number, text.bytes());
        } else if (value instanceof Long integer) {
            out.writeInt64(number, integer);
        } else if (value instanceof Double real) {
            out.writeDouble(number, real);
        } else if (value instanceof Boolean flag) {
            out.writeBool(number, flag);
        } else if (value instanceof EnumNumber e) {
            out.writeEnum(number, e.number());
        } else {
            throw new IllegalStateException("unexpected value " + value.getClass());
        }
    }
}
