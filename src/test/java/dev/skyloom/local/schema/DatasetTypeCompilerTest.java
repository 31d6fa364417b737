package dev.skyloom.local.schema;

import com.google.protobuf.ByteString;
import com.google.protobuf.DescriptorProtos.Edition;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Label;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors;
import com.google.protobuf.DurationProto;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Timestamp;
import com.google.protobuf.TimestampProto;
import dev.skyloom.wire.datasets.v1.AnnotatedType;
import dev.skyloom.wire.datasets.v1.DatasetKind;
import dev.skyloom.wire.datasets.v1.DatasetType;
import dev.skyloom.wire.datasets.v1.Field;
import dev.skyloom.wire.datasets.v1.Geometry;
import dev.skyloom.wire.datasets.v1.WellKnownTypes;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class DatasetTypeCompilerTest {

    private static final UUID GROUP = UUID.fromString("019039b5-c894-a3db-09e1-49ee36fe4983");
    private static final String PACKAGE = "datasets.v1.group_019039b5c894a3db09e149ee36fe4983";

    private static DatasetType spatioTemporal(Field... fields) {
        return DatasetType.newBuilder().setKind(DatasetKind.DATASET_KIND_SPATIOTEMPORAL)
                .addAllFields(List.of(fields)).build();
    }

    private static Descriptors.Descriptor build(AnnotatedType type) throws Exception {
        FileDescriptorProto file = type.getDescriptorSet().getFile(0);
        Descriptors.FileDescriptor built = Descriptors.FileDescriptor.buildFrom(file, new Descriptors.FileDescriptor[]{
                DurationProto.getDescriptor(), TimestampProto.getDescriptor(), WellKnownTypes.getDescriptor()});
        String typeUrl = type.getTypeUrl();
        return built.findMessageTypeByName(typeUrl.substring(typeUrl.lastIndexOf('.') + 1));
    }

    @Test
    void spatioTemporalTypeBecomesOneEditionsFileInTheGroupPackage() throws Exception {
        AnnotatedType type = DatasetTypeCompiler.compile(GROUP, "sentinel2_msi", spatioTemporal(
                DatasetFields.field("granule_name", Type.TYPE_STRING, false, "Granule", "S2B_MSIL1C.SAFE")));

        assertThat(type.getDescriptorSet().getFileCount()).isEqualTo(1);
        FileDescriptorProto file = type.getDescriptorSet().getFile(0);
        assertThat(file.getName()).isEqualTo("datasets/v1/group_019039b5c894a3db09e149ee36fe4983/Sentinel2Msi.proto");
        assertThat(file.getPackage()).isEqualTo(PACKAGE);
        assertThat(file.getSyntax()).isEqualTo("editions");
        assertThat(file.getEdition()).isEqualTo(Edition.EDITION_2023);
        assertThat(file.hasOptions()).isFalse();
        assertThat(file.getDependencyList()).containsExactly("google/protobuf/duration.proto",
                "google/protobuf/timestamp.proto", "datasets/v1/well_known_types.proto");
        assertThat(file.getMessageTypeList()).extracting(m -> m.getName()).containsExactly("Sentinel2Msi");
        assertThat(type.getTypeUrl()).isEqualTo(PACKAGE + ".Sentinel2Msi");
        assertThat(type.getKind()).isEqualTo(DatasetKind.DATASET_KIND_SPATIOTEMPORAL);

        assertThat(file.getMessageType(0).getFieldList())
                .extracting(FieldDescriptorProto::getName, FieldDescriptorProto::getNumber,
                        FieldDescriptorProto::getType, FieldDescriptorProto::getTypeName,
                        FieldDescriptorProto::getLabel)
                .containsExactly(
                        tuple("time", 1, Type.TYPE_MESSAGE, ".google.protobuf.Timestamp", Label.LABEL_OPTIONAL),
                        tuple("id", 2, Type.TYPE_MESSAGE, ".datasets.v1.UUID", Label.LABEL_OPTIONAL),
                        tuple("ingestion_time", 3, Type.TYPE_MESSAGE, ".google.protobuf.Timestamp",
                                Label.LABEL_OPTIONAL),
                        tuple("geometry", 4, Type.TYPE_MESSAGE, ".datasets.v1.Geometry", Label.LABEL_OPTIONAL),
                        tuple("granule_name", 5, Type.TYPE_STRING, "", Label.LABEL_OPTIONAL));
        assertThat(type.getFieldAnnotationsList()).hasSize(5);
        assertThat(type.getFieldAnnotations(0).getDescription()).isNotEmpty();
        assertThat(type.getFieldAnnotations(4).getExampleValue()).isEqualTo("S2B_MSIL1C.SAFE");
        assertThat(build(type).getFullName()).isEqualTo(type.getTypeUrl());
    }

    @Test
    void temporalCustomFieldsStartAtFourAndClientFixedFieldsAreReplaced() {
        DatasetType sent = DatasetType.newBuilder().setKind(DatasetKind.DATASET_KIND_TEMPORAL)
                .addFields(DatasetFields.field("time", Type.TYPE_STRING, false, "client's own", ""))
                .addFields(DatasetFields.messageField("id", DatasetFields.UUID, false, "", ""))
                .addFields(DatasetFields.field("value", Type.TYPE_DOUBLE, false, "", ""))
                .addFields(DatasetFields.messageField("ingestion_time", DatasetFields.TIMESTAMP, false, "", ""))
                .addFields(DatasetFields.field("tags", Type.TYPE_STRING, true, "", ""))
                .build();

        AnnotatedType type = DatasetTypeCompiler.compile(GROUP, "test_dataset", sent);

        assertThat(type.getTypeUrl()).isEqualTo(PACKAGE + ".TestDataset");
        assertThat(type.getDescriptorSet().getFile(0).getMessageType(0).getFieldList())
                .extracting(FieldDescriptorProto::getName, FieldDescriptorProto::getNumber,
                        FieldDescriptorProto::getLabel)
                .containsExactly(tuple("time", 1, Label.LABEL_OPTIONAL), tuple("id", 2, Label.LABEL_OPTIONAL),
                        tuple("ingestion_time", 3, Label.LABEL_OPTIONAL), tuple("value", 4, Label.LABEL_OPTIONAL),
                        tuple("tags", 5, Label.LABEL_REPEATED));
        assertThat(type.getFieldAnnotations(0).getDescription()).isNotEqualTo("client's own");
        assertThat(type.getFieldAnnotationsList()).hasSize(5);
    }

    @Test
    void typeNamesWithoutLeadingDotAreQualifiedAndClientNumbersIgnored() {
        Field sent = Field.newBuilder().setFieldDescriptor(FieldDescriptorProto.newBuilder().setName("level")
                .setNumber(99).setJsonName("lvl").setType(Type.TYPE_ENUM).setTypeName("datasets.v1.ProcessingLevel"))
                .build();

        FieldDescriptorProto field = DatasetTypeCompiler.compile(GROUP, "x", spatioTemporal(sent))
                .getDescriptorSet().getFile(0).getMessageType(0).getField(4);

        assertThat(field.getTypeName()).isEqualTo(".datasets.v1.ProcessingLevel");
        assertThat(field.getNumber()).isEqualTo(5);
        assertThat(field.hasJsonName()).isFalse();
    }

    @Test
    void datapointRoundTripsThroughDynamicMessage() throws Exception {
        AnnotatedType type = DatasetTypeCompiler.compile(GROUP, "sentinel2_msi", spatioTemporal(
                DatasetFields.field("platform", Type.TYPE_STRING, false, "", ""),
                DatasetFields.field("orbit_number", Type.TYPE_INT64, false, "", ""),
                DatasetFields.field("bands", Type.TYPE_STRING, true, "", ""),
                DatasetFields.enumField("processing_level", DatasetFields.PROCESSING_LEVEL, false, "", ""),
                DatasetFields.field("resolution", Type.TYPE_INT64, false, "", "")));
        Descriptors.Descriptor message = build(type);
        Geometry geometry = Geometry.newBuilder().setWkb(ByteString.copyFrom(new byte[]{1, 1, 0, 0, 0})).build();

        DynamicMessage datapoint = DynamicMessage.newBuilder(message)
                .setField(message.findFieldByName("time"), Timestamp.newBuilder().setSeconds(1_735_689_619L).build())
                .setField(message.findFieldByName("geometry"), geometry)
                .setField(message.findFieldByName("platform"), "S2B")
                .setField(message.findFieldByName("orbit_number"), 40854L)
                .addRepeatedField(message.findFieldByName("bands"), "B01")
                .addRepeatedField(message.findFieldByName("bands"), "B02")
                .setField(message.findFieldByName("processing_level"), message.findFieldByName("processing_level")
                        .getEnumType().findValueByName("PROCESSING_LEVEL_L1C"))
                .setField(message.findFieldByName("resolution"), 0L)
                .build();
        DynamicMessage parsed = DynamicMessage.parseFrom(message, datapoint.toByteArray());

        assertThat(parsed).isEqualTo(datapoint);
        assertThat(parsed.getField(message.findFieldByName("platform"))).isEqualTo("S2B");
        assertThat(parsed.getRepeatedFieldCount(message.findFieldByName("bands"))).isEqualTo(2);
        // editions 2023 without overrides: explicit presence, so a set zero survives the wire
        assertThat(parsed.hasField(message.findFieldByName("resolution"))).isTrue();
        assertThat(DatapointTypes.resolve(type)).isNotNull();
    }

    @Test
    void unspecifiedKindIsRejected() {
        assertThatThrownBy(() -> DatasetTypeCompiler.compile(GROUP, "x", DatasetType.getDefaultInstance()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kind");
    }

    @Test
    void invalidCodeNamesAreRejected() {
        for (String codeName : new String[]{"", "Sentinel2", "2msi", "msi-l1c", "a".repeat(101)}) {
            assertThatThrownBy(() -> DatasetTypeCompiler.compile(GROUP, codeName, spatioTemporal()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("code name");
        }
    }

    @Test
    void duplicateFieldNamesAreRejected() {
        Field field = DatasetFields.field("platform", Type.TYPE_STRING, false, "", "");
        assertThatThrownBy(() -> DatasetTypeCompiler.compile(GROUP, "x", spatioTemporal(field, field)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("duplicate field name 'platform'");
    }

    @Test
    void invalidFieldNamesAreRejected() {
        for (String name : new String[]{"", "Platform", "9lives", "cloud-cover", "with space"}) {
            Field field = DatasetFields.field(name, Type.TYPE_STRING, false, "", "");
            assertThatThrownBy(() -> DatasetTypeCompiler.compile(GROUP, "x", spatioTemporal(field)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("invalid field name '" + name + "'");
        }
    }

    @Test
    void unsupportedTypesAreRejected() {
        Field sint = DatasetFields.field("n", Type.TYPE_SINT64, false, "", "");
        Field any = DatasetFields.messageField("payload", ".google.protobuf.Any", false, "", "");
        Field foreignEnum = DatasetFields.enumField("e", ".google.protobuf.NullValue", false, "", "");
        Field required = Field.newBuilder().setFieldDescriptor(FieldDescriptorProto.newBuilder().setName("r")
                .setType(Type.TYPE_STRING).setLabel(Label.LABEL_REQUIRED)).build();
        Field untyped = Field.newBuilder().setFieldDescriptor(FieldDescriptorProto.newBuilder().setName("u")).build();

        assertThatThrownBy(() -> DatasetTypeCompiler.compile(GROUP, "x", spatioTemporal(sint)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'n' has unsupported type TYPE_SINT64");
        assertThatThrownBy(() -> DatasetTypeCompiler.compile(GROUP, "x", spatioTemporal(any)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'payload' has unsupported message type '.google.protobuf.Any'");
        assertThatThrownBy(() -> DatasetTypeCompiler.compile(GROUP, "x", spatioTemporal(foreignEnum)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'e' has unsupported enum type");
        assertThatThrownBy(() -> DatasetTypeCompiler.compile(GROUP, "x", spatioTemporal(required)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("LABEL_REQUIRED");
        assertThatThrownBy(() -> DatasetTypeCompiler.compile(GROUP, "x", spatioTemporal(untyped)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("field 'u' has no type");
    }

    @Test
    void queryableFieldsMustBeScalarQueryableTypes() {
        Field bytes = DatasetFields.queryable(DatasetFields.field("raw", Type.TYPE_BYTES, false, "", ""));
        Field repeated = DatasetFields.queryable(DatasetFields.field("tags", Type.TYPE_STRING, true, "", ""));
        Field timestamp = DatasetFields.queryable(
                DatasetFields.messageField("t", DatasetFields.TIMESTAMP, false, "", ""));

        assertThatThrownBy(() -> DatasetTypeCompiler.compile(GROUP, "x", spatioTemporal(bytes)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'raw' cannot be queryable: type TYPE_BYTES");
        assertThatThrownBy(() -> DatasetTypeCompiler.compile(GROUP, "x", spatioTemporal(repeated)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'tags' cannot be queryable: repeated");
        assertThatThrownBy(() -> DatasetTypeCompiler.compile(GROUP, "x", spatioTemporal(timestamp)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'t' cannot be queryable");
    }

    @Test
    void atMostTwoQueryableStringsAreAccepted() {
        Field a = DatasetFields.queryable(DatasetFields.field("a", Type.TYPE_STRING, false, "", ""));
        Field b = DatasetFields.queryable(DatasetFields.field("b", Type.TYPE_STRING, false, "", ""));
        Field c = DatasetFields.queryable(DatasetFields.field("c", Type.TYPE_STRING, false, "", ""));
        Field n = DatasetFields.queryable(DatasetFields.field("n", Type.TYPE_DOUBLE, false, "", ""));

        assertThat(DatasetTypeCompiler.compile(GROUP, "x", spatioTemporal(a, b, n)).getFieldAnnotations(6)
                .getQueryable()).isTrue();
        assertThatThrownBy(() -> DatasetTypeCompiler.compile(GROUP, "x", spatioTemporal(a, b, n, c)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'c': at most two string fields");
    }

    @Test
    void fieldNamesWithTheSameJsonNameAreRejected() {
        Field underscore = DatasetFields.field("cloud_cover", Type.TYPE_DOUBLE, false, "", "");
        Field doubleUnderscore = DatasetFields.field("cloud__cover", Type.TYPE_DOUBLE, false, "", "");

        Field fixedLookalike = DatasetFields.field("ingestion__time", Type.TYPE_STRING, false, "", "");

        assertThatThrownBy(() -> DatasetTypeCompiler.compile(GROUP, "x", spatioTemporal(underscore, doubleUnderscore)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("field 'cloud__cover' has the same JSON name 'cloudCover' as field 'cloud_cover'");
        assertThatThrownBy(() -> DatasetTypeCompiler.compile(GROUP, "x", spatioTemporal(fixedLookalike)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("as field 'ingestion_time'");
    }
}
