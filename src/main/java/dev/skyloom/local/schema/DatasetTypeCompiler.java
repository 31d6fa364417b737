package dev.skyloom.local.schema;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.Edition;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Label;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors;
import dev.skyloom.local.error.InputText;
import dev.skyloom.wire.datasets.v1.AnnotatedType;
import dev.skyloom.wire.datasets.v1.DatasetKind;
import dev.skyloom.wire.datasets.v1.DatasetType;
import dev.skyloom.wire.datasets.v1.Field;
import dev.skyloom.wire.datasets.v1.FieldAnnotation;
import dev.skyloom.wire.datasets.v1.WellKnownTypes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Compiles the dataset type of a CreateDataset or UpdateDataset request into the {@link AnnotatedType} the service
 * delivers with a dataset: one editions-2023 file {@code datasets/v1/group_<hex>/<Message>.proto} in package
 * {@code datasets.v1.group_<hex>}, holding one message named after the code name in PascalCase.
 *
 * <p>The message starts with the fixed fields of the kind, which the server derives itself: {@code time = 1},
 * {@code id = 2}, {@code ingestion_time = 3} and, for spatio-temporal datasets, {@code geometry = 4}. Fixed fields a
 * client sends are recognised by name and dropped; the custom fields follow in definition order, numbered from the
 * next free number. Client-sent numbers, json names and options are ignored.
 */
public final class DatasetTypeCompiler {

    private static final Pattern CODE_NAME = Pattern.compile("^[a-z][a-z0-9_]*$");
    private static final Pattern FIELD_NAME = Pattern.compile("^[a-z][a-z0-9_]*$");
    private static final int MAX_NAME_LENGTH = 100;
    private static final int MAX_QUERYABLE_STRINGS = 2;
    private static final List<String> DEPENDENCIES = List.of(
            "google/protobuf/duration.proto", "google/protobuf/timestamp.proto", "datasets/v1/well_known_types.proto");
    private static final Set<Type> SCALARS = Set.of(Type.TYPE_STRING, Type.TYPE_BYTES, Type.TYPE_BOOL,
            Type.TYPE_INT32, Type.TYPE_INT64, Type.TYPE_UINT64, Type.TYPE_DOUBLE, Type.TYPE_FLOAT);
    private static final Set<Type> QUERYABLE = Set.of(Type.TYPE_STRING, Type.TYPE_BOOL, Type.TYPE_INT32,
            Type.TYPE_INT64, Type.TYPE_UINT64, Type.TYPE_DOUBLE);
    private static final Set<String> MESSAGE_TYPES = messageTypes();
    private static final Set<String> ENUM_TYPES = enumTypes();

    private DatasetTypeCompiler() {
    }

    /**
     * Compiles a request-side dataset type.
     *
     * @param groupId  the group owning the dataset; its hex form names the package
     * @param codeName the dataset code name ({@code ^[a-z][a-z0-9_]*$}, at most 100 characters)
     * @param type     the kind and fields as sent by a client
     * @return the descriptor set (one file, dependencies not included), type_url, positional annotations and kind
     * @throws IllegalArgumentException naming the problem: kind unspecified, invalid code name, an invalid or
     *                                  duplicate field name (or two names with one JSON name), an unsupported field
     *                                  type or label, or a queryable field that cannot be queried
     */
    public static AnnotatedType compile(UUID groupId, String codeName, DatasetType type) {
        return compile(groupId, codeName, type, Map.of());
    }

    /**
     * Compiles the type of an UpdateDataset request: custom fields the dataset's current type already has keep their
     * numbers, so stored datapoints stay readable; new fields get numbers above every number in use.
     *
     * @param groupId the dataset's group
     * @param codeName the dataset's code name
     * @param type the kind and the custom fields the request carries
     * @param previous the dataset's current compiled type
     * @return the compiled type
     * @throws IllegalArgumentException as {@link #compile(UUID, String, DatasetType)}
     */
    public static AnnotatedType recompile(UUID groupId, String codeName, DatasetType type, AnnotatedType previous) {
        Map<String, Integer> numbers = new HashMap<>();
        for (FieldDescriptorProto field : previous.getDescriptorSet().getFile(0).getMessageType(0).getFieldList()) {
            numbers.put(field.getName(), field.getNumber());
        }
        return compile(groupId, codeName, type, numbers);
    }

    private static AnnotatedType compile(UUID groupId, String codeName, DatasetType type,
                                         Map<String, Integer> previousNumbers) {
        if (type.getKind() != DatasetKind.DATASET_KIND_TEMPORAL
                && type.getKind() != DatasetKind.DATASET_KIND_SPATIOTEMPORAL) {
            throw new IllegalArgumentException("dataset kind must be temporal or spatio-temporal, got "
                    + type.getKindValue());
        }
        if (codeName.length() > MAX_NAME_LENGTH || !CODE_NAME.matcher(codeName).matches()) {
            throw new IllegalArgumentException("invalid dataset code name " + InputText.quoted(codeName)
                    + ": must match ^[a-z][a-z0-9_]*$ and have at most 100 characters");
        }
        String pkg = "datasets.v1.group_" + groupId.toString().replace("-", "").toLowerCase(Locale.ROOT);
        String messageName = pascalCase(codeName);

        List<FixedField> fixed = FixedField.of(type.getKind());
        Set<String> fixedNames = new HashSet<>();
        Map<String, String> jsonNames = new HashMap<>();
        DescriptorProto.Builder message = DescriptorProto.newBuilder().setName(messageName);
        List<FieldAnnotation> annotations = new ArrayList<>();
        for (FixedField field : fixed) {
            fixedNames.add(field.name());
            jsonNames.put(jsonName(field.name()), field.name());
            message.addField(FieldDescriptorProto.newBuilder().setName(field.name())
                    .setNumber(message.getFieldCount() + 1).setLabel(Label.LABEL_OPTIONAL)
                    .setType(Type.TYPE_MESSAGE).setTypeName(field.typeName()));
            annotations.add(FieldAnnotation.newBuilder().setDescription(field.description()).build());
        }

        Set<Integer> used = new HashSet<>();
        for (int n = 1; n <= fixed.size(); n++) {
            used.add(n);
        }
        for (Field field : type.getFieldsList()) {
            Integer kept = previousNumbers.get(field.getFieldDescriptor().getName());
            if (kept != null && !fixedNames.contains(field.getFieldDescriptor().getName())) {
                used.add(kept);
            }
        }
        int next = used.stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        Set<String> seen = new HashSet<>();
        int queryableStrings = 0;
        for (Field field : type.getFieldsList()) {
            String name = field.getFieldDescriptor().getName();
            if (fixedNames.contains(name)) {
                continue;
            }
            if (name.length() > MAX_NAME_LENGTH || !FIELD_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("invalid field name " + InputText.quoted(name)
                        + ": must be snake_case (^[a-z][a-z0-9_]*$) with at most 100 characters");
            }
            if (!seen.add(name)) {
                throw new IllegalArgumentException("duplicate field name '" + name + "'");
            }
            String clash = jsonNames.putIfAbsent(jsonName(name), name);
            if (clash != null) {
                throw new IllegalArgumentException("field '" + name + "' has the same JSON name '" + jsonName(name)
                        + "' as field '" + clash + "'");
            }
            Integer kept = previousNumbers.get(name);
            int number = kept != null && kept > fixed.size() ? kept : next++;
            FieldDescriptorProto descriptor = customField(field.getFieldDescriptor(), number);
            if (field.getAnnotation().getQueryable()) {
                checkQueryable(descriptor);
                if (descriptor.getType() == Type.TYPE_STRING && ++queryableStrings > MAX_QUERYABLE_STRINGS) {
                    throw new IllegalArgumentException("field '" + name
                            + "': at most two string fields of a dataset can be queryable");
                }
            }
            message.addField(descriptor);
            annotations.add(field.getAnnotation());
        }

        FileDescriptorProto file = FileDescriptorProto.newBuilder()
                .setName(pkg.replace('.', '/') + "/" + messageName + ".proto")
                .setPackage(pkg)
                .addAllDependency(DEPENDENCIES)
                .setSyntax("editions")
                .setEdition(Edition.EDITION_2023)
                .addMessageType(message)
                .build();
        AnnotatedType compiled = AnnotatedType.newBuilder()
                .setDescriptorSet(FileDescriptorSet.newBuilder().addFile(file))
                .setTypeUrl(pkg + "." + messageName)
                .addAllFieldAnnotations(annotations)
                .setKind(type.getKind())
                .build();
        // Building the descriptor catches anything the rules above miss, before a client trips over it.
        DatapointTypes.resolve(compiled);
        return compiled;
    }

    /**
     * The message name of a code name: each underscore-separated part capitalised, underscores removed.
     *
     * @param codeName a snake_case code name, e.g. {@code sentinel2_msi}
     * @return the PascalCase name, e.g. {@code Sentinel2Msi}
     */
    public static String pascalCase(String codeName) {
        StringBuilder out = new StringBuilder(codeName.length());
        for (String part : codeName.split("_")) {
            if (!part.isEmpty()) {
                out.append(Character.toUpperCase(part.charAt(0))).append(part, 1, part.length());
            }
        }
        return out.toString();
    }

    /** The JSON name protobuf derives (underscores dropped, the next letter upper-cased); clients reject clashes. */
    private static String jsonName(String fieldName) {
        StringBuilder out = new StringBuilder(fieldName.length());
        boolean upper = false;
        for (char c : fieldName.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    private static FieldDescriptorProto customField(FieldDescriptorProto sent, int number) {
        String name = sent.getName();
        Label label = switch (sent.getLabel()) {
            case LABEL_OPTIONAL -> Label.LABEL_OPTIONAL;
            case LABEL_REPEATED -> Label.LABEL_REPEATED;
            case LABEL_REQUIRED -> throw new IllegalArgumentException("field '" + name
                    + "': LABEL_REQUIRED is not supported, use LABEL_OPTIONAL or LABEL_REPEATED");
        };
        if (!sent.hasType()) {
            throw new IllegalArgumentException("field '" + name + "' has no type");
        }
        FieldDescriptorProto.Builder out = FieldDescriptorProto.newBuilder()
                .setName(name).setNumber(number).setLabel(label).setType(sent.getType());
        switch (sent.getType()) {
            case TYPE_MESSAGE -> out.setTypeName(knownTypeName(name, sent.getTypeName(), MESSAGE_TYPES, "message"));
            case TYPE_ENUM -> out.setTypeName(knownTypeName(name, sent.getTypeName(), ENUM_TYPES, "enum"));
            default -> {
                if (!SCALARS.contains(sent.getType())) {
                    throw new IllegalArgumentException("field '" + name + "' has unsupported type "
                            + sent.getType() + "; supported scalars: string, bytes, bool, int32, int64, uint64,"
                            + " double, float");
                }
            }
        }
        return out.build();
    }

    private static String knownTypeName(String field, String typeName, Set<String> known, String what) {
        String qualified = typeName.startsWith(".") ? typeName : "." + typeName;
        if (!known.contains(qualified)) {
            throw new IllegalArgumentException("field '" + field + "' has unsupported " + what + " type "
                    + InputText.quoted(typeName) + "; supported: "
                    + String.join(", ", known.stream().sorted().toList()));
        }
        return qualified;
    }

    private static void checkQueryable(FieldDescriptorProto field) {
        if (field.getLabel() == Label.LABEL_REPEATED) {
            throw new IllegalArgumentException("field '" + field.getName()
                    + "' cannot be queryable: repeated fields are not queryable");
        }
        if (!QUERYABLE.contains(field.getType())) {
            throw new IllegalArgumentException("field '" + field.getName() + "' cannot be queryable: type "
                    + field.getType() + " is not one of string, bool, int32, int64, uint64, double");
        }
    }

    private static Set<String> messageTypes() {
        Set<String> names = new HashSet<>(Set.of(DatasetFields.TIMESTAMP, DatasetFields.DURATION));
        WellKnownTypes.getDescriptor().getMessageTypes().forEach(m -> names.add("." + m.getFullName()));
        return Set.copyOf(names);
    }

    private static Set<String> enumTypes() {
        Set<String> names = new HashSet<>();
        for (Descriptors.EnumDescriptor e : WellKnownTypes.getDescriptor().getEnumTypes()) {
            names.add("." + e.getFullName());
        }
        return Set.copyOf(names);
    }

    /** A field every datapoint of a kind has, set by the server or required from the client. */
    private record FixedField(String name, String typeName, String description) {

        static List<FixedField> of(DatasetKind kind) {
            List<FixedField> fields = new ArrayList<>(List.of(
                    new FixedField("time", DatasetFields.TIMESTAMP,
                            "The time the datapoint refers to, e.g. the acquisition time"),
                    new FixedField("id", DatasetFields.UUID, "Identifier of the datapoint, assigned on ingestion"),
                    new FixedField("ingestion_time", DatasetFields.TIMESTAMP, "When the datapoint was ingested")));
            if (kind == DatasetKind.DATASET_KIND_SPATIOTEMPORAL) {
                fields.add(new FixedField("geometry", DatasetFields.GEOMETRY,
                        "Footprint of the datapoint in WGS84 longitude/latitude"));
            }
            return fields;
        }
    }
}
