package dev.skyloom;

import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Label;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import dev.skyloom.wire.datasets.v1.DatasetType;
import dev.skyloom.wire.datasets.v1.Field;
import dev.skyloom.wire.datasets.v1.FieldAnnotation;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds the request-side {@link DatasetType} of CreateDataset and UpdateDataset from {@link FieldSpec}s: the kind's
 * fixed fields first ({@code time}, {@code id}, {@code ingestion_time} and, for spatio-temporal datasets,
 * {@code geometry}), as the official clients send them, then the custom fields in the caller's order.
 */
final class DatasetTypeWire {

    private static final String TIMESTAMP = ".google.protobuf.Timestamp";
    private static final String DURATION = ".google.protobuf.Duration";
    private static final String UUID = ".datasets.v1.UUID";
    private static final String GEOMETRY = ".datasets.v1.Geometry";

    private DatasetTypeWire() {
    }

    /**
     * @throws IllegalArgumentException if two fields share a name
     */
    static DatasetType of(DatasetKind kind, List<FieldSpec> fields) {
        DatasetType.Builder type = DatasetType.newBuilder().setKind(kind == DatasetKind.TEMPORAL
                ? dev.skyloom.wire.datasets.v1.DatasetKind.DATASET_KIND_TEMPORAL
                : dev.skyloom.wire.datasets.v1.DatasetKind.DATASET_KIND_SPATIOTEMPORAL);
        type.addFields(fixed("time", TIMESTAMP, "Timestamp of the datapoint"));
        type.addFields(fixed("id", UUID, "Unique identifier of the datapoint"));
        type.addFields(fixed("ingestion_time", TIMESTAMP, "When the datapoint was ingested"));
        if (kind == DatasetKind.SPATIOTEMPORAL) {
            type.addFields(fixed("geometry", GEOMETRY, "Footprint of the datapoint"));
        }
        Set<String> seen = new HashSet<>();
        for (FieldSpec spec : fields) {
            if (!seen.add(spec.name())) {
                throw new IllegalArgumentException("field '" + spec.name() + "' is defined twice");
            }
            type.addFields(field(spec));
        }
        return type.build();
    }

    private static Field fixed(String name, String typeName, String description) {
        return Field.newBuilder()
                .setFieldDescriptor(FieldDescriptorProto.newBuilder().setName(name).setType(Type.TYPE_MESSAGE)
                        .setTypeName(typeName).setLabel(Label.LABEL_OPTIONAL))
                .setAnnotation(FieldAnnotation.newBuilder().setDescription(description))
                .build();
    }

    private static Field field(FieldSpec spec) {
        FieldDescriptorProto.Builder descriptor = FieldDescriptorProto.newBuilder()
                .setName(spec.name())
                .setLabel(spec.repeated() ? Label.LABEL_REPEATED : Label.LABEL_OPTIONAL);
        switch (spec.type()) {
            case STRING -> descriptor.setType(Type.TYPE_STRING);
            case BYTES -> descriptor.setType(Type.TYPE_BYTES);
            case BOOL -> descriptor.setType(Type.TYPE_BOOL);
            case INT64 -> descriptor.setType(Type.TYPE_INT64);
            case UINT64 -> descriptor.setType(Type.TYPE_UINT64);
            case DOUBLE -> descriptor.setType(Type.TYPE_DOUBLE);
            case DURATION -> descriptor.setType(Type.TYPE_MESSAGE).setTypeName(DURATION);
            case TIMESTAMP -> descriptor.setType(Type.TYPE_MESSAGE).setTypeName(TIMESTAMP);
            case UUID -> descriptor.setType(Type.TYPE_MESSAGE).setTypeName(UUID);
            case GEOMETRY -> descriptor.setType(Type.TYPE_MESSAGE).setTypeName(GEOMETRY);
        }
        return Field.newBuilder()
                .setFieldDescriptor(descriptor)
                .setAnnotation(FieldAnnotation.newBuilder().setDescription(spec.description())
                        .setExampleValue(spec.exampleValue()).setQueryable(spec.queryable()))
                .build();
    }
}
