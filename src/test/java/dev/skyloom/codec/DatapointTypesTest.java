package dev.skyloom.codec;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import dev.skyloom.Datapoint;
import dev.skyloom.SkyloomException;
import dev.skyloom.wire.datasets.v1.AnnotatedType;
import dev.skyloom.wire.datasets.v1.WellKnownTypes;
import org.junit.jupiter.api.Test;

import static dev.skyloom.codec.Sentinel2Msi.message;
import static dev.skyloom.codec.Sentinel2Msi.scalar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

class DatapointTypesTest {

    private final DatapointTypes types = new DatapointTypes();

    @Test
    void registeringAnEqualTypeAgainReturnsTheCachedInstance() {
        DatapointType first = types.register(Sentinel2Msi.annotatedType());

        DatapointType again = types.register(Sentinel2Msi.annotatedType().toBuilder().build());

        assertThat(again).isSameAs(first);
        assertThat(types.forTypeUrl(Sentinel2Msi.TYPE_URL)).isSameAs(first);
        assertThat(first.descriptor().getFullName()).isEqualTo(Sentinel2Msi.TYPE_URL);
    }

    @Test
    void aChangedSetUnderTheSameTypeUrlReplacesTheOldType() {
        DatapointType original = types.register(Sentinel2Msi.annotatedType());
        FileDescriptorProto extended = Sentinel2Msi.file().toBuilder()
                .setMessageType(0, Sentinel2Msi.file().getMessageType(0).toBuilder()
                        .addField(scalar("tile_id", 25, Type.TYPE_STRING)))
                .build();

        DatapointType updated = types.register(withFiles(Sentinel2Msi.TYPE_URL, extended));

        assertThat(updated).isNotSameAs(original);
        assertThat(types.forTypeUrl(Sentinel2Msi.TYPE_URL)).isSameAs(updated);
        assertThat(updated.descriptor().findFieldByName("tile_id")).isNotNull();
    }

    @Test
    void anUnknownTypeUrlIsAnInternalError() {
        types.register(Sentinel2Msi.annotatedType());

        assertThatThrownBy(() -> types.forTypeUrl("datasets.v1.group_x.Landsat8"))
                .isInstanceOf(SkyloomException.Internal.class)
                .hasMessageContaining("'datasets.v1.group_x.Landsat8'")
                .hasMessageContaining(Sentinel2Msi.TYPE_URL);
    }

    @Test
    void aTypeUrlNamingNoMessageOfTheSetIsAnInternalError() {
        AnnotatedType wrongName = Sentinel2Msi.annotatedType().toBuilder().setTypeUrl("datasets.v1.Sentinel2Msi")
                .build();

        assertThatThrownBy(() -> types.register(wrongName))
                .isInstanceOf(SkyloomException.Internal.class)
                .hasMessage("cannot build the datapoint type 'datasets.v1.Sentinel2Msi': the descriptor set defines no "
                        + "message named 'datasets.v1.Sentinel2Msi' (it has [" + Sentinel2Msi.TYPE_URL + "])");
    }

    @Test
    void aDependencyNeitherInTheSetNorCompiledInIsAnInternalError() {
        FileDescriptorProto stac = Sentinel2Msi.file().toBuilder().addDependency("datasets/stac/v1/asset.proto")
                .build();

        assertThatThrownBy(() -> types.register(withFiles(Sentinel2Msi.TYPE_URL, stac)))
                .isInstanceOf(SkyloomException.Internal.class)
                .hasMessageContaining("'" + stac.getName() + "' imports 'datasets/stac/v1/asset.proto', which is "
                        + "neither in the descriptor set nor one of the files Skyloom knows");
    }

    @Test
    void filesOfTheSetMayImportEachOtherInAnyOrder() {
        FileDescriptorProto footprints = FileDescriptorProto.newBuilder()
                .setName("shared/footprint.proto").setPackage("shared").setSyntax("proto3")
                .addMessageType(DescriptorProto.newBuilder().setName("Tile")
                        .addField(scalar("code", 1, Type.TYPE_STRING)))
                .build();
        FileDescriptorProto dataset = Sentinel2Msi.file().toBuilder()
                .addDependency("shared/footprint.proto")
                .setMessageType(0, Sentinel2Msi.file().getMessageType(0).toBuilder()
                        .addField(message("tile", 25, ".shared.Tile")))
                .build();

        DatapointType type = types.register(withFiles(Sentinel2Msi.TYPE_URL, dataset, footprints));

        assertThat(type.descriptor().findFieldByName("tile").getMessageType().getFullName()).isEqualTo("shared.Tile");
    }

    @Test
    void filesThatImportEachOtherInACycleAreAnInternalError() {
        FileDescriptorProto a = FileDescriptorProto.newBuilder().setName("a.proto").addDependency("b.proto").build();
        FileDescriptorProto b = FileDescriptorProto.newBuilder().setName("b.proto").addDependency("a.proto").build();

        assertThatThrownBy(() -> types.register(withFiles("a.A", a, b)))
                .isInstanceOf(SkyloomException.Internal.class)
                .hasMessageContaining("files import each other in a cycle: [a.proto, b.proto] -> a.proto");
    }

    @Test
    void aSetThatShipsItsOwnWellKnownTypesStillBuilds() {
        FileDescriptorSet set = FileDescriptorSet.newBuilder()
                .addFile(WellKnownTypes.getDescriptor().toProto())
                .addFile(Sentinel2Msi.file())
                .build();

        DatapointType type = types.register(AnnotatedType.newBuilder().setDescriptorSet(set)
                .setTypeUrl(Sentinel2Msi.TYPE_URL).build());

        Datapoint datapoint = type.decode(Sentinel2Msi.example(type.descriptor()));
        assertThat(datapoint.get("copernicus_id")).isEqualTo(Sentinel2Msi.COPERNICUS_ID);
        assertThat(datapoint.get("acquisition_mode")).isEqualTo("ACQUISITION_MODE_VIC");
    }

    @Test
    void aTypeWithoutTimeAndIdIsRejectedNamingTheType() {
        FileDescriptorProto legacy = FileDescriptorProto.newBuilder()
                .setName("datasets_internal/v1/asf_sar_granule.proto").setPackage("datasets_internal.v1")
                .setSyntax("proto3")
                .addMessageType(DescriptorProto.newBuilder().setName("AsfSarGranule")
                        .addField(scalar("granule_name", 1, Type.TYPE_STRING)))
                .build();

        assertThatThrownBy(() -> types.register(withFiles("datasets_internal.v1.AsfSarGranule", legacy)))
                .isInstanceOf(SkyloomException.Internal.class)
                .hasMessageContaining("datapoint type 'datasets_internal.v1.AsfSarGranule' has no 'time' field of "
                        + "type google.protobuf.Timestamp")
                .hasMessageContaining("[granule_name]");
    }

    @Test
    void aLegacyProto3TypeWithRelativeTypeNamesDecodes() {
        FileDescriptorProto legacy = FileDescriptorProto.newBuilder()
                .setName("datasets_internal/v1/granule.proto").setPackage("datasets_internal.v1")
                .setSyntax("proto3")
                .addDependency("google/protobuf/timestamp.proto")
                .addDependency("datasets/v1/well_known_types.proto")
                .addMessageType(DescriptorProto.newBuilder().setName("Granule")
                        .addField(message("time", 1, "google.protobuf.Timestamp"))
                        .addField(message("id", 2, "datasets.v1.UUID"))
                        .addField(scalar("granule_name", 3, Type.TYPE_STRING))
                        .addField(scalar("cloud_cover", 4, Type.TYPE_DOUBLE)))
                .build();
        DatapointType type = types.register(withFiles("datasets_internal.v1.Granule", legacy));

        Datapoint datapoint = type.decode(new Sentinel2Msi.Builder(type.descriptor())
                .set("time", Sentinel2Msi.timestamp(Sentinel2Msi.TIME))
                .set("id", Sentinel2Msi.uuid(Sentinel2Msi.ID))
                .set("granule_name", Sentinel2Msi.GRANULE)
                .bytes());

        assertThat(datapoint.fields()).containsExactly(entry("time", Sentinel2Msi.TIME), entry("id", Sentinel2Msi.ID),
                entry("granule_name", Sentinel2Msi.GRANULE), entry("cloud_cover", 0.0));
    }

    private static AnnotatedType withFiles(String typeUrl, FileDescriptorProto... files) {
        return AnnotatedType.newBuilder()
                .setDescriptorSet(FileDescriptorSet.newBuilder().addAllFile(java.util.List.of(files)))
                .setTypeUrl(typeUrl)
                .build();
    }
}
