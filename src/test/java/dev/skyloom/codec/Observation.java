package dev.skyloom.codec;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.Edition;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumValueDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Label;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import dev.skyloom.wire.datasets.v1.AnnotatedType;

import static dev.skyloom.codec.Sentinel2Msi.enumField;
import static dev.skyloom.codec.Sentinel2Msi.message;
import static dev.skyloom.codec.Sentinel2Msi.scalar;

/**
 * A small made-up datapoint type with the field shapes Sentinel-2 lacks: repeated scalars and messages, well-known
 * and file-local nested messages, a duration, bytes, and the remaining scalar types.
 */
final class Observation {

    static final String PACKAGE = "datasets.v1.group_0123456789abcdef0123456789abcdef";
    static final String TYPE_URL = PACKAGE + ".Observation";

    private Observation() {
    }

    static AnnotatedType annotatedType() {
        DescriptorProto sensor = DescriptorProto.newBuilder()
                .setName("Sensor")
                .addField(scalar("name", 1, Type.TYPE_STRING))
                .addField(enumField("mode", 2, "." + PACKAGE + ".Observation.Mode"))
                .addField(message("calibrated_at", 3, ".google.protobuf.Timestamp"))
                .build();
        EnumDescriptorProto mode = EnumDescriptorProto.newBuilder()
                .setName("Mode")
                .addValue(EnumValueDescriptorProto.newBuilder().setName("MODE_UNSPECIFIED").setNumber(0))
                .addValue(EnumValueDescriptorProto.newBuilder().setName("MODE_WIDE").setNumber(1))
                .build();
        DescriptorProto observation = DescriptorProto.newBuilder()
                .setName("Observation")
                .addNestedType(sensor)
                .addEnumType(mode)
                .addField(message("time", 1, ".google.protobuf.Timestamp"))
                .addField(message("id", 2, ".datasets.v1.UUID"))
                .addField(repeated(scalar("tags", 3, Type.TYPE_STRING)))
                .addField(repeated(scalar("counts", 4, Type.TYPE_INT64)))
                .addField(message("position", 5, ".datasets.v1.LatLon"))
                .addField(repeated(message("velocities", 6, ".datasets.v1.Vec3")))
                .addField(message("exposure", 7, ".google.protobuf.Duration"))
                .addField(scalar("payload", 8, Type.TYPE_BYTES))
                .addField(scalar("calibrated", 9, Type.TYPE_BOOL))
                .addField(scalar("gain", 10, Type.TYPE_FLOAT))
                .addField(scalar("band", 11, Type.TYPE_INT32))
                .addField(scalar("checksum", 12, Type.TYPE_UINT64))
                .addField(scalar("frame_count", 13, Type.TYPE_UINT32))
                .addField(repeated(message("related_ids", 14, ".datasets.v1.UUID")))
                .addField(repeated(enumField("polarizations", 15, ".datasets.v1.Polarization")))
                .addField(message("sensor", 16, "." + PACKAGE + ".Observation.Sensor"))
                .build();
        FileDescriptorProto file = FileDescriptorProto.newBuilder()
                .setName("datasets/v1/group_0123456789abcdef0123456789abcdef/Observation.proto")
                .setPackage(PACKAGE)
                .addDependency("google/protobuf/duration.proto")
                .addDependency("google/protobuf/timestamp.proto")
                .addDependency("datasets/v1/well_known_types.proto")
                .setSyntax("editions")
                .setEdition(Edition.EDITION_2023)
                .addMessageType(observation)
                .build();
        return AnnotatedType.newBuilder()
                .setDescriptorSet(FileDescriptorSet.newBuilder().addFile(file))
                .setTypeUrl(TYPE_URL)
                .build();
    }

    private static FieldDescriptorProto repeated(FieldDescriptorProto field) {
        return field.toBuilder().setLabel(Label.LABEL_REPEATED).build();
    }
}
