package dev.skyloom.wire;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumValueDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.FileDescriptor;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link DescriptorDiff} finds each kind of drift: our files are compared with copies of themselves changed the way
 * a new service version could change them. Runs everywhere (the comparison with the installed official package is
 * {@link OfficialApiDriftTest}).
 */
class DescriptorDiffTest {

    @Test
    void ourFilesAgreeWithThemselves() {
        assertThat(DescriptorDiff.between(OfficialApiDriftTest.OUR_FILES, official(UnaryOperator.identity())))
                .isEmpty();
    }

    @Test
    void aNewEnumValueIsADifference() {
        List<String> differences = DescriptorDiff.between(OfficialApiDriftTest.OUR_FILES,
                officialWith("datasets/v1/data_access.proto", file -> file.getEnumTypeBuilderList().stream()
                        .filter(e -> e.getName().equals("SpatialFilterMode")).forEach(e -> e.addValue(
                                EnumValueDescriptorProto.newBuilder().setName("SPATIAL_FILTER_MODE_TOUCHES")
                                        .setNumber(4)))));

        assertThat(differences).containsExactly("enum value datasets.v1.SpatialFilterMode.SPATIAL_FILTER_MODE_TOUCHES"
                + " = 4: only in the official API, missing here");
    }

    @Test
    void aNewFieldAChangedTypeAndAMissingMessageAreDifferences() {
        List<String> differences = DescriptorDiff.between(OfficialApiDriftTest.OUR_FILES,
                officialWith("datasets/v1/collections.proto", changed -> {
            for (DescriptorProto.Builder message : changed.getMessageTypeBuilderList()) {
                if (message.getName().equals("ListCollectionsRequest")) {
                    message.addField(FieldDescriptorProto.newBuilder().setName("page_size").setNumber(4)
                            .setType(FieldDescriptorProto.Type.TYPE_INT32).setJsonName("pageSize"));
                    message.getFieldBuilderList().stream().filter(f -> f.getName().equals("with_count"))
                            .forEach(f -> f.setType(FieldDescriptorProto.Type.TYPE_INT32));
                }
            }
            changed.getMessageTypeList().stream().filter(m -> m.getName().equals("DeleteCollectionResponse"))
                    .findFirst().ifPresent(m -> changed.removeMessageType(changed.getMessageTypeList().indexOf(m)));
            changed.getServiceBuilder(0).getMethodBuilderList().stream()
                    .filter(m -> m.getName().equals("DeleteCollection"))
                    .forEach(m -> m.setOutputType(".datasets.v1.CollectionInfo"));
        }));

        assertThat(differences).containsExactly(
                "field datasets.v1.ListCollectionsRequest #3: ours is bool with_count (json withCount, implicit "
                        + "presence), the official one int32 with_count (json withCount, implicit presence)",
                "field datasets.v1.ListCollectionsRequest #4 (page_size): only in the official API, missing here",
                "message datasets.v1.DeleteCollectionResponse: only here, not in the official API",
                "rpc datasets.v1.CollectionService.DeleteCollection: ours takes "
                        + "datasets.v1.DeleteCollectionRequest and returns datasets.v1.DeleteCollectionResponse, the "
                        + "official one takes datasets.v1.DeleteCollectionRequest and returns "
                        + "datasets.v1.CollectionInfo");
    }

    @Test
    void theRenamedDescriptorFieldIsAllowedButOtherNamesAreCompared() {
        List<String> differences = DescriptorDiff.between(OfficialApiDriftTest.OUR_FILES,
                officialWith("datasets/v1/dataset_type.proto", changed -> {
            for (DescriptorProto.Builder message : changed.getMessageTypeBuilderList()) {
                for (FieldDescriptorProto.Builder field : message.getFieldBuilderList()) {
                    if (message.getName().equals("Field") && field.getName().equals("field_descriptor")) {
                        field.setName("descriptor");
                    }
                    if (message.getName().equals("FieldAnnotation") && field.getName().equals("queryable")) {
                        field.setName("is_queryable").setJsonName("isQueryable");
                    }
                }
            }
        }));

        assertThat(differences).containsExactly("field datasets.v1.FieldAnnotation #4: ours is bool queryable (json "
                + "queryable, implicit presence), the official one bool is_queryable (json isQueryable, implicit "
                + "presence)");
    }

    /** Our files with one of them changed, as the official side would be built from its descriptor set. */
    private static List<FileDescriptor> officialWith(String fileName, Consumer<FileDescriptorProto.Builder> change) {
        return official(file -> {
            if (!file.getName().equals(fileName)) {
                return file;
            }
            FileDescriptorProto.Builder changed = file.toBuilder();
            change.accept(changed);
            return changed.build();
        });
    }

    /** Our files, changed by {@code change}, as the official side would be built from its descriptor set. */
    private static List<FileDescriptor> official(UnaryOperator<FileDescriptorProto> change) {
        Set<FileDescriptor> files = new LinkedHashSet<>();
        for (FileDescriptor root : OfficialApiDriftTest.OUR_FILES) {
            addWithDependencies(root, files);
        }
        FileDescriptorSet.Builder set = FileDescriptorSet.newBuilder();
        files.forEach(file -> set.addFile(change.apply(file.toProto())));
        return DescriptorDiff.build(set.build());
    }

    private static void addWithDependencies(FileDescriptor file, Set<FileDescriptor> files) {
        if (!file.getPackage().startsWith("google.") && !files.contains(file)) {
            file.getDependencies().forEach(dependency -> addWithDependencies(dependency, files));
            files.add(file);
        }
    }

}
