package dev.skyloom.local.schema;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors;
import dev.skyloom.SkyloomException;
import dev.skyloom.codec.DescriptorSetResolver;
import dev.skyloom.wire.datasets.v1.AnnotatedType;

import java.util.Set;

/**
 * Turns a dataset's {@link AnnotatedType} into the message descriptor of its datapoints, as the server stores them:
 * exactly one file, importing only the files the service leaves out of every set
 * ({@code google/protobuf/duration.proto}, {@code google/protobuf/timestamp.proto},
 * {@code datasets/v1/well_known_types.proto}). Building is the client codec's; this class adds the server's rules.
 */
public final class DatapointTypes {

    private static final Set<String> WELL_KNOWN = Set.of("google/protobuf/duration.proto",
            "google/protobuf/timestamp.proto", "datasets/v1/well_known_types.proto");

    private DatapointTypes() {
    }

    /**
     * Builds the descriptor of the datapoint message named by {@code type.getTypeUrl()}.
     *
     * @param type a dataset type whose descriptor set holds exactly one file
     * @return the datapoint message descriptor, ready for {@code DynamicMessage.parseFrom}
     * @throws IllegalArgumentException if the set does not hold one file, the file imports anything but the
     *                                  well-known dependencies, does not build, or has no message named by the type_url
     */
    public static Descriptors.Descriptor resolve(AnnotatedType type) {
        if (type.getDescriptorSet().getFileCount() != 1) {
            throw new IllegalArgumentException("dataset type must hold exactly one descriptor file, found "
                    + type.getDescriptorSet().getFileCount());
        }
        FileDescriptorProto file = type.getDescriptorSet().getFile(0);
        for (String dependency : file.getDependencyList()) {
            if (!WELL_KNOWN.contains(dependency)) {
                throw new IllegalArgumentException("dataset type imports unsupported file '" + dependency + "'");
            }
        }
        try {
            return DescriptorSetResolver.resolve(type.getDescriptorSet(), type.getTypeUrl());
        } catch (SkyloomException.Internal e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
