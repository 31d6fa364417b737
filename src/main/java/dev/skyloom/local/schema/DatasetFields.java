package dev.skyloom.local.schema;

import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import dev.skyloom.wire.datasets.v1.Field;
import dev.skyloom.wire.datasets.v1.FieldAnnotation;

import java.util.Objects;

/**
 * Builds the request-side {@link Field} definitions of a dataset type (as a CreateDataset request carries them), so
 * that a type reads as a list of one-line declarations:
 * {@snippet :
 * DatasetType type = DatasetType.newBuilder()
 *         .setKind(DatasetKind.DATASET_KIND_SPATIOTEMPORAL)
 *         .addFields(DatasetFields.field("platform", Type.TYPE_STRING, false, "Satellite platform", "S2A"))
 *         .addFields(DatasetFields.messageField("stop_time", DatasetFields.TIMESTAMP, false, "End of the scan", ""))
 *         .build();
 * }
 * Field numbers are left unset: {@link DatasetTypeCompiler} assigns them.
 */
public final class DatasetFields {

    /** Type name of {@code google.protobuf.Timestamp}. */
    public static final String TIMESTAMP = ".google.protobuf.Timestamp";
    /** Type name of {@code google.protobuf.Duration}. */
    public static final String DURATION = ".google.protobuf.Duration";
    /** Type name of {@code datasets.v1.UUID}. */
    public static final String UUID = ".datasets.v1.UUID";
    /** Type name of {@code datasets.v1.Geometry} (WKB or EWKB bytes). */
    public static final String GEOMETRY = ".datasets.v1.Geometry";
    /** Type name of the enum {@code datasets.v1.ProcessingLevel}. */
    public static final String PROCESSING_LEVEL = ".datasets.v1.ProcessingLevel";
    /** Type name of the enum {@code datasets.v1.FlightDirection}. */
    public static final String FLIGHT_DIRECTION = ".datasets.v1.FlightDirection";
    /** Type name of the enum {@code datasets.v1.AcquisitionMode}. */
    public static final String ACQUISITION_MODE = ".datasets.v1.AcquisitionMode";
    /** Type name of the enum {@code datasets.v1.Polarization}. */
    public static final String POLARIZATION = ".datasets.v1.Polarization";
    /** Type name of the enum {@code datasets.v1.ObservationDirection}. */
    public static final String OBSERVATION_DIRECTION = ".datasets.v1.ObservationDirection";

    private DatasetFields() {
    }

    /**
     * A field of a scalar type (string, bytes, bool, integers, floating point).
     *
     * @param name        the field name (snake_case)
     * @param type        the scalar type, e.g. {@code TYPE_STRING}
     * @param repeated    true for a list of values
     * @param description the annotation's description (may be empty)
     * @param example     the annotation's example value (may be empty)
     * @return the field definition, not queryable
     * @throws IllegalArgumentException if {@code type} is a message, enum or group type
     */
    public static Field field(String name, FieldDescriptorProto.Type type, boolean repeated, String description,
                              String example) {
        if (type == FieldDescriptorProto.Type.TYPE_MESSAGE || type == FieldDescriptorProto.Type.TYPE_ENUM
                || type == FieldDescriptorProto.Type.TYPE_GROUP) {
            throw new IllegalArgumentException("field '" + name + "': " + type
                    + " needs a type name, use messageField or enumField");
        }
        return build(descriptor(name, type, repeated), description, example);
    }

    /**
     * A field of a message type such as {@link #TIMESTAMP}, {@link #UUID} or {@link #GEOMETRY}.
     *
     * @param name        the field name (snake_case)
     * @param typeName    the fully qualified message name with a leading dot
     * @param repeated    true for a list of values
     * @param description the annotation's description (may be empty)
     * @param example     the annotation's example value (may be empty)
     * @return the field definition, not queryable
     */
    public static Field messageField(String name, String typeName, boolean repeated, String description,
                                     String example) {
        Objects.requireNonNull(typeName, "typeName");
        return build(descriptor(name, FieldDescriptorProto.Type.TYPE_MESSAGE, repeated).setTypeName(typeName),
                description, example);
    }

    /**
     * A field of one of the {@code datasets.v1} enums, such as {@link #PROCESSING_LEVEL}.
     *
     * @param name         the field name (snake_case)
     * @param enumFullName the fully qualified enum name with a leading dot
     * @param repeated     true for a list of values
     * @param description  the annotation's description (may be empty)
     * @param example      the annotation's example value (may be empty)
     * @return the field definition, not queryable
     */
    public static Field enumField(String name, String enumFullName, boolean repeated, String description,
                                  String example) {
        Objects.requireNonNull(enumFullName, "enumFullName");
        return build(descriptor(name, FieldDescriptorProto.Type.TYPE_ENUM, repeated).setTypeName(enumFullName),
                description, example);
    }

    /**
     * Marks a field as queryable (usable in server-side filter expressions).
     *
     * @param field the field definition
     * @return a copy of {@code field} whose annotation has {@code queryable = true}
     */
    public static Field queryable(Field field) {
        return field.toBuilder().setAnnotation(field.getAnnotation().toBuilder().setQueryable(true)).build();
    }

    private static FieldDescriptorProto.Builder descriptor(String name, FieldDescriptorProto.Type type,
                                                           boolean repeated) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        return FieldDescriptorProto.newBuilder()
                .setName(name)
                .setType(type)
                .setLabel(repeated ? FieldDescriptorProto.Label.LABEL_REPEATED
                        : FieldDescriptorProto.Label.LABEL_OPTIONAL);
    }

    private static Field build(FieldDescriptorProto.Builder descriptor, String description, String example) {
        return Field.newBuilder()
                .setFieldDescriptor(descriptor)
                .setAnnotation(FieldAnnotation.newBuilder()
                        .setDescription(Objects.requireNonNull(description, "description"))
                        .setExampleValue(Objects.requireNonNull(example, "example")))
                .build();
    }
}
