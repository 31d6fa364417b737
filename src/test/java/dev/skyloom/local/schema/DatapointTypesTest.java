package dev.skyloom.local.schema;

import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import dev.skyloom.wire.datasets.v1.AnnotatedType;
import dev.skyloom.wire.datasets.v1.DatasetKind;
import dev.skyloom.wire.datasets.v1.DatasetType;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatapointTypesTest {

    private static final AnnotatedType COMPILED = DatasetTypeCompiler.compile(
            UUID.fromString("f0d858d7-4920-4e39-b7cd-b811652990eb"), "test_dataset",
            DatasetType.newBuilder().setKind(DatasetKind.DATASET_KIND_SPATIOTEMPORAL)
                    .addFields(DatasetFields.field("test_field", Type.TYPE_STRING, false, "", "")).build());

    @Test
    void resolvesTheMessageNamedByTheTypeUrl() {
        assertThat(DatapointTypes.resolve(COMPILED).getFullName())
                .isEqualTo("datasets.v1.group_f0d858d749204e39b7cdb811652990eb.TestDataset");
        assertThat(DatapointTypes.resolve(COMPILED).findFieldByName("test_field").getNumber()).isEqualTo(5);
    }

    @Test
    void aTypeUrlNamingNoMessageOfTheFileIsRejected() {
        AnnotatedType wrong = COMPILED.toBuilder()
                .setTypeUrl("datasets.v1.group_f0d858d749204e39b7cdb811652990eb.Other").build();

        assertThatThrownBy(() -> DatapointTypes.resolve(wrong)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no message named 'datasets.v1.group_f0d858d749204e39b7cdb811652990eb.Other'");
    }

    @Test
    void importsBeyondTheWellKnownFilesAreRejected() {
        AnnotatedType stac = COMPILED.toBuilder().setDescriptorSet(COMPILED.getDescriptorSet().toBuilder()
                .setFile(0, COMPILED.getDescriptorSet().getFile(0).toBuilder()
                        .addDependency("datasets/stac/v1/core.proto")))
                .build();

        assertThatThrownBy(() -> DatapointTypes.resolve(stac)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dataset type imports unsupported file 'datasets/stac/v1/core.proto'");
    }

    @Test
    void aSetWithoutExactlyOneFileIsRejected() {
        AnnotatedType empty = COMPILED.toBuilder().clearDescriptorSet().build();

        assertThatThrownBy(() -> DatapointTypes.resolve(empty)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dataset type must hold exactly one descriptor file, found 0");
    }
}
