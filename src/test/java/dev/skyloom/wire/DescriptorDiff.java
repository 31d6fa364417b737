package dev.skyloom.wire;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.GenericDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import com.google.protobuf.Duration;
import com.google.protobuf.Timestamp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares our wire API (the files generated from {@code src/main/proto}) with the official one, as descriptors, and
 * lists every difference that changes what goes over the wire or what the local server must answer:
 * <ul>
 *   <li>services and their methods, with request and response types;</li>
 *   <li>every message and enum the official services reach, and every one of {@code well_known_types.proto} (datapoint
 *       descriptors refer to those by name): each must exist on both sides, in a file of the same name;</li>
 *   <li>fields both ways: name, number, type, message or enum type, repeated or not, presence, packing, JSON name;</li>
 *   <li>enum values both ways, by name and number.</li>
 * </ul>
 * Oneofs are not compared: a oneof member and a field with explicit presence are the same on the wire (the service
 * states "exactly one of" as a validation rule where we use a oneof). Official messages that no service reaches
 * (e.g. {@code timeseries.proto}) are not compared. The one known, deliberate difference is allowed:
 * {@code datasets.v1.Field} field 1 is {@code field_descriptor} here (protoc's Java generator cannot compile the
 * service's name {@code descriptor}) with the service's JSON name.
 */
final class DescriptorDiff {

    private static final String WELL_KNOWN_TYPES = "datasets/v1/well_known_types.proto";
    private static final String RENAMED_FIELD = "datasets.v1.Field.field_descriptor";

    private final Map<String, Descriptor> ourMessages = new HashMap<>();
    private final Map<String, EnumDescriptor> ourEnums = new HashMap<>();
    private final Map<String, ServiceDescriptor> ourServices = new LinkedHashMap<>();
    private final Map<String, Descriptor> officialMessages = new HashMap<>();
    private final Map<String, EnumDescriptor> officialEnums = new HashMap<>();
    private final Map<String, ServiceDescriptor> officialServices = new LinkedHashMap<>();
    private final List<String> differences = new ArrayList<>();

    private DescriptorDiff(List<FileDescriptor> ours, List<FileDescriptor> official) {
        for (FileDescriptor file : closure(ours)) {
            index(file, ourMessages, ourEnums, ourServices);
        }
        for (FileDescriptor file : official) {
            index(file, officialMessages, officialEnums, officialServices);
        }
    }

    /**
     * The differences between our files (and what they import) and the official files.
     *
     * @param ours     our generated files, e.g. {@code DataAccess.getDescriptor()}
     * @param official the official files, as built by {@link #build(FileDescriptorSet)}
     * @return one line per difference, sorted; empty if the APIs agree
     */
    static List<String> between(List<FileDescriptor> ours, List<FileDescriptor> official) {
        DescriptorDiff diff = new DescriptorDiff(ours, official);
        diff.compare();
        return List.copyOf(new TreeSet<>(diff.differences));
    }

    /**
     * Builds the files of a descriptor set that belong to the {@code datasets.v1} and {@code tilebox.v1} packages,
     * resolving their imports within the set and from protobuf-java's well-known types.
     *
     * @throws IllegalArgumentException if a file does not build
     */
    static List<FileDescriptor> build(FileDescriptorSet set) {
        Map<String, FileDescriptorProto> protos = new LinkedHashMap<>();
        set.getFileList().forEach(file -> protos.put(file.getName(), file));
        Map<String, FileDescriptor> built = new LinkedHashMap<>();
        for (FileDescriptor known : List.of(Timestamp.getDescriptor().getFile(), Duration.getDescriptor().getFile(),
                com.google.protobuf.DescriptorProtos.getDescriptor())) {
            built.put(known.getName(), known);
        }
        List<FileDescriptor> result = new ArrayList<>();
        for (FileDescriptorProto proto : protos.values()) {
            if (proto.getPackage().equals("datasets.v1") || proto.getPackage().equals("tilebox.v1")) {
                result.add(build(proto.getName(), protos, built));
            }
        }
        return result;
    }

    private static FileDescriptor build(String name, Map<String, FileDescriptorProto> protos,
                                        Map<String, FileDescriptor> built) {
        FileDescriptor done = built.get(name);
        if (done != null) {
            return done;
        }
        FileDescriptorProto proto = protos.get(name);
        if (proto == null) {
            throw new IllegalArgumentException("the descriptor set lacks " + name);
        }
        List<FileDescriptor> dependencies = new ArrayList<>();
        for (String dependency : proto.getDependencyList()) {
            dependencies.add(build(dependency, protos, built));
        }
        try {
            FileDescriptor file = FileDescriptor.buildFrom(proto, dependencies.toArray(FileDescriptor[]::new));
            built.put(name, file);
            return file;
        } catch (DescriptorValidationException e) {
            throw new IllegalArgumentException("cannot build " + name + ": " + e.getMessage(), e);
        }
    }

    private static Set<FileDescriptor> closure(List<FileDescriptor> roots) {
        Set<FileDescriptor> files = new LinkedHashSet<>();
        List<FileDescriptor> pending = new ArrayList<>(roots);
        while (!pending.isEmpty()) {
            FileDescriptor file = pending.removeLast();
            if (!file.getPackage().startsWith("google.") && files.add(file)) {
                pending.addAll(file.getDependencies());
            }
        }
        return files;
    }

    private static void index(FileDescriptor file, Map<String, Descriptor> messages, Map<String, EnumDescriptor> enums,
                              Map<String, ServiceDescriptor> services) {
        List<Descriptor> pending = new ArrayList<>(file.getMessageTypes());
        file.getEnumTypes().forEach(e -> enums.put(e.getFullName(), e));
        file.getServices().forEach(s -> services.put(s.getFullName(), s));
        while (!pending.isEmpty()) {
            Descriptor message = pending.removeLast();
            messages.put(message.getFullName(), message);
            pending.addAll(message.getNestedTypes());
            message.getEnumTypes().forEach(e -> enums.put(e.getFullName(), e));
        }
    }

    private void compare() {
        Set<String> messages = new TreeSet<>();
        Set<String> enums = new TreeSet<>();
        for (String service : union(ourServices.keySet(), officialServices.keySet())) {
            ServiceDescriptor ourService = ourServices.get(service);
            ServiceDescriptor officialService = officialServices.get(service);
            if (ourService == null || officialService == null) {
                differences.add("service " + service + ": " + missingSide(ourService == null));
                continue;
            }
            compareMethods(ourService, officialService);
            for (MethodDescriptor method : officialService.getMethods()) {
                reach(method.getInputType(), messages, enums);
                reach(method.getOutputType(), messages, enums);
            }
        }
        for (Map.Entry<String, Descriptor> entry : officialMessages.entrySet()) {
            if (entry.getValue().getFile().getName().equals(WELL_KNOWN_TYPES)) {
                reach(entry.getValue(), messages, enums);
            }
        }
        officialEnums.values().stream().filter(e -> e.getFile().getName().equals(WELL_KNOWN_TYPES))
                .forEach(e -> enums.add(e.getFullName()));
        messages.addAll(ourMessages.keySet());
        enums.addAll(ourEnums.keySet());
        messages.forEach(this::compareMessage);
        enums.forEach(this::compareEnum);
    }

    private void reach(Descriptor message, Set<String> messages, Set<String> enums) {
        if (message.getFile().getPackage().startsWith("google.") || !messages.add(message.getFullName())) {
            return;
        }
        for (FieldDescriptor field : message.getFields()) {
            switch (field.getJavaType()) {
                case MESSAGE -> reach(field.getMessageType(), messages, enums);
                case ENUM -> enums.add(field.getEnumType().getFullName());
                default -> {
                }
            }
        }
    }

    private void compareMethods(ServiceDescriptor ours, ServiceDescriptor official) {
        Set<String> names = new TreeSet<>();
        ours.getMethods().forEach(m -> names.add(m.getName()));
        official.getMethods().forEach(m -> names.add(m.getName()));
        for (String name : names) {
            MethodDescriptor our = ours.findMethodByName(name);
            MethodDescriptor their = official.findMethodByName(name);
            String where = "rpc " + official.getFullName() + "." + name;
            if (our == null || their == null) {
                differences.add(where + ": " + missingSide(our == null));
            } else if (!our.getInputType().getFullName().equals(their.getInputType().getFullName())
                    || !our.getOutputType().getFullName().equals(their.getOutputType().getFullName())) {
                differences.add(where + ": ours takes " + our.getInputType().getFullName() + " and returns "
                        + our.getOutputType().getFullName() + ", the official one takes "
                        + their.getInputType().getFullName() + " and returns " + their.getOutputType().getFullName());
            }
        }
    }

    private void compareMessage(String name) {
        Descriptor our = ourMessages.get(name);
        Descriptor their = officialMessages.get(name);
        if (!onBothSides("message " + name, our, their)) {
            return;
        }
        Set<Integer> numbers = new TreeSet<>();
        our.getFields().forEach(f -> numbers.add(f.getNumber()));
        their.getFields().forEach(f -> numbers.add(f.getNumber()));
        for (int number : numbers) {
            FieldDescriptor ourField = our.findFieldByNumber(number);
            FieldDescriptor theirField = their.findFieldByNumber(number);
            String where = "field " + name + " #" + number;
            if (ourField == null || theirField == null) {
                differences.add(where + " (" + (ourField == null ? theirField : ourField).getName() + "): "
                        + missingSide(ourField == null));
            } else {
                String shapeOurs = shape(ourField);
                String shapeTheirs = shape(theirField);
                if (!shapeOurs.equals(shapeTheirs)) {
                    differences.add(where + ": ours is " + shapeOurs + ", the official one " + shapeTheirs);
                }
            }
        }
    }

    /** Everything about a field that matters on the wire, in JSON, or to the server. */
    private static String shape(FieldDescriptor field) {
        String name = field.getFullName().equals(RENAMED_FIELD) ? field.getJsonName() : field.getName();
        String type = switch (field.getJavaType()) {
            case MESSAGE -> field.getMessageType().getFullName();
            case ENUM -> "enum " + field.getEnumType().getFullName();
            default -> field.getType().name().toLowerCase(java.util.Locale.ROOT);
        };
        return (field.isRepeated() ? "repeated " : "") + type + " " + name + " (json " + field.getJsonName()
                + (field.hasPresence() ? ", explicit presence" : ", implicit presence")
                + (field.isPacked() ? ", packed" : "") + ")";
    }

    private void compareEnum(String name) {
        EnumDescriptor our = ourEnums.get(name);
        EnumDescriptor their = officialEnums.get(name);
        if (!onBothSides("enum " + name, our, their)) {
            return;
        }
        Set<String> values = new TreeSet<>();
        our.getValues().forEach(v -> values.add(v.getName()));
        their.getValues().forEach(v -> values.add(v.getName()));
        for (String value : values) {
            EnumValueDescriptor ourValue = our.findValueByName(value);
            EnumValueDescriptor theirValue = their.findValueByName(value);
            String where = "enum value " + name + "." + value;
            if (ourValue == null || theirValue == null) {
                differences.add(where + " = " + (ourValue == null ? theirValue : ourValue).getNumber() + ": "
                        + missingSide(ourValue == null));
            } else if (ourValue.getNumber() != theirValue.getNumber()) {
                differences.add(where + ": " + ourValue.getNumber() + " here, " + theirValue.getNumber()
                        + " officially");
            }
        }
    }

    /**
     * Records a type that only one side has, or that the sides declare in different files.
     *
     * @return whether both sides have it, so that its members can be compared
     */
    private boolean onBothSides(String what, GenericDescriptor our, GenericDescriptor their) {
        if (our == null || their == null) {
            differences.add(what + ": " + missingSide(our == null));
            return false;
        }
        if (!our.getFile().getName().equals(their.getFile().getName())) {
            differences.add(what + ": in " + our.getFile().getName() + " here, in " + their.getFile().getName()
                    + " officially");
        }
        return true;
    }

    private static String missingSide(boolean missingHere) {
        return missingHere ? "only in the official API, missing here" : "only here, not in the official API";
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
