package dev.skyloom.codec;

import com.google.protobuf.ByteString;
import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumValueDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Label;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import com.google.protobuf.DescriptorProtos.FieldOptions;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.DescriptorProtos.MessageOptions;
import com.google.protobuf.DescriptorProtos.OneofDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import dev.skyloom.wire.datasets.v1.AnnotatedType;
import dev.skyloom.wire.datasets.v1.Geometry;

import java.time.Instant;

import static dev.skyloom.codec.Sentinel2Msi.enumField;
import static dev.skyloom.codec.Sentinel2Msi.message;
import static dev.skyloom.codec.Sentinel2Msi.scalar;

/**
 * A made-up datapoint type with every field shape protobuf has that a dataset type could use: each scalar type
 * without presence (proto3), a proto3 {@code optional}, a oneof, packed and unpacked repeated fields, maps with
 * scalar, message and well-known values, a recursive message, a proto2 message with a closed enum and a declared
 * default, and a field number far above the others.
 */
final class EveryShape {

    static final String PACKAGE = "test.v3";
    static final String TYPE_URL = PACKAGE + ".Everything";
    private static final String LEGACY = "test.v2";

    private EveryShape() {
    }

    static AnnotatedType annotatedType() {
        return annotatedType(Label.LABEL_OPTIONAL);
    }

    /** The type with a proto2 message whose {@code level} field has {@code label} (required: no fast reader). */
    static AnnotatedType annotatedType(Label levelLabel) {
        return AnnotatedType.newBuilder()
                .setDescriptorSet(FileDescriptorSet.newBuilder().addFile(legacy(levelLabel)).addFile(everything()))
                .setTypeUrl(TYPE_URL)
                .build();
    }

    private static FileDescriptorProto legacy(Label levelLabel) {
        DescriptorProto legacy = DescriptorProto.newBuilder()
                .setName("Legacy")
                .addField(scalar("level", 1, Type.TYPE_INT32).toBuilder().setLabel(levelLabel).setDefaultValue("7"))
                .addField(enumField("closed", 2, "." + LEGACY + ".Closed"))
                .addField(repeated(enumField("closed_list", 3, "." + LEGACY + ".Closed")))
                .addField(scalar("label", 4, Type.TYPE_STRING))
                .build();
        return FileDescriptorProto.newBuilder()
                .setName("test/v2/legacy.proto")
                .setPackage(LEGACY)
                .setSyntax("proto2")
                .addMessageType(legacy)
                .addEnumType(EnumDescriptorProto.newBuilder().setName("Closed")
                        .addValue(value("CLOSED_A", 1)).addValue(value("CLOSED_B", 2)))
                .build();
    }

    private static FileDescriptorProto everything() {
        String self = "." + TYPE_URL;
        DescriptorProto inner = DescriptorProto.newBuilder().setName("Inner")
                .addField(scalar("x", 1, Type.TYPE_DOUBLE))
                .addField(scalar("label", 2, Type.TYPE_STRING))
                .addField(repeated(scalar("values", 3, Type.TYPE_INT32)))
                .build();
        DescriptorProto node = DescriptorProto.newBuilder().setName("Node")
                .addField(scalar("name", 1, Type.TYPE_STRING))
                .addField(message("child", 2, self + ".Node"))
                .addField(repeated(message("children", 3, self + ".Node")))
                .build();
        DescriptorProto.Builder everything = DescriptorProto.newBuilder().setName("Everything")
                .addNestedType(inner).addNestedType(node)
                .addNestedType(mapEntry("CountsEntry", scalar("key", 1, Type.TYPE_STRING),
                        scalar("value", 2, Type.TYPE_INT64)))
                .addNestedType(mapEntry("InnersEntry", scalar("key", 1, Type.TYPE_INT32),
                        message("value", 2, self + ".Inner")))
                .addNestedType(mapEntry("IdsByKeyEntry", scalar("key", 1, Type.TYPE_UINT64),
                        message("value", 2, ".datasets.v1.UUID")))
                .addNestedType(mapEntry("TimesEntry", scalar("key", 1, Type.TYPE_BOOL),
                        message("value", 2, ".google.protobuf.Timestamp")))
                .addEnumType(EnumDescriptorProto.newBuilder().setName("Mode")
                        .addValue(value("MODE_UNSPECIFIED", 0)).addValue(value("MODE_A", 1))
                        .addValue(value("MODE_B", 2)).addValue(value("MODE_FAR", 1000)))
                .addOneofDecl(OneofDescriptorProto.newBuilder().setName("choice"))
                .addOneofDecl(OneofDescriptorProto.newBuilder().setName("_maybe"))
                .addField(message("time", 1, ".google.protobuf.Timestamp"))
                .addField(message("id", 2, ".datasets.v1.UUID"))
                .addField(message("ingestion_time", 3, ".google.protobuf.Timestamp"))
                .addField(message("geometry", 4, ".datasets.v1.Geometry"))
                .addField(scalar("d", 5, Type.TYPE_DOUBLE))
                .addField(scalar("f", 6, Type.TYPE_FLOAT))
                .addField(scalar("i64", 7, Type.TYPE_INT64))
                .addField(scalar("u64", 8, Type.TYPE_UINT64))
                .addField(scalar("i32", 9, Type.TYPE_INT32))
                .addField(scalar("f64", 10, Type.TYPE_FIXED64))
                .addField(scalar("f32", 11, Type.TYPE_FIXED32))
                .addField(scalar("b", 12, Type.TYPE_BOOL))
                .addField(scalar("s", 13, Type.TYPE_STRING))
                .addField(scalar("by", 14, Type.TYPE_BYTES))
                .addField(scalar("u32", 15, Type.TYPE_UINT32))
                .addField(enumField("mode", 16, self + ".Mode"))
                .addField(scalar("sf32", 17, Type.TYPE_SFIXED32))
                .addField(scalar("sf64", 18, Type.TYPE_SFIXED64))
                .addField(scalar("si32", 19, Type.TYPE_SINT32))
                .addField(scalar("si64", 20, Type.TYPE_SINT64))
                .addField(scalar("maybe", 21, Type.TYPE_INT32).toBuilder().setProto3Optional(true).setOneofIndex(1))
                .addField(repeated(scalar("packed_ints", 22, Type.TYPE_INT32)))
                .addField(repeated(scalar("packed_doubles", 23, Type.TYPE_DOUBLE)))
                .addField(repeated(enumField("modes", 24, self + ".Mode")))
                .addField(repeated(scalar("names", 25, Type.TYPE_STRING)))
                .addField(repeated(scalar("blobs", 26, Type.TYPE_BYTES)))
                .addField(repeated(message("counts", 27, self + ".CountsEntry")))
                .addField(repeated(message("inners", 28, self + ".InnersEntry")))
                .addField(repeated(message("ids_by_key", 29, self + ".IdsByKeyEntry")))
                .addField(repeated(message("times", 30, self + ".TimesEntry")))
                .addField(scalar("choice_text", 31, Type.TYPE_STRING).toBuilder().setOneofIndex(0))
                .addField(message("choice_inner", 32, self + ".Inner").toBuilder().setOneofIndex(0))
                .addField(message("inner", 33, self + ".Inner"))
                .addField(repeated(message("inner_list", 34, self + ".Inner")))
                .addField(message("node", 35, self + ".Node"))
                .addField(message("legacy", 36, "." + LEGACY + ".Legacy"))
                .addField(message("span", 37, ".google.protobuf.Duration"))
                .addField(repeated(message("stamps", 38, ".google.protobuf.Timestamp")))
                .addField(repeated(message("shapes", 39, ".datasets.v1.Geometry")))
                .addField(repeated(scalar("unpacked_longs", 40, Type.TYPE_SINT64)).toBuilder()
                        .setOptions(FieldOptions.newBuilder().setPacked(false)))
                .addField(scalar("far", 5000, Type.TYPE_INT32));
        return FileDescriptorProto.newBuilder()
                .setName("test/v3/everything.proto")
                .setPackage(PACKAGE)
                .setSyntax("proto3")
                .addDependency("google/protobuf/duration.proto")
                .addDependency("google/protobuf/timestamp.proto")
                .addDependency("datasets/v1/well_known_types.proto")
                .addDependency("test/v2/legacy.proto")
                .addMessageType(everything)
                .build();
    }

    /** {@return a datapoint of the type {@code descriptor} with only {@code time} and {@code id} set} */
    static DynamicMessage.Builder required(Descriptor descriptor) {
        return DynamicMessage.newBuilder(descriptor)
                .setField(descriptor.findFieldByName("time"), Sentinel2Msi.timestamp(Sentinel2Msi.TIME))
                .setField(descriptor.findFieldByName("id"), Sentinel2Msi.uuid(FieldOutcomes.ID));
    }

    /** {@return a datapoint of the type {@code descriptor} with every field set, most to values far from zero} */
    static ByteString full(Descriptor descriptor) {
        Descriptor node = descriptor.findFieldByName("node").getMessageType();
        Descriptor legacy = descriptor.findFieldByName("legacy").getMessageType();
        var closed = legacy.findFieldByName("closed").getEnumType();
        var mode = descriptor.findFieldByName("mode").getEnumType();
        return new Sentinel2Msi.Builder(descriptor)
                .set("time", Sentinel2Msi.timestamp(Sentinel2Msi.TIME))
                .set("id", Sentinel2Msi.uuid(FieldOutcomes.ID))
                .set("ingestion_time", Sentinel2Msi.timestamp(Instant.parse("2025-01-02T00:00:00.5Z")))
                .set("geometry", geometry(Sentinel2Msi.ewkbPolygon(Sentinel2Msi.FOOTPRINT)))
                .set("d", Math.PI).set("f", -1.5f).set("i64", Long.MIN_VALUE).set("u64", -1L).set("i32", -7)
                .set("f64", Long.MIN_VALUE).set("f32", -1).set("b", true).set("s", "Zürich \uD83D\uDEF0")
                .set("by", ByteString.copyFrom(new byte[]{0, -1, 7})).set("u32", -2)
                .set("mode", mode.findValueByNumber(2)).set("sf32", -9).set("sf64", -10L).set("si32", -5)
                .set("si64", Long.MAX_VALUE).set("maybe", 0)
                .add("packed_ints", 1).add("packed_ints", -1).add("packed_doubles", 0.5)
                .add("modes", mode.findValueByNumber(1000)).add("names", "x").add("names", "")
                .add("blobs", ByteString.copyFromUtf8("blob"))
                .add("counts", entry(descriptor, "counts", "a", 1L)).add("counts", entry(descriptor, "counts", "b", 2L))
                .add("inners", entry(descriptor, "inners", -4, inner(descriptor, 1.5, "four")))
                .add("ids_by_key", entry(descriptor, "ids_by_key", -1L, Sentinel2Msi.uuid(Sentinel2Msi.ID)))
                .add("times", entry(descriptor, "times", false, Sentinel2Msi.timestamp(Instant.EPOCH)))
                .set("choice_inner", inner(descriptor, -0.0, "chosen"))
                .set("inner", inner(descriptor, 2.0, "inner"))
                .add("inner_list", inner(descriptor, 3.0, "first"))
                .add("inner_list", DynamicMessage.getDefaultInstance(descriptor.findNestedTypeByName("Inner")))
                .set("node", DynamicMessage.newBuilder(node).setField(node.findFieldByName("name"), "root")
                        .addRepeatedField(node.findFieldByName("children"), DynamicMessage.newBuilder(node)
                                .setField(node.findFieldByName("name"), "leaf").build())
                        .build())
                .set("legacy", DynamicMessage.newBuilder(legacy).setField(legacy.findFieldByName("level"), 3)
                        .setField(legacy.findFieldByName("closed"), closed.findValueByNumber(2))
                        .addRepeatedField(legacy.findFieldByName("closed_list"), closed.findValueByNumber(1))
                        .build())
                .set("span", com.google.protobuf.Duration.newBuilder().setSeconds(-3).setNanos(-5).build())
                .add("stamps", Sentinel2Msi.timestamp(Sentinel2Msi.TIME))
                .add("shapes", geometry(Sentinel2Msi.wkbPoint(Sentinel2Msi.CENTROID)))
                .add("shapes", Geometry.getDefaultInstance())
                .add("unpacked_longs", -1L).add("unpacked_longs", 2L)
                .set("far", 5000)
                .bytes();
    }

    private static Geometry geometry(byte[] wkb) {
        return Geometry.newBuilder().setWkb(ByteString.copyFrom(wkb)).build();
    }

    /** {@return an {@code Inner} message} */
    static DynamicMessage inner(Descriptor descriptor, double x, String label) {
        Descriptor inner = descriptor.findFieldByName("inner").getMessageType();
        return DynamicMessage.newBuilder(inner).setField(inner.findFieldByName("x"), x)
                .setField(inner.findFieldByName("label"), label)
                .addRepeatedField(inner.findFieldByName("values"), 3).build();
    }

    /** {@return an entry of the map field {@code map}; a null value is left unset} */
    static DynamicMessage entry(Descriptor descriptor, String map, Object key, Object value) {
        Descriptor entry = descriptor.findFieldByName(map).getMessageType();
        DynamicMessage.Builder builder = DynamicMessage.newBuilder(entry).setField(entry.findFieldByNumber(1), key);
        if (value != null) {
            builder.setField(entry.findFieldByNumber(2), value);
        }
        return builder.build();
    }

    private static DescriptorProto mapEntry(String name, FieldDescriptorProto key, FieldDescriptorProto value) {
        return DescriptorProto.newBuilder().setName(name).addField(key).addField(value)
                .setOptions(MessageOptions.newBuilder().setMapEntry(true)).build();
    }

    private static EnumValueDescriptorProto.Builder value(String name, int number) {
        return EnumValueDescriptorProto.newBuilder().setName(name).setNumber(number);
    }

    private static FieldDescriptorProto repeated(FieldDescriptorProto field) {
        return field.toBuilder().setLabel(Label.LABEL_REPEATED).build();
    }
}
