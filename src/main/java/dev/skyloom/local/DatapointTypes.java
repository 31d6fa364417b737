package dev.skyloom.local;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors;
import com.google.protobuf.DurationProto;
import com.google.protobuf.TimestampProto;
import dev.skyloom.wire.datasets.v1.AnnotatedType;
import dev.skyloom.wire.datasets.v1.WellKnownTypes;

/**
 * Turns a dataset's {@link AnnotatedType} into the message descriptor of its datapoints, supplying the files the
 * descriptor set depends on but does not include ({@code google/protobuf/duration.proto},
 * {@code google/protobuf/timestamp.proto}, {@code datasets/v1/well_known_types.proto}).
 */
public final class DatapointTypes {

    private static final Descriptors.FileDescriptor[] DEPENDENCIES = {
            DurationProto.getDescriptor(), TimestampProto.getDescriptor(), WellKnownTypes.getDescriptor()};

    private DatapointTypes() {
    }

    /**
     * Builds the descriptor of the datapoint message named by {@code type.getTypeUrl()}.
     *
     * @param type a dataset type whose descriptor set holds exactly one file
     * @return the datapoint message descriptor, ready for {@code DynamicMessage.parseFrom}
     * @throws IllegalArgumentException if the set does not hold one file, the file does not build against the
     *                                  well-known dependencies, or it has no message named by the type_url
     */
    public static Descriptors.Descriptor resolve(AnnotatedType type) {
        if (type.getDescriptorSet().getFileCount() != 1) {
            throw new IllegalArgumentException("dataset type must hold exactly one descriptor file, found "
                    + type.getDescriptorSet().getFileCount());
        }
        FileDescriptorProto file = type.getDescriptorSet().getFile(0);
        Descriptors.FileDescriptor built = build(file);
        String typeUrl = type.getTypeUrl();
        String prefix = built.getPackage().isEmpty() ? "" : built.getPackage() + ".";
        Descriptors.Descriptor message = typeUrl.startsWith(prefix)
                ? built.findMessageTypeByName(typeUrl.substring(prefix.length())) : null;
        if (message == null) {
            throw new IllegalArgumentException("type_url '" + typeUrl + "' names no message of file '"
                    + file.getName() + "'");
        }
        return message;
    }

    /**
     * Builds one dataset descriptor file against the well-known dependencies.
     *
     * @param file the file, e.g. as produced by {@link DatasetTypeCompiler}
     * @return the built file descriptor
     * @throws IllegalArgumentException if the file imports anything but the well-known dependencies or is not a
     *                                  valid descriptor (the message names the problem)
     */
    public static Descriptors.FileDescriptor build(FileDescriptorProto file) {
        Descriptors.FileDescriptor[] dependencies = new Descriptors.FileDescriptor[file.getDependencyCount()];
        for (int i = 0; i < dependencies.length; i++) {
            dependencies[i] = dependency(file.getDependency(i));
        }
        try {
            return Descriptors.FileDescriptor.buildFrom(file, dependencies);
        } catch (Descriptors.DescriptorValidationException e) {
            throw new IllegalArgumentException("invalid dataset type descriptor '" + file.getName() + "': "
                    + e.getMessage(), e);
        }
    }

    private static Descriptors.FileDescriptor dependency(String name) {
        for (Descriptors.FileDescriptor candidate : DEPENDENCIES) {
            if (candidate.getName().equals(name)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("dataset type imports unsupported file '" + name + "'");
    }
}
