package dev.skyloom.codec;

import com.google.protobuf.ByteString;
import com.google.protobuf.DescriptorProtos.Edition;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Label;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Timestamp;
import dev.skyloom.wire.datasets.v1.AnnotatedType;
import dev.skyloom.wire.datasets.v1.DatasetKind;
import dev.skyloom.wire.datasets.v1.Geometry;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.UUID;

/**
 * The Sentinel-2 MSI datapoint type as the service describes it (protocol notes §9.2), and one datapoint with the
 * values of the real datapoint 01941f29-c650-202f-6495-c71dd2118fb1.
 */
final class Sentinel2Msi {

    static final String PACKAGE = "datasets.v1.group_019039b5c894a3db09e149ee36fe4983";
    static final String TYPE_URL = PACKAGE + ".Sentinel2Msi";
    static final String GRANULE = "S2B_MSIL1C_20250101T000019_N0511_R073_T57QWV_20250101T010340.SAFE";
    static final Instant TIME = Instant.parse("2025-01-01T00:00:19.024Z");
    static final UUID ID = UUID.fromString("01941f29-c650-202f-6495-c71dd2118fb1");
    static final Instant INGESTION_TIME = Instant.parse("2025-04-26T13:24:25.139062430Z");
    static final UUID COPERNICUS_ID = UUID.fromString("c8b89388-2b0f-456d-9979-22717e812ca3");
    static final double[][] FOOTPRINT = {
            {158.9999, 18.9908}, {160.0404, 18.9893}, {160.0381, 17.9966}, {159.0004, 17.9980}, {158.9999, 18.9908}};
    static final double[] CENTROID = {159.5197, 18.4937};

    private Sentinel2Msi() {
    }

    static FileDescriptorProto file() {
        DescriptorProto message = DescriptorProto.newBuilder()
                .setName("Sentinel2Msi")
                .addField(message("time", 1, ".google.protobuf.Timestamp"))
                .addField(message("id", 2, ".datasets.v1.UUID"))
                .addField(message("ingestion_time", 3, ".google.protobuf.Timestamp"))
                .addField(message("geometry", 4, ".datasets.v1.Geometry"))
                .addField(scalar("granule_name", 5, Type.TYPE_STRING))
                .addField(enumField("processing_level", 6, ".datasets.v1.ProcessingLevel"))
                .addField(scalar("product_type", 7, Type.TYPE_STRING))
                .addField(message("copernicus_id", 8, ".datasets.v1.UUID"))
                .addField(scalar("platform", 9, Type.TYPE_STRING))
                .addField(scalar("orbit_number", 10, Type.TYPE_INT64))
                .addField(scalar("relative_orbit_number", 11, Type.TYPE_INT64))
                .addField(scalar("processing_baseline", 12, Type.TYPE_DOUBLE))
                .addField(message("stop_time", 13, ".google.protobuf.Timestamp"))
                .addField(message("centroid", 14, ".datasets.v1.Geometry"))
                .addField(message("published", 15, ".google.protobuf.Timestamp"))
                .addField(message("updated", 16, ".google.protobuf.Timestamp"))
                .addField(scalar("location", 17, Type.TYPE_STRING))
                .addField(scalar("file_size", 18, Type.TYPE_INT64))
                .addField(scalar("thumbnail", 19, Type.TYPE_STRING))
                .addField(scalar("cloud_cover", 20, Type.TYPE_DOUBLE))
                .addField(scalar("resolution", 21, Type.TYPE_INT64))
                .addField(enumField("flight_direction", 22, ".datasets.v1.FlightDirection"))
                .addField(enumField("acquisition_mode", 23, ".datasets.v1.AcquisitionMode"))
                .addField(scalar("mission_take_id", 24, Type.TYPE_STRING))
                .build();
        return FileDescriptorProto.newBuilder()
                .setName("datasets/v1/group_019039b5c894a3db09e149ee36fe4983/Sentinel2Msi.proto")
                .setPackage(PACKAGE)
                .addDependency("google/protobuf/duration.proto")
                .addDependency("google/protobuf/timestamp.proto")
                .addDependency("datasets/v1/well_known_types.proto")
                .setSyntax("editions")
                .setEdition(Edition.EDITION_2023)
                .addMessageType(message)
                .build();
    }

    static AnnotatedType annotatedType() {
        return AnnotatedType.newBuilder()
                .setDescriptorSet(FileDescriptorSet.newBuilder().addFile(file()))
                .setTypeUrl(TYPE_URL)
                .setKind(DatasetKind.DATASET_KIND_SPATIOTEMPORAL)
                .build();
    }

    /** The example datapoint, every field set (flight_direction explicitly to 0, resolution to 0). */
    static ByteString example(Descriptor type) {
        String granuleStem = GRANULE.substring(0, GRANULE.length() - ".SAFE".length());
        return new Builder(type)
                .set("time", timestamp(TIME))
                .set("id", uuid(ID))
                .set("ingestion_time", timestamp(INGESTION_TIME))
                .set("geometry", Geometry.newBuilder().setWkb(ByteString.copyFrom(ewkbPolygon(FOOTPRINT))).build())
                .set("granule_name", GRANULE)
                .setEnum("processing_level", 3)
                .set("product_type", "S2MSI1C")
                .set("copernicus_id", uuid(COPERNICUS_ID))
                .set("platform", "S2B")
                .set("orbit_number", 40854L)
                .set("relative_orbit_number", 73L)
                .set("processing_baseline", 5.11)
                .set("stop_time", timestamp(TIME))
                .set("centroid", Geometry.newBuilder().setWkb(ByteString.copyFrom(wkbPoint(CENTROID))).build())
                .set("published", timestamp(Instant.parse("2025-01-01T01:23:14.147545Z")))
                .set("updated", timestamp(Instant.parse("2025-01-01T01:25:19.535796Z")))
                .set("location", "/eodata/Sentinel-2/MSI/L1C/2025/01/01/" + GRANULE)
                .set("file_size", 670492469L)
                .set("thumbnail", "https://catalogue.dataspace.copernicus.eu/get-object?path=/Sentinel-2/MSI/L1C/"
                        + "2025/01/01/" + GRANULE + "/" + granuleStem + "-ql.jpg")
                .set("cloud_cover", 6.789303950551)
                .set("resolution", 0L)
                .setEnum("flight_direction", 0)
                .setEnum("acquisition_mode", 24)
                .set("mission_take_id", "GS2B_20250101T000019_040854_N05.11")
                .bytes();
    }

    /** Little-endian EWKB of a one-ring polygon with SRID 4326, written field by field. */
    static byte[] ewkbPolygon(double[][] ring) {
        ByteBuffer out = ByteBuffer.allocate(1 + 4 + 4 + 4 + 4 + 16 * ring.length).order(ByteOrder.LITTLE_ENDIAN);
        out.put((byte) 1).putInt(0x20000003).putInt(4326).putInt(1).putInt(ring.length);
        for (double[] point : ring) {
            out.putDouble(point[0]).putDouble(point[1]);
        }
        return out.array();
    }

    /** Little-endian plain WKB of a point. */
    static byte[] wkbPoint(double[] point) {
        return ByteBuffer.allocate(21).order(ByteOrder.LITTLE_ENDIAN)
                .put((byte) 1).putInt(1).putDouble(point[0]).putDouble(point[1]).array();
    }

    static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }

    static dev.skyloom.wire.datasets.v1.UUID uuid(UUID uuid) {
        ByteBuffer bytes = ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits());
        return dev.skyloom.wire.datasets.v1.UUID.newBuilder().setUuid(ByteString.copyFrom(bytes.array())).build();
    }

    static FieldDescriptorProto scalar(String name, int number, Type type) {
        return FieldDescriptorProto.newBuilder().setName(name).setNumber(number).setType(type)
                .setLabel(Label.LABEL_OPTIONAL).build();
    }

    static FieldDescriptorProto message(String name, int number, String typeName) {
        return scalar(name, number, Type.TYPE_MESSAGE).toBuilder().setTypeName(typeName).build();
    }

    static FieldDescriptorProto enumField(String name, int number, String typeName) {
        return scalar(name, number, Type.TYPE_ENUM).toBuilder().setTypeName(typeName).build();
    }

    /** Sets fields of a datapoint by name. */
    static final class Builder {
        private final Descriptor type;
        private final DynamicMessage.Builder message;

        Builder(Descriptor type) {
            this.type = type;
            this.message = DynamicMessage.newBuilder(type);
        }

        Builder set(String field, Object value) {
            message.setField(type.findFieldByName(field), value);
            return this;
        }

        Builder add(String field, Object value) {
            message.addRepeatedField(type.findFieldByName(field), value);
            return this;
        }

        Builder setEnum(String field, int number) {
            var descriptor = type.findFieldByName(field);
            message.setField(descriptor, descriptor.getEnumType().findValueByNumberCreatingIfUnknown(number));
            return this;
        }

        ByteString bytes() {
            return message.build().toByteString();
        }
    }
}
