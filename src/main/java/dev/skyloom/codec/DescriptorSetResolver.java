package dev.skyloom.codec;

import com.google.protobuf.AnyProto;
import com.google.protobuf.DescriptorProtos;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DurationProto;
import com.google.protobuf.StructProto;
import com.google.protobuf.TimestampProto;
import dev.skyloom.SkyloomException;
import dev.skyloom.wire.datasets.v1.WellKnownTypes;
import dev.skyloom.wire.tilebox.v1.Id;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Builds the message descriptor a dataset's {@code FileDescriptorSet} defines. The set's files may import each other
 * (they are built in dependency order) and files the service leaves out of the set because every client has them
 * compiled in: the Google well-known types and {@code datasets/v1/well_known_types.proto}, supplied here from the
 * compiled classes. A file in the set takes precedence over a compiled one of the same name.
 */
public final class DescriptorSetResolver {

    private static final Map<String, FileDescriptor> COMPILED = Stream.of(
                    TimestampProto.getDescriptor(), DurationProto.getDescriptor(), StructProto.getDescriptor(),
                    AnyProto.getDescriptor(), DescriptorProtos.getDescriptor(), WellKnownTypes.getDescriptor(),
                    Id.getDescriptor())
            .collect(Collectors.toUnmodifiableMap(FileDescriptor::getName, Function.identity()));

    private final String typeUrl;
    private final Map<String, FileDescriptorProto> inSet = new HashMap<>();
    private final Map<String, FileDescriptor> built = new HashMap<>();
    private final Deque<String> building = new ArrayDeque<>();

    private DescriptorSetResolver(String typeUrl) {
        this.typeUrl = typeUrl;
    }

    /**
     * Builds the set and returns the message named by {@code typeUrl}.
     *
     * @param set     the dataset's descriptor set
     * @param typeUrl the message's full name
     * @return the message descriptor
     * @throws SkyloomException.Internal if a file is duplicated, imports a file that is neither in the set nor
     *                                   compiled in, imports itself in a cycle, is invalid, or if no message has
     *                                   that name
     */
    public static Descriptor resolve(FileDescriptorSet set, String typeUrl) {
        return new DescriptorSetResolver(typeUrl).messageIn(set);
    }

    private Descriptor messageIn(FileDescriptorSet set) {
        for (FileDescriptorProto file : set.getFileList()) {
            if (inSet.putIfAbsent(file.getName(), file) != null) {
                throw failure("file '" + file.getName() + "' appears twice in the descriptor set");
            }
        }
        for (FileDescriptorProto file : set.getFileList()) {
            build(file.getName());
        }
        List<Descriptor> messages = set.getFileList().stream()
                .flatMap(file -> messagesOf(built.get(file.getName()).getMessageTypes()))
                .toList();
        return messages.stream()
                .filter(message -> message.getFullName().equals(typeUrl))
                .findFirst()
                .orElseThrow(() -> failure("the descriptor set defines no message named '" + typeUrl + "' (it has "
                        + messages.stream().map(Descriptor::getFullName).toList() + ")"));
    }

    private static Stream<Descriptor> messagesOf(List<Descriptor> messages) {
        return messages.stream().flatMap(message -> Stream.concat(Stream.of(message),
                messagesOf(message.getNestedTypes())));
    }

    private FileDescriptor build(String name) {
        FileDescriptor done = built.get(name);
        if (done != null) {
            return done;
        }
        FileDescriptorProto proto = inSet.get(name);
        if (proto == null) {
            FileDescriptor compiled = COMPILED.get(name);
            if (compiled == null) {
                throw failure("'" + building.peek() + "' imports '" + name
                        + "', which is neither in the descriptor set nor one of the files Skyloom knows "
                        + COMPILED.keySet().stream().sorted().toList());
            }
            return compiled;
        }
        if (building.contains(name)) {
            throw failure("files import each other in a cycle: " + building.reversed() + " -> " + name);
        }
        building.push(name);
        FileDescriptor[] dependencies = proto.getDependencyList().stream()
                .map(this::build)
                .toArray(FileDescriptor[]::new);
        building.pop();
        try {
            FileDescriptor file = FileDescriptor.buildFrom(proto, dependencies);
            built.put(name, file);
            return file;
        } catch (DescriptorValidationException | RuntimeException e) {
            throw failure("file '" + name + "' is invalid: " + e.getMessage());
        }
    }

    private SkyloomException.Internal failure(String problem) {
        return new SkyloomException.Internal("internal",
                "cannot build the datapoint type '" + typeUrl + "': " + problem, null);
    }
}
