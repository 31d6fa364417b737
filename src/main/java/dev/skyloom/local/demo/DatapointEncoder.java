package dev.skyloom.local.demo;

import com.google.protobuf.Descriptors;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.ProtocolMessageEnum;
import dev.skyloom.local.schema.DatapointTypes;
import dev.skyloom.local.store.CanonicalDatapoint;
import dev.skyloom.wire.datasets.v1.AnnotatedType;
import org.locationtech.jts.geom.Polygon;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Serializes demo datapoints of a compiled dataset type, setting fields by slot (or by name). The bytes are the type's
 * canonical serialization, exactly what protobuf's {@code DynamicMessage} writes for the same values (fields in number
 * order, a scalar without presence left out when it holds its default), so the store can take them as they are;
 * writing them directly is several times cheaper than building a {@code DynamicMessage} first.
 *
 * <p>A setter only records the value and its kind; {@link Datapoint#toBytes} encodes them all in one loop
 * ({@link FieldValues}). So a generator's encode method, which calls some twenty setters, stays small for the JIT to
 * compile: with the encoding done in the setters, it was the costliest compilation of a first run (over a second of
 * C2 time for Landsat's).
 */
final class DatapointEncoder {

    private final Descriptors.Descriptor type;
    private final Map<String, Integer> slots = new HashMap<>();
    /** Per slot (fields in number order): the field's number, and whether it has presence (written even if default). */
    private final int[] numbers;
    private final boolean[] presence;
    private final int timeSlot;
    private final int geometrySlot;

    DatapointEncoder(AnnotatedType compiled) {
        this.type = DatapointTypes.resolve(compiled);
        FieldDescriptor[] fields = type.getFields().stream()
                .sorted(Comparator.comparingInt(FieldDescriptor::getNumber)).toArray(FieldDescriptor[]::new);
        this.numbers = new int[fields.length];
        this.presence = new boolean[fields.length];
        for (int slot = 0; slot < fields.length; slot++) {
            slots.put(fields[slot].getName(), slot);
            numbers[slot] = fields[slot].getNumber();
            presence[slot] = fields[slot].hasPresence();
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

    /** One datapoint under construction; fields are set by {@link #slot} or by name. */
    final class Datapoint {

        private final long timeMs;
        private final FieldValues values = new FieldValues(numbers, presence);
        private Polygon footprint;

        private Datapoint(long timeMs) {
            this.timeMs = timeMs;
        }

        Datapoint text(String name, String value) {
            return text(slot(name), value);
        }

        Datapoint text(int slot, String value) {
            values.set(slot, FieldValues.TEXT, value, 0);
            return this;
        }

        Datapoint integer(String name, long value) {
            return integer(slot(name), value);
        }

        Datapoint integer(int slot, long value) {
            values.set(slot, FieldValues.INT64, null, value);
            return this;
        }

        Datapoint real(String name, double value) {
            return real(slot(name), value);
        }

        Datapoint real(int slot, double value) {
            values.set(slot, FieldValues.DOUBLE, null, Double.doubleToRawLongBits(value));
            return this;
        }

        Datapoint flag(String name, boolean value) {
            return flag(slot(name), value);
        }

        Datapoint flag(int slot, boolean value) {
            values.set(slot, FieldValues.BOOL, null, value ? 1 : 0);
            return this;
        }

        Datapoint time(String name, long epochMillis) {
            return time(slot(name), epochMillis);
        }

        /** A {@code google.protobuf.Timestamp} field. */
        Datapoint time(int slot, long epochMillis) {
            values.set(slot, FieldValues.TIMESTAMP, null, epochMillis);
            return this;
        }

        Datapoint uuid(String name, UUID value) {
            return uuid(slot(name), value);
        }

        /** A {@code datasets.v1.UUID} field. */
        Datapoint uuid(int slot, UUID value) {
            values.set(slot, FieldValues.UUID_VALUE, value, 0);
            return this;
        }

        Datapoint geometry(String name, byte[] wkb) {
            return geometry(slot(name), wkb);
        }

        /** A {@code datasets.v1.Geometry} field, from its WKB. */
        Datapoint geometry(int slot, byte[] wkb) {
            values.set(slot, FieldValues.GEOMETRY, wkb, 0);
            return this;
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
            values.set(slot, FieldValues.ENUM, null, value.getNumber());
            return this;
        }

        /** The finished datapoint, with its time and footprint as the store indexes them. */
        CanonicalDatapoint toDatapoint() {
            return new CanonicalDatapoint(timeMs, toBytes(), footprint);
        }

        byte[] toBytes() {
            return values.toBytes();
        }
    }
}
